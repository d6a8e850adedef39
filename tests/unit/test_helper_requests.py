"""What the administrator helper is sent for each action, and what is never sent to it.

The mapping (a tree's or group's End, Hang up, Interrupt) is checked on requests; what the
app keeps from the helper runs against the real helper (started directly: these tests are
root), so a batch that held an entry the helper refuses would visibly fail as a whole.
"""

import logging
import os
import signal
import subprocess

import pytest

from gui.actions import elevated_runner
from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import direct_launcher
from gui.actions.request_parts import for_helper
from gui.actions.runner import RunOptions
from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.app_identity import AppIdentity
from gui.core.outcomes import Detail, Outcome
from gui.core.priority import Priority
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import current
from tests.children import Spawn

pytestmark = pytest.mark.skipif(not current().can_elevate(), reason="the helper runs on Linux here")


def sample(pid: int, *, kernel_thread: bool = False) -> ProcessSample:
    return ProcessSample(
        ProcessKey(pid, 1.0), "sleep", "root", "sleeping", 0.0, 0, 1, "sleep 100", False, kernel_thread
    )


A, B = sample(4242), sample(4243)


@pytest.mark.parametrize("action", [Action.END_TREE, Action.END_GROUP])
def test_a_tree_or_group_end_is_end_of_each_confirmed_member(action: Action) -> None:
    request = ActionRequest(action, (A,), members=(B, A), group_ids=(7,))
    helper = for_helper(request, (B, A), current().action_signal)
    assert (helper.action, helper.covered, helper.signal) == (Action.END, (B, A), None)
    assert helper.as_administrator and helper.members == () and helper.group_ids == ()


@pytest.mark.parametrize(
    ("action", "name", "number"),
    [(Action.HANG_UP, "SIGHUP", signal.SIGHUP), (Action.INTERRUPT, "SIGINT", signal.SIGINT)],
)
def test_hang_up_and_interrupt_are_send_signal_of_their_signal(
    action: Action, name: str, number: int
) -> None:
    helper = for_helper(ActionRequest(action, (A,)), (A,), current().action_signal)
    assert (helper.action, helper.signal) == (Action.SEND_SIGNAL, SignalSpec(name, int(number)))


def test_the_other_actions_go_as_they_are() -> None:
    app = AppIdentity("org.procpilot.Owl", "Owl", (), None, None)
    for action, per_process in ((Action.END_APP, Action.END), (Action.FORCE_QUIT_APP, Action.FORCE_QUIT)):
        helper = for_helper(ActionRequest(action, (A,), app=app), (A,), current().action_signal)
        assert (helper.action, helper.app) == (per_process, None)
    usr1 = SignalSpec("SIGUSR1", int(signal.SIGUSR1))
    sent = for_helper(ActionRequest(Action.SEND_SIGNAL, (A,), usr1), (A,), current().action_signal)
    assert (sent.action, sent.signal) == (Action.SEND_SIGNAL, usr1)
    lower = ActionRequest(Action.SET_PRIORITY, (A,), priority=Priority.LOW)
    nice = for_helper(lower, (A,), current().action_signal)
    assert (nice.action, nice.priority) == (Action.SET_PRIORITY, Priority.LOW)


def _sleepers(spawn: Spawn, count: int) -> list[subprocess.Popen[bytes]]:
    return [spawn() for _ in range(count)]


def test_entries_the_helper_refuses_get_their_own_sentence_and_the_rest_is_sent(spawn: Spawn) -> None:
    """PID 1 in a batch would make the helper refuse all of it: it is never sent."""
    child = spawn()
    target = current().read_process(child.pid)
    kthreadd = sample(2, kernel_thread=True)
    itself = current().read_process(os.getpid())
    request = ActionRequest(Action.END, (sample(1), kthreadd, itself, target))
    report = ElevatedRunner(current(), direct_launcher).run(request, RunOptions(2.0))
    assert [(r.outcome, r.detail) for r in report.results] == [
        (Outcome.NOT_SUPPORTED, Detail.ADMIN_FIRST_PROCESS),
        (Outcome.NOT_SUPPORTED, Detail.KERNEL_THREAD),
        (Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF),
        (Outcome.ENDED, Detail.ENDED),
    ]
    assert report.results[0].value("pid") == 1
    assert child.wait(5) == -signal.SIGTERM


