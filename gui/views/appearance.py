"""Light or dark: follows the system's colour scheme live, or the user's choice (View → Theme).

The platform's theme does the work where it can (``QStyleHints.setColorScheme``, Qt 6.8+:
GNOME, GTK, Windows, macOS). Where it cannot (a bare X11 session, the offscreen platform)
ProcPilot sets a light or dark palette of its own. Either way a few roles are then made
legible (selected rows, links: WCAG AA against their background), and ``changed`` tells the
widgets that paint colours of their own (message bars, greyed rows) to pick them again.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from gui.core.contrast import RGB, legible_on
from gui.core.theme_choice import ThemeChoice

_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup
_WANTED = {
    ThemeChoice.SYSTEM: Qt.ColorScheme.Unknown,
    ThemeChoice.LIGHT: Qt.ColorScheme.Light,
    ThemeChoice.DARK: Qt.ColorScheme.Dark,
}

#: Fusion's dark palette (as Qt builds it for a dark system), with AA-legible selection and links.
_DARK = {
    _ROLE.Window: "#323232", _ROLE.WindowText: "#f0f0f0", _ROLE.Base: "#242424",
    _ROLE.AlternateBase: "#2b2b2b", _ROLE.Text: "#f0f0f0", _ROLE.Button: "#323232",
    _ROLE.ButtonText: "#f0f0f0", _ROLE.BrightText: "#ff8080", _ROLE.Light: "#4b4b4b",
    _ROLE.Midlight: "#2a2a2a", _ROLE.Mid: "#262626", _ROLE.Dark: "#212121", _ROLE.Shadow: "#191919",
    _ROLE.Highlight: "#1f5f8f", _ROLE.HighlightedText: "#ffffff", _ROLE.Link: "#6cb6ff",
    _ROLE.LinkVisited: "#c8a2ff", _ROLE.ToolTipBase: "#3c3c3c", _ROLE.ToolTipText: "#f0f0f0",
    _ROLE.PlaceholderText: "#a0a0a0", _ROLE.Accent: "#1f5f8f",
}  # fmt: skip
_DARK_DISABLED = {
    _ROLE.WindowText: "#828282", _ROLE.Text: "#828282", _ROLE.ButtonText: "#828282",
    _ROLE.Base: "#323232", _ROLE.Highlight: "#5a5a5a",
}  # fmt: skip
#: Fusion's light palette, for a light choice on a dark system that cannot switch.
_LIGHT = {
    _ROLE.Window: "#efefef", _ROLE.WindowText: "#000000", _ROLE.Base: "#ffffff",
    _ROLE.AlternateBase: "#f7f7f7", _ROLE.Text: "#000000", _ROLE.Button: "#efefef",
    _ROLE.ButtonText: "#000000", _ROLE.BrightText: "#ffffff", _ROLE.Light: "#ffffff",
    _ROLE.Midlight: "#cacaca", _ROLE.Mid: "#b8b8b8", _ROLE.Dark: "#9f9f9f", _ROLE.Shadow: "#767676",
    _ROLE.Highlight: "#1f6fa8", _ROLE.HighlightedText: "#ffffff", _ROLE.Link: "#0b5cad",
    _ROLE.LinkVisited: "#6b2fa8", _ROLE.ToolTipBase: "#ffffdc", _ROLE.ToolTipText: "#000000",
    _ROLE.PlaceholderText: "#6e6e6e", _ROLE.Accent: "#1f6fa8",
}  # fmt: skip
_LIGHT_DISABLED = {
    _ROLE.WindowText: "#9a9a9a", _ROLE.Text: "#9a9a9a", _ROLE.ButtonText: "#9a9a9a",
    _ROLE.Base: "#efefef", _ROLE.Highlight: "#919191",
}  # fmt: skip


def rgb(colour: QColor) -> RGB:
    return colour.red(), colour.green(), colour.blue()


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one: light text on a dark window."""
    return palette.color(_ROLE.Window).lightness() < palette.color(_ROLE.WindowText).lightness()


