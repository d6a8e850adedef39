"""Change priority ▸ in the real window, on a child with three threads that the test starts.

Linux keeps a nice value per thread: every thread must change. Lowering a priority works
for one's own process; raising it again (RLIMIT_NICE is 0 for ordinary users) fails and
offers Try as administrator. Those steps act as ACTOR on a child that ACTOR owns.
"""

import os
import sys

import pytest
from PySide6.QtCore import Qt

from gui.core.actions import Action, ActionRequest
from gui.core.columns import Column
from gui.core.outcomes import BatchReport, Outcome
from gui.core.priority import Priority
from gui.core.process_key import ProcessKey
from tests.children import key_of
from tests.other_user import ACTOR, acting_as, thread_nices
from tests.qt.ui_driving import choose, menu_texts, open_submenu_titled, right_click_row, wait_listed

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice per thread is Linux's")

#: Two threads besides the main one, all parked until the child is killed.
ENTRIES = ["Very high (nice -10)", "High (nice -5)", "Normal (nice 0)", "Low (nice 5)", "Very low (nice 10)"]


def change_priority(qtbot, window, key: ProcessKey, entry: str) -> BatchReport:
    menu = right_click_row(qtbot, window, key)
    priorities = open_submenu_titled(qtbot, menu, "Change priority")
    assert menu_texts(priorities) == ENTRIES
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        choose(qtbot, priorities, entry)
    report = finished.args[0]
    assert isinstance(report, BatchReport)
    return report


def checked_entry(qtbot, window, key: ProcessKey) -> list[str]:
    menu = right_click_row(qtbot, window, key)
    priorities = open_submenu_titled(qtbot, menu, "Change priority")
    checked = [entry.text().replace("&", "") for entry in priorities.actions() if entry.isChecked()]
    menu.close()
    return checked


def test_low_then_back_to_normal_needs_an_administrator(qtbot, make_window, actors_child) -> None:
    window = make_window()
    key = ProcessKey(actors_child.pid, actors_child.create_time())
    wait_listed(qtbot, window, key)
    assert checked_entry(qtbot, window, key) == ["Normal (nice 0)"]
    with acting_as(ACTOR):
        report = change_priority(qtbot, window, key, "Low (nice 5)")
    assert [r.outcome for r in report.results] == [Outcome.PRIORITY_SET]
    assert thread_nices(actors_child.pid) == [5, 5, 5]
    assert "priority set to Low" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: checked_entry(qtbot, window, key) == ["Low (nice 5)"], timeout=10_000)

    with acting_as(ACTOR):
        report = change_priority(qtbot, window, key, "Normal (nice 0)")
    assert [r.outcome for r in report.results] == [Outcome.PERMISSION_DENIED]
    assert thread_nices(actors_child.pid) == [5, 5, 5]
    bar = window.results_bar
    assert "change its priority" in bar.label.text(), bar.label.text()
    assert bar.buttons()[0].text() == "Try as administrator"
    asked: list[ActionRequest] = []
    window.controller.submit_elevated = asked.append  # the real pkexec run is the helper's test
    bar.buttons()[0].click()
    target = report.results[0].target
    assert asked == [
        ActionRequest(Action.SET_PRIORITY, (target,), as_administrator=True, priority=Priority.NORMAL)
    ]


def test_the_priority_column_shows_the_nice_value_and_sorts_by_number(qtbot, make_window, spawn) -> None:
    children = [spawn(f"nice-{value}") for value in (10, -3, 5)]
    for child, value in zip(children, (10, -3, 5), strict=True):
        os.setpriority(os.PRIO_PROCESS, child.pid, value)
    window = make_window()
    header = window.view.header()
    assert header.isSectionHidden(Column.PRIORITY)  # hidden until asked for
    for column in (Column.COMMAND, Column.WINDOW_TITLE, Column.STARTED, Column.PRIORITY):
        window.view.column_menu().actions()[column].trigger()  # room for it in a small screen
    assert window.view.column_fitter.is_shown(Column.PRIORITY)
    qtbot.waitUntil(lambda: not header.isSectionHidden(Column.PRIORITY), timeout=5000)
    keys = [key_of(child) for child in children]
    for key in keys:
        wait_listed(qtbot, window, key)
    qtbot.waitUntil(
        lambda: (
            [window.view.index_for(k).siblingAtColumn(Column.PRIORITY).data() for k in keys]
            == ["10", "-3", "5"]
        ),
        timeout=10_000,
    )
    window.view.sortByColumn(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    rows = {window.view.index_for(key).row(): key.pid for key in keys}
    assert [rows[row] for row in sorted(rows)] == [children[1].pid, children[2].pid, children[0].pid]


def test_priorities_are_read_in_passes_only_while_the_priority_column_is_shown(qtbot, make_window) -> None:
    """psutil's reader (Windows, macOS) pays a system call per process for the nice value:
    the window asks for it only while the Priority column is ticked in the column menu."""
    window = make_window()
    assert not window.loop.priority_read_in_passes
    for column in (Column.COMMAND, Column.WINDOW_TITLE, Column.STARTED):
        window.view.column_menu().actions()[column].trigger()  # room for it in a small screen
    entry = window.view.column_menu().actions()[Column.PRIORITY]
    assert entry.text().replace("&", "") == "Priority"
    entry.trigger()
    assert window.view.column_fitter.is_shown(Column.PRIORITY)
    qtbot.waitUntil(lambda: window.loop.priority_read_in_passes, timeout=5000)
    window.view.column_menu().actions()[Column.PRIORITY].trigger()
    qtbot.waitUntil(lambda: not window.loop.priority_read_in_passes, timeout=5000)
