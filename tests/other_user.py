"""A process owned by another real user, and a way to act as a third one for a moment.

The two system users are made once per test session (root only) by the ``other_users``
fixture and deleted again at its end; users that existed before the session are used
as they are and left alone. Tests that need them skip, with the reason, wherever the
session cannot switch users (not root, no ``useradd``, no ``setpriv``...).
"""

import importlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from gui.start_up_memory import LOADED_ON_FIRST_USE

if sys.platform != "win32":  # this plugin is loaded on Windows too, where tests/unit runs
    import pwd

OWNER = "procpilot-owner"
ACTOR = "procpilot-actor"


def _uid(name: str) -> int | None:
    try:
        return pwd.getpwnam(name).pw_uid
    except KeyError:
        return None


def _create_user(name: str) -> None:
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip(f"permission tests need root and useradd (Debian: passwd) to create the user {name}")
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        check=True,
        capture_output=True,
    )


def _delete_users(names: list[str]) -> None:
    for name in names:
        subprocess.run(["userdel", name], check=True, capture_output=True)


def why_cannot_switch(owner: str, actor: str) -> str | None:
    """Why this process cannot do what the permission tests do, or None when it can.

    Both are tried for real: ``setpriv`` starting a process as ``owner``, and this
    process dropping to ``actor`` with ``os.setresuid`` and coming back.
    """
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return "setpriv (Debian: util-linux) is needed to start a process as another user"
    probe = subprocess.run(
        [setpriv, f"--reuid={owner}", f"--regid={owner}", "--clear-groups", "true"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        return f"cannot start a process as {owner}: {probe.stderr.strip() or f'exit {probe.returncode}'}"
    try:
        with acting_as(actor):
            pass
    except PermissionError as error:
        return f"cannot switch this process to {actor} (needs root or CAP_SETUID): {error}"
    return None


@pytest.fixture(scope="session")
def other_users() -> Iterator[tuple[int, int]]:
    """The uids of OWNER and ACTOR; creates the missing ones and deletes only those afterwards."""
    created: list[str] = []
    try:
        for name in (OWNER, ACTOR):
            if _uid(name) is None:
                _create_user(name)
                created.append(name)
        reason = why_cannot_switch(OWNER, ACTOR)
        if reason is not None:
            pytest.skip(reason)
    except BaseException:
        _delete_users(created)
        raise
    owner, actor = _uid(OWNER), _uid(ACTOR)
    assert owner is not None and actor is not None
    yield owner, actor
    _delete_users(created)


def start_as(user: str, *command: str) -> subprocess.Popen[bytes]:
    """``command`` run as ``user`` (setpriv: real, effective and saved ids, no other groups)."""
    return subprocess.Popen(["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command])


def switched(child: subprocess.Popen[bytes], user: str) -> psutil.Process:
    """``child`` once it runs as ``user`` and has become ``sleep`` (as every such child here ends)."""
    process = psutil.Process(child.pid)
    deadline = time.monotonic() + 10
    while process.username() != user or process.name() != "sleep":
        assert time.monotonic() < deadline, "setpriv did not switch user"
        time.sleep(0.01)
    return process


@pytest.fixture
def foreign_sleeper(other_users: tuple[int, int]) -> Iterator[psutil.Process]:
    """``sleep 100`` running as OWNER, started (and reaped) by the test."""
    child = start_as(OWNER, "sleep", "100")
    yield switched(child, OWNER)
    child.kill()
    child.wait(timeout=10)


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Act as another (existing) user for a moment; the saved uid keeps the way back.

    Raises ``PermissionError`` where this process may not switch users. Tests use it
    together with ``foreign_sleeper``, whose fixture has checked that it works.
    """
    for module in LOADED_ON_FIRST_USE:  # the checkout may be closed to that user
        importlib.import_module(module)
    real, effective, saved = os.getresuid()
    uid = pwd.getpwnam(name).pw_uid
    os.setresuid(uid, uid, effective)
    try:
        yield
    finally:
        os.setresuid(real, effective, saved)


#: Starts two more threads, says "ready", then waits for ever.
THREADS = (
    "import threading\n"
    "for _ in range(2):\n"
    "    threading.Thread(target=threading.Event().wait, daemon=True).start()\n"
    "print('ready', flush=True)\n"
    "threading.Event().wait()\n"
)


def thread_nices(pid: int) -> list[int]:
    """Every thread's nice value as the kernel reports it (stat field 19)."""
    return [
        int(path.read_bytes().rsplit(b")", 1)[1].split()[16])
        for path in Path(f"/proc/{pid}/task").glob("*/stat")
    ]


@pytest.fixture
def actors_child(other_users: tuple[int, int]) -> Iterator[psutil.Process]:
    """A three-thread child running as ACTOR (the system's Python: the venv may be private)."""
    child = subprocess.Popen(
        [
            "setpriv",
            f"--reuid={ACTOR}",
            f"--regid={ACTOR}",
            "--clear-groups",
            "/usr/bin/python3",
            "-c",
            THREADS,
        ],
        stdout=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    process = psutil.Process(child.pid)
    deadline = time.monotonic() + 10
    while process.num_threads() != 3:
        assert time.monotonic() < deadline, "the child did not start its threads"
        time.sleep(0.01)
    yield process
    child.kill()
    child.wait(timeout=10)
    child.stdout.close()
