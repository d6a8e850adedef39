"""The list holds still while the user aims at it, and a click acts on the row that was pressed."""

import signal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QPalette

from gui.core.columns import Column
from gui.core.delta import Delta
from gui.core.process_row import ProcessRow
from gui.sampler import SampleResult
from gui.views.list_hold import HoldReason
from gui.views.main_window import MainWindow
from tests.children import key_of
from tests.qt.conftest import status_of, wait_refreshes
from tests.qt.ui_driving import activate, right_click_row, row_point
from tests.rows import make_test_row

#: Far above any real PID (pid_max is at most 4,194,304): rows no process owns.
FAKE_PID = 9_000_000


def fake_rows(count: int, cpu_from: float = 900.0) -> list[ProcessRow]:
    """Rows that sort above every real process by CPU %, busiest first."""
    return [make_test_row(FAKE_PID + n, f"aim-{n}", cpu=cpu_from - n, create_time=1.0) for n in range(count)]


def busiest_first(make_window) -> MainWindow:
    window: MainWindow = make_window(interval_s=10.0)
    window.view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)
    return window


def view_row(window: MainWindow, row: ProcessRow) -> int:
    return window.view.index_for(row.key).row()


def move_pointer_to_row(qtbot, window: MainWindow, row: ProcessRow) -> None:
    activate(qtbot, window)
    qtbot.mouseMove(window.windowHandle(), row_point(window, row.key))
    qtbot.waitUntil(lambda: window.hold.held, timeout=2000)


def move_pointer_off_the_list(qtbot, window: MainWindow) -> None:
    status_bar = window.statusBar()
    qtbot.mouseMove(window.windowHandle(), status_bar.mapTo(window, status_bar.rect().center()))
    qtbot.waitUntil(lambda: not window.hold.held, timeout=2000)


def with_cpu(row: ProcessRow, cpu: float) -> ProcessRow:
    return make_test_row(row.key.pid, row.sample.name, cpu=cpu, create_time=row.key.create_time)


def test_rows_hold_still_under_the_pointer_and_catch_up_when_it_leaves(qtbot, make_window) -> None:
    window = busiest_first(make_window)
    rows = fake_rows(6)
    window.model.apply_delta(Delta(added=tuple(rows)))
    aimed, leaving = rows[2], rows[4]
    qtbot.waitUntil(lambda: view_row(window, aimed) == 2)

    move_pointer_to_row(qtbot, window, aimed)
    newcomer = make_test_row(FAKE_PID + 99, "aim-new", cpu=999.0, create_time=1.0)
    # The aimed row would sink to the bottom, a newcomer would come first, one process exits.
    window.model.apply_delta(
        Delta(added=(newcomer,), removed=(leaving.key,), changed=(with_cpu(aimed, 0.0),))
    )

    assert view_row(window, aimed) == 2, "the row under the pointer moved"
    assert window.view.index_for(aimed.key).siblingAtColumn(Column.CPU).data().strip() == "0.0"
    assert view_row(window, newcomer) == window.proxy.rowCount() - 1, "newcomers are appended"
    assert status_of(window, leaving.key) == "Exited"
    grey = window.model.index_of(leaving.key, Column.NAME).data(Qt.ItemDataRole.ForegroundRole)
    assert grey == window.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    move_pointer_off_the_list(qtbot, window)
    assert view_row(window, newcomer) == 0, "the order caught up"
    assert view_row(window, aimed) > view_row(window, rows[5]), "the aimed row sank"
    assert not window.model.index_of(leaving.key).isValid(), "the exited row went"


def test_the_order_catches_up_when_the_pointer_rests_for_5_s(qtbot, make_window) -> None:
    window = busiest_first(make_window)
    rows = fake_rows(3)
    window.model.apply_delta(Delta(added=tuple(rows)))
    move_pointer_to_row(qtbot, window, rows[0])
    window.model.apply_delta(Delta(changed=(with_cpu(rows[0], 0.0),)))
    assert view_row(window, rows[0]) == 0
    qtbot.wait(4000)
    assert window.hold.held, "released before the pointer rested for 5 s"
    qtbot.waitUntil(lambda: not window.hold.held, timeout=3000)
    assert view_row(window, rows[1]) == 0


def test_a_click_selects_the_pressed_process_even_if_the_rows_move_before_release(qtbot, make_window) -> None:
    window = busiest_first(make_window)
    rows = fake_rows(8)
    window.model.apply_delta(Delta(added=tuple(rows)))
    aimed = rows[1]
    point = row_point(window, aimed.key)
    activate(qtbot, window)
    qtbot.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    # A re-sort between press and release: the fake rows stay on top, in reverse order.
    window.proxy.sort(Column.PID, Qt.SortOrder.DescendingOrder)
    assert window.view.indexAt(window.view.viewport().mapFrom(window, point)).row() != view_row(window, aimed)
    qtbot.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    assert window.view.selected_keys() == [aimed.key]


