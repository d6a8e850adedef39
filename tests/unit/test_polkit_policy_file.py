"""The shipped polkit policy and how ProcPilot reads an installed one (no root needed)."""

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from gui.actions.installed_helper import ACTION_ID, POLICY_NAME, installed_helper, policy_command

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "resources" / POLICY_NAME
DTD = Path("/usr/share/polkit-1/policyconfig-1.dtd")
sys.path.insert(0, str(ROOT / "packaging"))
from install_polkit_policy import policy_text  # noqa: E402 - the packaging script, not a package


def action() -> ElementTree.Element:
    found = ElementTree.parse(POLICY).getroot().find(f"action[@id='{ACTION_ID}']")
    assert found is not None
    return found


def test_the_message_says_why_in_english_and_chinese():
    messages = {m.get("{http://www.w3.org/XML/1998/namespace}lang"): m.text for m in action().iter("message")}
    assert messages == {
        None: "Authentication is required to end a process that belongs to another user",
        "zh_CN": "结束属于其他用户的进程需要认证",
    }


def test_kept_authorisation_only_for_the_installed_root_owned_helper():
    defaults = {d.tag: d.text for d in action().find("defaults") or []}
    assert defaults == {
        "allow_any": "auth_admin",
        "allow_inactive": "auth_admin",
        "allow_active": "auth_admin_keep",
    }
    assert policy_command(POLICY) == ("/usr/libexec/procpilot/procpilot-elevated-helper",)


@pytest.mark.skipif(
    not DTD.exists() or shutil.which("xmllint") is None, reason="needs polkit's DTD and xmllint"
)
def test_the_policy_is_valid_for_polkit():
    checked = subprocess.run(
        ["xmllint", "--noout", "--dtdvalid", str(DTD), str(POLICY)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_a_frozen_install_names_the_binary_and_its_helper_flag(tmp_path: Path):
    policy = tmp_path / POLICY_NAME
    policy.write_text(policy_text("/opt/procpilot/procpilot", "--elevated-helper"), encoding="utf-8")
    assert policy_command(policy) == ("/opt/procpilot/procpilot", "--elevated-helper")


def test_no_installed_policy_means_this_copy_through_the_generic_action(tmp_path: Path):
    choice = installed_helper(tmp_path)
    assert choice.command is None and "is not installed" in choice.reason


def test_a_policy_naming_a_helper_in_a_users_folder_is_not_used(tmp_path: Path):
    helper = tmp_path / "procpilot"
    helper.write_text("#!/bin/sh\n")
    helper.chmod(0o755)
    (tmp_path / POLICY_NAME).write_text(policy_text(str(helper)), encoding="utf-8")
    choice = installed_helper(tmp_path)
    assert choice.command is None and choice.reason.startswith("installed helper not used: ")
    if str(tmp_path).startswith("/tmp/"):  # Linux: the world-writable /tmp is the first problem
        assert "/tmp can be changed by others" in choice.reason


def test_a_broken_policy_names_no_helper(tmp_path: Path):
    (tmp_path / POLICY_NAME).write_text("<policyconfig><action id='other'/>", encoding="utf-8")
    assert policy_command(tmp_path / POLICY_NAME) is None
    assert "names no helper" in installed_helper(tmp_path).reason
