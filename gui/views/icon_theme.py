"""ProcPilot's bundled fallback icon theme, placed behind the system's icon themes."""

from pathlib import Path

from PySide6.QtGui import QIcon

_PLACES = (
    Path(__file__).resolve().parents[1] / "_icons" / "theme",  # wheel and packaged binary
    Path(__file__).resolve().parents[2] / "resources" / "icons" / "theme",  # source checkout
)


#: The folder once found (the installation does not move while the app runs).
_found: list[Path] = []


def bundled_theme_dir() -> Path | None:
    """The folder that holds the bundled ``hicolor`` theme; ``None`` if it is missing, or
    cannot be entered now (a folder this user may not read is as good as absent, and looked
    for again next time)."""
    if not _found:
        place = next((place for place in _PLACES if _is_theme(place)), None)
        if place is None:
            return None
        _found.append(place)
    return _found[0]


def _is_theme(place: Path) -> bool:
    try:
        return (place / "hicolor").is_dir()
    except OSError:  # EACCES: not ours to read
        return False


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


#: Full icon themes, in the order GTK and KDE fall back to them when no desktop names one.
_FULL_THEMES = ("Adwaita", "breeze", "Papirus", "elementary", "gnome", "oxygen", "Tango")


def installed_full_theme() -> str | None:
    """Where no desktop chose an icon theme (a bare X11 session: Qt says "hicolor", which
    holds only apps' own icons), an installed full theme to find apps' icons in, as GTK apps
    use Adwaita there; ``None`` where a desktop chose one, or none is installed."""
    if QIcon.themeName() not in ("", "hicolor"):
        return None
    for name in _FULL_THEMES:
        if any(_has_theme(Path(folder) / name) for folder in QIcon.themeSearchPaths()):
            return name
    return None


def _has_theme(folder: Path) -> bool:
    try:
        return (folder / "index.theme").is_file()
    except OSError:
        return False
