"""End app and Force quit app on a real multi-process app: a launcher script and its children."""

import signal
import sys

import psutil
import pytest

from gui.actions.runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.app_ownership import others_share
from gui.core.outcomes import BatchReport, Outcome
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import current
from tests.children import STUBBORN, Spawn, wait_gone_or_zombie
from tests.launched_app import LaunchedApp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

GRACE = RunOptions(grace_s=2.0)
OWL = AppIdentity("blinking-owl", "Blinking Owl", (("de", "Blinzelnde Eule"),), None, None)


def app_request(action: Action, pids: tuple[int, ...]) -> ActionRequest:
    adapter = current()
    return ActionRequest(action, tuple(adapter.read_process(pid) for pid in pids), app=OWL)


def run(request: ActionRequest, options: RunOptions = GRACE) -> BatchReport:
    return ActionRunner(current()).run_and_wait(request, options)


def test_end_app_ends_every_process_of_the_app_and_nothing_else(
    launched_app: LaunchedApp, spawn: Spawn
) -> None:
    sibling = spawn("end-app-sibling")  # started alongside, not part of the app
    report = run(app_request(Action.END_APP, launched_app.pids))

    assert report.app == OWL and report.action is Action.END_APP
    assert [r.target.key.pid for r in report.results] == list(launched_app.pids)
    assert [r.outcome for r in report.results] == [Outcome.ENDED] * 4
    assert launched_app.launcher.wait(timeout=5) == -signal.SIGTERM
    assert all(wait_gone_or_zombie(pid) for pid in launched_app.children)
    assert sibling.poll() is None
    # The launcher's child outside the app is left running, and reported so.
    assert psutil.Process(launched_app.outside).status() != psutil.STATUS_ZOMBIE
    assert [p.key.pid for p in report.children_left] == [launched_app.outside]
    assert [p.key.pid for p in report.children_left_of] == [launched_app.launcher.pid]


def test_force_quit_app_kills_every_process_of_the_app_at_once(launched_app: LaunchedApp) -> None:
    report = run(app_request(Action.FORCE_QUIT_APP, launched_app.pids))
    assert [r.outcome for r in report.results] == [Outcome.FORCE_QUIT] * 4
    assert launched_app.launcher.wait(timeout=5) == -signal.SIGKILL
    assert all(wait_gone_or_zombie(pid) for pid in launched_app.children)


def test_a_process_of_the_app_ignoring_end_is_left_for_force_quit_app(spawn: Spawn) -> None:
    polite, stubborn = spawn("end-app-polite"), spawn("end-app-stubborn", STUBBORN, ready_line=b"ready")
    report = run(app_request(Action.END_APP, (polite.pid, stubborn.pid)), RunOptions(grace_s=0.5))
    assert [r.outcome for r in report.results] == [Outcome.ENDED, Outcome.STILL_RUNNING]
    assert [p.key.pid for p in report.still_running] == [stubborn.pid]
    assert stubborn.poll() is None

    again = run(ActionRequest(Action.FORCE_QUIT_APP, report.still_running, app=OWL))
    assert [r.outcome for r in again.results] == [Outcome.FORCE_QUIT]
    assert stubborn.wait(timeout=5) == -signal.SIGKILL


def test_auto_force_escalates_end_app_too(spawn: Spawn) -> None:
    stubborn = spawn("end-app-auto", STUBBORN, ready_line=b"ready")
    report = run(app_request(Action.END_APP, (stubborn.pid,)), RunOptions(grace_s=0.3, auto_force=True))
    assert [r.outcome for r in report.results] == [Outcome.FORCE_QUIT]
    assert stubborn.wait(timeout=5) == -signal.SIGKILL


def test_an_app_request_names_its_app_and_only_app_actions_do() -> None:
    sample = current().read_process(psutil.Process().pid)
    with pytest.raises(ValueError, match="end_app"):
        ActionRequest(Action.END_APP, (sample,))
    with pytest.raises(ValueError, match="end"):
        ActionRequest(Action.END, (sample,), app=OWL)
    assert Action.END_APP.per_process is Action.END
    assert Action.FORCE_QUIT_APP.per_process is Action.FORCE_QUIT
    assert Action.FORCE_QUIT_APP.forces and not Action.END_APP.forces
    assert Action.END_APP.ends_processes and not Action.END_APP.covers_members


def _sample(pid: int, user: str | None, mine: bool) -> ProcessSample:
    return ProcessSample(ProcessKey(pid, 0.0), "owl", user, "sleeping", None, None, None, None, mine, False)


def test_others_share_names_the_other_users_in_order() -> None:
    mine = _sample(1, "me", True)
    assert others_share((mine,)) is None
    share = others_share(
        (mine, _sample(2, "root", False), _sample(3, "root", False), _sample(4, None, False))
    )
    assert share is not None
    assert [p.key.pid for p in share.processes] == [2, 3, 4]
    assert share.users == ("root",) and share.unknown_users
