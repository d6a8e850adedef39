"""Errors of the operating system in the user's language (the system's own text is English)."""

from PySide6.QtCore import QCoreApplication

from gui.core.system_error import SystemErrorKind, SystemProblem
from gui.views.message_args import with_args


def system_problem_text(problem: SystemProblem) -> str:
    """A few words that fit after a colon: "Could not read the process list: out of memory"."""
    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
    if problem.kind is SystemErrorKind.PERMISSION_DENIED:
        return translate("SystemErrors", "permission denied")
    if problem.kind is SystemErrorKind.NO_SUCH_PROCESS:
        return translate("SystemErrors", "no such process")
    if problem.kind is SystemErrorKind.TOO_MANY_OPEN_FILES:
        return translate("SystemErrors", "too many open files")
    if problem.kind is SystemErrorKind.OUT_OF_MEMORY:
        return translate("SystemErrors", "out of memory")
    if problem.kind is SystemErrorKind.OTHER and problem.number is not None:
        return with_args(translate("SystemErrors", "system error %1"), problem.number)
    return translate("SystemErrors", "an unexpected error (details are in the log)")
