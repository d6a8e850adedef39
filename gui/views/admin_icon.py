"""The system's shield or lock icon for what is done as administrator."""

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gui.views.icon_theme import bundled_theme_dir, install_fallback_theme

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


#: The icon once found (a lookup reads the icon themes' folders).
_found: list[QIcon] = []


def admin_icon() -> QIcon:
    """The theme's lock (Linux desktops), else the style's UAC shield (Windows), else
    ProcPilot's own padlock: never empty. Found once and kept (the icon follows theme changes
    itself); the window looks for it at start (see ``ActionFeedback``), while the folders it
    reads are surely readable."""
    if _found and not _found[0].isNull():  # a theme icon follows theme changes, to nothing too
        return _found[0]
    _found.clear()
    icon = _look_up()
    if not icon.isNull():
        _found.append(icon)
    return icon


def _look_up() -> QIcon:
    install_fallback_theme()
    for name in _THEME_NAMES:
        icon = QIcon.fromTheme(name)
        if not icon.isNull():
            return icon
    shield = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_VistaShield)
    if not shield.isNull():
        return shield
    icon = QIcon.fromTheme(_BUNDLED)
    return icon if not icon.isNull() else _bundled_file()


def _bundled_file() -> QIcon:
    """The padlock by its file: Qt keeps what it found of a theme's folders for the whole run,
    so a theme first read by someone who could not enter the bundled folder never has it."""
    place = bundled_theme_dir()
    if place is None:
        return QIcon()
    return QIcon(str(place / "hicolor" / "scalable" / "actions" / f"{_BUNDLED}.svg"))
