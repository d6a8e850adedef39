"""Which helper pkexec runs: the installed, root-owned one (kept authorisation) or this copy.

An installed copy of ProcPilot ships ``org.procpilot.ProcPilot.policy`` (installed by
``packaging/install_polkit_policy.py``): a polkit action whose ``exec.path`` names a
root-owned helper and allows ``auth_admin_keep``. pkexec applies that action only to
exactly that path, so ProcPilot runs it only when the policy is installed *and* the
file it names passes :func:`gui.core.helper_trust.untrusted_reason` (with its
interpreter, for a script). Anything else (the one-file binary, a virtualenv, an
editable install) goes through pkexec's generic action with this very program: one
password prompt per batch, never a kept authorisation.
"""

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from gui.core.helper_trust import PathFacts, chain_paths, untrusted_reason

logger = logging.getLogger(__name__)

ACTION_ID = "org.procpilot.ProcPilot.elevated-helper"
POLICY_NAME = "org.procpilot.ProcPilot.policy"
#: Where polkitd reads actions from (it reads no other folder).
POLKIT_ACTIONS = Path("/usr/share/polkit-1/actions")
_EXEC_PATH = "org.freedesktop.policykit.exec.path"
_EXEC_ARGV1 = "org.freedesktop.policykit.exec.argv1"
_SHEBANG_READ = 256

Lstat = Callable[[str], os.stat_result]


@dataclass(frozen=True, slots=True)
class HelperChoice:
    """The installed helper's command (``None``: use this copy) and why, for the log."""

    command: tuple[str, ...] | None
    reason: str


def policy_command(policy: Path) -> tuple[str, ...] | None:
    """``exec.path`` (and ``exec.argv1``, if set) of ProcPilot's action in ``policy``."""
    try:
        root = ElementTree.parse(policy).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    for action in root.iter("action"):
        if action.get("id") != ACTION_ID:
            continue
        notes = {note.get("key"): (note.text or "").strip() for note in action.iter("annotate")}
        path = notes.get(_EXEC_PATH)
        if not path:
            return None
        argv1 = notes.get(_EXEC_ARGV1)
        return (path, argv1) if argv1 else (path,)
    return None


def path_problem(path: str, lstat: Lstat = os.lstat, *, runnable: bool = True) -> str | None:
    """Why ``path`` is not a root-owned program no user can change, or ``None``.

    Both the path as written and its target (through any symbolic link) are checked;
    ``runnable=False`` for a file the program only reads (its modules).
    """
    try:
        chains = [chain_paths(path)]
        real = os.path.realpath(path)
        if real != path:
            chains.append(chain_paths(real))
        for chain in chains:
            facts = []
            for step in chain:
                info = lstat(step)
                facts.append(PathFacts(step, info.st_uid, info.st_mode))
            reason = untrusted_reason(facts, runnable=runnable)
            if reason is not None:
                return reason
    except ValueError as error:
        return str(error)
    except OSError as error:
        return f"{error.filename or path}: {error.strerror}"
    return None


def script_interpreter(path: str) -> str | None:
    """The program named on a script's ``#!`` line, or ``None`` for a binary."""
    try:
        with open(path, "rb") as program:
            head = program.read(_SHEBANG_READ)
    except OSError:
        return None
    if not head.startswith(b"#!"):
        return None
    words = head[2:].split(b"\n", 1)[0].split()
    return os.fsdecode(words[0]) if words else ""


def installed_helper(actions: Path = POLKIT_ACTIONS, lstat: Lstat = os.lstat) -> HelperChoice:
    """The installed helper to run through ProcPilot's polkit action, if it is safe to."""
    policy = actions / POLICY_NAME
    if not policy.exists():
        return HelperChoice(None, f"{policy} is not installed")
    command = policy_command(policy)
    if command is None:
        return HelperChoice(None, f"{policy} names no helper for {ACTION_ID}")
    program = command[0]
    reason = path_problem(program, lstat)
    interpreter = script_interpreter(program) if reason is None else None
    if interpreter is not None:
        reason = path_problem(interpreter, lstat)
    if reason is not None:
        return HelperChoice(None, f"installed helper not used: {reason}")
    return HelperChoice(command, f"installed helper {program}")
