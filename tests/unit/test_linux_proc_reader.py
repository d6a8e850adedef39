"""The /proc fast path on a procfs tree the test writes (for what the real one cannot show)."""

import os
import subprocess
import sys
from pathlib import Path

from gui.platforms.linux_proc_reader import CLOCK_TICKS, QUIET_PASSES, LinuxProcReader
from tests.children import EXECS_WHEN_TOLD

STAT = (
    "{pid} (worker one) S {ppid} {pid} {pid} 0 -1 4194560 100 0 0 0 {utime} 5 0 0 20 0 1 0 "
    "{start} 12345678 300 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
)


def write_proc(root: Path, btime: int, utime: int = 10, ppid: int = 1) -> None:
    root.mkdir(exist_ok=True)
    (root / "stat").write_text(f"cpu  1 2 3 4\nbtime {btime}\nprocesses 9\n")
    pid = root / "4242"
    pid.mkdir(exist_ok=True)
    (pid / "stat").write_text(STAT.format(pid=4242, ppid=ppid, utime=utime, start=5000))
    (pid / "statm").write_text("3000 250 100 1 0 200 0\n")
    (pid / "cmdline").write_bytes(b"/usr/bin/worker\x00--one\x00")
    (pid / "status").write_text("Name:\tworker one\nUid:\t0\t0\t0\t0\n")


def test_fields_come_from_stat_statm_cmdline_and_status(tmp_path: Path) -> None:
    write_proc(tmp_path, btime=1_000_000)
    (sample,) = LinuxProcReader(proc=str(tmp_path)).read()
    assert sample.key == (4242, 5000 / CLOCK_TICKS + 1_000_000)
    assert sample.name == "worker one"
    assert sample.status == "sleeping"
    assert sample.command_line == "/usr/bin/worker --one"
    assert sample.user == "root"
    assert sample.threads == 1
    assert sample.parent_pid == 1
    assert sample.cpu_seconds == 10 / CLOCK_TICKS + 5 / CLOCK_TICKS


def test_a_clock_step_moves_start_times_as_psutil_sees_them(tmp_path: Path) -> None:
    write_proc(tmp_path, btime=1_000_000)
    reader = LinuxProcReader(proc=str(tmp_path))
    (before,) = reader.read()
    write_proc(tmp_path, btime=1_000_007)  # the wall clock was set 7 s ahead
    (after,) = reader.read()
    assert after.key.create_time - before.key.create_time == 7.0


def test_an_unchanged_line_reuses_the_sample_and_a_changed_one_does_not(tmp_path: Path) -> None:
    write_proc(tmp_path, btime=1_000_000)
    reader = LinuxProcReader(proc=str(tmp_path))
    (first,) = reader.read()
    (second,) = reader.read()
    assert second is first
    write_proc(tmp_path, btime=1_000_000, utime=99)
    (third,) = reader.read()
    assert third is not first
    assert third.cpu_seconds == 99 / CLOCK_TICKS + 5 / CLOCK_TICKS


def test_a_process_without_a_parent_has_none(tmp_path: Path) -> None:
    write_proc(tmp_path, btime=1_000_000, ppid=0)  # what PID 1 and kthreadd show
    (sample,) = LinuxProcReader(proc=str(tmp_path)).read()
    assert sample.parent_pid is None


def write_own_proc(root: Path, last_pid: int) -> None:
    """A procfs copy that passes for this process's own: ``self`` is us, ``loadavg`` says ``last_pid``."""
    write_proc(root, btime=1_000_000)
    if not (root / "self").is_symlink():
        (root / "self").symlink_to(str(os.getpid()))
    (root / "loadavg").write_text(f"0.00 0.01 0.05 1/99 {last_pid}\n")


def add_process(root: Path, pid: int) -> None:
    folder = root / str(pid)
    folder.mkdir()
    (folder / "stat").write_text(STAT.format(pid=pid, ppid=1, utime=1, start=6000))
    (folder / "statm").write_text("3000 250 100 1 0 200 0\n")
    (folder / "cmdline").write_bytes(b"/usr/bin/newcomer\x00")
    (folder / "status").write_text("Name:\tnewcomer\nUid:\t0\t0\t0\t0\n")


