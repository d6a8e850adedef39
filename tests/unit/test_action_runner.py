"""Actions on real child processes with real signals, without Qt."""

import dataclasses
import signal
import subprocess
import sys
import time

import psutil
import pytest

from gui.actions.runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import current
from tests.children import STUBBORN, Spawn, wait_gone_or_zombie
from tests.other_user import ACTOR, OWNER, acting_as

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

FAST = RunOptions(grace_s=1.0)


def sample_of(pid: int) -> ProcessSample:
    return current().read_process(pid)


def run(action: Action, *pids: int, options: RunOptions = FAST, signal_spec: SignalSpec | None = None,
        runner: ActionRunner | None = None) -> BatchReport:  # fmt: skip
    request = ActionRequest(action, tuple(sample_of(pid) for pid in pids), signal_spec)
    seen: list[ProcessResult] = []
    report = (runner or ActionRunner(current())).run_and_wait(request, options, seen.append)
    assert sorted(report.results, key=seen.index) == list(seen)
    return report


def outcomes(report: BatchReport) -> list[Outcome]:
    return [result.outcome for result in report.results]


def test_end_waits_until_the_child_has_exited(spawn: Spawn) -> None:
    child = spawn("runner-end")
    report = run(Action.END, child.pid)
    assert outcomes(report) == [Outcome.ENDED]
    assert report.results[0].detail is Detail.ENDED
    assert report.results[0].target.key.pid == child.pid
    assert child.wait(timeout=5) == -signal.SIGTERM


def test_a_child_ignoring_end_survives_then_force_quit_ends_it(spawn: Spawn) -> None:
    child = spawn("runner-stubborn", STUBBORN, ready_line=b"ready")
    report = run(Action.END, child.pid)
    assert outcomes(report) == [Outcome.STILL_RUNNING]
    assert report.results[0].detail is Detail.STILL_RUNNING
    assert report.results[0].value("grace_s") == 1.0
    assert report.still_running == (report.results[0].target,)
    assert child.poll() is None

    forced = run(Action.FORCE_QUIT, child.pid)
    assert outcomes(forced) == [Outcome.FORCE_QUIT]
    assert child.wait(timeout=5) == -signal.SIGKILL


def test_auto_force_quits_after_the_grace_period(spawn: Spawn) -> None:
    child = spawn("runner-auto", STUBBORN, ready_line=b"ready")
    report = run(Action.END, child.pid, options=RunOptions(grace_s=0.5, auto_force=True))
    assert outcomes(report) == [Outcome.FORCE_QUIT]
    assert report.results[0].detail is Detail.FORCE_QUIT_AFTER_GRACE
    assert report.results[0].value("grace_s") == 0.5
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
    assert report.results[0].value("signal") == "SIGHUP"
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"reloading configuration"


def test_send_signal_from_the_catalogue(spawn: Spawn) -> None:
    child = spawn("runner-usr1")
    usr1 = next(spec for spec in current().signals() if spec.name == "SIGUSR1")
    report = run(Action.SEND_SIGNAL, child.pid, signal_spec=usr1)
    assert outcomes(report) == [Outcome.SIGNAL_SENT]
    assert report.results[0].values == (("signal", "SIGUSR1"), ("number", int(signal.SIGUSR1)))
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
    report = ActionRunner(current()).run_and_wait(ActionRequest(Action.FORCE_QUIT, (stale,)), FAST)
    assert outcomes(report) == [Outcome.PID_REUSED]
    assert child.poll() is None


def test_a_vanished_process_already_exited(spawn: Spawn) -> None:
    child = spawn("runner-vanished")
    target = sample_of(child.pid)
    child.kill()
    child.wait(timeout=5)
    report = ActionRunner(current()).run_and_wait(ActionRequest(Action.END, (target,)), FAST)
    assert outcomes(report) == [Outcome.ALREADY_EXITED]
    assert report.results[0].detail is Detail.ALREADY_EXITED


def test_a_zombie_already_exited_and_names_its_parent() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        assert wait_gone_or_zombie(child.pid)
        report = run(Action.END, child.pid)
        assert outcomes(report) == [Outcome.ALREADY_EXITED]
        assert report.results[0].detail is Detail.ZOMBIE_OF_PARENT
        assert report.results[0].value("parent_pid") == psutil.Process().pid
    finally:
        child.wait(timeout=5)


