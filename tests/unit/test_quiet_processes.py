"""Quiet processes read every few passes, on real children: late by a few passes at most,
never late in ending, measured over the time since their last read, read at once when
the app acted on them."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import psutil
import pytest

from gui import platforms
from gui.core.cpu_usage import CpuUsageTracker
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from tests.children import SPINS_WHEN_TOLD, family

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")

if sys.platform.startswith("linux"):
    from gui.platforms.linux_proc_reader import QUIET_PASSES, READ_QUIET_EVERY, LinuxProcReader


def wait_until_sleep(pids: list[int]) -> None:
    """Until each has become `sleep` (its stat line no longer changes)."""
    deadline = time.monotonic() + 10
    for pid in pids:
        while psutil.Process(pid).name() != "sleep" and time.monotonic() < deadline:
            time.sleep(0.01)


@pytest.fixture
def sleepers() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Sleeping children whose PIDs fall in at least two of a quiet pass's shares."""
    children: list[subprocess.Popen[bytes]] = []
    while len(children) < 6 or len({child.pid % READ_QUIET_EVERY for child in children}) < 2:
        children.append(subprocess.Popen(["sleep", "600"]))
    wait_until_sleep([child.pid for child in children])
    yield children
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


def stop(children: list[subprocess.Popen[bytes]]) -> None:
    """SIGSTOP each child and wait until the kernel shows it stopped."""
    for child in children:
        os.kill(child.pid, signal.SIGSTOP)
    deadline = time.monotonic() + 10
    while any(psutil.Process(child.pid).status() != psutil.STATUS_STOPPED for child in children):
        assert time.monotonic() < deadline, "a child did not stop"
        time.sleep(0.01)


def statuses(samples: list[ProcessSample], children: list[subprocess.Popen[bytes]]) -> dict[int, str]:
    wanted = {child.pid for child in children}
    return {sample.key.pid: sample.status for sample in samples if sample.key.pid in wanted}


def quiet_reader() -> LinuxProcReader:
    """A reader that has seen the same lines often enough for its processes to be quiet, and
    reads them by turns only (the machine's CPU time would have it read them all at once
    whenever anything else on the machine ran: ``tests/unit/test_unread_cpu.py``)."""
    reader = LinuxProcReader(account_cpu=False)
    for _ in range(QUIET_PASSES + 1):
        reader.read(every_process=False)
    return reader


def test_a_quiet_process_shows_a_change_within_a_few_passes(sleepers: list[subprocess.Popen[bytes]]) -> None:
    reader = quiet_reader()
    stop(sleepers)
    seen = [statuses(reader.read(every_process=False), sleepers) for _ in range(READ_QUIET_EVERY)]
    # One pass reads a share of the quiet ones: some still show what they did before...
    assert "sleeping" in seen[0].values()
    # ...and within READ_QUIET_EVERY passes every one has been read.
    assert set(seen[-1].values()) == {"stopped"}, seen


def test_a_pass_asked_for_reads_every_process(sleepers: list[subprocess.Popen[bytes]]) -> None:
    reader = quiet_reader()
    stop(sleepers)
    assert set(statuses(reader.read(every_process=True), sleepers).values()) == {"stopped"}


def test_processes_the_app_acted_on_are_read_at_the_next_pass(
    sleepers: list[subprocess.Popen[bytes]],
) -> None:
    adapter = platforms.current()  # as the action controller asks, by process key
    for _ in range(QUIET_PASSES + 1):
        samples = adapter.read_processes(every_process=False)
    keys = [sample.key for sample in samples if sample.key.pid in {child.pid for child in sleepers}]
    stop(sleepers)
    adapter.read_soon(keys)
    assert set(statuses(adapter.read_processes(every_process=False), sleepers).values()) == {"stopped"}


def test_a_quiet_process_that_ends_leaves_at_the_next_pass(sleepers: list[subprocess.Popen[bytes]]) -> None:
    """Unread or not: an ended process is reaped, which changes the kernel's task count."""
    reader = quiet_reader()
    for child in sleepers:
        child.kill()
        child.wait()
    assert statuses(reader.read(every_process=False), sleepers) == {}


def test_a_quiet_process_that_wakes_is_measured_since_its_last_read() -> None:
    child = subprocess.Popen([sys.executable, "-c", SPINS_WHEN_TOLD], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        started = time.monotonic()
        reader = quiet_reader()
        tracker = CpuUsageTracker(psutil.cpu_count() or 1)
        samples = reader.read(every_process=False)
        tracker.update(samples, time.monotonic(), time.time())
        (quiet,) = (sample for sample in samples if sample.key.pid == child.pid)
        os.kill(child.pid, signal.SIGUSR1)
        for _ in range(READ_QUIET_EVERY + 2):
            time.sleep(0.25)
            samples = reader.read(every_process=False)
            percents = tracker.update(samples, time.monotonic(), time.time())
            (sample,) = (sample for sample in samples if sample.key.pid == child.pid)
            if sample is not quiet:
                break
        else:
            pytest.fail("the busy child's change was not read within a few passes")
        # Measured over the seconds since its previous read, not over the last pass alone.
        assert sample.read_gap_s is not None
        assert 0.2 < sample.read_gap_s < time.monotonic() - started
        assert quiet.cpu_seconds is not None and sample.cpu_seconds is not None
        busy = (sample.cpu_seconds - quiet.cpu_seconds) / sample.read_gap_s * 100
        assert percents[sample.key] == pytest.approx(min(busy, 100.0))
    finally:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def test_cpu_time_of_a_process_read_after_a_gap_is_spread_over_the_gap() -> None:
    key = ProcessKey(4242, 1_000_000.0)

    def sample(cpu_seconds: float, read_gap_s: float | None = None) -> ProcessSample:
        return ProcessSample(
            key, "worker", "me", "sleeping", cpu_seconds, 1, 1, None, True, False, read_gap_s=read_gap_s
        )

    tracker = CpuUsageTracker(4)
    tracker.update([sample(1.0)], 100.0, 2_000_000.0)
    percents = tracker.update([sample(3.0, read_gap_s=4.0)], 101.0, 2_000_001.0)
    assert percents[key] == pytest.approx(50.0)  # 2 s of CPU over the 4 s since it was read
    percents = tracker.update([sample(4.0)], 102.0, 2_000_002.0)
    assert percents[key] == pytest.approx(100.0)  # read again a pass later: over that pass


def test_children_of_an_ended_process_show_their_new_parent_at_the_next_pass(
    grandchildren: list[psutil.Process],
) -> None:
    """Adopted, a quiet child has a new parent in its stat line though it did not run."""
    parent = subprocess.Popen([sys.executable, "-c", family(8)], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None
        pids = [int(pid) for pid in parent.stdout.readline().split()]
        grandchildren.extend(psutil.Process(pid) for pid in pids)
        wait_until_sleep(pids)
        if len({pid % READ_QUIET_EVERY for pid in pids}) < 3:
            pytest.skip("the children's PIDs fall in too few of a quiet pass's shares to tell")
        reader = quiet_reader()
    finally:
        parent.kill()
        parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()
    reader.read(every_process=False)  # the parent is gone: listed again
    parents = {s.key.pid: s.parent_pid for s in reader.read(every_process=False) if s.key.pid in pids}
    assert parents and parent.pid not in parents.values(), parents
