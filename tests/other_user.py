"""A process owned by another real user, and a way to act as a third one for a moment."""

import os
import pwd
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psutil
import pytest

OWNER = "procpilot-owner"
ACTOR = "procpilot-actor"


def ensure_user(name: str) -> int:
    """The uid of a system user, created (root only) when missing."""
    try:
        return pwd.getpwnam(name).pw_uid
    except KeyError:
        pass
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("permission tests need root and useradd to create test users")
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        check=True,
    )
    return pwd.getpwnam(name).pw_uid


@pytest.fixture
def foreign_sleeper() -> Iterator[psutil.Process]:
    """``sleep 100`` running as OWNER, started (and reaped) by the test."""
    ensure_user(OWNER)
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to start a process as another user")
    child = subprocess.Popen(
        ["setpriv", f"--reuid={OWNER}", f"--regid={OWNER}", "--clear-groups", "sleep", "100"]
    )
    process = psutil.Process(child.pid)
    deadline = time.monotonic() + 10
    while process.username() != OWNER or process.name() != "sleep":
        assert time.monotonic() < deadline, "setpriv did not switch user"
        time.sleep(0.01)
    yield process
    child.kill()
    child.wait(timeout=10)


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Drop to another user's uid for a moment (saved uid stays root to come back)."""
    uid = ensure_user(name)
    os.setresuid(uid, uid, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
