"""As administrator through a real pkexec and polkitd: a batch of 20 in one authorisation,
a PID reused between the request and the helper, and pkexec's 127 told apart."""

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import psutil
import pytest

from gui.actions.elevated_results import unsent_result
from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import pkexec_launcher, start_helper
from gui.actions.runner import RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.elevation_protocol import Entry, Operation, Status
from gui.core.outcomes import Detail, Outcome
from gui.helper.linux_process import start_and_flags
from gui.platforms import current
from tests.other_user import ACTOR, OWNER, acting_as, start_as, switched
from tests.polkit_env import CountedLauncher, Rule

NS_LAST_PID = Path("/proc/sys/kernel/ns_last_pid")
BATCH = 20


@pytest.fixture
def owners_sleepers(other_users: tuple[int, int]) -> Iterator[list[subprocess.Popen[bytes]]]:
    children = [start_as(OWNER, "sleep", "100") for _ in range(BATCH)]
    try:
        for child in children:
            switched(child, OWNER)
        yield children
    finally:
        for child in children:
            child.kill()
            child.wait(timeout=10)


@pytest.fixture
def authorisations() -> Iterator[Path]:
    """A folder only polkitd's user may write to: one file in it per authorisation check."""
    import pwd  # noqa: PLC0415 - POSIX only, and these tests run on Linux only

    try:
        polkitd = pwd.getpwnam("polkitd")
    except KeyError:
        pytest.skip("polkitd runs as the user polkitd here")
    folder = Path(tempfile.mkdtemp(prefix="procpilot-authorisations-"))
    os.chown(folder, polkitd.pw_uid, polkitd.pw_gid)
    yield folder
    shutil.rmtree(folder)


def test_a_batch_of_twenty_of_another_users_processes_takes_one_authorisation(
    owners_sleepers: list[subprocess.Popen[bytes]],
    polkit_rule: Rule,
    installed_helper: list[str],
    authorisations: Path,
) -> None:
    polkit_rule(ACTOR, "YES", count_in=authorisations)
    adapter = current()
    targets = tuple(adapter.read_process(child.pid) for child in owners_sleepers)
    launcher = CountedLauncher(partial(pkexec_launcher, installed_helper))
    with acting_as(ACTOR):
        assert not any(adapter.may_signal_key(target.key) for target in targets)
        report = ElevatedRunner(adapter, launcher).run(ActionRequest(Action.END, targets), RunOptions(5.0))
    assert [r.outcome for r in report.results] == [Outcome.ENDED] * BATCH
    assert [child.wait(5) for child in owners_sleepers] == [-signal.SIGTERM] * BATCH
    assert launcher.calls == 1  # one pkexec...
    assert len(list(authorisations.iterdir())) == 1  # ...and polkitd checked it once


def _same_pid(pid: int, start: Callable[[], subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
    """A new process with ``pid``: the kernel hands out ns_last_pid + 1 next (others may race)."""
    for _attempt in range(100):
        NS_LAST_PID.write_text(str(pid - 1))
        child = start()
        if child.pid == pid:
            return child
        child.kill()
        child.wait(timeout=10)
    pytest.fail(f"no new process got PID {pid} in 100 attempts")


def test_a_pid_reused_between_the_request_and_the_helper_gets_nothing(
    other_users: tuple[int, int], polkit_rule: Rule, installed_helper: list[str]
) -> None:
    if not os.access(NS_LAST_PID, os.W_OK):
        pytest.skip(f"{NS_LAST_PID} is needed to hand a PID out again")
    polkit_rule(ACTOR, "YES")
    first = start_as(OWNER, "sleep", "100")
    switched(first, OWNER)
    stale = Entry(Operation.SIGNAL, first.pid, start_and_flags(first.pid)[0], int(signal.SIGTERM))
    first.kill()
    first.wait(timeout=10)  # the PID is free again
    time.sleep(0.05)  # a later start time than the request's, even in clock ticks
    second = _same_pid(stale.pid, partial(start_as, OWNER, "sleep", "100"))
    try:
        successor = switched(second, OWNER)
        assert start_and_flags(second.pid)[0] != stale.start
        with acting_as(ACTOR), start_helper(pkexec_launcher(installed_helper), [stale]) as session:
            assert [(r.status, r.pid) for r in session.results] == [(Status.PID_REUSED, stale.pid)]
            assert session.wait(0.3) == ()  # nothing was signalled, nothing is held
        target = current().read_process(second.pid)
        result = unsent_result(target, session.results[0])
        assert result is not None and (result.outcome, result.detail) == (
            Outcome.PID_REUSED,
            Detail.PID_REUSED,
        )
        assert second.poll() is None and successor.status() != psutil.STATUS_ZOMBIE
    finally:
        second.kill()
        second.wait(timeout=10)


def test_no_authentication_agent_is_told_apart_from_not_authorised(
    other_users: tuple[int, int], polkit_rule: Rule, installed_helper: list[str]
) -> None:
    polkit_rule(ACTOR, "AUTH_ADMIN")  # a password is needed, and nobody can be asked for it
    child = start_as(OWNER, "sleep", "100")
    try:
        target = current().read_process(switched(child, OWNER).pid)
        with acting_as(ACTOR):
            runner = ElevatedRunner(current(), partial(pkexec_launcher, installed_helper))
            report = runner.run(ActionRequest(Action.END, (target,)), RunOptions(1.0))
        [result] = report.results
        assert (result.outcome, result.detail) == (Outcome.FAILED, Detail.ADMIN_NO_AGENT)
        assert child.poll() is None
    finally:
        child.kill()
        child.wait(timeout=10)
