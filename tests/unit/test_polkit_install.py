"""The polkit action for installed copies, installed for real as root into a temporary
prefix: polkitd lists it, pkexec applies it to the root-owned helper, and ProcPilot uses
that helper only when no user can change it."""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import pkexec_launcher
from gui.actions.installed_helper import ACTION_ID, POLICY_NAME, POLKIT_ACTIONS, installed_helper
from gui.actions.runner import RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import Detail, Outcome
from gui.platforms import current
from tests.other_user import ACTOR, acting_as
from tests.polkit_env import GENERIC_ACTION, SYSTEM_PYTHON, Rule, wait_for

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "install_polkit_policy.py"
HELPER = Path("libexec/procpilot/procpilot-elevated-helper")

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="polkit is Linux's"),
    pytest.mark.skipif(os.geteuid() != 0, reason="installing a root-owned helper needs root"),
    pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="the installed helper runs on Debian's python3"),
]


def install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60, check=False
    )


def pkaction_lists_it() -> bool:
    listed = subprocess.run(
        ["pkaction", "--action-id", ACTION_ID, "--verbose"], capture_output=True, text=True, check=False
    )
    return listed.returncode == 0 and "Authentication is required to end a process" in listed.stdout


@pytest.fixture
def prefix() -> Iterator[Path]:
    """A prefix only root can change (``/tmp`` is not one: anybody may write there)."""
    path = Path(tempfile.mkdtemp(prefix="procpilot-test-", dir="/usr/local"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


@pytest.fixture
def installed_policy(polkit: str, prefix: Path) -> Iterator[Path]:
    """Helper in ``prefix``, policy where polkitd reads it; both removed afterwards."""
    if (POLKIT_ACTIONS / POLICY_NAME).exists():
        pytest.skip(f"{POLKIT_ACTIONS / POLICY_NAME} is installed already: this test would replace it")
    done = install("--prefix", str(prefix))
    try:
        assert done.returncode == 0, done.stderr
        yield prefix / HELPER
    finally:
        install("--prefix", str(prefix), "--uninstall")
        wait_for(lambda: not pkaction_lists_it(), "polkitd forgetting the action")


def test_install_writes_a_root_owned_helper_that_answers(prefix: Path, tmp_path: Path):
    actions = prefix / "actions"
    done = install("--prefix", str(prefix), "--policy-dir", str(actions))
    assert done.returncode == 0, done.stderr
    helper = prefix / HELPER
    assert (helper.stat().st_uid, helper.stat().st_mode & 0o7777) == (0, 0o755)
    choice = installed_helper(actions)
    assert choice.command == (str(helper),), choice.reason
    answer = subprocess.run(
        [str(helper)], input=b"PROCPILOT-HELPER 1\nEND\n", capture_output=True, check=False
    )
    assert answer.stdout == b"ERROR 9 2\n"  # no entries: refused, by the installed copy's own code
    assert pkexec_launcher(which=lambda _name: "/usr/bin/pkexec", installed=lambda: choice) == [
        "/usr/bin/pkexec",
        str(helper),
    ]
    install("--prefix", str(prefix), "--policy-dir", str(actions), "--uninstall")
    assert not helper.exists() and not (actions / POLICY_NAME).exists()


def test_install_refuses_a_prefix_others_can_write_and_leaves_nothing(tmp_path: Path):
    open_prefix = tmp_path / "prefix"  # under /tmp: anybody may write to /tmp
    done = install("--prefix", str(open_prefix), "--policy-dir", str(tmp_path / "actions"))
    assert done.returncode == 1
    assert "not safe to run as root with a kept authorisation: /tmp can be changed by others" in done.stderr
    assert not (open_prefix / HELPER).exists() and not (tmp_path / "actions" / POLICY_NAME).exists()


def test_a_staged_install_for_a_package_names_the_final_paths(tmp_path: Path):
    done = install("--prefix", "/usr", "--destdir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    policy = (tmp_path / "usr/share/polkit-1/actions" / POLICY_NAME).read_text(encoding="utf-8")
    assert ">/usr/libexec/procpilot/procpilot-elevated-helper</annotate>" in policy
    wrapper = (tmp_path / "usr/libexec/procpilot/procpilot-elevated-helper").read_text(encoding="utf-8")
    assert wrapper.startswith("#!/usr/bin/python3 -I\n") and "'/usr/lib/procpilot'" in wrapper
    assert (tmp_path / "usr/lib/procpilot/gui/helper/targets.py").is_file()


def test_a_helper_in_a_folder_the_user_can_change_is_not_used(prefix: Path):
    actions = prefix / "actions"
    assert install("--prefix", str(prefix), "--policy-dir", str(actions)).returncode == 0
    (prefix / "libexec").chmod(0o777)  # as if anybody could swap the helper
    choice = installed_helper(actions)
    assert choice.command is None and "libexec can be changed by others (mode 777)" in choice.reason
    launcher = pkexec_launcher(which=lambda _name: "/usr/bin/pkexec", installed=lambda: choice)
    assert launcher[1:] != [str(prefix / HELPER)]  # this copy, through pkexec's generic action
    install("--prefix", str(prefix), "--policy-dir", str(actions), "--uninstall")


def test_pkexec_runs_the_installed_helper_under_procpilots_action(
    installed_policy: Path, polkit_rule: Rule, foreign_sleeper: psutil.Process
):
    wait_for(pkaction_lists_it, "pkaction listing org.procpilot.ProcPilot.elevated-helper")
    listed = subprocess.run(
        ["pkaction", "--action-id", ACTION_ID, "--verbose"], capture_output=True, text=True, check=True
    )
    assert "implicit active:   auth_admin_keep" in listed.stdout
    assert f"org.freedesktop.policykit.exec.path -> {installed_policy}" in listed.stdout
    polkit_rule(ACTOR, "NO", GENERIC_ACTION)  # only ProcPilot's own action may let it through
    polkit_rule(ACTOR, "YES", ACTION_ID)
    assert installed_helper().command == (str(installed_policy),)
    adapter = current()
    target = adapter.read_process(foreign_sleeper.pid)
    with acting_as(ACTOR):
        report = ElevatedRunner(adapter).run(ActionRequest(Action.END, (target,)), RunOptions(5.0))
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.ENDED, Detail.ENDED)]


@pytest.fixture
def installed_binary(polkit: str, prefix: Path) -> Iterator[Path]:
    """A root-owned ``procpilot`` as a packaged binary would be (the console script's code,
    on an installed copy of the helper's modules), named by the policy with ``--frozen``."""
    if (POLKIT_ACTIONS / POLICY_NAME).exists():
        pytest.skip(f"{POLKIT_ACTIONS / POLICY_NAME} is installed already: this test would replace it")
    modules = install("--prefix", str(prefix), "--policy-dir", str(prefix / "unused"))
    assert modules.returncode == 0, modules.stderr
    binary = prefix / "bin" / "procpilot"
    binary.parent.mkdir(mode=0o755)
    lib = prefix / "lib" / "procpilot"
    binary.write_text(
        f"#!{SYSTEM_PYTHON} -I\nimport sys\nsys.path.insert(0, {str(lib)!r})\n"
        "from gui.entry_point import run\nrun()\n"
    )
    shutil.copyfile(ROOT / "gui" / "entry_point.py", lib / "gui" / "entry_point.py")
    binary.chmod(0o755)
    done = install("--frozen", str(binary))
    try:
        assert done.returncode == 0, done.stderr
        yield binary
    finally:
        install("--prefix", str(prefix), "--uninstall")
        wait_for(lambda: not pkaction_lists_it(), "polkitd forgetting the action")


def test_a_frozen_install_covers_only_the_helper_mode_of_the_binary(
    installed_binary: Path, polkit: str, polkit_rule: Rule, foreign_sleeper: psutil.Process
):
    wait_for(pkaction_lists_it, "pkaction listing org.procpilot.ProcPilot.elevated-helper")
    polkit_rule(ACTOR, "NO", GENERIC_ACTION)
    polkit_rule(ACTOR, "YES", ACTION_ID)
    assert installed_helper().command == (str(installed_binary), "--elevated-helper")
    adapter = current()
    target = adapter.read_process(foreign_sleeper.pid)
    with acting_as(ACTOR):
        report = ElevatedRunner(adapter).run(ActionRequest(Action.END, (target,)), RunOptions(5.0))
        window = subprocess.run(  # the binary without the helper flag: the generic action, refused
            [polkit, str(installed_binary), "--version"], capture_output=True, text=True, check=False
        )
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.ENDED, Detail.ENDED)]
    assert window.returncode == 127 and "Not authorized" in window.stderr
