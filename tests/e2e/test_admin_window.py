"""As administrator through the real window, run by a real unprivileged user, with the real
pkexec and polkitd: a root process the test started is ended through one prompt.

The window runs in ``admin_window.py``, a process that gives up root for good before the
window opens (see there); these tests start the root-owned targets, write the polkit
rules, read what the window showed and check what happened to the targets.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from tests.other_user import ACTOR, acting_as

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pkexec and polkitd are Linux's")

DRIVER = Path(__file__).with_name("admin_window.py")
Rule = Callable[[str, str], None]
PERMISSION = "owned by root: only root or an administrator can end it"


@pytest.fixture
def root_sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """``sleep 100`` as root, the test's own child."""
    child = subprocess.Popen(["sleep", "100"])
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)


@pytest.fixture
def stubborn_root() -> Iterator[subprocess.Popen[bytes]]:
    """A root process that ignores End (SIGTERM), the test's own child."""
    child = subprocess.Popen(["sh", "-c", "trap '' TERM; exec sleep 100"])
    process = psutil.Process(child.pid)
    deadline = time.monotonic() + 10
    while process.name() != "sleep":  # the trap is set once sh has become sleep
        assert time.monotonic() < deadline, "sh did not start sleep"
        time.sleep(0.01)
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)


@pytest.fixture
def root_tree() -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A root Python (the test's own child) with its own child ``sleep 100``; the parent keeps
    sleeping when its child ends, so only End reaches it."""
    code = "import subprocess, time\nsubprocess.Popen(['sleep', '100'])\ntime.sleep(100)\n"
    parent = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 10
    while not (children := psutil.Process(parent.pid).children()):
        assert time.monotonic() < deadline, "the parent did not start sleep"
        time.sleep(0.01)
    child = children[0]
    yield parent, child.pid
    with contextlib.suppress(psutil.NoSuchProcess):
        child.kill()
    if parent.poll() is None:
        parent.kill()
    parent.wait(timeout=10)


@pytest.fixture
def stubborn_root_tree() -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A root Python that ignores End, with its own child ``sleep 100`` (the test's own), which
    inherits that: both survive End."""
    code = (
        "import signal, subprocess, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "subprocess.Popen(['sleep', '100'])\n"
        "time.sleep(100)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 10
    while not (children := psutil.Process(parent.pid).children()):
        assert time.monotonic() < deadline, "the parent did not start sleep"
        time.sleep(0.01)
    yield parent, children[0].pid
    with contextlib.suppress(psutil.NoSuchProcess):
        children[0].kill()
    if parent.poll() is None:
        parent.kill()
    parent.wait(timeout=10)


@pytest.fixture
def root_sleepers() -> Iterator[list[subprocess.Popen[bytes]]]:
    """20 ``sleep 100`` as root, the test's own children."""
    children = [subprocess.Popen(["sleep", "100"]) for _ in range(20)]
    yield children
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


@pytest.fixture
def checkout_reachable() -> Iterator[None]:
    """Let other users pass through (not list) the folders above this checkout, as they can
    an installed copy: the window, once unprivileged, still loads files from it (icons).
    A fresh clone in ``mktemp -d`` sits in a 0700 folder. Modes are put back afterwards."""
    changed: list[tuple[Path, int]] = []
    checkout = DRIVER.parents[2].resolve()
    for folder in [*reversed(checkout.parents), checkout]:
        mode = folder.stat().st_mode & 0o7777
        if not mode & 0o001:
            folder.chmod(mode | 0o001)
            changed.append((folder, mode))
    try:
        yield
    finally:
        for folder, mode in reversed(changed):
            folder.chmod(mode)


@pytest.fixture
def drive(
    other_users: tuple[int, int], installed_helper: list[str], tmp_path: Path, checkout_reachable: None
) -> Callable[..., dict[str, Any]]:
    """Run one scenario of the window as ACTOR; what it showed and did, as a dict."""
    actor = other_users[1]
    folder = tmp_path / "actor"
    folder.mkdir()
    os.chown(folder, actor, actor)
    tmp_path.chmod(0o755)

    def run(
        scenario: str,
        target: int,
        *extra: str,
        when_held: Callable[[], None] | None = None,
        helper: list[str] = installed_helper,
    ) -> dict[str, Any]:
        env = {k: v for k, v in os.environ.items() if k not in {"XDG_RUNTIME_DIR", "DISPLAY"}}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(folder), PYTHONDONTWRITEBYTECODE="1")
        env["PYTHONPATH"] = str(DRIVER.parents[2])
        command = [sys.executable, str(DRIVER), "--user", ACTOR, "--scenario", scenario]
        command += ["--target", str(target), "--helper", json.dumps(helper)]
        command += ["--settings", str(folder / "procpilot.conf"), *extra]
        with subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as driver:
            assert driver.stdout is not None
            if when_held is not None:
                assert driver.stdout.readline() == "held\n"
                when_held()
            try:
                stdout, stderr = driver.communicate(timeout=240)
            finally:
                driver.kill()
        assert driver.returncode == 0, stderr[-4000:]
        out: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
        assert out["uid"] == [actor] * 3 and out["groups"] == []  # the window ran unprivileged
        return out

    return run


def _ended(child: subprocess.Popen[bytes], how: int) -> bool:
    return child.wait(timeout=10) == -how


def _untouched(child: subprocess.Popen[bytes]) -> bool:
    return child.poll() is None and psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE


def test_end_fails_then_try_as_administrator_ends_it(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, root_sleeper: subprocess.Popen[bytes]
) -> None:
    polkit_rule(ACTOR, "YES")
    out = drive("end_then_try", root_sleeper.pid)
    assert "As administrator" in out["menu"]
    assert out["first"] == [[root_sleeper.pid, "PERMISSION_DENIED", "NOT_OWNER"]]
    assert out["first_bar"]["text"] == f"sleep (PID {root_sleeper.pid}): {PERMISSION}"
    assert out["first_bar"]["buttons"] == ["Try as administrator", "Details\u2026"]
    assert out["first_bar"]["icons"] == [True, False]  # the lock, on Try as administrator alone
    assert out["launches_before_try"] == 0  # nothing went to the helper before the user asked
    assert out["report"] == [[root_sleeper.pid, "ENDED", "ENDED"]]
    assert out["launches"] == [1]  # one pkexec launch, for one process
    assert _ended(root_sleeper, signal.SIGTERM)


def test_as_administrator_end_ends_it_directly(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, root_sleeper: subprocess.Popen[bytes]
) -> None:
    polkit_rule(ACTOR, "YES")
    out = drive("admin_end", root_sleeper.pid)
    assert out["admin_menu"] == ["End", "Force quit", "Suspend", "Send signal"]
    assert out["admin_icon"]  # the submenu shows the lock
    assert out["admin_signals_match"]
    title, heading, message = out["dialog"]
    assert title == "End as administrator"
    assert heading.endswith(f"(PID {root_sleeper.pid})?")
    assert message.endswith(
        "ProcPilot asks for the administrator password once, for the process that belongs to another user."
    )
    assert out["report"] == [[root_sleeper.pid, "ENDED", "ENDED"]]
    assert out["launches"] == [1]
    assert _ended(root_sleeper, signal.SIGTERM)


def test_the_users_own_processes_never_go_through_the_helper(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, root_sleeper: subprocess.Popen[bytes]
) -> None:
    polkit_rule(ACTOR, "YES")
    own = subprocess.Popen(
        ["setpriv", f"--reuid={ACTOR}", f"--regid={ACTOR}", "--clear-groups", "sleep", "100"]
    )
    try:
        with acting_as(ACTOR):
            deadline = time.monotonic() + 10
            while psutil.Process(own.pid).username() != ACTOR:
                assert time.monotonic() < deadline
                time.sleep(0.01)
        out = drive("mixed", root_sleeper.pid, "--own", str(own.pid))
        assert sorted(out["report"]) == sorted(
            [[root_sleeper.pid, "ENDED", "ENDED"], [own.pid, "ENDED", "ENDED"]]
        )
        assert out["launches"] == [1]  # one prompt, and the helper was sent the root process alone
        assert _ended(root_sleeper, signal.SIGTERM) and _ended(own, signal.SIGTERM)
    finally:
        if own.poll() is None:
            own.kill()
        own.wait(timeout=10)


def test_a_refused_user_is_told_and_the_process_is_untouched(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, root_sleeper: subprocess.Popen[bytes]
) -> None:
    polkit_rule(ACTOR, "NO")
    out = drive("refused", root_sleeper.pid)
    assert out["report"] == [[root_sleeper.pid, "FAILED", "ADMIN_NOT_AUTHORISED"]]
    assert out["bar"]["text"] == (
        f"sleep (PID {root_sleeper.pid}): not authorised: this account may not act as administrator"
    )
    assert "Try again" not in out["bar"]["buttons"]
    assert _untouched(root_sleeper)


#: What pkexec does when its password dialog is dismissed. Here no authentication agent can
#: be dismissed (pkexec 122 did not use a pkttyagent registered for the window's process
#: and fell back to its own, which needs a terminal), so this stands in for pkexec alone.
DISMISSED_PKEXEC = [
    "sh",
    "-c",
    "echo 'Error executing command as another user: Request dismissed' >&2; exit 126",
]


def test_a_cancelled_password_is_said_and_try_again_asks_again(
    drive: Callable[..., dict[str, Any]], root_sleeper: subprocess.Popen[bytes]
) -> None:
    out = drive("cancelled", root_sleeper.pid, helper=DISMISSED_PKEXEC)
    cancelled = [[root_sleeper.pid, "FAILED", "ADMIN_CANCELLED"]]
    assert out["report"] == cancelled
    assert (
        out["bar"]["text"]
        == f"sleep (PID {root_sleeper.pid}): cancelled: the administrator password was not given"
    )
    assert out["bar"]["buttons"] == ["Try again", "Details\u2026"]
    assert out["retry"] == cancelled  # Try again asked again (and was dismissed again)
    assert out["retry_bar"]["buttons"] == ["Try again", "Details\u2026"]
    assert out["launches"] == [1, 1]
    assert _untouched(root_sleeper)


def test_force_quit_after_an_ignored_end_needs_no_second_prompt(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, stubborn_root: subprocess.Popen[bytes]
) -> None:
    polkit_rule(ACTOR, "YES")
    out = drive("force_quit", stubborn_root.pid, "--grace", "1")
    assert out["report"] == [[stubborn_root.pid, "STILL_RUNNING", "STILL_RUNNING"]]
    assert out["escalation"]["buttons"] == ["Force quit"]
    assert len(out["held_helpers"]) == 1  # the helper holds it, waiting for Force quit
    assert out["forced"] == [[stubborn_root.pid, "FORCE_QUIT", "FORCE_QUIT"]]
    assert out["launches"] == [1]
    assert out["helpers_after"] == []
    assert _ended(stubborn_root, signal.SIGKILL)


@pytest.mark.parametrize("scenario", ["dismiss", "quit"])
def test_the_held_helper_exits_when_force_quit_is_no_longer_offered(
    drive: Callable[..., dict[str, Any]],
    polkit_rule: Rule,
    stubborn_root: subprocess.Popen[bytes],
    scenario: str,
) -> None:
    polkit_rule(ACTOR, "YES")
    out = drive(scenario, stubborn_root.pid, "--grace", "1")
    assert out["report"] == [[stubborn_root.pid, "STILL_RUNNING", "STILL_RUNNING"]]
    assert len(out["held_helpers"]) == 1
    assert out["helpers_after"] == []  # closed with the bar (or the window): no stray root helper
    assert out["launches"] == [1]
    assert _untouched(stubborn_root)  # and nothing more was sent


def test_the_held_helper_exits_when_the_survivors_exit_by_themselves(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, stubborn_root: subprocess.Popen[bytes]
) -> None:
    polkit_rule(ACTOR, "YES")

    def end_it() -> None:
        stubborn_root.kill()  # not through ProcPilot: it exits "by itself"
        stubborn_root.wait(timeout=10)

    out = drive("exits", stubborn_root.pid, "--grace", "1", when_held=end_it)
    assert len(out["held_helpers"]) == 1
    assert out["escalation_after"]["text"].endswith("ended.")
    assert out["helpers_after"] == []
    assert out["launches"] == [1]


def test_end_process_tree_fails_then_try_as_administrator_ends_parent_and_child(
    drive: Callable[..., dict[str, Any]],
    polkit_rule: Rule,
    root_tree: tuple[subprocess.Popen[bytes], int],
) -> None:
    """The helper has no tree action: the confirmed members it may not signal get End each,
    in one batch (one prompt), deepest first."""
    parent, child = root_tree
    polkit_rule(ACTOR, "YES")
    out = drive("tree_then_try", parent.pid)
    assert sorted(out["first"]) == sorted(
        [[parent.pid, "PERMISSION_DENIED", "NOT_OWNER"], [child, "PERMISSION_DENIED", "NOT_OWNER"]]
    )
    assert out["first_bar"]["buttons"] == ["Try as administrator", "Details\u2026"]
    assert out["first_bar"]["icons"] == [True, False]
    assert out["launches_before_try"] == 0
    assert sorted(out["report"]) == sorted([[parent.pid, "ENDED", "ENDED"], [child, "ENDED", "ENDED"]])
    assert out["launches"] == [2]  # one prompt for both
    assert "not supported" not in out["bar"]["text"]
    assert _ended(parent, signal.SIGTERM)
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE


def test_a_batch_of_20_root_processes_ends_through_one_prompt(
    drive: Callable[..., dict[str, Any]], polkit_rule: Rule, root_sleepers: list[subprocess.Popen[bytes]]
) -> None:
    polkit_rule(ACTOR, "YES")
    first, *more = root_sleepers
    out = drive("batch", first.pid, "--more", json.dumps([c.pid for c in more]))
    assert out["selected"] == 20
    assert out["admin_icon"]
    assert sorted(out["report"]) == sorted([[c.pid, "ENDED", "ENDED"] for c in root_sleepers])
    assert out["launches"] == [20]  # one pkexec launch for all 20
    assert all(_ended(child, signal.SIGTERM) for child in root_sleepers)


def test_a_tree_parent_that_ignores_end_is_force_quit_over_the_same_helper(
    drive: Callable[..., dict[str, Any]],
    polkit_rule: Rule,
    stubborn_root_tree: tuple[subprocess.Popen[bytes], int],
) -> None:
    parent, child = stubborn_root_tree
    polkit_rule(ACTOR, "YES")
    out = drive("tree_force_quit", parent.pid, "--grace", "1")
    assert sorted(out["report"]) == sorted(
        [[parent.pid, "STILL_RUNNING", "STILL_RUNNING"], [child, "STILL_RUNNING", "STILL_RUNNING"]]
    )
    assert out["escalation"]["buttons"] == ["Force quit"]
    assert len(out["held_helpers"]) == 1
    assert sorted(out["forced"]) == sorted(
        [[parent.pid, "FORCE_QUIT", "FORCE_QUIT"], [child, "FORCE_QUIT", "FORCE_QUIT"]]
    )
    assert out["launches"] == [2]  # the tree's End and its Force quit: one prompt
    assert out["helpers_after"] == []  # the session held for both closed after their Force quit
    assert _ended(parent, signal.SIGKILL)
