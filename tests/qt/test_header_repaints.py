"""A refresh repaints the rows it changed, not the header; what does change the header still does."""

from PySide6.QtCore import QEvent, Qt

from gui.core.columns import Column
from tests.qt.conftest import WindowFactory, wait_refreshes
from tests.qt.event_counter import EventCounter


def test_refreshes_leave_the_header_alone_and_a_new_sort_repaints_it(
    qtbot, make_window: WindowFactory
) -> None:
    window = make_window(0.2)
    window.view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)  # re-sorts as CPU % moves
    wait_refreshes(qtbot, window, 2)
    header = window.view.header()
    counter = EventCounter(QEvent.Type.Paint)
    header.viewport().installEventFilter(counter)
    rows_painted = EventCounter(QEvent.Type.Paint)
    window.view.viewport().installEventFilter(rows_painted)
    wait_refreshes(qtbot, window, 5)
    qtbot.waitUntil(lambda: rows_painted.count > 0)  # the rows did repaint meanwhile
    assert counter.count == 0
    header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: counter.count > 0)
    assert header.viewport().updatesEnabled()
