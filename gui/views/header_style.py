"""Room around the column titles: a right-aligned title keeps clear of the sort arrow and of
the next column, without padding characters in its text (screen readers read those).

Set on the header only, so it costs a few calls per header repaint, never per cell.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget

from gui.core.columns import LEFT_TO_RIGHT_COLUMNS
from gui.views.left_to_right import lay_out_left_to_right

_ARROW = QStyle.SubElement.SE_HeaderArrow
_SECTION = QStyle.ContentsType.CT_HeaderSection
_LABEL = QStyle.ControlElement.CE_HeaderLabel
_NO_ARROW = QStyleOptionHeader.SortIndicator.None_


class HeaderStyle(QProxyStyle):
    """The application's style, with room at the trailing end of each header title."""

    def _room(self, option: QStyleOptionHeader, widget: QWidget | None) -> int:
        """A margin (an en space in the header's font), and the arrow's width when sorted."""
        room = option.fontMetrics.horizontalAdvance("\u2002")
        if option.sortIndicator != _NO_ARROW:
            room += self.baseStyle().subElementRect(_ARROW, option, widget).width()
        return room

    def drawControl(  # noqa: N802 - Qt's name
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == _LABEL and isinstance(option, QStyleOptionHeader):
            option = QStyleOptionHeader(option)
            room = self._room(option, widget)
            if option.direction == Qt.LayoutDirection.RightToLeft:
                option.rect.setLeft(option.rect.left() + room)
            else:
                option.rect.setRight(option.rect.right() - room)
            if option.section in LEFT_TO_RIGHT_COLUMNS:  # "CPU %", not "% CPU", right to left
                direction, option.textAlignment = lay_out_left_to_right(
                    option.direction, option.textAlignment
                )
                painter.save()
                painter.setLayoutDirection(direction)
                super().drawControl(element, option, painter, widget)
                painter.restore()
                return
        super().drawControl(element, option, painter, widget)

    def sizeFromContents(  # noqa: N802 - Qt's name
        self, contents: QStyle.ContentsType, option: QStyleOption, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        measured = super().sizeFromContents(contents, option, size, widget)  # type: ignore[arg-type]
        if contents == _SECTION and isinstance(option, QStyleOptionHeader):
            measured.setWidth(measured.width() + self._room(option, widget))
        return measured
