"""The Linux /proc fast path and the portable psutil path show the same processes the same way."""

import sys
import time
from collections.abc import Callable
from subprocess import Popen

import psutil
import pytest

from gui.core.process_sample import ProcessSample
from gui.platforms import current
from gui.platforms.linux_proc_reader import LinuxProcReader
from gui.platforms.psutil_reader import PsutilProcessReader

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux-only")

#: Fields that do not move while a process idles, compared for every process.
#: (Kernel workers rename themselves by the millisecond: "kworker/1:0-events".)
STABLE = ("key", "user", "owned_by_me", "is_kernel_thread", "parent_pid")
NAMED = ("name", "command_line")
IDLE = "import time; print('ready', flush=True); time.sleep(600)"


def idle_child(spawn: Callable[..., Popen[bytes]], marker: str) -> Popen[bytes]:
    """A child that finished starting up and sleeps, so its readings stay still."""
    child = spawn(marker, IDLE, ready_line=b"ready")
    process = psutil.Process(child.pid)
    deadline = time.monotonic() + 10
    while process.status() != psutil.STATUS_SLEEPING:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    return child


def portable_reader() -> PsutilProcessReader:
    """psutil's reader as it reads while the Priority column is shown (nice values too)."""
    reader = PsutilProcessReader(current().is_kernel_thread)
    reader.set_nice_wanted(True)
    return reader


def read_both() -> tuple[dict[int, ProcessSample], dict[int, ProcessSample]]:
    fast = LinuxProcReader().read()
    portable = portable_reader().read()
    return {s.key.pid: s for s in fast}, {s.key.pid: s for s in portable}


def test_the_adapter_uses_the_fast_path_on_linux() -> None:
    assert isinstance(current()._reader, LinuxProcReader)


def fields_of(sample: ProcessSample) -> tuple[object, ...]:
    fields = STABLE if sample.is_kernel_thread else STABLE + NAMED
    return tuple(getattr(sample, field) for field in fields)


def test_every_process_has_the_same_identity_name_owner_and_command(
    spawn: Callable[..., Popen[bytes]],
) -> None:
    long_name = spawn("parity-" + "x" * 40)
    # The portable read is taken between two fast ones: a process whose fast readings
    # agree before and after did not change meanwhile (no exec, rename or exit), so
    # the two readers must agree on it. The others moved under the reads: not compared.
    before = {s.key.pid: s for s in LinuxProcReader().read()}
    portable = {s.key.pid: s for s in portable_reader().read()}
    after = {s.key.pid: s for s in LinuxProcReader().read()}
    stable = {pid for pid in before.keys() & after.keys() if fields_of(before[pid]) == fields_of(after[pid])}
    assert long_name.pid in stable
    assert len(stable) >= 0.9 * len(portable)  # only a few processes move at once
    for pid in stable:
        assert fields_of(before[pid]) == fields_of(portable[pid]), (before[pid], portable[pid])
    assert stable <= portable.keys()  # a process there before and after was there in between


def test_idle_children_have_identical_samples(spawn: Callable[..., Popen[bytes]]) -> None:
    children = [idle_child(spawn, f"parity-idle-{n}") for n in range(3)]
    fast, portable = read_both()
    for child in children:
        assert fast[child.pid] == portable[child.pid]


def test_unchanged_processes_reuse_their_sample_object(spawn: Callable[..., Popen[bytes]]) -> None:
    child = idle_child(spawn, "parity-reuse")
    reader = LinuxProcReader()
    first = {s.key.pid: s for s in reader.read()}
    second = {s.key.pid: s for s in reader.read()}
    assert second[child.pid] is first[child.pid]
