"""The icons of the Applications view: an app's own, a generic one, and the sections'."""

from pathlib import Path

from PySide6.QtCore import QFileInfo, QSize
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QFileIconProvider

from gui.core.app_identity import AppIdentity, IconSource
from gui.core.process_kind import ProcessKind
from gui.views.icon_theme import install_fallback_theme, installed_full_theme

GENERIC_APP = "application-x-executable"  # the system theme's, else the bundled one
BACKGROUND_PROCESSES = "procpilot-background-processes"
SYSTEM_PROCESSES = "procpilot-system-processes"
# Rows at 16 px up to 4x scaling, and the confirmation dialog's larger icon.
SIZES = (16, 22, 24, 32, 48, 64)
# Legacy entries write ``Icon=foo.png``; the theme knows it as ``foo``.
_IMAGE_SUFFIXES = (".png", ".svg", ".svgz", ".xpm")


class AppIcons:
    """Hands out icons for applications and for the Background and System sections.

    Each application's icon is looked up once per app id, on first request: its file or
    theme icon is read then and kept as pixmaps in memory, so refreshes and repaints
    never touch the disk. Use from the GUI thread only (it makes pixmaps).
    """

    def __init__(self) -> None:
        install_fallback_theme()
        self._generic = _in_memory(QIcon.fromTheme(GENERIC_APP)) or QIcon()
        self._background = _in_memory(QIcon.fromTheme(BACKGROUND_PROCESSES)) or self._generic
        self._system = _in_memory(QIcon.fromTheme(SYSTEM_PROCESSES)) or self._generic
        self._apps: dict[str, QIcon] = {}

    def generic(self) -> QIcon:
        """An application without an icon of its own."""
        return self._generic

    def application(self, app: AppIdentity) -> QIcon:
        """The app's icon from its desktop entry; the generic one when it has none or it is not found."""
        icon = self._apps.get(app.app_id)
        if icon is None:
            found = _file_icon(app.icon_name) if app.icon_source is IconSource.FILE else _find(app.icon_name)
            icon = _in_memory(found) or self._generic
            self._apps[app.app_id] = icon
        return icon

    def section(self, kind: ProcessKind) -> QIcon:
        """The icon of a section's row and of the processes in it.

        System processes and kernel threads share the System icon; an application that
        is not known is the generic one.
        """
        if kind is ProcessKind.BACKGROUND:
            return self._background
        if kind in (ProcessKind.SYSTEM, ProcessKind.KERNEL_THREAD):
            return self._system
        return self._generic

    def process(self, kind: ProcessKind, app: AppIdentity | None) -> QIcon:
        """A process row's icon: its application's when it is one of the user's apps, else its section's."""
        if kind is ProcessKind.APPLICATION and app is not None:
            return self.application(app)
        return self.section(kind)


def _find(icon_name: str | None) -> QIcon:
    """A desktop entry's ``Icon=``: an image file by absolute path, else a theme icon name."""
    if not icon_name:
        return QIcon()
    if Path(icon_name).is_absolute():
        # Only what Qt can decode here (an SVG needs the SVG image plugin).
        return QIcon(icon_name) if QImageReader(icon_name).canRead() else QIcon()
    if "/" in icon_name or "\\" in icon_name:
        return QIcon()  # a relative path is no theme name
    stem, dot, suffix = icon_name.rpartition(".")
    if dot and stem and f".{suffix.lower()}" in _IMAGE_SUFFIXES:
        icon_name = stem
    icon = QIcon.fromTheme(icon_name)
    full_theme = installed_full_theme() if icon.isNull() else None
    return icon if full_theme is None else _from_theme(icon_name, full_theme)


def _from_theme(icon_name: str, theme: str) -> QIcon:
    """``icon_name`` from ``theme``, kept as pixmaps: read while that theme is Qt's fallback,
    for this lookup only (Qt's theme, and the search path, stay as the platform set them)."""
    fallback = QIcon.fallbackThemeName()
    QIcon.setFallbackThemeName(theme)
    try:
        return _in_memory(QIcon.fromTheme(icon_name)) or QIcon()
    finally:
        QIcon.setFallbackThemeName(fallback)


def _file_icon(path: str | None) -> QIcon:
    """The icon the system's shell shows for a file: on Windows, an executable's own icon."""
    if not path or not Path(path).is_file():
        return QIcon()
    return QFileIconProvider().icon(QFileInfo(path))


def _in_memory(icon: QIcon) -> QIcon | None:
    """The icon's pixmaps at :data:`SIZES`, read now; ``None`` when it yields none.

    A theme icon reads its files only when first painted; reading them here keeps the
    disk out of repaints and turns a broken file into the generic icon.
    """
    if icon.isNull():
        return None
    loaded = QIcon()
    for size in SIZES:
        pixmap = icon.pixmap(QSize(size, size), 1.0)
        if not pixmap.isNull():
            loaded.addPixmap(pixmap)
    return None if loaded.isNull() else loaded
