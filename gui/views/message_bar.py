"""A non-modal bar above the table for results and offers (like KMessageWidget)."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class BarKind(Enum):
    SUCCESS = "#dcf1dc", "#3c9a3c"
    WARNING = "#fbefd0", "#c98a0b"
    ERROR = "#f8dada", "#c83737"


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
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip(self.tr("Dismiss"))
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
        background, border = kind.value
        self.setStyleSheet(
            f"MessageBar {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            "QLabel { color: #1e1e1e; }"
        )
        self.label.setText(text)
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for index, (caption, callback) in enumerate(buttons):
            button = QPushButton(caption, self)
            button.clicked.connect(callback)
            self._layout.insertWidget(1 + index, button)
            self._buttons.append(button)
        self._stop_countdown()
        self._transient = transient
        if transient:
            if self.underMouse():
                self._paused_ms = self.auto_dismiss_ms
            else:
                self._timer.start(self.auto_dismiss_ms)
        self.show()

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
