"""The Disk read/s and Disk write/s columns, on real processes writing to a real disk."""

import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.core.columns import DISK_COLUMNS, Column
from gui.core.process_key import ProcessKey
from gui.models.roles import SORT_ROLE
from gui.views.main_window import MainWindow
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


def _filesystem_of(path: Path) -> str:
    """The type of the filesystem holding ``path``, from ``/proc/mounts`` (longest mount point)."""
    best, kind = "", ""
    for line in Path("/proc/mounts").read_text().splitlines():
        _device, mount_point, fs_type, *_ = line.split()
        if str(path).startswith(mount_point) and len(mount_point) > len(best):
            best, kind = mount_point, fs_type
    return kind


@pytest.fixture
def disk_file() -> Iterator[Path]:
    """A file on a real disk (not tmpfs): page-cache-only writes would not count."""
    for folder in (Path("/var/tmp"), Path(__file__).resolve().parent):
        if _filesystem_of(folder) not in {"tmpfs", "ramfs", "overlay", ""}:
            break
    else:
        pytest.skip("no folder on a real disk to write to")
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
