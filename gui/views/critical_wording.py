"""The warning shown for each kind of critical process, in the user's language."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui.core.critical import CriticalKind

_CONTEXT = "CriticalWording"

#: Marked for lupdate here (the context must be a literal), translated when shown.
_WARNINGS = {
    CriticalKind.PID_ONE: QT_TRANSLATE_NOOP(
        "CriticalWording",
        "PID 1 starts and looks after every other process: ending it shuts the system down",
    ),
    CriticalKind.DISPLAY_SERVER: QT_TRANSLATE_NOOP(
        "CriticalWording",
        "it is the display server: ending it closes every window and may log you out",
    ),
    CriticalKind.LOGIN: QT_TRANSLATE_NOOP(
        "CriticalWording", "it manages logins: ending it may log you or others out"
    ),
    CriticalKind.DESKTOP: QT_TRANSLATE_NOOP(
        "CriticalWording", "it is part of your desktop: ending it may log you out"
    ),
    CriticalKind.WINDOWS_CORE: QT_TRANSLATE_NOOP(
        "CriticalWording",
        "Windows cannot run without it: ending it crashes Windows or logs you out",
    ),
}


def critical_warning(kind: CriticalKind) -> str:
    """Why ending a process of this kind hurts."""
    return QCoreApplication.translate(_CONTEXT, str(_WARNINGS[kind]))
