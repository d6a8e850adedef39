"""Reading real processes: our own children, a zombie, a vanished process, kernel threads."""

import getpass
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import psutil
import pytest

from gui.core.process_sample import ProcessSample
from gui.platforms import current
from gui.platforms.psutil_reader import PsutilProcessReader, _refused_is_none
from tests.children import key_of


def by_pid(samples: list[ProcessSample]) -> dict[int, ProcessSample]:
    return {sample.key.pid: sample for sample in samples}


def test_reads_a_child_with_every_field(spawn: Callable[..., subprocess.Popen[bytes]]) -> None:
    child = spawn("reader-fields")
    sample = by_pid(current().read_processes())[child.pid]

    assert sample.key == key_of(child)
    assert sample.name.startswith("python")
    assert sample.user == getpass.getuser()
    assert sample.owned_by_me
    assert sample.status in {"sleeping", "running"}
    assert sample.memory_rss is not None and sample.memory_rss > 1024 * 1024
    assert sample.threads == 1
    assert sample.command_line is not None and sample.command_line.endswith("reader-fields")
    assert sample.cpu_seconds is not None and sample.cpu_seconds >= 0
    assert not sample.is_kernel_thread


def test_a_zombie_is_listed_without_an_error() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 10
        while psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() < deadline, "child did not become a zombie"
            time.sleep(0.01)
        sample = by_pid(current().read_processes())[child.pid]
        assert sample.status == "zombie"
    finally:
        child.wait(timeout=10)


def test_a_process_that_vanished_is_left_out(spawn: Callable[..., subprocess.Popen[bytes]]) -> None:
    child = spawn("reader-vanish")
    adapter = current()
    assert child.pid in by_pid(adapter.read_processes())
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.pid not in by_pid(adapter.read_processes())


def test_exec_refreshes_the_cached_name_and_command_line(
    spawn: Callable[..., subprocess.Popen[bytes]],
) -> None:
    # The child replaces itself with `sleep`: same PID and start time, new program.
    child = spawn("reader-exec", "import os, time; time.sleep(1); os.execvp('sleep', ['sleep', '600'])")
    reader = PsutilProcessReader(lambda pid: False)
    assert by_pid(reader.read())[child.pid].name.startswith("python")
    deadline = time.monotonic() + 10
    while (sample := by_pid(reader.read())[child.pid]).name != "sleep":
        assert time.monotonic() < deadline, "exec was not noticed"
        time.sleep(0.02)
    assert sample.command_line == "sleep 600"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kernel threads are a Linux notion")
def test_kernel_threads_show_their_name_in_brackets() -> None:
    samples = by_pid(current().read_processes())
    if 2 not in samples:
        pytest.skip("no kthreadd visible (container without kernel threads)")
    kthreadd = samples[2]
    assert kthreadd.is_kernel_thread
    assert kthreadd.command_line == f"[{kthreadd.name}]"
    assert not samples[os.getpid()].is_kernel_thread


def test_a_refused_field_reads_as_none() -> None:
    def refuse() -> int:
        raise psutil.AccessDenied(pid=1)

    assert _refused_is_none(refuse) is None
    assert _refused_is_none(lambda: 5) == 5


def test_a_vanished_process_is_not_swallowed_per_field() -> None:
    def vanish() -> int:
        raise psutil.NoSuchProcess(pid=1)

    with pytest.raises(psutil.NoSuchProcess):
        _refused_is_none(vanish)


#: Starts a child, says its PID, and exits once its stdin closes, leaving the child an orphan.
ORPHAN_MAKER = "{python} -c 'import time; time.sleep(600)' orphan-to-be & echo $!; read _"


def test_both_readers_give_the_parent_and_follow_an_orphan_to_its_new_parent() -> None:
    shell = subprocess.Popen(
        ["sh", "-c", ORPHAN_MAKER.format(python=sys.executable)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert shell.stdout is not None and shell.stdin is not None
    orphan = int(shell.stdout.readline())
    try:
        portable = PsutilProcessReader(current().is_kernel_thread)
        fast = current().read_processes
        assert by_pid(portable.read())[orphan].parent_pid == shell.pid
        assert by_pid(fast())[orphan].parent_pid == shell.pid
        assert by_pid(fast())[os.getpid()].parent_pid == os.getppid()
        shell.stdin.close()
        shell.wait(timeout=10)
        shell.stdout.close()
        new_parent = psutil.Process(orphan).ppid()
        assert new_parent != shell.pid
        assert by_pid(portable.read())[orphan].parent_pid == new_parent
        assert by_pid(fast())[orphan].parent_pid == new_parent
    finally:
        os.kill(orphan, signal.SIGKILL)


class CountingNice:
    """psutil's ``Process.nice`` that counts its calls (the extra system call per process)."""

    def __init__(self) -> None:
        self.calls = 0
        real = psutil.Process.nice

        def nice(process: psutil.Process, value: int | None = None) -> int | None:
            self.calls += 1
            return real(process, value)

        self.method = nice


def test_nice_is_read_only_while_the_priority_column_is_shown(
    monkeypatch: pytest.MonkeyPatch, spawn: Callable[..., subprocess.Popen[bytes]]
) -> None:
    child = spawn("reader-nice")
    os.setpriority(os.PRIO_PROCESS, child.pid, 3)
    counting = CountingNice()
    monkeypatch.setattr(psutil.Process, "nice", counting.method)
    adapter = current()
    reader = PsutilProcessReader(adapter.is_kernel_thread)

    hidden = by_pid(reader.read())
    assert counting.calls == 0
    assert hidden[child.pid].nice is None

    reader.set_nice_wanted(True)
    shown = by_pid(reader.read())
    assert counting.calls >= len(shown)
    assert shown[child.pid].nice == 3

    reader.set_nice_wanted(False)
    before = counting.calls
    assert by_pid(reader.read())[child.pid].nice is None
    assert counting.calls == before

    # The menu asks for the one process it needs, and for nothing that is not it.
    assert adapter.current_nice(key_of(child)) == 3
    assert counting.calls == before + 1
    earlier = key_of(child)._replace(create_time=key_of(child).create_time - 100)
    assert adapter.current_nice(earlier) is None
