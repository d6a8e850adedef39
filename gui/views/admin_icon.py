"""The system's shield or lock icon for what is done as administrator."""

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gui.views.icon_theme import install_fallback_theme

#: Freedesktop names of a lock; recent themes (Adwaita) ship only their -symbolic variants.
_THEME_NAMES = (
    "security-high",
    "security-high-symbolic",
    "dialog-password",
    "dialog-password-symbolic",
    "changes-prevent",
    "changes-prevent-symbolic",
)
#: ProcPilot's own padlock in the bundled fallback theme.
_BUNDLED = "procpilot-administrator"


@cache
def admin_icon() -> QIcon:
    """The theme's lock (Linux desktops), else the style's UAC shield (Windows), else
    ProcPilot's own padlock: never empty. Looked up once (the icon follows theme changes
    itself); the window does it at start (see ``ActionFeedback``)."""
    install_fallback_theme()
    for name in _THEME_NAMES:
        icon = QIcon.fromTheme(name)
        if not icon.isNull():
            return icon
    shield = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_VistaShield)
    return shield if not shield.isNull() else QIcon.fromTheme(_BUNDLED)