def test_proc_is_listed_again_only_once_a_pid_was_handed_out(tmp_path: Path) -> None:
    write_own_proc(tmp_path, last_pid=4242)
    reader = LinuxProcReader(proc=str(tmp_path))
    assert [sample.key.pid for sample in reader.read()] == [4242]
    add_process(tmp_path, 4300)  # an impossible newcomer: the kernel handed out no PID
    assert [sample.key.pid for sample in reader.read()] == [4242]
    write_own_proc(tmp_path, last_pid=4300)
    assert sorted(sample.key.pid for sample in reader.read()) == [4242, 4300]


def test_proc_is_listed_again_every_few_passes_all_the_same(tmp_path: Path) -> None:
    write_own_proc(tmp_path, last_pid=4242)
    reader = LinuxProcReader(proc=str(tmp_path))
    reader.read()
    add_process(tmp_path, 4300)
    pids = [len(reader.read()) for _ in range(12)]
    assert pids[0] == 1 and pids[-1] == 2


def test_a_proc_of_another_pid_namespace_is_listed_every_pass(tmp_path: Path) -> None:
    write_own_proc(tmp_path, last_pid=4242)
    (tmp_path / "self").unlink()
    (tmp_path / "self").symlink_to("1")  # its "self" is not us: its loadavg speaks of other PIDs
    reader = LinuxProcReader(proc=str(tmp_path))
    reader.read()
    add_process(tmp_path, 4300)
    assert len(reader.read()) == 2


def test_a_process_that_ended_leaves_the_list_without_a_new_listing() -> None:
    """On the real /proc: its kept stat file fails to read once it is reaped."""
    child = subprocess.Popen(["sleep", "600"])
    try:
        reader = LinuxProcReader()
        assert child.pid in {sample.key.pid for sample in reader.read()}
    finally:
        child.kill()
        child.wait()
    assert child.pid not in {sample.key.pid for sample in reader.read()}


def test_an_ended_process_lets_go_of_its_file_and_what_was_read_of_it() -> None:
    """Read through kept descriptors, ended processes are let go of without a listing: after
    a pass the reader holds a descriptor and facts for listed processes only."""
    reader = LinuxProcReader()
    children = [subprocess.Popen(["sleep", "600"]) for _ in range(20)]
    try:
        pids = {sample.key.pid for sample in reader.read()}
        assert {child.pid for child in children} <= pids
    finally:
        for child in children:
            child.kill()
            child.wait()
    after = reader.read()
    assert not {sample.key.pid for sample in after} & {child.pid for child in children}
    assert set(reader._stat_files.descriptors) <= {sample.key.pid for sample in after}
    assert set(reader._static) <= {sample.key for sample in after}


def test_a_process_that_runs_another_program_is_read_again(tmp_path: Path) -> None:
    """An exec keeps the PID, the start time and here the name (Python runs Python), yet the
    row must show the new program's command line, not the one it was first listed with."""
    script = tmp_path / "after_exec.py"
    script.write_text("import time; print('ready', flush=True); time.sleep(600)")
    argv = [sys.executable, "-c", EXECS_WHEN_TOLD, "-u", str(script)]
    child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline() == b"ready\n"
        reader = LinuxProcReader()
        (before,) = [sample for sample in reader.read() if sample.key.pid == child.pid]
        assert before.command_line is not None and "os.execv" in before.command_line
        child.stdin.write(b"go\n")
        child.stdin.flush()
        assert child.stdout.readline() == b"ready\n"  # the new program runs
        (after,) = [sample for sample in reader.read() if sample.key.pid == child.pid]
        assert (after.key, after.name) == (before.key, before.name)
        assert after.command_line is not None and "os.execv" not in after.command_line
        assert after.command_line.endswith("after_exec.py")
    finally:
        child.kill()
        child.wait()
        child.stdin.close()
        child.stdout.close()


def test_a_clock_step_moves_the_start_times_of_quiet_processes_too(tmp_path: Path) -> None:
    """Start times make the keys actions check: none may stay behind because its process
    was quiet and left unread."""
    write_proc(tmp_path, btime=1_000_000)
    for pid in (4301, 4302, 4303):  # with 4242: every share of a quiet pass
        add_process(tmp_path, pid)
    reader = LinuxProcReader(proc=str(tmp_path))
    for _ in range(QUIET_PASSES + 2):
        before = {sample.key.pid: sample.key.create_time for sample in reader.read(every_process=False)}
    write_proc(tmp_path, btime=1_000_007)  # the wall clock was set 7 s ahead
    after = {sample.key.pid: sample.key.create_time for sample in reader.read(every_process=False)}
    assert {pid: after[pid] - before[pid] for pid in before} == dict.fromkeys(before, 7.0)
