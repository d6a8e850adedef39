"""Results of actions in words: the only place their sentences are made, through Qt's translator."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale

from gui.core.actions import Action
from gui.core.display_text import display_text
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.core.process_row import WINDOW_TITLE_LIMIT
from gui.core.system_error import KIND_VALUE, NUMBER_VALUE, SystemErrorKind, SystemProblem
from gui.views.app_words import app_name
from gui.views.message_args import with_args
from gui.views.number_words import number_text
from gui.views.priority_words import priority_name
from gui.views.system_error_words import system_problem_text
from gui.views.translation_contexts import Results


def _count(value: object) -> str:
    """``1,000`` in English, as the locale groups digits."""
    return QLocale().toString(value) if isinstance(value, int) else "?"


def _seconds(value: object) -> str:
    return number_text(float(value)) if isinstance(value, int | float) else "?"


def _refused(result: ProcessResult, action: Action) -> str:
    """The permission sentence, with the verb that fits the action."""
    owner = result.value("owner")
    if action in (Action.HANG_UP, Action.INTERRUPT, Action.SEND_SIGNAL):
        known = QCoreApplication.translate(
            "Results", "owned by %1: only %1 or an administrator can signal it"
        )
        unknown = QCoreApplication.translate(
            "Results", "not allowed: only its owner or an administrator can signal it"
        )
    elif action is Action.STOP:
        known = QCoreApplication.translate(
            "Results", "owned by %1: only %1 or an administrator can suspend it"
        )
        unknown = QCoreApplication.translate(
            "Results", "not allowed: only its owner or an administrator can suspend it"
        )
    elif action is Action.SET_PRIORITY:
        if result.target.owned_by_me:
            return QCoreApplication.translate(
                "Results", "not allowed: raising a priority takes an administrator"
            )
        known = QCoreApplication.translate(
            "Results", "owned by %1: only %1 or an administrator can change its priority"
        )
        unknown = QCoreApplication.translate(
            "Results", "not allowed: only its owner or an administrator can change its priority"
        )
    elif action is Action.CONTINUE:
        known = QCoreApplication.translate(
            "Results", "owned by %1: only %1 or an administrator can resume it"
        )
        unknown = QCoreApplication.translate(
            "Results", "not allowed: only its owner or an administrator can resume it"
        )
    else:
        known = QCoreApplication.translate("Results", "owned by %1: only %1 or an administrator can end it")
        unknown = QCoreApplication.translate(
            "Results", "not allowed: only its owner or an administrator can end it"
        )
    return unknown if owner is None else with_args(known, owner)


def _signal_sent(result: ProcessResult, action: Action) -> str:
    if action is Action.HANG_UP:
        return QCoreApplication.translate("Results", "hang-up signal (SIGHUP) sent")
    if action is Action.INTERRUPT:
        return QCoreApplication.translate("Results", "interrupt signal (SIGINT) sent")
    return with_args(
        QCoreApplication.translate("Results", "%1 (%2) sent"), result.value("signal"), result.value("number")
    )


def _failed(result: ProcessResult, _action: Action) -> str:
    problem = SystemProblem.from_values(result.value(KIND_VALUE), result.value(NUMBER_VALUE))
    error = system_problem_text(problem) if problem is not None else result.value("error")
    if error is None or (problem is not None and problem.kind is SystemErrorKind.UNEXPECTED):
        return QCoreApplication.translate("Results", "failed unexpectedly: see the log")
    return with_args(QCoreApplication.translate("Results", "could not be signalled: %1"), error)


def _helper_failed(result: ProcessResult, _action: Action) -> str:
    """Why the administrator helper did not carry out the batch (its codes are in the log)."""
    failure = result.value("failure")
    if failure == "rejected":
        return QCoreApplication.translate(
            "Results", "the administrator helper refused the request: nothing was sent (the log has details)"
        )
    if failure == "not_root":
        return QCoreApplication.translate(
            "Results", "the administrator helper did not get administrator rights: nothing was sent"
        )
    if failure == "no_identity_check":
        return QCoreApplication.translate(
            "Results",
            "this system cannot check a process's identity as administrator (no pidfd): nothing was sent",
        )
    if failure == "unsafe_request_file":
        return QCoreApplication.translate(
            "Results", "the administrator helper found its request file open to others: nothing was sent"
        )
    if failure == "broke_off":
        return QCoreApplication.translate(
            "Results", "the administrator helper stopped answering: see the log for what it did"
        )
    if failure == "launcher_error":
        return with_args(
            QCoreApplication.translate(
                "Results",
                "%1 could not start the administrator helper: nothing was sent (the log has details)",
            ),
            result.value("launcher"),
        )
    return QCoreApplication.translate(
        "Results", "the administrator helper could not be started: nothing was sent (the log has details)"
    )


_SENTENCES: dict[Detail, Callable[[ProcessResult, Action], str]] = {
    Detail.ENDED: lambda r, a: QCoreApplication.translate("Results", "ended"),
    Detail.CLOSED_BY_WINDOW: lambda r, a: QCoreApplication.translate(
        "Results", "closed when its window was asked to"
    ),
    Detail.FORCE_QUIT: lambda r, a: QCoreApplication.translate("Results", "force quit"),
    Detail.FORCE_QUIT_AFTER_GRACE: lambda r, a: with_args(
        QCoreApplication.translate("Results", "force quit: it was still running %1 s after End"),
        _seconds(r.value("grace_s")),
    ),
    Detail.STOPPED: lambda r, a: QCoreApplication.translate("Results", "suspended"),
    Detail.CONTINUED: lambda r, a: QCoreApplication.translate("Results", "resumed"),
    Detail.NOT_STOPPED_YET: lambda r, a: QCoreApplication.translate(
        "Results", "suspend signal (SIGSTOP) sent, but it is not suspended yet"
    ),
    Detail.NOT_CONTINUED_YET: lambda r, a: QCoreApplication.translate(
        "Results", "resume signal (SIGCONT) sent, but it has not resumed yet"
    ),
    Detail.SIGNAL_SENT: _signal_sent,
    Detail.PRIORITY_SET: lambda r, a: with_args(
        QCoreApplication.translate("Results", "priority set to %1"), priority_name(r.value("priority"))
    ),
    Detail.ALREADY_EXITED: lambda r, a: QCoreApplication.translate("Results", "had already exited"),
    Detail.ZOMBIE: lambda r, a: QCoreApplication.translate("Results", "has already exited (zombie)"),
    Detail.ZOMBIE_OF_PARENT: lambda r, a: with_args(
        QCoreApplication.translate(
            "Results",
            "has already exited (zombie); it stays listed until its parent, %1 (PID %2), collects it",
        ),
        r.value("parent"),
        r.value("parent_pid"),
    ),
    Detail.STILL_RUNNING: lambda r, a: with_args(
        QCoreApplication.translate("Results", "still running %1 s after End"), _seconds(r.value("grace_s"))
    ),
    Detail.STUCK_AFTER_FORCE_QUIT: lambda r, a: QCoreApplication.translate(
        "Results", "still running after Force quit: it may be stuck waiting for a device"
    ),
    Detail.SUSPENDED: lambda r, a: QCoreApplication.translate(
        "Results", "suspended: it will end when it is resumed"
    ),
    Detail.ASKING_IN_WINDOW: lambda r, a: with_args(
        QCoreApplication.translate(
            "Results",
            "is asking a question in its window \u201c%1\u201d: nothing was sent while it waits for you",
        ),
        display_text(str(r.value("title") or ""), WINDOW_TITLE_LIMIT),
    ),
    Detail.WAITING_FOR_QUESTION: lambda r, a: QCoreApplication.translate(
        "Results", "left running: its app is asking a question in a window"
    ),
    Detail.NOT_OWNER: _refused,
    Detail.NEEDS_ADMINISTRATOR: lambda r, a: QCoreApplication.translate(
        "Results", "access denied: run ProcPilot as administrator"
    ),
    Detail.PID_REUSED: lambda r, a: with_args(
        QCoreApplication.translate("Results", "PID %1 now belongs to another process: nothing was sent"),
        r.target.key.pid,
    ),
    Detail.KERNEL_THREAD: lambda r, a: QCoreApplication.translate(
        "Results", "is a kernel thread: the kernel does not let it be signalled"
    ),
    Detail.NOT_ON_ITSELF: lambda r, a: QCoreApplication.translate(
        "Results", "ProcPilot does not suspend or signal itself"
    ),
    Detail.GROUP_HAS_PROCPILOT: lambda r, a: QCoreApplication.translate(
        "Results", "its process group includes ProcPilot itself: end the processes one by one"
    ),
    Detail.NOT_ON_THIS_SYSTEM: lambda r, a: QCoreApplication.translate(
        "Results", "not supported on this system"
    ),
    Detail.PROCPILOT_CLOSES: lambda r, a: QCoreApplication.translate("Results", "ProcPilot closes itself"),
    Detail.FAILED: _failed,
    Detail.ADMIN_CANCELLED: lambda r, a: QCoreApplication.translate(
        "Results", "cancelled: the administrator password was not given"
    ),
    Detail.ADMIN_NOT_AUTHORISED: lambda r, a: QCoreApplication.translate(
        "Results", "not authorised: this account may not act as administrator"
    ),
    Detail.PKEXEC_MISSING: lambda r, a: QCoreApplication.translate(
        "Results", "pkexec is not installed: install the pkexec package to act as administrator"
    ),
    Detail.ADMIN_NO_AGENT: lambda r, a: QCoreApplication.translate(
        "Results",
        "no password dialog: no authentication agent is running in this session "
        "(a desktop session starts one; pkexec cannot ask without it)",
    ),
    Detail.ADMIN_FIRST_PROCESS: lambda r, a: with_args(
        QCoreApplication.translate(
            "Results", "is the system's first process (PID %1): ProcPilot never acts on it as administrator"
        ),
        r.value("pid"),
    ),
    Detail.ADMIN_BATCH_LIMIT: lambda r, a: with_args(
        QCoreApplication.translate(
            "Results",
            "not sent: at most %1 processes go to the administrator at once; "
            "Try as administrator again for the rest",
        ),
        _count(r.value("limit")),
    ),
    Detail.NOT_A_PROCESS: lambda r, a: QCoreApplication.translate(
        "Results", "is a thread, not a process: nothing was sent"
    ),
    Detail.ADMIN_REFUSED: lambda r, a: QCoreApplication.translate(
        "Results", "the administrator helper refused it: nothing was sent (the log has details)"
    ),
    Detail.DENIED_TO_ADMINISTRATOR: lambda r, a: QCoreApplication.translate(
        "Results", "denied even to the administrator: the system protects it"
    ),
    Detail.ADMIN_SYSTEM_ERROR: lambda r, a: with_args(
        QCoreApplication.translate(
            "Results", "the system could not do it, even as administrator (%1; the log has details)"
        ),
        r.value("error"),
    ),
    Detail.ADMIN_HELPER_FAILED: _helper_failed,
}


def _count_words(outcome: Outcome, count: int) -> str:
    """How many had one outcome, in a list after the others: ``3 ended``."""
    words = {
        Outcome.ENDED: Results.tr("%n ended", "", count),
        Outcome.FORCE_QUIT: Results.tr("%n force quit", "", count),
        Outcome.STOPPED: Results.tr("%n suspended", "", count),
        Outcome.CONTINUED: Results.tr("%n resumed", "", count),
        Outcome.SIGNAL_SENT: Results.tr("%n signalled", "", count),
        Outcome.PRIORITY_SET: Results.tr("%n changed", "", count),
        Outcome.ALREADY_EXITED: Results.tr("%n already exited", "", count),
        Outcome.STILL_RUNNING: Results.tr("%n still running", "", count),
        Outcome.SUSPENDED: Results.tr("%n suspended", "", count),
        Outcome.ASKING: Results.tr("%n waiting for your answer", "", count),
        Outcome.PERMISSION_DENIED: Results.tr("%n not allowed", "", count),
        Outcome.PID_REUSED: Results.tr("%n with a reused PID", "", count),
        Outcome.NOT_SUPPORTED: Results.tr("%n not supported", "", count),
        Outcome.FAILED: Results.tr("%n failed", "", count),
    }
    return words[outcome]


def _lead_words(outcome: Outcome, count: int) -> str:
    """The first count of an app's line, which names the processes: ``3 processes ended``.

    One process has sentences of its own, so English reads right even before a translator is loaded.
    """
    if count == 1:
        return {
            Outcome.ENDED: QCoreApplication.translate("Results", "1 process ended"),
            Outcome.FORCE_QUIT: QCoreApplication.translate("Results", "1 process force quit"),
            Outcome.STOPPED: QCoreApplication.translate("Results", "1 process suspended"),
            Outcome.CONTINUED: QCoreApplication.translate("Results", "1 process resumed"),
            Outcome.SIGNAL_SENT: QCoreApplication.translate("Results", "1 process signalled"),
            Outcome.PRIORITY_SET: QCoreApplication.translate("Results", "1 process changed"),
            Outcome.ALREADY_EXITED: QCoreApplication.translate("Results", "1 process had already exited"),
            Outcome.STILL_RUNNING: QCoreApplication.translate("Results", "1 process still running"),
            Outcome.SUSPENDED: QCoreApplication.translate("Results", "1 process suspended"),
            Outcome.ASKING: QCoreApplication.translate("Results", "1 process waiting for your answer"),
            Outcome.PERMISSION_DENIED: QCoreApplication.translate("Results", "1 process not allowed"),
            Outcome.PID_REUSED: QCoreApplication.translate("Results", "1 process with a reused PID"),
            Outcome.NOT_SUPPORTED: QCoreApplication.translate("Results", "1 process not supported"),
            Outcome.FAILED: QCoreApplication.translate("Results", "1 process failed"),
        }[outcome]
    return {
        Outcome.ENDED: Results.tr("%n processes ended", "", count),
        Outcome.FORCE_QUIT: Results.tr("%n processes force quit", "", count),
        Outcome.STOPPED: Results.tr("%n processes suspended", "", count),
        Outcome.CONTINUED: Results.tr("%n processes resumed", "", count),
        Outcome.SIGNAL_SENT: Results.tr("%n processes signalled", "", count),
        Outcome.PRIORITY_SET: Results.tr("%n processes changed", "", count),
        Outcome.ALREADY_EXITED: Results.tr("%n processes had already exited", "", count),
        Outcome.STILL_RUNNING: Results.tr("%n processes still running", "", count),
        Outcome.SUSPENDED: Results.tr("%n processes suspended", "", count),
        Outcome.ASKING: Results.tr("%n processes waiting for your answer", "", count),
        Outcome.PERMISSION_DENIED: Results.tr("%n processes not allowed", "", count),
        Outcome.PID_REUSED: Results.tr("%n processes with a reused PID", "", count),
        Outcome.NOT_SUPPORTED: Results.tr("%n processes not supported", "", count),
        Outcome.FAILED: Results.tr("%n processes failed", "", count),
    }[outcome]


def sentence(result: ProcessResult, action: Action) -> str:
    """What happened to one process: ``ended``, ``owned by root: ...``."""
    return _SENTENCES[result.detail](result, action)


def describe(result: ProcessResult, action: Action) -> str:
    """``firefox (PID 4242): ended``."""
    target = result.target
    name = target.name or QCoreApplication.translate("Results", "process")
    return with_args(
        QCoreApplication.translate("Results", "%1 (PID %2): %3"),
        name,
        target.key.pid,
        sentence(result, action),
    )


def summary(report: BatchReport) -> str:
    """One sentence for the status bar: the app's line, the single result, or how many had
    each outcome."""
    if report.app is not None:
        return app_summary(report)
    if len(report.results) == 1:
        return describe(report.results[0], report.action)
    parts = QCoreApplication.translate("Results", ", ").join(
        _count_words(outcome, count) for outcome, count in report.counts()
    )
    return with_args(Results.tr("%n processes: %1", None, len(report.results)), parts)


def app_summary(report: BatchReport) -> str:
    """The app's line: ``Blinking Owl: 3 processes ended, 1 still running``."""
    name = app_name(report.app) if report.app is not None else ""
    counts = report.counts()
    if not counts:
        return with_args(QCoreApplication.translate("Results", "%1: no processes"), name)
    (lead, lead_count), rest = counts[0], counts[1:]
    parts = [_lead_words(lead, lead_count), *(_count_words(outcome, count) for outcome, count in rest)]
    return with_args(
        QCoreApplication.translate("Results", "%1: %2"),
        name,
        QCoreApplication.translate("Results", ", ").join(parts),
    )


