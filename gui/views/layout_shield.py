"""A holder that keeps a widget's size changes from laying out the whole window again.

A ``QLabel`` asks its parent's layout to lay out again at every ``setText`` (Qt's
``updateGeometry``), and in a status bar that reaches the main window: every toolbar
button, the filter field and the list's header are measured again, about 1.5 ms at each
refresh for a status line whose height never changes. Inside this holder, which has no
layout of its own, the request stops here: the holder gives the widget its whole area
and passes a new size on only when the font or style changes (the height may then).
"""

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


class LayoutShield(QWidget):
    """Holds ``content`` at its own size; the holder's hints are the content's."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        content.setParent(self)
        content.installEventFilter(self)
        self.setSizePolicy(content.sizePolicy())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._content.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._content.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._content.setGeometry(self.rect())
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._content and event.type() in {QEvent.Type.FontChange, QEvent.Type.StyleChange}:
            self.updateGeometry()
        return False