def own_palette(dark: bool) -> QPalette:
    """ProcPilot's own light or dark palette, for platforms that cannot switch their scheme."""
    palette = QPalette()
    colours, disabled = (_DARK, _DARK_DISABLED) if dark else (_LIGHT, _LIGHT_DISABLED)
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    for role, name in disabled.items():
        palette.setColor(_GROUP.Disabled, role, QColor(name))
    return palette


#: What the selection aims for: above AA, as thin light glyphs on a colour render paler than their colour.
_SELECTION_CONTRAST = 6.0


def legible(palette: QPalette) -> QPalette | None:
    """The roles to change so selected rows and links read at WCAG AA; None when all do."""
    changes = QPalette()  # only the roles set here override the palette it is applied to
    for group in (_GROUP.Active, _GROUP.Inactive):
        highlight = rgb(palette.color(group, _ROLE.Highlight))
        fixed = legible_on(rgb(palette.color(group, _ROLE.HighlightedText)), highlight, _SELECTION_CONTRAST)
        if fixed != highlight:
            changes.setColor(group, _ROLE.Highlight, QColor(*fixed))
        link = rgb(palette.color(group, _ROLE.Link))
        fixed = legible_on(rgb(palette.color(group, _ROLE.Base)), link)
        if fixed != link:
            changes.setColor(group, _ROLE.Link, QColor(*fixed))
    return changes if changes.resolveMask() else None


class _Applied:
    """The palette ProcPilot set last (replaced only while it is still the application's)."""

    palette: QPalette | None = None


def _set_palette(palette: QPalette) -> None:
    QApplication.setPalette(palette)
    _Applied.palette = QGuiApplication.palette()


class Appearance(QObject):
    """Applies the user's :class:`ThemeChoice` and follows the system's scheme while it is System."""

    #: The colours changed (scheme switched, or the palette was replaced): repaint own colours.
    changed = Signal()

    def __init__(self, choice: ThemeChoice = ThemeChoice.SYSTEM, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._applying = False
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        if choice is not ThemeChoice.SYSTEM:
            self._request_scheme()
        self.apply()

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    def set_choice(self, choice: ThemeChoice) -> None:
        self._choice = choice
        self._request_scheme()
        self.apply()

    def _request_scheme(self) -> None:
        """Ask the platform for the chosen scheme (System: drop an earlier request), Qt 6.8+.

        Only when the user chooses: a change the system announces is never answered with a
        request, which would undo it."""
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(_WANTED[self._choice])

    @property
    def dark(self) -> bool:
        """Whether ProcPilot is dark now."""
        return is_dark(QGuiApplication.palette())

    def apply(self) -> None:
        """Show the chosen scheme: the platform's palette where it has it, else ProcPilot's own."""
        if self._applying:
            return
        self._applying = True
        try:
            hints = QGuiApplication.styleHints()
            wanted = _WANTED[self._choice]
            ours = _Applied.palette
            if ours is not None and QGuiApplication.palette() == ours:
                QApplication.setPalette(QPalette())  # back to the platform's (a palette set by others stays)
            _Applied.palette = None
            palette = QGuiApplication.palette()
            if wanted == Qt.ColorScheme.Unknown:
                want_dark = hints.colorScheme() == Qt.ColorScheme.Dark or is_dark(palette)
            else:
                want_dark = wanted == Qt.ColorScheme.Dark
            own = want_dark != is_dark(palette)
            if own:  # the platform cannot switch: ProcPilot's own
                palette = own_palette(want_dark)
                _set_palette(palette)
            changes = legible(palette)
            if changes is not None:
                # Over the platform's palette only the roles changed are set: the rest keeps
                # following the system (Qt resolves the application palette against it).
                _set_palette(changes.resolve(palette) if own else changes)
        finally:
            self._applying = False
        self.changed.emit()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        self.apply()
