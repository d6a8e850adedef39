"""A non-modal bar below the list for results and offers (like KMessageWidget)."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QEnterEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from gui.core.contrast import RGB, legible_on, mix
from gui.views.appearance import is_dark, rgb


class BarKind(Enum):
    """Each kind's tint: the border, and a share of it in the background."""

    SUCCESS = 0x3C, 0x9A, 0x3C
    WARNING = 0xC9, 0x8A, 0x0B
    ERROR = 0xC8, 0x37, 0x37


#: How much of the tint the background takes, in a light and in a dark scheme.
_TINT_SHARE = {False: 0.18, True: 0.28}


def bar_colours(kind: BarKind, palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Background, border and text of a bar in ``palette``'s scheme; the text reads at WCAG AA."""
    tint: RGB = kind.value
    window = rgb(palette.color(QPalette.ColorRole.Window))
    background = mix(window, tint, _TINT_SHARE[is_dark(palette)])
    text = legible_on(background, rgb(palette.color(QPalette.ColorRole.WindowText)))
    return QColor(*background), QColor(*tint), QColor(*text)


class MessageBar(QFrame):
    """One message with optional buttons and a close button; hidden when empty.

    A *transient* message (a success with nothing to decide) goes by itself after
    :attr:`auto_dismiss_ms`, or earlier through :meth:`dismiss_transient`; the
    countdown pauses while the pointer is over the bar, as notifications do. Every
    other message stays until it is dismissed.
    """

    #: The message shown went away (closed by the user, by its countdown, or by the app).
    closed = Signal()

    #: How long a transient message stays, in milliseconds.
    AUTO_DISMISS_MS = 5000
    #: The least time left after the pointer leaves the bar, so it does not vanish at once.
    AFTER_HOVER_MS = 1000

    #: Its buttons were replaced (the window puts them in its Tab order).
    buttons_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, auto_dismiss_ms: int | None = None) -> None:
        super().__init__(parent)
        self.auto_dismiss_ms = self.AUTO_DISMISS_MS if auto_dismiss_ms is None else auto_dismiss_ms
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self._kind = BarKind.WARNING
        self.close_button = close = QToolButton(self)
        close.setObjectName("dismiss")
        close.setText("\u2715")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.setAccessibleDescription(self.tr("Hides this message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        self._layout.addWidget(close)
        self._transient = False
        self._paused_ms: int | None = None  # time left while the pointer is over the bar
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def show_message(
        self,
        text: str,
        kind: BarKind,
        buttons: tuple[tuple[str, Callable[[], None]], ...] = (),
        *,
        transient: bool = False,
    ) -> None:
        """Show ``text`` in place of any earlier message; ``transient`` ones go by themselves."""
        self._kind = kind
        self._take_colours()
        self.label.setText(text)
        self.setAccessibleName(self._kind_names()[kind])
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for index, (caption, callback) in enumerate(buttons):
            button = QPushButton(caption, self)
            button.clicked.connect(callback)
            self._layout.insertWidget(1 + index, button)
            self._buttons.append(button)
        self.buttons_changed.emit()
        self._stop_countdown()
        self._transient = transient
        if transient:
            if self.underMouse():
                self._paused_ms = self.auto_dismiss_ms
            else:
                self._timer.start(self.auto_dismiss_ms)
        self.show()

    def _kind_names(self) -> dict[BarKind, str]:
        """What a screen reader calls the bar (its message is the label inside)."""
        return {
            BarKind.SUCCESS: self.tr("Done"),
            BarKind.WARNING: self.tr("Warning"),
            BarKind.ERROR: self.tr("Error"),
        }

    @property
    def kind(self) -> BarKind:
        return self._kind

    def colours(self) -> tuple[QColor, QColor, QColor]:
        """Background, border and text, as painted now."""
        return bar_colours(self._kind, self.palette())

    def _take_colours(self) -> None:
        """The message and the close button in the text colour of the bar's scheme."""
        _, _, text = self.colours()
        for widget, role in (
            (self.label, QPalette.ColorRole.WindowText),
            (self.close_button, QPalette.ColorRole.ButtonText),
        ):
            palette = widget.palette()
            palette.setColor(role, text)
            widget.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        background, border, _ = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1))
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self._take_colours()  # light or dark now
        super().changeEvent(event)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    @property
    def transient(self) -> bool:
        """Whether the message shown goes by itself."""
        return self._transient and not self.isHidden()

    def dismiss_transient(self) -> None:
        """Dismiss the message if it is transient (the user moved on to the next action)."""
        if self.transient:
            self.dismiss()

    def dismiss(self) -> None:
        shown = not self.isHidden()
        self._stop_countdown()
        self._transient = False
        self.hide()
        self.label.clear()
        if shown:
            self.closed.emit()

    def _stop_countdown(self) -> None:
        self._timer.stop()
        self._paused_ms = None

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._timer.isActive():
            self._paused_ms = self._timer.remainingTime()
            self._timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if self._paused_ms is not None and not self.isHidden():
            self._timer.start(max(self._paused_ms, self.AFTER_HOVER_MS))
            self._paused_ms = None
        super().leaveEvent(event)
