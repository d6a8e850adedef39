"""A non-modal bar above the table for results and offers (like KMessageWidget)."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class BarKind(Enum):
    SUCCESS = "#dcf1dc", "#3c9a3c"
    WARNING = "#fbefd0", "#c98a0b"
    ERROR = "#f8dada", "#c83737"


class MessageBar(QFrame):
    """One message with optional buttons and a close button; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        self._layout.addWidget(close)
        self.hide()

    def show_message(
        self, text: str, kind: BarKind, buttons: tuple[tuple[str, Callable[[], None]], ...] = ()
    ) -> None:
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
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def dismiss(self) -> None:
        self.hide()
        self.label.clear()
