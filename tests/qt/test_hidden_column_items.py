"""Columns the user hides hold no Qt items (memory at thousands of processes); shown
again through the header's menu, they are filled with the rows' current values."""

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel

from gui.core.columns import Column
from gui.core.view_mode import ViewMode
from gui.views.main_window import MainWindow
from tests.children import key_of
from tests.qt.conftest import wait_refreshes
from tests.qt.test_disk_columns import cell, hide_column, show_column

NICE_SLEEPER = "import os, time\nos.nice(7)\nprint('ready', flush=True)\ntime.sleep(600)\n"


def _items_in(window: MainWindow, column: int) -> int:
    model = window.model
    return sum(model.item(row, column) is not None for row in range(model.rowCount()))


def test_a_hidden_column_holds_no_items_until_shown(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("nice-sleeper", NICE_SLEEPER, ready_line=b"ready")
    key = key_of(child)
    qtbot.waitUntil(lambda: window.model.index_of(key).isValid(), timeout=10_000)
    wait_refreshes(qtbot, window, 2)  # a pass after the child's os.nice(): its row is current
    assert window.view.header().isSectionHidden(Column.PRIORITY)  # hidden in a new window
    assert _items_in(window, Column.PRIORITY) == 0
    assert _items_in(window, Column.PID) == window.model.rowCount()

    show_column(window, "Priority")
    assert _items_in(window, Column.PRIORITY) == window.model.rowCount()
    assert cell(window, key, Column.PRIORITY) == "7"
    assert cell(window, key, Column.PRIORITY) == str(os.getpriority(os.PRIO_PROCESS, child.pid))

    hide_column(window, "Priority")
    assert _items_in(window, Column.PRIORITY) == 0
    wait_refreshes(qtbot, window, 2)  # new rows and changes do not bring them back
    assert _items_in(window, Column.PRIORITY) == 0


def test_the_column_the_list_is_sorted_by_keeps_its_items_when_hidden(qtbot, make_window) -> None:
    window = make_window()
    show_column(window, "Priority")
    window.view.sortByColumn(Column.PRIORITY, Qt.SortOrder.DescendingOrder)
    hide_column(window, "Priority")
    wait_refreshes(qtbot, window, 1)
    assert _items_in(window, Column.PRIORITY) == window.model.rowCount()  # it still orders the rows
    window.view.sortByColumn(Column.PID, Qt.SortOrder.AscendingOrder)
    assert _items_in(window, Column.PRIORITY) == 0


def test_a_greyed_exited_row_is_greyed_in_a_column_shown_later(qtbot, make_window, spawn) -> None:
    window = make_window()
    window.model.set_keep_exited(True)
    child = spawn("exiting-sleeper", NICE_SLEEPER, ready_line=b"ready")
    key = key_of(child)
    qtbot.waitUntil(lambda: window.model.index_of(key).isValid(), timeout=10_000)
    child.kill()
    child.wait(timeout=10)
    qtbot.waitUntil(lambda: window.model.is_exited(key), timeout=10_000)
    show_column(window, "Priority")
    grey = window.model.index_of(key, Column.PID).data(Qt.ItemDataRole.ForegroundRole)
    assert grey is not None
    assert window.model.index_of(key, Column.PRIORITY).data(Qt.ItemDataRole.ForegroundRole) == grey


def _nested_items(model: QStandardItemModel, column: int) -> tuple[int, int]:
    """(rows at every level, of them with an item in ``column``)."""
    rows = with_items = 0
    pending = [model.invisibleRootItem()]
    while pending:
        parent = pending.pop()
        for row in range(parent.rowCount()):
            rows += 1
            with_items += parent.child(row, column) is not None
            child = parent.child(row, 0)
            if child is not None and child.hasChildren():
                pending.append(child)
    return rows, with_items


@pytest.mark.parametrize("mode", [ViewMode.APPLICATIONS, ViewMode.PROCESS_TREE])
def test_the_nested_views_leave_hidden_columns_empty_too(qtbot, make_window, spawn, mode) -> None:
    window = make_window(view=mode)
    child = spawn("nice-sleeper", NICE_SLEEPER, ready_line=b"ready")
    key = key_of(child)
    nested = window.views.nested
    assert nested is not None
    qtbot.waitUntil(lambda: nested.index_of(key).isValid(), timeout=10_000)
    wait_refreshes(qtbot, window, 2)
    rows, with_items = _nested_items(nested, Column.PRIORITY)
    assert rows > 3 and with_items == 0

    show_column(window, "Priority")
    rows, with_items = _nested_items(nested, Column.PRIORITY)
    assert with_items == rows  # processes, and apps or sections
    assert nested.index_of(key, Column.PRIORITY).data() == "7"
    wait_refreshes(qtbot, window, 1)
    assert _nested_items(nested, Column.PRIORITY)[1] == _nested_items(nested, Column.PRIORITY)[0]

    hide_column(window, "Priority")
    assert _nested_items(nested, Column.PRIORITY)[1] == 0
