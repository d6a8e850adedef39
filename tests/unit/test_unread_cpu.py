"""Quiet processes left unread while the machine's CPU time is accounted for; read at once when not.

The decision on a ``/proc/stat`` the test writes; the effect on real children: a quiet one
that starts to work is read at the next pass, not by its turn.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.children import SPINS_WHEN_TOLD

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")

if sys.platform.startswith("linux"):
    from gui.platforms.linux_proc_reader import (
        QUIET_PASSES,
        READ_QUIET_EVERY,
        READ_QUIET_EVERY_ACCOUNTED,
        LinuxProcReader,
    )
    from gui.platforms.unread_cpu import DISTRUST_AFTER, UnreadCpu


def write_busy(proc: Path, user: int, system: int) -> None:
    """A ``/proc/stat`` whose machine-wide line says ``user`` and ``system`` clock ticks."""
    (proc / "stat").write_text(
        f"cpu  {user} 0 {system} 90000 0 0 0 0 0 0\ncpu0 {user} 0 {system} 90000 0 0 0 0 0 0\n"
        "intr 0\nbtime 1700000000\n"
    )


def test_unread_processes_ran_when_the_machine_was_busier_than_what_was_read(tmp_path: Path) -> None:
    unread = UnreadCpu(str(tmp_path), clock_ticks=100, core_count=2)
    write_busy(tmp_path, 1000, 500)
    unread.pass_starting()
    assert not unread.trusted  # nothing to compare with yet
    write_busy(tmp_path, 1030, 510)  # 0.4 s busy since
    unread.pass_starting()
    assert not unread.unread_ran(read_cpu_s=0.4, interval_s=1.0)  # what was read explains it
    assert not unread.unread_ran(read_cpu_s=0.38, interval_s=1.0)  # within a tick or two
    assert unread.trusted
    write_busy(tmp_path, 1060, 520)  # another 0.4 s, of which the reads explain 0.1
    unread.pass_starting()
    assert unread.unread_ran(read_cpu_s=0.1, interval_s=1.0)
    assert unread.trusted  # once is a process that started to work


def test_a_comparison_that_never_agrees_is_not_leaned_on_until_it_does(tmp_path: Path) -> None:
    """As where ``hidepid`` hides other users' processes: their CPU time is never read."""
    unread = UnreadCpu(str(tmp_path), clock_ticks=100, core_count=2)
    busy = 1000
    write_busy(tmp_path, busy, 0)
    unread.pass_starting()
    for _ in range(DISTRUST_AFTER):
        busy += 50
        write_busy(tmp_path, busy, 0)
        unread.pass_starting()
        assert unread.unread_ran(read_cpu_s=0.0, interval_s=1.0)
    assert not unread.trusted
    busy += 50
    write_busy(tmp_path, busy, 0)
    unread.pass_starting()
    assert not unread.unread_ran(read_cpu_s=0.5, interval_s=1.0)
    assert unread.trusted


def test_an_unreadable_proc_stat_means_unread_processes_may_have_run(tmp_path: Path) -> None:
    unread = UnreadCpu(str(tmp_path), clock_ticks=100, core_count=2)
    unread.pass_starting()
    unread.pass_starting()
    assert unread.unread_ran(read_cpu_s=0.0, interval_s=1.0)
    assert not unread.trusted


def test_a_proc_of_another_namespace_reads_quiet_processes_by_turns_only(tmp_path: Path) -> None:
    """A container's ``/proc`` lacks the kernel's threads, whose CPU time the machine counts."""
    (tmp_path / "loadavg").write_text("0.00 0.00 0.00 1/1 1\n")
    write_busy(tmp_path, 0, 0)
    reader = LinuxProcReader(str(tmp_path))
    reader.read()
    assert reader.quiet_read_every() == READ_QUIET_EVERY


def test_a_quiet_process_that_starts_to_work_is_read_at_the_next_pass() -> None:
    child = subprocess.Popen([sys.executable, "-c", SPINS_WHEN_TOLD], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        reader = LinuxProcReader()
        for _ in range(QUIET_PASSES + 2):
            samples = reader.read(every_process=False)
            time.sleep(0.05)
        if reader.quiet_read_every() != READ_QUIET_EVERY_ACCOUNTED:
            pytest.skip("this machine's CPU time is not accounted for by its processes now")
        (quiet,) = (sample for sample in samples if sample.key.pid == child.pid)
        os.kill(child.pid, signal.SIGUSR1)
        time.sleep(0.3)
        (woken,) = (sample for sample in reader.read(every_process=False) if sample.key.pid == child.pid)
        # Read at once: a process spinning since its last turn is not left unread for up to
        # READ_QUIET_EVERY_ACCOUNTED passes.
        assert woken is not quiet
        assert woken.cpu_seconds is not None and quiet.cpu_seconds is not None
        assert woken.cpu_seconds > quiet.cpu_seconds
    finally:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def test_the_machine_cpu_percent_is_counted_as_psutil_counts_it(tmp_path: Path) -> None:
    """Busy over all but guest time (inside user and nice already); idle and iowait are idle."""
    unread = UnreadCpu(str(tmp_path), clock_ticks=100, core_count=2)
    (tmp_path / "stat").write_text("cpu  1000 10 500 90000 100 5 5 2 300 0\n")
    unread.pass_starting()
    assert unread.machine_percent is None
    (tmp_path / "stat").write_text("cpu  1030 10 510 90050 110 5 5 2 320 0\n")  # 20 of guest in user
    unread.pass_starting()
    # total 40 + 50 + 10 = 100 ticks (guest's 20 counted once, in user), busy 40
    assert unread.machine_percent == pytest.approx(40.0)
