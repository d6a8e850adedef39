"""Results of actions in words: the only place their sentences are made, through Qt's translator."""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui.core.actions import Action
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.views.app_words import app_name
from gui.views.message_args import with_args

_CONTEXT = "Results"


def _seconds(value: object) -> str:
    return f"{float(value):g}" if isinstance(value, int | float) else "?"


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
    error = result.value("error")
    if error is None:
        return QCoreApplication.translate("Results", "failed unexpectedly: see the log")
    return with_args(QCoreApplication.translate("Results", "could not be signalled: %1"), error)


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
}

_COUNTS: dict[Outcome, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Outcome.ENDED: QT_TRANSLATE_NOOP("Results", "%n ended"),
    Outcome.FORCE_QUIT: QT_TRANSLATE_NOOP("Results", "%n force quit"),
    Outcome.STOPPED: QT_TRANSLATE_NOOP("Results", "%n suspended"),
    Outcome.CONTINUED: QT_TRANSLATE_NOOP("Results", "%n resumed"),
    Outcome.SIGNAL_SENT: QT_TRANSLATE_NOOP("Results", "%n signalled"),
    Outcome.ALREADY_EXITED: QT_TRANSLATE_NOOP("Results", "%n already exited"),
    Outcome.STILL_RUNNING: QT_TRANSLATE_NOOP("Results", "%n still running"),
    Outcome.SUSPENDED: QT_TRANSLATE_NOOP("Results", "%n suspended"),
    Outcome.PERMISSION_DENIED: QT_TRANSLATE_NOOP("Results", "%n not allowed"),
    Outcome.PID_REUSED: QT_TRANSLATE_NOOP("Results", "%n with a reused PID"),
    Outcome.NOT_SUPPORTED: QT_TRANSLATE_NOOP("Results", "%n not supported"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Results", "%n failed"),
}


#: The first count of an app's line names the processes: (one, several).
_APP_LEADS: dict[Outcome, tuple[object, object]] = {
    Outcome.ENDED: (
        QT_TRANSLATE_NOOP("Results", "1 process ended"),
        QT_TRANSLATE_NOOP("Results", "%n processes ended"),
    ),
    Outcome.FORCE_QUIT: (
        QT_TRANSLATE_NOOP("Results", "1 process force quit"),
        QT_TRANSLATE_NOOP("Results", "%n processes force quit"),
    ),
    Outcome.STOPPED: (
        QT_TRANSLATE_NOOP("Results", "1 process suspended"),
        QT_TRANSLATE_NOOP("Results", "%n processes suspended"),
    ),
    Outcome.CONTINUED: (
        QT_TRANSLATE_NOOP("Results", "1 process resumed"),
        QT_TRANSLATE_NOOP("Results", "%n processes resumed"),
    ),
    Outcome.SIGNAL_SENT: (
        QT_TRANSLATE_NOOP("Results", "1 process signalled"),
        QT_TRANSLATE_NOOP("Results", "%n processes signalled"),
    ),
    Outcome.ALREADY_EXITED: (
        QT_TRANSLATE_NOOP("Results", "1 process had already exited"),
        QT_TRANSLATE_NOOP("Results", "%n processes had already exited"),
    ),
    Outcome.STILL_RUNNING: (
        QT_TRANSLATE_NOOP("Results", "1 process still running"),
        QT_TRANSLATE_NOOP("Results", "%n processes still running"),
    ),
    Outcome.SUSPENDED: (
        QT_TRANSLATE_NOOP("Results", "1 process suspended"),
        QT_TRANSLATE_NOOP("Results", "%n processes suspended"),
    ),
    Outcome.PERMISSION_DENIED: (
        QT_TRANSLATE_NOOP("Results", "1 process not allowed"),
        QT_TRANSLATE_NOOP("Results", "%n processes not allowed"),
    ),
    Outcome.PID_REUSED: (
        QT_TRANSLATE_NOOP("Results", "1 process with a reused PID"),
        QT_TRANSLATE_NOOP("Results", "%n processes with a reused PID"),
    ),
    Outcome.NOT_SUPPORTED: (
        QT_TRANSLATE_NOOP("Results", "1 process not supported"),
        QT_TRANSLATE_NOOP("Results", "%n processes not supported"),
    ),
    Outcome.FAILED: (
        QT_TRANSLATE_NOOP("Results", "1 process failed"),
        QT_TRANSLATE_NOOP("Results", "%n processes failed"),
    ),
}


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
        QCoreApplication.translate(_CONTEXT, str(_COUNTS[outcome]), None, count)
        for outcome, count in report.counts()
    )
    return with_args(
        QCoreApplication.translate("Results", "%n processes: %1", None, len(report.results)), parts
    )


def app_summary(report: BatchReport) -> str:
    """The app's line: ``Blinking Owl: 3 processes ended, 1 still running``."""
    name = app_name(report.app) if report.app is not None else ""
    counts = report.counts()
    if not counts:
        return with_args(QCoreApplication.translate("Results", "%1: no processes"), name)
    (lead, lead_count), rest = counts[0], counts[1:]
    one, several = _APP_LEADS[lead]
    parts = [
        QCoreApplication.translate(_CONTEXT, str(one))
        if lead_count == 1
        else QCoreApplication.translate(_CONTEXT, str(several), None, lead_count),
        *(
            QCoreApplication.translate(_CONTEXT, str(_COUNTS[outcome]), None, count)
            for outcome, count in rest
        ),
    ]
    return with_args(
        QCoreApplication.translate("Results", "%1: %2"),
        name,
        QCoreApplication.translate("Results", ", ").join(parts),
    )


def newcomers_sentence(report: BatchReport) -> str:
    """``3 new processes started in this tree while it was being ended.``"""
    count = len(report.new_processes)
    if report.action is Action.END_GROUP:
        return QCoreApplication.translate(
            "Results", "%n new processes joined this group while it was being ended.", None, count
        )
    return QCoreApplication.translate(
        "Results", "%n new processes started in this tree while it was being ended.", None, count
    )


def children_left_sentence(report: BatchReport) -> str:
    """``python3 (PID 123) ended; its 2 child processes are still running.``"""
    count = len(report.children_left)
    if len(report.children_left_of) != 1:
        if report.children_left_capped:
            return QCoreApplication.translate(
                "Results",
                "At least %n child processes of the ended processes are still running.",
                None,
                count,
            )
        return QCoreApplication.translate(
            "Results", "%n child processes of the ended processes are still running.", None, count
        )
    parent = report.children_left_of[0]
    if report.children_left_capped:
        text = QCoreApplication.translate(
            "Results", "%1 (PID %2) ended; at least %n of its child processes are still running.", None, count
        )
    else:
        text = QCoreApplication.translate(
            "Results", "%1 (PID %2) ended; its %n child processes are still running.", None, count
        )
    return with_args(text, parent.name or QCoreApplication.translate("Results", "process"), parent.key.pid)
