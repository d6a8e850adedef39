"""Actions on real child processes with real signals, without Qt."""

import dataclasses
import signal
import subprocess
import sys

import psutil
import pytest

from gui.action_runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.outcomes import BatchReport, Outcome, ProcessResult
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import current
from tests.children import STUBBORN, Spawn, wait_gone_or_zombie
from tests.other_user import ACTOR, OWNER, acting_as

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

FAST = RunOptions(grace_s=1.0)


def sample_of(pid: int) -> ProcessSample:
    return current().read_process(psutil.Process(pid))


def run(action: Action, *pids: int, options: RunOptions = FAST, signal_spec: SignalSpec | None = None,
        runner: ActionRunner | None = None) -> BatchReport:  # fmt: skip
    request = ActionRequest(action, tuple(sample_of(pid) for pid in pids), signal_spec)
    seen: list[ProcessResult] = []
    report = (runner or ActionRunner(current())).run(request, options, seen.append)
    assert list(report.results) == sorted(seen, key=report.results.index)
    return report


def outcomes(report: BatchReport) -> list[Outcome]:
    return [result.outcome for result in report.results]


def test_end_waits_until_the_child_has_exited(spawn: Spawn) -> None:
    child = spawn("runner-end")
    report = run(Action.END, child.pid)
    assert outcomes(report) == [Outcome.ENDED]
    name = report.results[0].target.name
    assert report.results[0].describe() == f"{name} (PID {child.pid}): ended"
    assert child.wait(timeout=5) == -signal.SIGTERM


def test_a_child_ignoring_end_survives_then_force_quit_ends_it(spawn: Spawn) -> None:
    child = spawn("runner-stubborn", STUBBORN, ready_line=b"ready")
    report = run(Action.END, child.pid)
    assert outcomes(report) == [Outcome.STILL_RUNNING]
    assert report.results[0].detail == "still running 1 s after End"
    assert report.still_running == (report.results[0].target,)
    assert child.poll() is None

    forced = run(Action.FORCE_QUIT, child.pid)
    assert outcomes(forced) == [Outcome.FORCE_QUIT]
    assert child.wait(timeout=5) == -signal.SIGKILL


def test_auto_force_quits_after_the_grace_period(spawn: Spawn) -> None:
    child = spawn("runner-auto", STUBBORN, ready_line=b"ready")
    report = run(Action.END, child.pid, options=RunOptions(grace_s=0.5, auto_force=True))
    assert outcomes(report) == [Outcome.FORCE_QUIT]
    assert "still running 0.5 s after End" in report.results[0].detail
    assert child.wait(timeout=5) == -signal.SIGKILL


def test_stop_and_continue(spawn: Spawn) -> None:
    child = spawn("runner-stop")
    assert outcomes(run(Action.STOP, child.pid)) == [Outcome.STOPPED]
    assert psutil.Process(child.pid).status() == psutil.STATUS_STOPPED
    assert outcomes(run(Action.CONTINUE, child.pid)) == [Outcome.CONTINUED]
    assert psutil.Process(child.pid).status() != psutil.STATUS_STOPPED


def test_hang_up_reaches_a_childs_handler(spawn: Spawn) -> None:
    code = (
        "import signal, sys, time\n"
        "signal.signal(signal.SIGHUP, lambda *_: print('reloading configuration', flush=True))\n"
        "print('ready', flush=True)\n"
        "while True: time.sleep(1)\n"
    )
    child = spawn("runner-hup", code, ready_line=b"ready")
    report = run(Action.HANG_UP, child.pid)
    assert outcomes(report) == [Outcome.SIGNAL_SENT]
    assert "SIGHUP" in report.results[0].detail
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"reloading configuration"


def test_send_signal_from_the_catalogue(spawn: Spawn) -> None:
    child = spawn("runner-usr1")
    usr1 = next(spec for spec in current().signals() if spec.name == "SIGUSR1")
    report = run(Action.SEND_SIGNAL, child.pid, signal_spec=usr1)
    assert outcomes(report) == [Outcome.SIGNAL_SENT]
    assert report.results[0].detail == f"SIGUSR1 ({int(signal.SIGUSR1)}) sent"
    assert child.wait(timeout=5) == -signal.SIGUSR1


FAMILY = (
    "import subprocess, sys, time\n"
    "kids = [subprocess.Popen(['sleep', '600']) for _ in range(3)]\n"
    "print(' '.join(str(k.pid) for k in kids), flush=True)\n"
    "time.sleep(600)\n"
)


def test_end_process_group_ends_the_parent_and_its_three_children(spawn: Spawn) -> None:
    parent = spawn("runner-group", FAMILY, new_session=True)
    kids = _read_kids(parent)
    report = run(Action.END_GROUP, parent.pid)
    assert sorted(r.target.key.pid for r in report.results) == sorted([parent.pid, *kids])
    assert set(outcomes(report)) == {Outcome.ENDED}
    for pid in [parent.pid, *kids]:
        assert wait_gone_or_zombie(pid)


