"""Critical processes are known by the program they run, never by the name they chose.

Every process here is the test's own child; nothing is signalled but them.
"""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from gui.core.critical import CriticalKind
from gui.core.process_key import ProcessKey
from gui.platforms import PosixAdapter, WindowsAdapter
from gui.platforms.posix_critical import critical_kind, kind_of_executable
from tests.other_user import ACTOR, acting_as
from tests.rows import make_test_row

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and setpriv")

LINUX = PosixAdapter(linux=True, needs_display_server=True)
PORTABLE = PosixAdapter(linux=False, needs_display_server=False)  # the macOS path (psutil's exe())
#: A uid no system account has: a person's.
PERSON_UID = 1500
SYSTEM_PYTHON = os.path.realpath("/usr/bin/python3")
#: Renames itself (prctl PR_SET_NAME) so that neither its name nor its argv[0] tells what it runs.
RENAMED = (
    "import ctypes, time; ctypes.CDLL(None).prctl(15, b'innocent', 0, 0, 0); "
    "print('ready', flush=True); time.sleep(600)"
)


def key_of(pid: int) -> ProcessKey:
    return ProcessKey(pid, psutil.Process(pid).create_time())


def wait_named(pid: int, name: str) -> None:
    deadline = time.monotonic() + 10
    while psutil.Process(pid).name() != name:
        assert time.monotonic() < deadline, f"{pid} never became {name}"
        time.sleep(0.01)


@pytest.fixture
def fake_xorg() -> Iterator[Path]:
    """A copy of ``sleep`` called Xorg, in a temporary folder anyone may enter."""
    folder = Path(tempfile.mkdtemp(prefix="procpilot-fake-xorg-"))
    folder.chmod(0o755)
    program = folder / "Xorg"
    shutil.copy(shutil.which("sleep") or "/bin/sleep", program)
    program.chmod(stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    yield program
    shutil.rmtree(folder)


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for child in started:
        child.kill()
        child.wait(timeout=10)


def start(children: list[subprocess.Popen[bytes]], argv: list[str], name: str) -> ProcessKey:
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    children.append(child)
    wait_named(child.pid, name)
    return key_of(child.pid)


def test_a_users_program_named_xorg_is_not_critical(fake_xorg: Path, children) -> None:
    key = start(children, [str(fake_xorg), "600"], "Xorg")
    sample = LINUX.read_process(key.pid)
    assert sample.name == "Xorg"
    assert LINUX.critical_reason(sample) is None
    assert PORTABLE.critical_reason(sample) is None


def test_a_person_running_a_program_named_xorg_is_not_critical(
    fake_xorg: Path, children, other_users
) -> None:
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) starts a process as another user")
    argv = [
        "setpriv",
        f"--reuid={PERSON_UID}",
        f"--regid={PERSON_UID}",
        "--clear-groups",
        str(fake_xorg),
        "600",
    ]
    key = start(children, argv, "Xorg")
    assert psutil.Process(key.pid).uids().real == PERSON_UID
    assert critical_kind(key, linux=True) is None
    with acting_as(ACTOR):  # unprivileged: its executable is hidden, and its owner is a person
        with pytest.raises(PermissionError):
            os.readlink(f"/proc/{key.pid}/exe")
        assert critical_kind(key, linux=True) is None


def test_a_listed_system_program_is_critical_whatever_it_calls_itself(children) -> None:
    argv = ["bash", "-c", f'exec -a innocent {SYSTEM_PYTHON} -c "{RENAMED}"']
    key = start(children, argv, "innocent")
    assert psutil.Process(key.pid).cmdline()[0] == "innocent"
    listed = {os.path.basename(SYSTEM_PYTHON): CriticalKind.DISPLAY_SERVER}
    assert critical_kind(key, linux=True, programs=listed) is CriticalKind.DISPLAY_SERVER
    assert critical_kind(key, linux=False, programs=listed) is CriticalKind.DISPLAY_SERVER
    assert critical_kind(key, linux=True) is None  # python is not on the real list


def test_a_hidden_executable_counts_only_for_a_system_accounts_process(
    fake_xorg: Path, children, other_users
) -> None:
    """Unprivileged, root's processes hide their executable; a root process named Xorg is
    the system's (a user cannot start one), so its name is trusted then."""
    key = start(children, [str(fake_xorg), "600"], "Xorg")  # root's: the test runs as root
    with acting_as(ACTOR):
        with pytest.raises(PermissionError):
            os.readlink(f"/proc/{key.pid}/exe")
        assert critical_kind(key, linux=True) is CriticalKind.DISPLAY_SERVER


def test_pid_1_is_always_critical_and_a_reused_pid_never_is() -> None:
    assert critical_kind(key_of(1), linux=True) is CriticalKind.PID_ONE
    assert LINUX.critical_reason(make_test_row(1, "anything").sample) is CriticalKind.PID_ONE
    stale = ProcessKey(os.getpid(), psutil.Process().create_time() - 1000)
    listed = {os.path.basename(os.path.realpath(sys.executable)): CriticalKind.DESKTOP}
    assert critical_kind(stale, linux=True, programs=listed) is None


def test_only_root_owned_files_in_system_folders_count() -> None:
    assert kind_of_executable("/usr/lib/xorg/Xorg", 0) is CriticalKind.DISPLAY_SERVER
    assert kind_of_executable("/usr/libexec/gdm-session-worker", 0) is CriticalKind.LOGIN
    assert kind_of_executable("/usr/bin/gnome-shell", 0) is CriticalKind.DESKTOP
    assert kind_of_executable("/usr/bin/gnome-shell", 1000) is None
    assert kind_of_executable("/home/alice/bin/Xorg", 0) is None
    assert kind_of_executable("/tmp/Xorg", 0) is None
    assert kind_of_executable("/usr/bin/firefox", 0) is None


def test_windows_names_its_core_processes() -> None:
    windows = WindowsAdapter()
    for pid, name in ((4, "System"), (700, "lsass.exe"), (701, "CSRSS.EXE")):
        assert windows.critical_reason(make_test_row(pid, name).sample) is CriticalKind.WINDOWS_CORE
    assert windows.critical_reason(make_test_row(702, "notepad.exe").sample) is None
