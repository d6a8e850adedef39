"""Right to left (Qt's ``-reverse``, or an Arabic or Hebrew desktop): the window mirrors and
nothing overlaps: toolbar controls, a message bar's text and buttons, the list's columns."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

from gui.core.columns import LEFT_TO_RIGHT_COLUMNS, Column
from gui.views.header_style import HeaderStyle
from gui.views.left_to_right import LeftToRightDelegate
from gui.views.main_toolbar import toolbar_buttons
from gui.views.message_bar import BarKind


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _rects(parent: QWidget, widgets: list[QWidget]) -> list[tuple[str, QRect]]:
    return [
        (
            widget.accessibleName() or widget.objectName() or type(widget).__name__,
            QRect(widget.mapTo(parent, widget.rect().topLeft()), widget.size()),
        )
        for widget in widgets
        if widget.isVisible()
    ]


def _assert_apart(rects: list[tuple[str, QRect]]) -> None:
    for position, (name, rect) in enumerate(rects):
        for other_name, other in rects[position + 1 :]:
            assert not rect.intersects(other), f"{name} {rect} overlaps {other_name} {other}"


@pytest.mark.usefixtures("right_to_left")
def test_nothing_overlaps_right_to_left(qtbot, make_window) -> None:
    window = make_window()
    assert window.isRightToLeft()
    window.results_bar.show_message(
        "A process could not be ended: it belongs to another user",
        BarKind.ERROR,
        (("Details\u2026", lambda: None),),
    )
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(window.results_bar.isVisible)
    toolbar = [window.filter_bar.search, window.filter_bar.scope, *toolbar_buttons(window.toolbar)]
    _assert_apart(_rects(window, toolbar))
    # Mirrored: the search field is at the right, End to its left.
    search = window.filter_bar.search.mapTo(window, window.filter_bar.search.rect().center())
    end = window.toolbar.widgetForAction(window.process_actions.end_action)
    assert end is not None and end.mapTo(window, end.rect().center()).x() < search.x()
    bar = window.results_bar
    _assert_apart(_rects(window, [bar.label, *bar.buttons(), bar.close_button]))
    assert (
        bar.close_button.mapTo(window, bar.close_button.rect().center()).x()
        < bar.label.mapTo(window, bar.label.rect().center()).x()
    )
    header = window.view.header()
    sections = [
        (
            str(logical),
            QRect(header.sectionViewportPosition(logical), 0, header.sectionSize(logical), header.height()),
        )
        for logical in range(header.count())
        if not header.isSectionHidden(logical)
    ]
    _assert_apart(sections)
    assert all(rect.left() >= 0 and rect.right() < header.viewport().width() + 1 for _, rect in sections)


COMMAND_LINE = "/usr/bin/Xvfb :99 -screen 0 1280x1024x24 -noreset"


def _cell(delegate: QStyledItemDelegate, text: str, alignment: Qt.AlignmentFlag) -> QImage:
    """``text`` painted by ``delegate`` into a cell of a right-to-left list, as the view paints it."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem(text)
    item.setTextAlignment(alignment)
    model.setItem(0, 0, item)
    option = QStyleOptionViewItem()
    option.direction = Qt.LayoutDirection.RightToLeft
    option.rect = QRect(0, 0, 700, 24)
    option.font = QApplication.font()
    option.fontMetrics = QFontMetrics(option.font)
    option.palette = QApplication.palette()
    option.state = QStyle.StateFlag.State_Enabled
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image


@pytest.mark.usefixtures("right_to_left")
def test_a_command_line_keeps_its_leading_slash_at_the_start(qtbot, make_window) -> None:
    """Painted by the view's own delegate, it looks as the same text with its direction pinned
    by a left-to-right mark (which the cell itself does not carry)."""
    window = make_window()
    delegate = window.view.itemDelegateForColumn(Column.COMMAND)
    assert isinstance(delegate, QStyledItemDelegate)
    leading = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
    painted = _cell(delegate, COMMAND_LINE, leading)
    pinned = _cell(QStyledItemDelegate(), f"\u200e{COMMAND_LINE}\u200e", leading)
    reordered = _cell(QStyledItemDelegate(), COMMAND_LINE, leading)  # what Qt paints unasked
    assert reordered != pinned, "the bidi rules no longer move the slash: this test sees nothing"
    assert painted == pinned


@pytest.mark.usefixtures("right_to_left")
def test_numbers_sizes_and_times_are_laid_out_left_to_right_where_the_mirror_puts_them(
    qtbot, make_window
) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0, timeout=10_000)
    for column in Column:
        index = window.view.model().index(0, column)
        option = QStyleOptionViewItem()
        option.initFrom(window.view)
        delegate = window.view.itemDelegateForIndex(index)
        delegate.initStyleOption(option, index)
        if column in LEFT_TO_RIGHT_COLUMNS:
            assert option.direction == Qt.LayoutDirection.LeftToRight, column
            given = index.data(Qt.ItemDataRole.TextAlignmentRole)  # none for an empty disk cell
            leading = given is None or not int(given) & int(Qt.AlignmentFlag.AlignRight)
            expected = Qt.AlignmentFlag.AlignRight if leading else Qt.AlignmentFlag.AlignLeft
            assert option.displayAlignment & expected, column  # mirrored: where the window put it
            assert option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute, column
        else:  # names, users, titles: whatever script they are in
            assert option.direction == Qt.LayoutDirection.RightToLeft, column
    assert {Column.PID, Column.CPU, Column.MEMORY, Column.STARTED, Column.COMMAND} <= LEFT_TO_RIGHT_COLUMNS


def test_a_left_to_right_window_paints_numbers_with_the_views_own_delegate(qtbot, make_window) -> None:
    """The left-to-right delegate is Python, called per cell painted: only a mirrored window
    pays for it, and one that turns right to left (or back) follows."""
    window = make_window()
    assert window.view.itemDelegateForColumn(Column.CPU) is None
    window.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert isinstance(window.view.itemDelegateForColumn(Column.CPU), LeftToRightDelegate)
    window.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert window.view.itemDelegateForColumn(Column.CPU) is None


def _title(section: Column, text: str) -> QImage:
    """A column title painted by the list's header style, right to left."""
    style = HeaderStyle()
    option = QStyleOptionHeader()
    option.section = section
    option.text = text
    option.textAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    option.direction = Qt.LayoutDirection.RightToLeft
    option.rect = QRect(0, 0, 160, 24)
    option.fontMetrics = QFontMetrics(QApplication.font())
    option.palette = QApplication.palette()
    option.state = QStyle.StateFlag.State_Enabled
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    style.drawControl(QStyle.ControlElement.CE_HeaderLabel, option, painter)
    painter.end()
    return image


def test_the_cpu_title_reads_cpu_percent_right_to_left(qapp) -> None:
    """ "CPU %", not "% CPU": as the title pinned by left-to-right marks in a column that is not
    laid out left to right (the name's)."""
    pinned = _title(Column.NAME, "\u200eCPU %\u200e")
    assert _title(Column.NAME, "CPU %") != pinned, (
        "the bidi rules no longer move the %: this test sees nothing"
    )
    assert _title(Column.CPU, "CPU %") == pinned
