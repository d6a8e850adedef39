"""The Disk read/s and Disk write/s columns, on real processes writing to a real disk."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.core.columns import DISK_COLUMNS, Column
from gui.core.formatting import format_bytes
from gui.core.intervals import MAX_INTERVAL_S
from gui.core.process_key import ProcessKey
from gui.models.roles import SORT_ROLE
from gui.views.main_window import MainWindow
from tests.block_device import on_block_device
from tests.children import key_of
from tests.other_user import ACTOR, acting_as
from tests.qt.conftest import wait_refreshes

#: Writes 1 MB, fsync'd (so it reaches the device), five times a second, until ended.
WRITER = """\
import os, sys, time
path = {path!r}
block = os.urandom(1 << 20)
with open(path, "wb") as out:
    print("ready", flush=True)
    while True:
        out.write(block)
        out.flush()
        os.fsync(out.fileno())
        out.seek(0)
        time.sleep(0.2)
"""


@pytest.fixture
def disk_file() -> Iterator[Path]:
    """A file on a real disk (not tmpfs): page-cache-only writes would not count."""
    for folder in (Path("/var/tmp"), Path(__file__).resolve().parent):
        if on_block_device(folder):
            break
    else:
        pytest.skip("no folder on a block device to write to (/var/tmp and the checkout are not)")
    handle, name = tempfile.mkstemp(prefix="procpilot-disk-", dir=folder)
    os.close(handle)
    yield Path(name)
    Path(name).unlink(missing_ok=True)


def show_column(window: MainWindow, title: str) -> None:
    """Tick the column in the header's column menu, found by its visible name."""
    menu = window.view.column_menu()
    action = next(a for a in menu.actions() if a.text().replace("&", "") == title)
    action.setChecked(True)
    menu.deleteLater()


def hide_column(window: MainWindow, title: str) -> None:
    menu = window.view.column_menu()
    next(a for a in menu.actions() if a.text().replace("&", "") == title).setChecked(False)
    menu.deleteLater()


def cell(window: MainWindow, key: ProcessKey, column: Column) -> str:
    index = window.model.index_of(key, column)
    return str(index.data()) if index.isValid() else "(not listed)"


def test_disk_columns_are_hidden_in_a_new_window(qtbot, make_window) -> None:
    window = make_window()
    header = window.view.header()
    for column in DISK_COLUMNS:
        assert header.isSectionHidden(column)
    titles = [action.text().replace("&", "") for action in window.view.column_menu().actions()]
    assert "Disk read/s" in titles
    assert "Disk write/s" in titles


def test_a_writing_child_shows_its_disk_write_rate(qtbot, make_window, spawn, disk_file) -> None:
    window = make_window()
    show_column(window, "Disk write/s")
    assert not window.view.header().isSectionHidden(Column.DISK_WRITE)
    child = spawn("disk-writer", WRITER.format(path=str(disk_file)), ready_line=b"ready")
    key = key_of(child)

    def writing() -> bool:
        index = window.model.index_of(key, Column.DISK_WRITE)
        return index.isValid() and float(index.data(SORT_ROLE)) > 0

    qtbot.waitUntil(writing, timeout=20_000)
    text = cell(window, key, Column.DISK_WRITE)
    assert text.endswith("/s") and text[0].isdigit(), text
    assert os.path.getsize(disk_file) == 1 << 20  # it really wrote (and rewrote) the file


def test_hidden_disk_columns_open_no_counter_files(qtbot, make_window) -> None:
    window = make_window()
    wait_refreshes(qtbot, window, 2)
    assert window.loop.disk_files_opened == 0
    show_column(window, "Disk read/s")
    wait_refreshes(qtbot, window, 2)
    opened = window.loop.disk_files_opened
    assert opened > 0  # the counter does count: shown, every pass opens the files
    hide_column(window, "Disk read/s")
    wait_refreshes(qtbot, window, 1)  # a pass may have been under way as it was hidden
    after_hiding = window.loop.disk_files_opened
    wait_refreshes(qtbot, window, 3)
    assert window.loop.disk_files_opened == after_hiding


def test_another_users_process_is_blank_and_says_why(qtbot, make_window, foreign_sleeper) -> None:
    window = make_window()
    key = ProcessKey(foreign_sleeper.pid, foreign_sleeper.create_time())
    with acting_as(ACTOR):  # unprivileged, as the app runs: another user's counters are refused
        show_column(window, "Disk read/s")
        wait_refreshes(qtbot, window, 3)
        index = window.model.index_of(key, Column.DISK_READ)
        assert index.isValid()
        assert index.data() == ""
        assert "administrator" in str(index.data(Qt.ItemDataRole.ToolTipRole))
    foreign_sleeper.send_signal(signal.SIGCONT)  # untouched, still running
    assert foreign_sleeper.is_running()


#: Waits for a line on stdin, writes SIZE bytes to PATH with fsync, says so, waits again.
WRITE_ONCE = """\
import os, sys
path, size = {path!r}, {size}
print("ready", flush=True)
sys.stdin.readline()
block = os.urandom(1 << 20)
with open(path, "wb") as out:
    for _ in range(size >> 20):
        out.write(block)
    out.flush()
    os.fsync(out.fileno())
print("written", flush=True)
sys.stdin.readline()
"""
WRITTEN = 8 << 20


def _one_pass(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.refresh_action.trigger()  # View → Refresh now (F5), as a user asks for a pass


def test_a_known_write_shows_in_the_column_and_the_details_totals(qtbot, make_window, disk_file) -> None:
    """A child writes 8 MB with fsync between two passes the test asks for: the Disk
    write/s rate times the time between the passes accounts for those bytes, and the
    details window's Disk written total holds at least them."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITE_ONCE.format(path=str(disk_file), size=WRITTEN), "disk-write-once"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdin is not None and child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        key = key_of(child)
        # Refreshed every 10 s: after a pass the test asks for, no other comes before the
        # next one it asks for (passes go on while paused: they are only held back).
        window = make_window(interval_s=MAX_INTERVAL_S)
        show_column(window, "Disk write/s")
        qtbot.waitUntil(lambda: window.model.index_of(key).isValid(), timeout=10_000)
        details = window.details.open(key)
        qtbot.waitUntil(lambda: details.resources_box.latest is not None, timeout=10_000)

        before_first = time.monotonic()
        _one_pass(qtbot, window)  # the totals before the write
        after_first = time.monotonic()
        child.stdin.write(b"go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == b"written"
        before_second = time.monotonic()
        _one_pass(qtbot, window)  # the totals after it
        after_second = time.monotonic()

        rate = float(window.model.index_of(key, Column.DISK_WRITE).data(SORT_ROLE))
        # The passes read the counters somewhere inside these windows of time.
        longest, shortest = after_second - before_first, before_second - after_first
        assert rate * longest >= WRITTEN * 0.99, (rate, longest)
        assert rate * shortest <= WRITTEN * 1.1 + (1 << 20), (rate, shortest)
        assert cell(window, key, Column.DISK_WRITE).endswith("/s")

        def written_total() -> int:
            latest = details.resources_box.latest
            total = None if latest is None else latest.disk_written
            return total if isinstance(total, int) else -1

        qtbot.waitUntil(lambda: written_total() >= WRITTEN, timeout=10_000)
        assert details.fields["disk_written"].text().startswith(format_bytes(written_total()))
    finally:
        child.kill()
        child.wait(timeout=10)
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()
