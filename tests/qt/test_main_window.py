"""Keyboard, filter, columns, pause and settings through the real main window."""

import time

from PySide6.QtCore import QSettings, Qt

from gui.app_icon import app_icon
from gui.core.columns import Column
from gui.settings import Settings
from tests.children import key_of
from tests.qt.conftest import wait_refreshes


def test_window_is_titled_and_lists_processes(qtbot, make_window) -> None:
    window = make_window()
    assert window.windowTitle() == "ProcPilot"
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0, timeout=10_000)
    titles = [window.model.headerData(c, Qt.Orientation.Horizontal).strip() for c in Column]
    assert titles == [
        "Name", "PID", "User", "Status", "CPU %", "Memory", "Threads", "Started", "Command line",
        "Window title", "Disk read/s", "Disk write/s", "Priority",
    ]  # fmt: skip


def test_ctrl_f_focuses_search_typing_filters_and_escape_clears(qtbot, make_window, spawn) -> None:
    window = make_window()
    key = key_of(spawn("findme-7c1e"))

    def listed_as_started() -> bool:  # not as the copy of pytest it was until its exec
        row = window.model.row_for(key)
        return row is not None and "findme-7c1e" in (row.sample.command_line or "")

    qtbot.waitUntil(listed_as_started, timeout=10_000)
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.filter_bar.search
    assert search.hasFocus()

    qtbot.keyClicks(search, "FINDME-7C1E")
    assert window.proxy.rowCount() == 1
    assert window.view.index_for(key).isValid()

    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.proxy.rowCount() == window.model.rowCount() > 1


def test_my_processes_choice_filters_by_owner(qtbot, make_window, spawn) -> None:
    window = make_window()
    key = key_of(spawn("mine-check"))
    qtbot.waitUntil(lambda: window.model.index_of(key).isValid(), timeout=10_000)
    window.filter_bar.scope.setCurrentText("Only me")
    assert window.proxy.only_mine
    assert window.view.index_for(key).isValid()  # the test's own child is ours
    mine = [row for row in window.model.rows() if row.sample.owned_by_me]
    assert window.proxy.rowCount() == len(mine)


def test_header_menu_hides_and_shows_columns_but_never_name(qtbot, make_window) -> None:
    window = make_window()
    menu = window.view.column_menu()
    actions = {action.text().replace("&", ""): action for action in menu.actions() if action.isCheckable()}
    assert not actions["Name"].isEnabled()
    actions["Threads"].trigger()
    assert window.view.header().isSectionHidden(Column.THREADS)
    window.view.column_menu().actions()[Column.THREADS].trigger()
    assert not window.view.header().isSectionHidden(Column.THREADS)


def test_pause_stops_refreshing_and_f5_still_refreshes(qtbot, make_window) -> None:
    window = make_window(interval_s=0.5)
    wait_refreshes(qtbot, window, 1)
    window.pause_action.trigger()
    assert window.state_label.text() == "Paused"
    with qtbot.assertNotEmitted(window.refreshed, wait=1500):
        pass
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    window.pause_action.trigger()
    assert window.state_label.text() == ""
    wait_refreshes(qtbot, window, 2)


def test_settings_persist_across_restarts(qtbot, make_window) -> None:
    first = make_window(interval_s=None, as_restored=True)
    assert first.loop.interval_s == 1.5  # the default
    first.resize(720, 455)  # within the offscreen screen (800 x 600)
    first.view.header().setSectionHidden(Column.THREADS, True)
    first.view.header().resizeSection(Column.USER, 211)
    first.view.header().moveSection(first.view.header().visualIndex(Column.PID), 5)
    first.view.sortByColumn(Column.MEMORY, Qt.SortOrder.AscendingOrder)
    first.filter_bar.scope.setCurrentText("Only me")
    interval_menu_action = next(
        action for action in first.findChildren(type(first.pause_action)) if action.data() == 3.0
    )
    interval_menu_action.trigger()
    first.close()

    second = make_window(interval_s=None, as_restored=True)
    header = second.view.header()
    assert (second.size().width(), second.size().height()) == (720, 455)
    assert header.isSectionHidden(Column.THREADS)
    assert second.view.column_fitter.preferred_width(Column.USER) == 211
    assert header.visualIndex(Column.PID) == 5
    assert header.sortIndicatorSection() == Column.MEMORY
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert second.proxy.sortColumn() == Column.MEMORY
    assert second.filter_bar.scope.currentText() == "Only me" and second.proxy.only_mine
    assert second.loop.interval_s == 3.0


def test_command_line_interval_overrides_the_saved_one(qtbot, make_window, settings_file) -> None:
    saved = make_window(interval_s=None, as_restored=True)
    three_seconds = next(
        action for action in saved.findChildren(type(saved.pause_action)) if action.data() == 3.0
    )
    three_seconds.trigger()  # the menu choice, saved
    saved.close()

    window = make_window(interval_s=0.5)  # as `--interval 0.5` does
    wait_refreshes(qtbot, window, 2)  # past the quick second pass that fills in CPU %
    started = time.monotonic()
    wait_refreshes(qtbot, window, 2)
    assert time.monotonic() - started < 2.9  # two passes at 0.5 s, not one at the saved 3 s
    window.close()

    stored = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert stored.interval_seconds == 3.0  # the override was not saved over the choice
    assert make_window(interval_s=None, as_restored=True).loop.interval_s == 3.0


def test_a_minimized_window_samples_nothing_and_refreshes_on_return(qtbot, make_window) -> None:
    window = make_window(interval_s=0.5)
    wait_refreshes(qtbot, window, 2)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.loop.suspended, timeout=5000)
    qtbot.wait(300)  # a pass already under way may still arrive
    with qtbot.assertNotEmitted(window.refreshed, wait=2000):
        pass
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.showNormal()
    assert not window.loop.suspended


def test_a_hidden_window_samples_nothing(qtbot, make_window) -> None:
    window = make_window(interval_s=0.5)
    wait_refreshes(qtbot, window, 1)
    window.hide()
    assert window.loop.suspended
    qtbot.wait(300)  # a pass already under way may still arrive
    with qtbot.assertNotEmitted(window.refreshed, wait=1500):
        pass
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.show()


def test_the_app_icon_is_found_in_every_size() -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256}
