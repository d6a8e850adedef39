"""As administrator through a real pkexec and polkitd: one prompt per batch, its refusals."""

import subprocess
from collections.abc import Iterator
from functools import partial

import psutil
import pytest

from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import pkexec_launcher
from gui.actions.runner import RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import Detail, Outcome
from gui.platforms import current
from gui.platforms.adapter import PlatformAdapter
from tests.other_user import ACTOR, OWNER, acting_as, start_as, switched
from tests.polkit_env import CountedLauncher, Rule


@pytest.fixture
def adapter() -> PlatformAdapter:
    return current()


@pytest.fixture
def stubborn_foreign(other_users: tuple[int, int]) -> Iterator[psutil.Process]:
    """A process of OWNER that ignores End (SIGTERM), started and reaped by the test."""
    child = start_as(OWNER, "sh", "-c", "trap '' TERM; exec sleep 100")
    yield switched(child, OWNER)
    child.kill()
    child.wait(timeout=10)


def test_end_as_administrator_ends_another_users_process(
    adapter: PlatformAdapter,
    foreign_sleeper: psutil.Process,
    polkit_rule: Rule,
    installed_helper: list[str],
) -> None:
    polkit_rule(ACTOR, "YES")
    target = adapter.read_process(foreign_sleeper.pid)
    launcher = CountedLauncher(partial(pkexec_launcher, installed_helper))
    with acting_as(ACTOR):
        assert not adapter.may_signal_key(target.key)  # known before sending anything
        report = ElevatedRunner(adapter, launcher).run(ActionRequest(Action.END, (target,)), RunOptions(5.0))
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.ENDED, Detail.ENDED)]
    assert launcher.calls == 1
    assert foreign_sleeper.wait(5) is not None or not foreign_sleeper.is_running()


def test_force_quit_after_end_goes_over_the_same_session(
    adapter: PlatformAdapter,
    stubborn_foreign: psutil.Process,
    polkit_rule: Rule,
    installed_helper: list[str],
) -> None:
    polkit_rule(ACTOR, "YES")
    target = adapter.read_process(stubborn_foreign.pid)
    launcher = CountedLauncher(partial(pkexec_launcher, installed_helper))
    runner = ElevatedRunner(adapter, launcher)
    try:
        with acting_as(ACTOR):
            first = runner.run(ActionRequest(Action.END, (target,)), RunOptions(0.5))
            assert [r.outcome for r in first.results] == [Outcome.STILL_RUNNING]
            force = ActionRequest(Action.FORCE_QUIT, first.still_running)
            assert runner.holds(force)
            second = runner.run(force, RunOptions(0.5))
    finally:
        runner.shutdown()
    assert [(r.outcome, r.detail) for r in second.results] == [(Outcome.FORCE_QUIT, Detail.FORCE_QUIT)]
    assert launcher.calls == 1  # one password prompt for End and its Force quit


def test_refused_account_is_told_and_nothing_is_sent(
    adapter: PlatformAdapter,
    foreign_sleeper: psutil.Process,
    polkit_rule: Rule,
    installed_helper: list[str],
) -> None:
    polkit_rule(ACTOR, "NO")
    target = adapter.read_process(foreign_sleeper.pid)
    with acting_as(ACTOR):
        runner = ElevatedRunner(adapter, partial(pkexec_launcher, installed_helper))
        report = runner.run(ActionRequest(Action.END, (target,)), RunOptions(1.0))
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.FAILED, Detail.ADMIN_NOT_AUTHORISED)]
    assert foreign_sleeper.is_running() and foreign_sleeper.status() != psutil.STATUS_ZOMBIE


@pytest.mark.parametrize(
    ("launcher", "detail"),
    [
        (["sh", "-c", "exit 126"], Detail.ADMIN_CANCELLED),
        (
            ["sh", "-c", "echo 'Error executing command as another user: Not authorized' >&2; exit 127"],
            Detail.ADMIN_NOT_AUTHORISED,
        ),
        (
            ["sh", "-c", "echo 'Error executing command: No authentication agent found.' >&2; exit 127"],
            Detail.ADMIN_NO_AGENT,
        ),
        (
            ["sh", "-c", "echo 'Error executing command: Some other trouble' >&2; exit 127"],
            Detail.ADMIN_HELPER_FAILED,
        ),
    ],
)
def test_pkexec_exit_statuses_are_told_apart(
    adapter: PlatformAdapter,
    sleeper_key_request: ActionRequest,
    launcher: list[str],
    detail: Detail,
    caplog: pytest.LogCaptureFixture,
) -> None:
    report = ElevatedRunner(adapter, lambda: launcher).run(sleeper_key_request, RunOptions(1.0))
    assert [r.detail for r in report.results] == [detail]
    if detail is Detail.ADMIN_HELPER_FAILED:  # a sentence naming pkexec; its own words in the log
        assert report.results[0].values == (("failure", "launcher_error"), ("launcher", "pkexec"))
        assert "Some other trouble" in caplog.text


def test_missing_pkexec_says_so(adapter: PlatformAdapter, sleeper_key_request: ActionRequest) -> None:
    launcher = partial(pkexec_launcher, None, lambda _name: None)
    report = ElevatedRunner(adapter, launcher).run(sleeper_key_request, RunOptions(1.0))
    assert [r.detail for r in report.results] == [Detail.PKEXEC_MISSING]


@pytest.fixture
def sleeper_key_request(adapter: PlatformAdapter) -> Iterator[ActionRequest]:
    """End for a sleep of the test's own (the launchers above never reach the helper)."""
    child = subprocess.Popen(["sleep", "100"])
    yield ActionRequest(Action.END, (adapter.read_process(child.pid),))
    child.kill()
    child.wait(timeout=10)
