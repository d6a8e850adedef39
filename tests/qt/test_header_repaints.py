"""A refresh repaints the rows it changed, not the header; what does change the header still does."""

from PySide6.QtCore import QEvent, QObject, Qt

from gui.core.columns import Column
from tests.qt.conftest import WindowFactory, wait_refreshes


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_refreshes_leave_the_header_alone_and_a_new_sort_repaints_it(
    qtbot, make_window: WindowFactory
) -> None:
    window = make_window(0.2)
    window.view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)  # re-sorts as CPU % moves
    wait_refreshes(qtbot, window, 2)
    header = window.view.header()
    counter = PaintCounter()
    header.viewport().installEventFilter(counter)
    rows_painted = PaintCounter()
    window.view.viewport().installEventFilter(rows_painted)
    wait_refreshes(qtbot, window, 5)
    qtbot.waitUntil(lambda: rows_painted.paints > 0)  # the rows did repaint meanwhile
    assert counter.paints == 0
    header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: counter.paints > 0)
    assert header.viewport().updatesEnabled()
