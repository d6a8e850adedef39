"""A one-line label that ends in "…" when its text does not fit, instead of being cut off."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStyleOption, QWidget


class ElidedLabel(QLabel):
    """Plain text on one line, elided at the right; ``text()`` is still the whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As narrow as an ellipsis: a small window keeps its width."""
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("\u2026"), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        text = self.text()
        rect = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(text) <= rect.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.style().drawItemText(
            painter, rect, int(alignment), option.palette, self.isEnabled(), elided, self.foregroundRole()
        )
        painter.end()
