"""Linux's disk reader on real processes the test starts: every process read while the
system's device counters move, only new ones while they stand still."""

import subprocess
import sys
from collections.abc import Iterator

import pytest

from gui.core.process_sample import ProcessSample
from gui.platforms.disk_io import ProcDiskReader
from gui.platforms.linux_proc_reader import LinuxProcReader

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

SLEEPER = "import sys; print('ready', flush=True); sys.stdin.read()"


class SaidActivity:
    """Device activity as the test says it is (the real counters move whenever anything
    on the machine writes, which a test cannot hold still)."""

    def __init__(self) -> None:
        self.moving = True

    def moved(self) -> bool:
        return self.moving

    def close(self) -> None:
        pass


def _start() -> subprocess.Popen[bytes]:
    child = subprocess.Popen([sys.executable, "-c", SLEEPER], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline() == b"ready\n"
    return child


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for child in started:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()


def _ours(samples: list[ProcessSample], children: list[subprocess.Popen[bytes]]) -> list[ProcessSample]:
    pids = {child.pid for child in children}
    return [sample for sample in samples if sample.key.pid in pids]


def test_while_nothing_moves_only_new_processes_are_read(children) -> None:
    activity = SaidActivity()
    reader = ProcDiskReader(activity=activity)
    processes = LinuxProcReader()
    try:
        children.append(_start())
        first = _ours(processes.read(), children)
        totals = reader.read(first)
        assert set(totals) == {sample.key for sample in first}
        assert reader.opened == 1

        activity.moving = False
        children.append(_start())
        both = _ours(processes.read(), children)
        totals_now = reader.read(both)
        assert reader.opened == 2  # the new one only
        assert totals_now[first[0].key] is totals[first[0].key]  # kept as it was
        assert set(totals_now) == {sample.key for sample in both}

        activity.moving = True
        reader.read(both)
        assert reader.opened == 4  # something moved: every process again
    finally:
        reader.close()


def test_a_process_that_ended_while_nothing_moved_lets_go_of_its_file(children) -> None:
    activity = SaidActivity()
    reader = ProcDiskReader(activity=activity)
    processes = LinuxProcReader()
    try:
        children.extend([_start(), _start()])
        reader.read(_ours(processes.read(), children))
        activity.moving = False
        ended = children.pop()
        assert ended.stdin is not None and ended.stdout is not None
        ended.stdin.close()
        ended.wait(timeout=10)
        ended.stdout.close()
        left = _ours(processes.read(), children)
        assert len(left) == 1
        totals = reader.read(left)
        assert set(totals) == {left[0].key}
        assert reader._files is not None and set(reader._files.descriptors) == {left[0].key.pid}
    finally:
        reader.close()