def newcomers_sentence(report: BatchReport) -> str:
    """``3 new processes started in this tree while it was being ended.``"""
    count = len(report.new_processes)
    if report.action is Action.END_GROUP:
        return Results.tr("%n new processes joined this group while it was being ended.", None, count)
    return Results.tr("%n new processes started in this tree while it was being ended.", None, count)


def children_left_sentence(report: BatchReport) -> str:
    """``python3 (PID 123) ended; its 2 child processes are still running.``"""
    count = len(report.children_left)
    if len(report.children_left_of) != 1:
        if report.children_left_capped:
            several = Results.tr(
                "At least %n child processes of the ended processes are still running.", None, count
            )
        elif count == 1:  # English reads right before a translator is loaded
            several = QCoreApplication.translate(
                "Results", "A child process of the ended processes is still running."
            )
        else:
            several = Results.tr("%n child processes of the ended processes are still running.", None, count)
        return several
    parent = report.children_left_of[0]
    if report.children_left_capped:
        text = Results.tr(
            "%1 (PID %2) ended; at least %n of its child processes are still running.", None, count
        )
    else:
        text = (
            QCoreApplication.translate("Results", "%1 (PID %2) ended; its child process is still running.")
            if count == 1
            else Results.tr("%1 (PID %2) ended; its %n child processes are still running.", None, count)
        )
    return with_args(text, parent.name or QCoreApplication.translate("Results", "process"), parent.key.pid)
