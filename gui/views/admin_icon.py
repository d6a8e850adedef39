"""The system's shield or lock icon for what is done as administrator."""

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

_THEME_NAMES = ("security-high", "dialog-password", "changes-prevent")


def admin_icon() -> QIcon:
    """The theme's lock (Linux desktops), else the style's UAC shield (Windows), maybe empty."""
    for name in _THEME_NAMES:
        icon = QIcon.fromTheme(name)
        if not icon.isNull():
            return icon
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_VistaShield)
