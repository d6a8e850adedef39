"""Stat files kept open between passes, on real processes the test starts."""

import os
import subprocess
import sys
import time

import pytest

from gui.platforms.stat_files import StatFiles

BUSY = "import time\nend = time.time() + 30\nwhile time.time() < end: pass\n"


def _cpu_ticks(line: bytes) -> int:
    fields = line[line.rfind(b")") + 2 :].split()
    return int(fields[11]) + int(fields[12])


def _high_descriptors() -> set[int]:
    return {int(fd) for fd in os.listdir("/proc/self/fd") if int(fd) >= 1024}


def test_a_kept_file_is_read_afresh_each_pass() -> None:
    busy = subprocess.Popen([sys.executable, "-c", BUSY])
    files = StatFiles("/proc")
    try:
        first = files.read(busy.pid, 4096)
        files.pass_done()
        assert files.kept == 1
        deadline = time.monotonic() + 10
        while _cpu_ticks(files.read(busy.pid, 4096)) == _cpu_ticks(first):
            files.pass_done()
            assert time.monotonic() < deadline, "the kept file never showed new CPU time"
            time.sleep(0.05)
    finally:
        busy.kill()
        busy.wait()
        files.close()


def test_an_ended_process_is_not_read_through_its_old_file_and_its_file_is_closed() -> None:
    child = subprocess.Popen(["sleep", "30"])
    files = StatFiles("/proc")
    files.read(child.pid, 4096)
    files.pass_done()
    child.kill()
    child.wait()  # reaped: its PID is free again
    with pytest.raises(OSError):
        files.read(child.pid, 4096)
    files.pass_done()
    assert files.kept == 0
    files.close()


def test_files_of_processes_not_read_in_a_pass_are_closed() -> None:
    child = subprocess.Popen(["sleep", "30"])
    files = StatFiles("/proc")
    try:
        files.read(child.pid, 4096)
        files.read(os.getpid(), 4096)
        files.pass_done()
        assert files.kept == 2
        files.read(os.getpid(), 4096)
        files.pass_done()
        assert files.kept == 1
        open_before = _high_descriptors()
        files.close()
        assert len(open_before - _high_descriptors()) == 1
    finally:
        child.kill()
        child.wait()


def test_no_more_than_the_budget_is_kept_open() -> None:
    files = StatFiles("/proc", budget=1)
    files.read(os.getpid(), 4096)
    files.read(1, 4096)
    files.pass_done()
    assert files.kept == 1
    files.close()


def test_kept_files_leave_the_numbers_below_1024_free() -> None:
    before = _high_descriptors()
    files = StatFiles("/proc")
    try:
        files.read(os.getpid(), 4096)
        files.pass_done()
        assert files.kept == 1
        assert len(_high_descriptors() - before) == 1
    finally:
        files.close()
