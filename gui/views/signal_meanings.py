"""What each signal means, one line for the "Send signal" submenu, in the user's language."""

from PySide6.QtCore import QCoreApplication


def signal_meanings() -> dict[str, str]:
    """A one-line meaning for every named signal of Linux, macOS and the BSDs."""
    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
    return {
        "SIGHUP": translate("Signals", "Hang up: many services reload their configuration"),
        "SIGINT": translate("Signals", "Interrupt, as Ctrl+C in a terminal"),
        "SIGQUIT": translate("Signals", "Quit and write a core dump, as Ctrl+\\ in a terminal"),
        "SIGILL": translate("Signals", "Illegal instruction"),
        "SIGTRAP": translate("Signals", "Trace or breakpoint trap, for debuggers"),
        "SIGABRT": translate("Signals", "Abort and write a core dump"),
        "SIGBUS": translate("Signals", "Bus error: bad memory access"),
        "SIGFPE": translate("Signals", "Arithmetic error"),
        "SIGKILL": translate("Signals", "Kill at once; cannot be caught or ignored"),
        "SIGUSR1": translate("Signals", "User signal 1: its meaning depends on the program"),
        "SIGSEGV": translate("Signals", "Segmentation fault: invalid memory access"),
        "SIGUSR2": translate("Signals", "User signal 2: its meaning depends on the program"),
        "SIGPIPE": translate("Signals", "Broken pipe: write with no reader"),
        "SIGALRM": translate("Signals", "Timer alarm"),
        "SIGTERM": translate("Signals", "Ask to end; the program can save its work first"),
        "SIGSTKFLT": translate("Signals", "Coprocessor stack fault (unused)"),
        "SIGCHLD": translate("Signals", "A child process ended, was suspended or resumed"),
        "SIGCONT": translate("Signals", "Resume if suspended"),
        "SIGSTOP": translate("Signals", "Suspend; cannot be caught or ignored"),
        "SIGTSTP": translate("Signals", "Suspend request, as Ctrl+Z in a terminal"),
        "SIGTTIN": translate("Signals", "Background process read from its terminal"),
        "SIGTTOU": translate("Signals", "Background process wrote to its terminal"),
        "SIGURG": translate("Signals", "Urgent data on a socket"),
        "SIGXCPU": translate("Signals", "CPU time limit exceeded"),
        "SIGXFSZ": translate("Signals", "File size limit exceeded"),
        "SIGVTALRM": translate("Signals", "Virtual timer alarm"),
        "SIGPROF": translate("Signals", "Profiling timer alarm"),
        "SIGWINCH": translate("Signals", "Terminal window size changed"),
        "SIGIO": translate("Signals", "Input or output is possible"),
        "SIGPWR": translate("Signals", "Power failure"),
        "SIGSYS": translate("Signals", "Bad system call"),
        "SIGEMT": translate("Signals", "Emulator trap"),
        "SIGINFO": translate("Signals", "Status request, as Ctrl+T in a terminal"),
        "SIGRTMIN": translate("Signals", "First real-time signal: meaning depends on the program"),
        "SIGRTMAX": translate("Signals", "Last real-time signal: meaning depends on the program"),
    }


def real_time_meaning() -> str:
    """The meaning of the real-time signals between SIGRTMIN and SIGRTMAX."""
    return QCoreApplication.translate("Signals", "Real-time signal: meaning depends on the program")


def signal_meaning(name: str, meanings: dict[str, str] | None = None) -> str:
    """The meaning of one signal by name; empty for a signal this list does not know.

    Pass ``signal_meanings()`` as ``meanings`` when asking for many signals at once.
    """
    meaning = (meanings if meanings is not None else signal_meanings()).get(name)
    if meaning is not None:
        return meaning
    if name.startswith(("SIGRTMIN+", "SIGRTMAX-")):
        return real_time_meaning()
    return ""
