"""A real pkexec and polkitd for the administrator tests, and a root-owned copy of the helper.

``polkit`` starts the system D-Bus and polkitd when they are not running (and stops only
what it started), and ``polkit_rule`` writes one rule to ``/etc/polkit-1/rules.d/`` for a
test and removes it afterwards. ``installed_helper`` is what production expects: the
``gui`` package copied into a root-owned virtualenv of Debian's python3 (pkexec clears
``PYTHONPATH`` and may only run what the calling user can reach). Tests skip, with the
reason, where any of it is missing.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import pytest

from gui.actions.elevation_client import HELPER_FLAG

POLKITD = Path("/usr/lib/polkit-1/polkitd")
BUS_SOCKET = Path("/run/dbus/system_bus_socket")
RULES = Path("/etc/polkit-1/rules.d")
SYSTEM_PYTHON = Path("/usr/bin/python3")
GENERIC_ACTION = "org.freedesktop.policykit.exec"
_RULE = """polkit.addRule(function(action, subject) {
    if (action.id == "%(action)s" && subject.user == "%(user)s") {%(count)s
        return polkit.Result.%(result)s;
    }
});
"""
#: Each check of the rule leaves one file in the folder (polkitd runs it as its own user).
_COUNT = """
        polkit.spawn(["/usr/bin/mktemp", "-p", "%s"]);"""


def wait_for(ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 10
    while not ready():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not start")
        time.sleep(0.05)


def _bus_answers() -> bool:
    """Whether a system D-Bus listens on its socket (a bus that was killed leaves the file)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(BUS_SOCKET))
        except OSError:
            return False
    return True


def _polkitd_running() -> bool:
    return subprocess.run(["pgrep", "-x", "polkitd"], capture_output=True, check=False).returncode == 0


@pytest.fixture(scope="session")
def polkit() -> Iterator[str]:
    """The path of pkexec, with a system bus and polkitd running."""
    pkexec = shutil.which("pkexec")
    if os.geteuid() != 0 or pkexec is None or not POLKITD.exists() or shutil.which("dbus-daemon") is None:
        pytest.skip("administrator tests need root, pkexec, polkitd and dbus-daemon (Debian: pkexec polkitd)")
    started: list[subprocess.Popen[bytes]] = []
    bus_started = not _bus_answers()
    if bus_started:
        BUS_SOCKET.unlink(missing_ok=True)  # left by a bus that was killed
        BUS_SOCKET.parent.mkdir(parents=True, exist_ok=True)
        started.append(subprocess.Popen(["dbus-daemon", "--system", "--nofork", "--nopidfile"]))
        wait_for(BUS_SOCKET.exists, "the system D-Bus")
    if not _polkitd_running():
        started.append(subprocess.Popen([str(POLKITD), "--no-debug"], stderr=subprocess.DEVNULL))
        wait_for(_polkitd_running, "polkitd")
    yield pkexec
    for process in reversed(started):
        process.terminate()
        process.wait(timeout=10)
    if bus_started:
        BUS_SOCKET.unlink(missing_ok=True)


class CountedLauncher:
    """A launcher that counts how often the runner asked for one: once per helper start, that
    is once per password prompt."""

    def __init__(self, launch: Callable[[], list[str]]) -> None:
        self.launch = launch
        self.calls = 0

    def __call__(self) -> Sequence[str]:
        self.calls += 1
        return self.launch()


class Rule(Protocol):
    def __call__(
        self, user: str, result: str, action: str = GENERIC_ACTION, count_in: Path | None = None
    ) -> None: ...


@pytest.fixture
def polkit_rule(polkit: str) -> Iterator[Rule]:
    """Write ``rule(user, "YES" | "NO" | "AUTH_ADMIN", action)`` (pkexec's generic action
    unless named); removed afterwards. With ``count_in`` (a folder polkitd may write to),
    every check of the rule leaves a file there: the number of authorisations."""
    written: list[Path] = []

    def rule(user: str, result: str, action: str = GENERIC_ACTION, count_in: Path | None = None) -> None:
        path = RULES / f"10-procpilot-test-{os.getpid()}-{len(written)}.rules"
        count = _COUNT % count_in if count_in is not None else ""
        text = _RULE % {"action": action, "user": user, "count": count, "result": result}
        path.write_text(text, encoding="utf-8")
        written.append(path)
        time.sleep(0.5)  # polkitd reloads its rules when the folder changes

    yield rule
    for path in written:
        path.unlink(missing_ok=True)
    if written:
        time.sleep(0.5)


@pytest.fixture(scope="session")
def installed_helper() -> Iterator[list[str]]:
    """The helper's command as an installed, root-owned copy: ``python -m gui --elevated-helper``."""
    if not SYSTEM_PYTHON.exists():
        pytest.skip("the administrator tests need Debian's python3 for a root-owned helper copy")
    root = Path(tempfile.mkdtemp(prefix="procpilot-helper-"))
    root.chmod(0o755)
    try:
        subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(root)], check=True)
        purelib = subprocess.run(
            [str(root / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        source = Path(sys.modules["gui"].__file__ or "").parent
        shutil.copytree(source, Path(purelib) / "gui", ignore=shutil.ignore_patterns("__pycache__"))
        yield [str(root / "bin" / "python"), "-m", "gui", HELPER_FLAG]
    finally:
        shutil.rmtree(root)