def test_end_process_tree_ends_grandchildren_first(spawn: Spawn) -> None:
    tree = (
        "import subprocess, sys, time\n"
        "mid = subprocess.Popen([sys.executable, '-c', "
        '\'import subprocess, time; k = subprocess.Popen(["sleep", "600"]); '
        "print(k.pid, flush=True); time.sleep(600)'], stdout=subprocess.PIPE)\n"
        "grandchild = mid.stdout.readline().decode().strip()\n"
        "print(mid.pid, grandchild, flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = spawn("runner-tree", tree)
    middle, grandchild = _read_kids(parent)
    report = run(Action.END_TREE, parent.pid)
    pids = [r.target.key.pid for r in report.results]
    assert sorted(pids) == sorted([parent.pid, middle, grandchild])
    assert pids.index(grandchild) < pids.index(middle) < pids.index(parent.pid)
    assert set(outcomes(report)) == {Outcome.ENDED}
    for pid in (parent.pid, middle, grandchild):
        assert wait_gone_or_zombie(pid)


def _read_kids(parent: subprocess.Popen[bytes]) -> list[int]:
    """The PIDs the parent printed on its first line."""
    assert parent.stdout is not None
    return [int(pid) for pid in parent.stdout.readline().split()]


def test_a_reused_pid_gets_nothing(spawn: Spawn) -> None:
    child = spawn("runner-reused")
    real = sample_of(child.pid)
    stale = dataclasses.replace(real, key=ProcessKey(child.pid, real.key.create_time - 100.0))
    report = ActionRunner(current()).run(ActionRequest(Action.FORCE_QUIT, (stale,)), FAST, lambda r: None)
    assert outcomes(report) == [Outcome.PID_REUSED]
    assert report.results[0].detail == f"PID {child.pid} now belongs to another process: nothing was sent"
    assert child.poll() is None


def test_a_vanished_process_already_exited(spawn: Spawn) -> None:
    child = spawn("runner-vanished")
    target = sample_of(child.pid)
    child.kill()
    child.wait(timeout=5)
    report = ActionRunner(current()).run(ActionRequest(Action.END, (target,)), FAST, lambda r: None)
    assert outcomes(report) == [Outcome.ALREADY_EXITED]
    assert report.results[0].detail == "had already exited"


def test_a_zombie_already_exited_and_names_its_parent() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        assert wait_gone_or_zombie(child.pid)
        report = run(Action.END, child.pid)
        assert outcomes(report) == [Outcome.ALREADY_EXITED]
        assert "zombie" in report.results[0].detail
        assert f"(PID {psutil.Process().pid})" in report.results[0].detail
    finally:
        child.wait(timeout=5)


def test_kernel_threads_are_refused_before_anything_is_sent(spawn: Spawn) -> None:
    child = spawn("runner-kthread")
    posing = dataclasses.replace(sample_of(child.pid), is_kernel_thread=True)
    report = ActionRunner(current()).run(ActionRequest(Action.FORCE_QUIT, (posing,)), FAST, lambda r: None)
    assert outcomes(report) == [Outcome.NOT_SUPPORTED]
    assert "kernel thread" in report.results[0].detail
    assert child.poll() is None


def test_ending_procpilot_itself_closes_it_instead_of_signalling(spawn: Spawn) -> None:
    stand_in = spawn("runner-self")  # plays ProcPilot, so a bug could only hit our own child
    runner = ActionRunner(current(), own_pid=stand_in.pid)
    report = run(Action.END, stand_in.pid, runner=runner)
    assert outcomes(report) == [Outcome.ENDED]
    assert report.results[0].detail == "ProcPilot closes itself"
    assert outcomes(run(Action.STOP, stand_in.pid, runner=runner)) == [Outcome.NOT_SUPPORTED]
    assert stand_in.poll() is None
    assert psutil.Process(stand_in.pid).status() != psutil.STATUS_STOPPED


def test_another_users_process_reports_owner_and_hint(foreign_sleeper: psutil.Process) -> None:
    target = current().read_process(foreign_sleeper)
    assert target.user == OWNER
    with acting_as(ACTOR):
        report = ActionRunner(current()).run(ActionRequest(Action.END, (target,)), FAST, lambda r: None)
        stop = ActionRunner(current()).run(ActionRequest(Action.STOP, (target,)), FAST, lambda r: None)
    assert outcomes(report) == [Outcome.PERMISSION_DENIED]
    assert report.results[0].detail == f"owned by {OWNER}: only {OWNER} or an administrator can end it"
    assert stop.results[0].detail.endswith("can stop it")
    assert foreign_sleeper.is_running()
