"""A command line of 900 KB costs a row no more than one of 2 KB: it is cut where it is read."""

import subprocess
import sys

import psutil
import pytest

from gui.core.columns import Column
from gui.core.display_text import COMMAND_LINE_LIMIT, ELLIPSIS
from gui.core.process_row import make_row
from gui.platforms import current
from gui.platforms.linux_proc_reader import LinuxProcReader
from gui.platforms.psutil_reader import PsutilProcessReader
from tests.long_argv import LONG_ARGS, long_argv_child

__all__ = ["long_argv_child"]  # the fixture


def expected_prefix() -> str:
    full = " ".join([sys.executable, "-c", "import time; time.sleep(600)", *LONG_ARGS])
    return full[:COMMAND_LINE_LIMIT] + ELLIPSIS


def test_the_full_command_line_is_really_that_long(long_argv_child: subprocess.Popen[bytes]) -> None:
    assert len(" ".join(psutil.Process(long_argv_child.pid).cmdline()).encode()) > 880_000


def test_the_portable_reader_keeps_a_bounded_prefix(long_argv_child: subprocess.Popen[bytes]) -> None:
    samples = {s.key.pid: s for s in PsutilProcessReader(current().is_kernel_thread).read()}
    assert samples[long_argv_child.pid].command_line == expected_prefix()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux-only")
def test_the_proc_reader_keeps_the_same_bounded_prefix(long_argv_child: subprocess.Popen[bytes]) -> None:
    sample = {s.key.pid: s for s in LinuxProcReader().read()}[long_argv_child.pid]
    assert sample.command_line == expected_prefix()
    assert sample.name.startswith("python")


def test_the_row_text_is_bounded(long_argv_child: subprocess.Popen[bytes]) -> None:
    sample = {s.key.pid: s for s in current().read_processes()}[long_argv_child.pid]
    row = make_row(sample, 0.0)
    assert len(row.display[Column.COMMAND]) == COMMAND_LINE_LIMIT + len(ELLIPSIS)
    assert row.display[Column.COMMAND].endswith("\u00e9x" + ELLIPSIS)
