"""Whether a file may be run as root under a kept authorisation (pure rules, no I/O).

polkit's ``auth_admin_keep`` lets the same user run the same program as root again,
for a few minutes, without a password. That is safe only when no user but root can
change the program: the file and every folder above it must be root's and closed to
writing by group and others. Otherwise anything running as that user could put its own
code there and have it run as root without asking. ProcPilot uses its installed polkit
action only for a helper that passes this check (see :mod:`gui.actions.installed_helper`).
"""

import stat
from collections.abc import Sequence
from dataclasses import dataclass

ROOT_UID = 0
#: Group or others may write.
_WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH
_RUNNABLE = stat.S_IXUSR


@dataclass(frozen=True, slots=True)
class PathFacts:
    """What ``lstat`` says about one step of a path (``mode`` holds the type bits too)."""

    path: str
    uid: int
    mode: int


def untrusted_reason(chain: Sequence[PathFacts], *, runnable: bool = True) -> str | None:
    """Why the file at the end of ``chain`` is not safe to keep root rights for, or ``None``.

    ``chain`` holds every step from the root folder down to the file, as ``lstat`` sees
    them (a symbolic link's target is checked as a chain of its own). Folders and the
    file must belong to root and be closed to writing by group and others; the file must
    be a regular file (a runnable one, unless ``runnable`` is false: a module the
    program reads); a symbolic link may only be root's.
    """
    if not chain:
        return "no path"
    *folders, program = chain
    for step in folders:
        if stat.S_ISLNK(step.mode):
            if step.uid != ROOT_UID:
                return f"{step.path} is a link that belongs to uid {step.uid}"
            continue
        if not stat.S_ISDIR(step.mode):
            return f"{step.path} is not a folder"
        reason = _owner_or_writers(step)
        if reason is not None:
            return reason
    if stat.S_ISLNK(program.mode):  # its target is checked as a chain of its own
        return (
            f"{program.path} is a link that belongs to uid {program.uid}" if program.uid != ROOT_UID else None
        )
    if not stat.S_ISREG(program.mode):
        return f"{program.path} is not a regular file"
    if runnable and not program.mode & _RUNNABLE:
        return f"{program.path} is not executable"
    return _owner_or_writers(program)


def _owner_or_writers(step: PathFacts) -> str | None:
    if step.uid != ROOT_UID:
        return f"{step.path} belongs to uid {step.uid}, not root"
    if step.mode & _WRITABLE_BY_OTHERS:
        return f"{step.path} can be changed by others (mode {stat.S_IMODE(step.mode):o})"
    return None


def chain_paths(path: str) -> list[str]:
    """``/a/b/c`` → ``["/", "/a", "/a/b", "/a/b/c"]``: the steps :func:`untrusted_reason` needs."""
    if not path.startswith("/"):
        raise ValueError(f"not an absolute path: {path!r}")
    parts = [part for part in path.split("/") if part]
    if "." in parts or ".." in parts:
        raise ValueError(f"not a normalised path: {path!r}")
    return ["/", *("/" + "/".join(parts[: i + 1]) for i in range(len(parts)))]
