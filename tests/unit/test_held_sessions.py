"""A helper session held for Force quit closes once nobody needs it: no stray root helper.

The helper runs directly as this (root) test process (``direct_launcher``): what is tested
here is when ProcPilot lets it go, not pkexec (see ``tests/e2e/test_admin_window.py``).
"""

import os
import sys

import psutil
import pytest

from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import HELPER_FLAG, direct_launcher
from gui.actions.request_parts import merged, split_by_permission
from gui.actions.runner import RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.platforms import current
from tests.children import STUBBORN, Spawn

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0, reason="the helper runs as root on Linux"
)


def helpers() -> list[int]:
    """This test's helper processes still running."""
    found = []
    for child in psutil.Process().children():
        try:
            if HELPER_FLAG in child.cmdline():
                found.append(child.pid)
        except psutil.ZombieProcess:  # a test child that was ended, not reaped yet
            continue
    return found


def held_end(spawn: Spawn) -> tuple[ElevatedRunner, ActionRequest]:
    """End, as administrator, a child that ignores it: its session is held for Force quit."""
    adapter = current()
    child = spawn("held-stubborn", STUBBORN, ready_line=b"ready")
    runner = ElevatedRunner(adapter, direct_launcher)
    report = runner.run(ActionRequest(Action.END, (adapter.read_process(child.pid),)), RunOptions(0.3))
    assert [r.outcome for r in report.results] == [Outcome.STILL_RUNNING]
    assert runner.held_count() == 1 and len(helpers()) == 1
    return runner, ActionRequest(Action.FORCE_QUIT, report.still_running)


def test_releasing_the_survivors_closes_their_session(spawn: Spawn) -> None:
    runner, force = held_end(spawn)
    unused = runner.release([force.targets[0].key])
    assert len(unused) == 1 and runner.held_count() == 0
    runner.close_sessions(unused)
    assert helpers() == []
    assert not runner.holds(force)  # a Force quit now would ask again


def test_a_claimed_session_stays_open_until_its_force_quit_is_done(spawn: Spawn) -> None:
    runner, force = held_end(spawn)
    claimed = runner.claim(force)
    assert runner.release([force.targets[0].key]) == []  # already claimed: not closed under it
    report = runner.force_held(force, claimed)
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.FORCE_QUIT, Detail.FORCE_QUIT)]
    assert helpers() == []


def test_a_force_quit_of_several_survivors_of_one_session_closes_it(spawn: Spawn) -> None:
    """Two survivors of one End are claimed together: the session is done with once, and closes."""
    adapter = current()
    children = [spawn("held-stubborn", STUBBORN, ready_line=b"ready") for _ in range(2)]
    runner = ElevatedRunner(adapter, direct_launcher)
    targets = tuple(adapter.read_process(child.pid) for child in children)
    report = runner.run(ActionRequest(Action.END, targets), RunOptions(0.3))
    assert [r.outcome for r in report.results] == [Outcome.STILL_RUNNING] * 2 and len(helpers()) == 1
    force = ActionRequest(Action.FORCE_QUIT, report.still_running)
    forced = runner.force_held(force, runner.claim(force))
    assert [r.outcome for r in forced.results] == [Outcome.FORCE_QUIT] * 2
    assert helpers() == []


def test_shutdown_closes_held_sessions(spawn: Spawn) -> None:
    runner, _force = held_end(spawn)
    runner.shutdown()
    assert helpers() == []


def test_parts_come_back_in_the_requests_order(spawn: Spawn) -> None:
    adapter = current()
    samples = tuple(adapter.read_process(spawn(f"part-{i}").pid) for i in range(3))
    request = ActionRequest(Action.END, samples, as_administrator=True)
    own, others = split_by_permission(samples, lambda key: key != samples[1].key)
    assert (own, others) == ((samples[0], samples[2]), (samples[1],))
    ended = BatchReport(Action.END, tuple(ProcessResult(s, Outcome.ENDED, Detail.ENDED) for s in own))
    refused = BatchReport(Action.END, (ProcessResult(samples[1], Outcome.FAILED, Detail.ADMIN_CANCELLED),))
    report = merged(request, [refused, ended])
    assert [r.target for r in report.results] == list(samples)
    assert report.action is Action.END