def test_past_the_protocols_limit_the_rest_waits_for_another_try(
    spawn: Spawn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One prompt for one batch: past the limit (1,000; 2 here) nothing more is sent, and the
    rest are offered Try as administrator again (permission denied, with the limit named)."""
    monkeypatch.setattr(elevated_runner, "MAX_ENTRIES", 2)
    children = _sleepers(spawn, 3)
    targets = tuple(current().read_process(c.pid) for c in children)
    starts: list[int] = []

    def launcher() -> list[str]:
        starts.append(1)
        return direct_launcher()

    report = ElevatedRunner(current(), launcher).run(ActionRequest(Action.END, targets), RunOptions(2.0))
    assert [(r.outcome, r.detail) for r in report.results] == [
        (Outcome.ENDED, Detail.ENDED),
        (Outcome.ENDED, Detail.ENDED),
        (Outcome.PERMISSION_DENIED, Detail.ADMIN_BATCH_LIMIT),
    ]
    assert report.results[2].value("limit") == 2
    assert starts == [1]
    assert children[2].poll() is None


def test_hang_up_as_administrator_reaches_the_process_as_sighup(spawn: Spawn) -> None:
    code = (
        "import signal, sys, time\n"
        "signal.signal(signal.SIGHUP, lambda *_: (print('hup', flush=True), sys.exit(0)))\n"
        "print('ready', flush=True)\n"
        "time.sleep(100)\n"
    )
    child = spawn(code=code, ready_line=b"ready")
    target = current().read_process(child.pid)
    helper = for_helper(ActionRequest(Action.HANG_UP, (target,)), (target,), current().action_signal)
    report = ElevatedRunner(current(), direct_launcher).run(helper, RunOptions(2.0))
    assert [(r.outcome, r.detail, r.value("signal")) for r in report.results] == [
        (Outcome.SIGNAL_SENT, Detail.SIGNAL_SENT, "SIGHUP")
    ]
    assert child.stdout is not None and child.stdout.readline() == b"hup\n"
    assert child.wait(5) == 0


STUBBORN = (
    "import signal, time\n"
    "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    "print('ready', flush=True)\n"
    "time.sleep(100)\n"
)


def test_the_whole_exchange_is_logged_one_readable_line_each(
    spawn: Spawn, caplog: pytest.LogCaptureFixture
) -> None:
    """The request's entries, its results, each wait and what still ran, Force quit and its results."""
    child = spawn(code=STUBBORN, ready_line=b"ready")
    target = current().read_process(child.pid)
    caplog.set_level(logging.INFO, logger="gui.actions.helper")
    report = ElevatedRunner(current(), direct_launcher).run(
        ActionRequest(Action.END, (target,)), RunOptions(0.5, auto_force=True)
    )
    assert [r.detail for r in report.results] == [Detail.FORCE_QUIT_AFTER_GRACE]
    lines = [r.getMessage() for r in caplog.records if r.name == "gui.actions.helper"]
    pid = child.pid
    expected = [
        f"Administrator helper, end: request of 1: PID {pid} (start ",
        f"Administrator helper, end: results: PID {pid} sent",
        f"Administrator helper, end: waited up to 0.5 s; still running: PID {pid}",
        f"Administrator helper, end: signal 9 again to PID {pid}",
        f"Administrator helper, end: signal 9 results: PID {pid} sent",
        "Administrator helper, end: waited up to 3.0 s; still running: none",
        "Administrator helper, end: closed (exit status 0)",
    ]
    assert len(lines) == len(expected), lines
    for line, start_of_line in zip(lines, expected, strict=True):
        assert line.startswith(start_of_line), line
        assert "\n" not in line and "EntryResult" not in line and "Entry(" not in line
    assert lines[0].endswith(", signal 15)")
