"""A refresh that re-sorts the list repaints the rows it moved, and the screen still shows the list.

Children that take turns being busy trade places in the CPU % order at almost every
refresh; the search shows only them (and, in the Applications view, their group), so
processes that come and go elsewhere on the machine leave the shown rows alone. After
each refresh the pixels on screen (the window's backing store) must be what painting the
list afresh gives; and at least one such refresh must have repainted less than the whole
list (Qt alone repaints all of it).
"""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QApplication

from gui.core.columns import Column
from gui.core.view_mode import ViewMode
from gui.views.main_window import MainWindow
from tests.children import Spawn
from tests.qt.conftest import WindowFactory

#: Busy for the ``turn``-th of every three 0.3 s slots, asleep otherwise: three such children
#: trade the top places of the CPU % order at almost every 0.2 s refresh.
TAKES_TURNS = (
    "import sys, time\n"
    "turn = int(sys.argv[1][-1])\n"
    "while True:\n"
    "    if int(time.time() / 0.3) % 3 == turn:\n"
    "        end = time.time() + 0.02\n"
    "        while time.time() < end: pass\n"
    "    else:\n"
    "        time.sleep(0.02)\n"
)


class PaintedAreas(QObject):
    """The bounding rectangle of each paint event the rows get."""

    def __init__(self) -> None:
        super().__init__()
        self.heights: list[int] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.heights.append(event.region().boundingRect().height())
        return False


def on_screen(window: MainWindow) -> QImage:
    """The rows as the window's backing store holds them now (what the screen shows)."""
    viewport = window.view.viewport()
    corner = viewport.mapTo(window, QPoint(0, 0))
    screen = window.screen()
    pixmap = screen.grabWindow(window.winId(), corner.x(), corner.y(), viewport.width(), viewport.height())
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def painted_afresh(window: MainWindow) -> QImage:
    viewport = window.view.viewport()
    return viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize("view", [ViewMode.ALL_PROCESSES, ViewMode.APPLICATIONS])
def test_a_re_sorting_refresh_repaints_what_moved_and_the_screen_matches_the_list(
    qtbot, make_window: WindowFactory, spawn: Spawn, view: ViewMode
) -> None:
    for turn in range(3):
        spawn(f"moved-rows-{turn}", TAKES_TURNS)
    window = make_window(0.2, view=view)
    window.filter_bar.search.setText("moved-rows-")
    window.view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)
    window.view.scrollToTop()
    painted = PaintedAreas()
    window.view.viewport().installEventFilter(painted)
    re_sorted = []
    window.view.model().layoutChanged.connect(lambda *_: re_sorted.append(True))
    full_height = window.view.viewport().height()
    narrowed = 0
    for _ in range(20):
        painted.heights.clear()
        re_sorted.clear()
        with qtbot.waitSignal(window.refreshed, timeout=10_000):
            pass
        QApplication.processEvents()  # the refresh's repaint
        if re_sorted and painted.heights and max(painted.heights) < full_height:
            narrowed += 1
        assert on_screen(window) == painted_afresh(window), "a row on screen is stale"
    assert narrowed, "no re-sorting refresh repainted less than the whole list"
