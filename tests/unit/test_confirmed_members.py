"""Group and tree actions reach exactly the processes the confirmation listed."""

import dataclasses
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from gui.actions.runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import Outcome
from gui.platforms import current
from tests.children import Spawn, wait_gone_or_zombie

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")

FAST = RunOptions(grace_s=2.0)

#: A session leader with a friend in its group, and a child in a group of its own that
#: joins the leader's group on SIGUSR1 (after the user confirmed ending its group).
SESSION = (
    "import subprocess, sys, time\n"
    "friend = subprocess.Popen(['sleep', '600'])\n"
    "mover = subprocess.Popen([sys.executable, '-c', sys.argv[1]], process_group=0)\n"
    "print(friend.pid, mover.pid, flush=True)\n"
    "time.sleep(600)\n"
)
MOVER = (
    "import os, signal, time\n"
    "signal.signal(signal.SIGUSR1, lambda *_: os.setpgid(0, os.getsid(0)))\n"
    "print('ready', flush=True)\n"
    "while True: time.sleep(1)\n"
)


def _wait_until(condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.01)


def _pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def test_a_process_that_changes_its_group_after_the_confirmation_drags_no_other_group(spawn: Spawn) -> None:
    leader = subprocess.Popen(
        [sys.executable, "-c", SESSION, MOVER], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        assert leader.stdout is not None
        friend, mover = (int(pid) for pid in leader.stdout.readline().split())
        assert leader.stdout.readline().strip() == b"ready"  # its SIGUSR1 handler is in place
        assert _pgid(mover) == mover
        adapter = current()
        runner = ActionRunner(adapter)
        confirmed = runner.expand(ActionRequest(Action.END_GROUP, (adapter.read_process(mover),)))
        assert [m.key.pid for m in confirmed.covered] == [mover]

        os.kill(mover, signal.SIGUSR1)  # now it sits in the session leader's group
        _wait_until(lambda: _pgid(mover) == leader.pid)
        report = runner.run_and_wait(confirmed, FAST)

        assert [(r.target.key.pid, r.outcome) for r in report.results] == [(mover, Outcome.ENDED)]
        assert wait_gone_or_zombie(mover)
        assert leader.poll() is None
        assert psutil.Process(friend).status() != psutil.STATUS_ZOMBIE
    finally:
        os.killpg(leader.pid, signal.SIGKILL)
        leader.wait(timeout=10)
        assert leader.stdout is not None
        leader.stdout.close()


#: A parent with one child; on SIGUSR1 it starts another (after the confirmation).
FORKING = (
    "import signal, subprocess, time\n"
    "late = []\n"
    "def more(*_):\n"
    "    late.append(subprocess.Popen(['sleep', '600']))\n"
    "    print(late[-1].pid, flush=True)\n"
    "signal.signal(signal.SIGUSR1, more)\n"
    "first = subprocess.Popen(['sleep', '600'])\n"
    "print(first.pid, flush=True)\n"
    "while True: time.sleep(1)\n"
)


def test_processes_started_in_the_tree_after_the_confirmation_are_named_not_ended(spawn: Spawn) -> None:
    parent = spawn("tree-keeps-forking", FORKING)
    assert parent.stdout is not None
    first = int(parent.stdout.readline())
    adapter = current()
    runner = ActionRunner(adapter)
    confirmed = runner.expand(ActionRequest(Action.END_TREE, (adapter.read_process(parent.pid),)))
    assert {m.key.pid for m in confirmed.covered} == {parent.pid, first}

    os.kill(parent.pid, signal.SIGUSR1)
    late = int(parent.stdout.readline())
    try:
        report = runner.run_and_wait(confirmed, FAST)
        assert {r.target.key.pid: r.outcome for r in report.results} == {
            first: Outcome.ENDED,
            parent.pid: Outcome.ENDED,
        }
        assert [p.key.pid for p in report.new_processes] == [late]
        assert psutil.Process(late).status() != psutil.STATUS_ZOMBIE  # never signalled
    finally:
        os.kill(late, signal.SIGKILL)


def test_a_result_never_says_ended_for_a_process_that_still_runs(spawn: Spawn) -> None:
    """A confirmed member that ignores End is reported as still running, not ended."""
    code = (
        "import signal, subprocess, time\n"
        "kid = subprocess.Popen(['sh', '-c', 'trap \"\" TERM; exec sleep 600'])\n"
        "print(kid.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = spawn("tree-with-stubborn-kid", code)
    assert parent.stdout is not None
    kid = int(parent.stdout.readline())
    _wait_until(lambda: psutil.Process(kid).name() == "sleep")
    adapter = current()
    request = ActionRequest(Action.END_TREE, (adapter.read_process(parent.pid),))
    try:
        report = ActionRunner(adapter).run_and_wait(request, dataclasses.replace(FAST, grace_s=1.0))
        by_pid = {r.target.key.pid: r.outcome for r in report.results}
        assert by_pid == {kid: Outcome.STILL_RUNNING, parent.pid: Outcome.ENDED}
        assert psutil.Process(kid).is_running()
    finally:
        os.kill(kid, signal.SIGKILL)
