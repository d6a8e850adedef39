"""The window follows real child processes as they start, stop and exit."""

import signal

import pytest

from gui.core.columns import Column
from gui.core.process_kind import ProcessKind
from gui.core.view_mode import ViewMode
from tests.children import key_of
from tests.qt.conftest import status_of, wait_refreshes


def test_a_new_child_appears_within_two_refreshes(qtbot, make_window, spawn) -> None:
    window = make_window()
    wait_refreshes(qtbot, window, 1)
    key = key_of(spawn("live-new"))
    wait_refreshes(qtbot, window, 2)
    assert window.model.index_of(key).isValid()
    assert window.view.index_for(key).isValid()


def test_an_exited_child_disappears_within_two_refreshes(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("live-exit")
    key = key_of(child)
    qtbot.waitUntil(lambda: window.model.index_of(key).isValid(), timeout=10_000)
    child.kill()
    child.wait(timeout=10)
    wait_refreshes(qtbot, window, 2)
    assert not window.model.index_of(key).isValid()


def test_a_stopped_child_shows_suspended_then_sleeping(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("live-stop")
    key = key_of(child)
    qtbot.waitUntil(lambda: status_of(window, key) == "Sleeping", timeout=10_000)
    child.send_signal(signal.SIGSTOP)
    wait_refreshes(qtbot, window, 2)
    assert status_of(window, key) == "Suspended"
    child.send_signal(signal.SIGCONT)
    wait_refreshes(qtbot, window, 2)
    assert status_of(window, key) == "Sleeping"


def test_a_busy_child_shows_its_cpu_use(qtbot, make_window, spawn) -> None:
    window = make_window()
    key = key_of(spawn("live-busy", "while True: pass"))
    wait_refreshes(qtbot, window, 3)
    cpu = float(window.model.index_of(key, Column.CPU).data())
    assert cpu > 50.0, f"a spinning child showed only {cpu} % CPU"


def test_status_bar_counts_shown_and_total_processes(qtbot, make_window) -> None:
    window = make_window()
    wait_refreshes(qtbot, window, 2)
    total = window.model.rowCount()
    assert f"{total} of {total} processes shown" in window.status_label.text()
    window.filter_bar.search.setText("no process is called like this 7f3a")
    assert f"0 of {total} processes shown" in window.status_label.text()
    assert "CPU " in window.status_label.text() and "Memory " in window.status_label.text()


def shown_count(window) -> tuple[int, int]:
    """The status bar's "N of M processes shown", as numbers."""
    shown, _, rest = window.status_label.text().partition(" of ")
    return int(shown), int(rest.split()[0])


def test_each_view_counts_the_processes_it_shows(qtbot, make_window, spawn) -> None:
    """Applications hides kernel threads (unless asked), the tree shows a match's ancestors:
    the count says so, rather than the flat list's."""
    window = make_window(view=ViewMode.APPLICATIONS)
    window.kernel_threads_action.setChecked(False)
    child = spawn("status-count-5e1d")
    wait_refreshes(qtbot, window, 2)
    rows = window.model.rows()
    kernel_threads = sum(row.kind is ProcessKind.KERNEL_THREAD for row in rows)
    if not kernel_threads:
        pytest.skip("no kernel threads visible here")
    assert shown_count(window) == (len(rows) - kernel_threads, len(rows))

    window.kernel_threads_action.setChecked(True)
    qtbot.waitUntil(lambda: shown_count(window)[0] == shown_count(window)[1], timeout=5000)

    window.filter_bar.search.setText("status-count-5e1d")
    window.show_view(ViewMode.PROCESS_TREE)
    by_pid = {row.key.pid: row for row in window.model.rows()}
    chain, pid = 0, child.pid
    while pid in by_pid:  # the child and its ancestors, up to the first not listed
        chain += 1
        pid = by_pid[pid].sample.parent_pid or 0
    assert chain >= 2
    qtbot.waitUntil(lambda: shown_count(window)[0] == chain, timeout=5000)

    window.show_view(ViewMode.ALL_PROCESSES)
    assert shown_count(window)[0] == 1
