"""Copy: the selected rows reach the clipboard as the table shows them, one line each."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from gui.core.columns import Column
from gui.views.copy_rows import visible_columns
from gui.views.main_window import MainWindow
from tests.children import key_of
from tests.qt.ui_driving import activate, choose, click_row, menu_texts, right_click_row, wait_listed

_TAB_MARKER = "ui-copy-2\tsecond"


def _select_two_children(qtbot, window: MainWindow, spawn) -> list[int]:
    """Two children, listed and selected, with updates paused so the cells hold still."""
    children = [spawn("ui-copy-1"), spawn(_TAB_MARKER)]
    keys = [key_of(child) for child in children]
    for key in keys:
        wait_listed(qtbot, window, key)
    window.filter_bar.search.setText("ui-copy-")
    # Both found by their command lines (a pass may have caught one before its exec), then held.
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=10_000)
    window.pause_action.setChecked(True)
    click_row(qtbot, window, keys[0])
    click_row(qtbot, window, keys[1], Qt.KeyboardModifier.ControlModifier)
    assert set(window.view.selected_keys()) == set(keys)
    return [key.pid for key in keys]


def _shown_cells(window: MainWindow, row: int) -> list[str]:
    """What the user reads in a row, column by column as shown, padding removed."""
    columns = visible_columns(window.view.header())
    return [str(window.proxy.index(row, column).data()) for column in columns]


def _clear_clipboard() -> None:
    QApplication.clipboard().setText("nothing copied yet")


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_lines(qtbot, make_window, spawn) -> None:
    window = make_window()
    header = window.view.header()
    header.moveSection(header.visualIndex(Column.COMMAND), 1)  # the user reordered the columns
    window.view.setColumnHidden(Column.USER, True)  # and hid one
    pids = _select_two_children(qtbot, window, spawn)
    _clear_clipboard()

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    lines = QApplication.clipboard().text().split("\n")
    assert len(lines) == 2
    assert lines == ["\t".join(_shown_cells(window, row)) for row in range(2)]
    columns = visible_columns(header)
    assert columns[:2] == [Column.NAME, Column.COMMAND] and Column.USER not in columns
    fields = [line.split("\t") for line in lines]
    assert all(len(cells) == len(columns) for cells in fields)  # a tab in a command line is shown, not copied
    assert sorted(int(cells[columns.index(Column.PID)]) for cells in fields) == sorted(pids)
    assert "\u2002" not in "".join(lines)
    assert any("ui-copy-2\u27e8U+0009\u27e9second" in cells[1] for cells in fields)


def test_edit_copy_in_the_menu_bar_copies_the_same(qtbot, make_window, spawn) -> None:
    window = make_window()
    _select_two_children(qtbot, window, spawn)
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    by_key = QApplication.clipboard().text()
    _clear_clipboard()

    bar = window.menuBar()
    titles = [action.text().replace("&", "") for action in bar.actions()]
    assert titles[:3] == ["File", "Edit", "Process"]
    edit_menu = window.findChild(QMenu, "menu_edit")
    assert edit_menu is not None
    activate(qtbot, window)
    point = bar.mapTo(window, bar.actionGeometry(edit_menu.menuAction()).center())
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(edit_menu.isVisible, timeout=5000)
    assert menu_texts(edit_menu) == ["Copy", "Select all"]
    choose(qtbot, edit_menu, "Copy")

    assert QApplication.clipboard().text() == by_key
    assert len(by_key.split("\n")) == 2


def test_copy_in_the_right_click_menu_copies_the_selection(qtbot, make_window, spawn) -> None:
    window = make_window()
    pids = _select_two_children(qtbot, window, spawn)
    _clear_clipboard()
    menu = right_click_row(qtbot, window, key_of_pid(window, pids[1]))
    choose(qtbot, menu, "Copy")
    lines = QApplication.clipboard().text().split("\n")
    assert lines == ["\t".join(_shown_cells(window, row)) for row in range(2)]


def test_copy_is_disabled_without_a_selection_and_select_all_selects_every_row(qtbot, make_window) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0, timeout=10_000)
    edit = window.edit_actions
    window.view.clearSelection()
    assert not edit.copy_action.isEnabled()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.view.selectionModel().selectedRows()) == window.proxy.rowCount()
    assert edit.copy_action.isEnabled()


def key_of_pid(window: MainWindow, pid: int):
    """The listed ProcessKey of ``pid``."""
    return next(key for key in window.view.selected_keys() if key.pid == pid)