def test_a_click_on_one_of_several_selected_rows_keeps_the_pressed_process(qtbot, make_window) -> None:
    window = busiest_first(make_window)
    rows = fake_rows(8)
    window.model.apply_delta(Delta(added=tuple(rows)))
    activate(qtbot, window)
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=row_point(window, rows[1].key))
    qtbot.mouseClick(
        window.windowHandle(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        row_point(window, rows[5].key),
    )
    assert set(window.view.selected_keys()) == {rows[1].key, rows[5].key}
    point = row_point(window, rows[5].key)
    qtbot.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    window.proxy.sort(Column.CPU, Qt.SortOrder.AscendingOrder)  # the pressed row moves out of view
    qtbot.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    assert window.view.selected_keys() == [rows[5].key]


def test_an_open_menu_holds_the_order(qtbot, make_window) -> None:
    window = busiest_first(make_window)
    rows = fake_rows(3)
    window.model.apply_delta(Delta(added=tuple(rows)))
    window.process_actions.menu_open.emit(True)
    assert window.hold.reasons == {HoldReason.MENU}
    window.model.apply_delta(Delta(changed=(with_cpu(rows[0], 0.0),)))
    assert view_row(window, rows[0]) == 0
    window.process_actions.menu_open.emit(False)
    qtbot.waitUntil(lambda: view_row(window, rows[1]) == 0, timeout=2000)


def test_at_the_top_the_busiest_processes_stay_in_view(qtbot, make_window) -> None:
    window = busiest_first(make_window)
    rows = fake_rows(40)
    window.model.apply_delta(Delta(added=tuple(rows)))
    selected = rows[3]
    window.view.selectionModel().select(
        window.view.index_for(selected.key),
        window.view.selectionModel().SelectionFlag.ClearAndSelect
        | window.view.selectionModel().SelectionFlag.Rows,
    )
    window.view.setCurrentIndex(window.view.index_for(selected.key))
    assert window.view.verticalScrollBar().value() == 0
    sunk = with_cpu(selected, 1.0)  # sorts below all 40 fake rows, out of view
    window.loop.result_ready.emit(_result(Delta(changed=(sunk,))))
    qtbot.waitUntil(lambda: not window.applier.busy)
    assert window.view.verticalScrollBar().value() == 0, "the view followed the selected row"
    assert view_row(window, rows[0]) == 0
    assert window.view.selected_keys() == [selected.key]


def _result(delta: Delta) -> SampleResult:
    """A synthetic pass, delivered as the sampling loop delivers its own."""
    return SampleResult(delta, None, 0)


def test_a_selected_process_that_ends_leaves_the_selection_and_the_view_stays(
    qtbot, make_window, spawn
) -> None:
    window = make_window(interval_s=0.5)
    window.view.sortByColumn(Column.MEMORY, Qt.SortOrder.DescendingOrder)
    window.resize(780, 300)
    child = spawn("holds-still-zombie")
    key = key_of(child)
    qtbot.waitUntil(lambda: window.view.index_for(key).isValid(), timeout=10_000)
    scroll_bar = window.view.verticalScrollBar()
    index = window.view.index_for(key)
    window.view.scrollTo(index)
    window.view.selectionModel().setCurrentIndex(
        index,
        window.view.selectionModel().SelectionFlag.ClearAndSelect
        | window.view.selectionModel().SelectionFlag.Rows,
    )
    assert scroll_bar.value() < scroll_bar.maximum(), "the child must not already be at the bottom"
    child.send_signal(signal.SIGKILL)  # not reaped yet: a zombie at 0 B
    qtbot.waitUntil(lambda: status_of(window, key) == "Zombie", timeout=10_000)
    wait_refreshes(qtbot, window, 1)
    assert window.view.selected_keys() == []
    assert scroll_bar.value() < scroll_bar.maximum(), "the view followed the ended row to the bottom"
    child.wait(timeout=10)


def test_the_first_click_on_a_number_column_sorts_biggest_first(qtbot, make_window) -> None:
    window = make_window()
    header = window.view.header()
    activate(qtbot, window)

    def click_header(column: Column) -> None:
        centre = QPoint(
            header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2
        )
        qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=header.mapTo(window, centre))

    for column, first in (
        (Column.MEMORY, Qt.SortOrder.DescendingOrder),
        (Column.NAME, Qt.SortOrder.AscendingOrder),
        (Column.CPU, Qt.SortOrder.DescendingOrder),
        (Column.USER, Qt.SortOrder.AscendingOrder),
    ):
        click_header(column)
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, first)
    click_header(Column.CPU)
    click_header(Column.CPU)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder, "a second click turns it round"


def test_while_paused_an_exited_process_is_greyed_marked_exited_and_not_actionable(
    qtbot, make_window, spawn
) -> None:
    window = make_window(interval_s=0.5)
    child = spawn("paused-exit")
    key = key_of(child)
    qtbot.waitUntil(lambda: window.view.index_for(key).isValid(), timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.pause_action.isChecked()
    child.kill()
    child.wait(timeout=10)
    qtbot.waitUntil(lambda: status_of(window, key) == "Exited", timeout=10_000)

    window.view.selectionModel().select(
        window.view.index_for(key),
        window.view.selectionModel().SelectionFlag.ClearAndSelect
        | window.view.selectionModel().SelectionFlag.Rows,
    )
    assert window.view.selected_keys() == [key]
    assert not window.process_actions.end_action.isEnabled()
    assert window.process_actions.selected_targets() == ()
    menu = right_click_row(qtbot, window, key)
    end_entry = menu.findChild(QAction, "action_end")
    assert end_entry is not None and not end_entry.isEnabled()
    menu.close()

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.model.index_of(key).isValid(), timeout=10_000)
