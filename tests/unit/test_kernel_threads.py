"""Kernel threads are known by the kernel's PF_KTHREAD flag, not by their parent's PID."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.platforms import PosixAdapter, WindowsAdapter, current
from gui.platforms.linux_proc_reader import PF_KTHREAD, LinuxProcReader, is_kernel_thread_stat, stat_flags
from gui.platforms.psutil_reader import PsutilProcessReader

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kernel threads are Linux's")
REPO = Path(__file__).resolve().parents[2]


def stat_line(pid: int, comm: str, state: str, ppid: int, flags: int) -> str:
    return (
        f"{pid} ({comm}) {state} {ppid} 0 0 0 -1 {flags} 0 0 0 0 3 4 0 0 20 0 1 0 "
        "5000 0 0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 0 0 0 0 0 0\n"
    )


def test_the_flags_field_is_read_after_the_last_parenthesis() -> None:
    line = stat_line(9, "a) S 1 2 3 4 5 (b", "S", 1, 4194560).encode()
    assert stat_flags(line) == 4194560
    assert not is_kernel_thread_stat(line)
    assert is_kernel_thread_stat(stat_line(2, "kthreadd", "S", 0, 0x208040).encode())
    assert is_kernel_thread_stat(stat_line(77, "kworker/0:1", "I", 2, PF_KTHREAD).encode())


def write_process(root: Path, line: str) -> None:
    folder = root / line.split(maxsplit=1)[0]
    folder.mkdir()
    (folder / "stat").write_text(line)
    (folder / "statm").write_text("0 0 0 0 0 0 0\n")
    (folder / "cmdline").write_bytes(b"")
    (folder / "status").write_text("Uid:\t0\t0\t0\t0\n")


def test_a_zombie_child_of_pid_2_is_not_a_kernel_thread(tmp_path: Path) -> None:
    """In a PID namespace, PID 2 is a user process; its zombies have empty command lines."""
    (tmp_path / "stat").write_text("btime 1000000\n")
    write_process(tmp_path, stat_line(2, "kthreadd", "S", 0, 0x208040))
    write_process(tmp_path, stat_line(57, "kworker/0:1", "I", 2, 0x4208060))
    write_process(tmp_path, stat_line(58, "sleep", "Z", 2, 0x40040C))
    samples = {s.key.pid: s for s in LinuxProcReader(proc=str(tmp_path)).read()}
    assert samples[2].is_kernel_thread and samples[57].is_kernel_thread
    assert samples[57].command_line == "[kworker/0:1]"
    assert not samples[58].is_kernel_thread
    assert samples[58].command_line is None


@linux_only
def test_this_machines_kernel_threads_are_recognised_by_both_readers() -> None:
    adapter = current()
    fast = {s.key.pid: s for s in LinuxProcReader().read()}
    portable = {s.key.pid: s for s in PsutilProcessReader(adapter.is_kernel_thread).read()}
    if 2 not in fast:
        pytest.skip("no kthreadd visible (container without kernel threads)")
    assert fast[2].is_kernel_thread and portable[2].is_kernel_thread
    assert adapter.is_kernel_thread(2)
    assert not adapter.is_kernel_thread(os.getpid())
    assert not fast[os.getpid()].is_kernel_thread and not portable[os.getpid()].is_kernel_thread


def test_only_linux_has_kernel_threads() -> None:
    assert not PosixAdapter(linux=False, needs_display_server=False).is_kernel_thread(2)
    assert not WindowsAdapter().is_kernel_thread(2)


#: Runs as PID 1 of a new PID namespace: starts PID 2, which keeps a zombie child
#: (``sleep 0`` ends, and ``exec sleep`` never reaps it), then reports how both of
#: the adapter's readers classify that zombie.
IN_NAMESPACE = """
import json, subprocess, sys, time
import psutil
from gui.platforms import current
parent = subprocess.Popen(["sh", "-c", "sleep 0 & exec sleep 30"])
assert parent.pid == 2, parent.pid
deadline = time.monotonic() + 10
while not (zombies := [c for c in psutil.Process(2).children() if c.status() == "zombie"]):
    assert time.monotonic() < deadline, "no zombie"
    time.sleep(0.01)
adapter = current()
fast = {s.key.pid: s for s in adapter.read_processes()}
portable = {s.key.pid: s for s in adapter._portable_reader.read()}
pid = zombies[0].pid
print(json.dumps([pid, fast[pid].is_kernel_thread, portable[pid].is_kernel_thread]))
parent.kill()
parent.wait()
"""


@linux_only
def test_a_real_zombie_of_pid_2_in_a_pid_namespace_is_not_a_kernel_thread() -> None:
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare(1) to make a PID namespace")
    result = subprocess.run(
        [unshare, "--pid", "--fork", "--mount-proc", sys.executable, "-c", IN_NAMESPACE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    if result.returncode != 0 and "unshare failed" in result.stderr:
        pytest.skip(f"no PID namespaces here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    pid, fast, portable = json.loads(result.stdout.splitlines()[-1])
    assert pid > 2
    assert (fast, portable) == (False, False)
