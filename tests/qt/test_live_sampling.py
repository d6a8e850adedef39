"""The window follows real child processes as they start, stop and exit."""

import signal

from gui.core.columns import Column
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
