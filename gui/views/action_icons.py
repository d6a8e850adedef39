"""End, Force quit and Cancel: three icons that never look alike, in light and dark schemes.

End and Cancel come from the system's icon theme when it has them (``process-stop``,
``dialog-cancel``) and they differ; otherwise from ProcPilot's bundled theme, whose icons
are outlined so they read on light and dark backgrounds. Force quit is always ProcPilot's
own lightning bolt: no standard icon name means "end without asking".
"""

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from gui.core.actions import Action
from gui.views.icon_theme import install_fallback_theme

_END = ("process-stop", "procpilot-end")
_CANCEL = ("dialog-cancel", "procpilot-cancel")
_FORCE_QUIT = "procpilot-force-quit"
_COMPARED_AT = QSize(22, 22)


def _image(icon: QIcon) -> QImage:
    return icon.pixmap(_COMPARED_AT).toImage()


def _themed(names: tuple[str, str]) -> QIcon:
    system_name, bundled = names
    icon = QIcon.fromTheme(system_name)
    return icon if not icon.isNull() else QIcon.fromTheme(bundled)


def end_icon() -> QIcon:
    install_fallback_theme()
    return _themed(_END)


def force_quit_icon() -> QIcon:
    install_fallback_theme()
    return QIcon.fromTheme(_FORCE_QUIT)


def cancel_icon() -> QIcon:
    """The theme's Cancel, unless it looks like End (some themes draw both as a stop sign)."""
    install_fallback_theme()
    icon = _themed(_CANCEL)
    if icon.isNull() or _image(icon) == _image(end_icon()):
        return QIcon.fromTheme(_CANCEL[1])
    return icon


def action_icon(action: Action) -> QIcon | None:
    """The icon of an ending action's button and toolbar entry; None for the others."""
    if action in (Action.FORCE_QUIT, Action.FORCE_QUIT_APP):
        return force_quit_icon()
    if action in (Action.END, Action.END_APP, Action.END_TREE, Action.END_GROUP):
        return end_icon()
    return None