def test_kernel_threads_are_refused_before_anything_is_sent(spawn: Spawn) -> None:
    child = spawn("runner-kthread")
    posing = dataclasses.replace(sample_of(child.pid), is_kernel_thread=True)
    report = ActionRunner(current()).run_and_wait(ActionRequest(Action.FORCE_QUIT, (posing,)), FAST)
    assert outcomes(report) == [Outcome.NOT_SUPPORTED]
    assert report.results[0].detail is Detail.KERNEL_THREAD
    assert child.poll() is None


def test_ending_procpilot_itself_closes_it_instead_of_signalling(spawn: Spawn) -> None:
    stand_in = spawn("runner-self")  # plays ProcPilot, so a bug could only hit our own child
    runner = ActionRunner(current(), own_pid=stand_in.pid)
    report = run(Action.END, stand_in.pid, runner=runner)
    assert outcomes(report) == [Outcome.ENDED]
    assert report.results[0].detail is Detail.PROCPILOT_CLOSES
    assert outcomes(run(Action.STOP, stand_in.pid, runner=runner)) == [Outcome.NOT_SUPPORTED]
    assert stand_in.poll() is None
    assert psutil.Process(stand_in.pid).status() != psutil.STATUS_STOPPED


def test_another_users_process_reports_owner_and_hint(foreign_sleeper: psutil.Process) -> None:
    target = current().read_process(foreign_sleeper.pid)
    assert target.user == OWNER
    with acting_as(ACTOR):
        report = ActionRunner(current()).run_and_wait(ActionRequest(Action.END, (target,)), FAST)
    assert outcomes(report) == [Outcome.PERMISSION_DENIED]
    assert report.results[0].detail is Detail.NOT_OWNER
    assert report.results[0].value("owner") == OWNER
    assert foreign_sleeper.is_running()


#: A process that saves its work on End, like an editor: it has a handler for SIGTERM.
SAVES_ON_END = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))\n"
    "print('ready', flush=True)\n"
    "while True: time.sleep(1)\n"
)


def test_end_on_a_suspended_process_says_it_ends_when_resumed(spawn: Spawn) -> None:
    child = spawn("runner-suspended", SAVES_ON_END, ready_line=b"ready")
    child.send_signal(signal.SIGSTOP)
    while psutil.Process(child.pid).status() != psutil.STATUS_STOPPED:
        pass
    started = time.monotonic()
    report = run(Action.END, child.pid, options=RunOptions(grace_s=30.0, auto_force=True))
    assert outcomes(report) == [Outcome.SUSPENDED]
    assert report.suspended == (report.results[0].target,)
    assert time.monotonic() - started < 5  # no need to wait out the grace period
    assert child.poll() is None  # not force quit, even with "Force quit automatically"

    assert outcomes(run(Action.CONTINUE, child.pid)) in ([Outcome.CONTINUED], [Outcome.SIGNAL_SENT])
    assert child.wait(timeout=5) == 0  # resumed, it ran its handler and saved its work


def test_a_suspended_process_without_a_handler_ends_when_resumed(spawn: Spawn) -> None:
    """The kernel keeps the polite end pending while a process is stopped, handler or not."""
    child = spawn("runner-suspended-plain")
    child.send_signal(signal.SIGSTOP)
    while psutil.Process(child.pid).status() != psutil.STATUS_STOPPED:
        pass
    assert outcomes(run(Action.END, child.pid)) == [Outcome.SUSPENDED]
    assert child.poll() is None
    run(Action.CONTINUE, child.pid)
    assert child.wait(timeout=5) == -signal.SIGTERM


def test_refusals_name_the_action_that_was_refused(foreign_sleeper: psutil.Process) -> None:
    target = current().read_process(foreign_sleeper.pid)
    runner = ActionRunner(current())
    with acting_as(ACTOR):
        reports = {
            action: runner.run_and_wait(ActionRequest(action, (target,)), FAST)
            for action in (Action.HANG_UP, Action.INTERRUPT, Action.STOP, Action.END)
        }
    for action, report in reports.items():
        assert outcomes(report) == [Outcome.PERMISSION_DENIED], action
        assert report.results[0].value("owner") == OWNER
    assert foreign_sleeper.is_running()
