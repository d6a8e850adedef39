"""Every signal a POSIX system defines, with a one-line meaning for the menu."""

import signal

from gui.core.actions import SignalSpec

_MEANINGS = {
    "SIGHUP": "Hang up: many services reload their configuration",
    "SIGINT": "Interrupt, as Ctrl+C in a terminal",
    "SIGQUIT": "Quit and write a core dump, as Ctrl+\\ in a terminal",
    "SIGILL": "Illegal instruction",
    "SIGTRAP": "Trace or breakpoint trap, for debuggers",
    "SIGABRT": "Abort and write a core dump",
    "SIGBUS": "Bus error: bad memory access",
    "SIGFPE": "Arithmetic error",
    "SIGKILL": "Kill at once; cannot be caught or ignored",
    "SIGUSR1": "User signal 1: its meaning depends on the program",
    "SIGSEGV": "Segmentation fault: invalid memory access",
    "SIGUSR2": "User signal 2: its meaning depends on the program",
    "SIGPIPE": "Broken pipe: write with no reader",
    "SIGALRM": "Timer alarm",
    "SIGTERM": "Ask to end; the program can save its work first",
    "SIGSTKFLT": "Coprocessor stack fault (unused)",
    "SIGCHLD": "A child process stopped or ended",
    "SIGCONT": "Continue if stopped",
    "SIGSTOP": "Stop (pause); cannot be caught or ignored",
    "SIGTSTP": "Stop request, as Ctrl+Z in a terminal",
    "SIGTTIN": "Background process read from its terminal",
    "SIGTTOU": "Background process wrote to its terminal",
    "SIGURG": "Urgent data on a socket",
    "SIGXCPU": "CPU time limit exceeded",
    "SIGXFSZ": "File size limit exceeded",
    "SIGVTALRM": "Virtual timer alarm",
    "SIGPROF": "Profiling timer alarm",
    "SIGWINCH": "Terminal window size changed",
    "SIGIO": "Input or output is possible",
    "SIGPWR": "Power failure",
    "SIGSYS": "Bad system call",
    "SIGEMT": "Emulator trap",
    "SIGINFO": "Status request, as Ctrl+T in a terminal",
    "SIGRTMIN": "First real-time signal: meaning depends on the program",
    "SIGRTMAX": "Last real-time signal: meaning depends on the program",
}


def posix_signals() -> tuple[SignalSpec, ...]:
    """The running system's signals by number, real-time ones included."""
    named = {int(sig): sig.name for sig in signal.Signals}
    rt_min = getattr(signal, "SIGRTMIN", None)
    rt_max = getattr(signal, "SIGRTMAX", None)
    if rt_min is not None and rt_max is not None:
        for number in range(int(rt_min) + 1, int(rt_max)):
            named.setdefault(number, f"SIGRTMIN+{number - int(rt_min)}")
    return tuple(
        SignalSpec(
            name,
            number,
            _MEANINGS.get(name, "Real-time signal: meaning depends on the program"),
        )
        for number, name in sorted(named.items())
    )
