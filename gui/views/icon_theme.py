"""ProcPilot's bundled fallback icon theme, placed behind the system's icon themes."""

from pathlib import Path

from PySide6.QtGui import QIcon

_PLACES = (
    Path(__file__).resolve().parents[1] / "_icons" / "theme",  # wheel and packaged binary
    Path(__file__).resolve().parents[2] / "resources" / "icons" / "theme",  # source checkout
)


def bundled_theme_dir() -> Path | None:
    """The folder that holds the bundled ``hicolor`` theme; ``None`` if it is missing."""
    return next((place for place in _PLACES if (place / "hicolor").is_dir()), None)


def install_fallback_theme() -> None:
    """Lets ``QIcon.fromTheme`` find the bundled icons wherever the system's themes lack them.

    The bundled folder goes last on the theme search path, so the system's icons win. Where
    the platform names no fallback theme (offscreen, Windows, macOS, a bare X11 session),
    hicolor becomes it: the freedesktop specification's last resort, and the bundled
    theme's name. Safe to call again.
    """
    place = bundled_theme_dir()
    if place is not None and str(place) not in QIcon.themeSearchPaths():
        QIcon.setThemeSearchPaths([*QIcon.themeSearchPaths(), str(place)])
    if not QIcon.fallbackThemeName():
        QIcon.setFallbackThemeName("hicolor")
