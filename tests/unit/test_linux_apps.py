"""Application identity of real processes: real cgroups, desktop entries, launchers and shells.

Every process here is the test's own; cgroups and files it creates are removed afterwards.
"""

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import psutil
import pytest

from gui.core.app_identity import IdentitySource, ProcessIdentity
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind, classify
from gui.core.unit_names import escape_unit_name
from gui.platforms.desktop_entries import DesktopEntryIndex
from gui.platforms.linux_apps import LinuxAppIdentifier
from gui.platforms.linux_proc_reader import LinuxProcReader
from tests.children import EXECS_WHEN_TOLD

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux identity")

OWL_ID = "org.procpilot.Blinking-Owl"
SLEEP = "import time; print('ready', flush=True); time.sleep(600)"
HIERARCHIES = {"v2": "/sys/fs/cgroup/unified", "name=systemd": "/sys/fs/cgroup/systemd"}


def wait_until(condition: object, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    home = tmp_path / "data"
    (home / "applications").mkdir(parents=True)
    return home


def identifier_for(data_home: Path, young_seconds: float = 5.0) -> LinuxAppIdentifier:
    index = DesktopEntryIndex({"XDG_DATA_HOME": str(data_home), "XDG_DATA_DIRS": str(data_home / "none")})
    return LinuxAppIdentifier(entries=index, young_seconds=young_seconds)


def write_entry(data_home: Path, desktop_id: str, exec_line: str, name: str = "Blinking Owl") -> Path:
    path = data_home / "applications" / f"{desktop_id}.desktop"
    path.write_text(
        "[Desktop Entry]\nType=Application\n"
        f"Name={name}\nName[zh_CN]=眨眼猫头鹰\nIcon=org.procpilot.BlinkingOwl\nExec={exec_line}\n",
        encoding="utf-8",
    )
    return path


def identify(
    identifier: LinuxAppIdentifier,
) -> tuple[Mapping[ProcessKey, ProcessIdentity], dict[int, ProcessKey]]:
    samples = LinuxProcReader().read()
    return identifier.identify(samples, time.time()), {sample.key.pid: sample.key for sample in samples}


def identity_of(identifier: LinuxAppIdentifier, pid: int) -> ProcessIdentity:
    identities, keys = identify(identifier)
    return identities[keys[pid]]


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Children the test starts; each is killed (with its process group) and reaped."""
    children: list[subprocess.Popen[bytes]] = []
    yield children
    for child in children:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()


def start(
    started: list[subprocess.Popen[bytes]], argv: list[str], ready: bool = True
) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, start_new_session=True)
    started.append(child)
    if ready:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
    return child


# Desktop entries, scripts and the parent rule ----------------------------------------


def test_a_script_started_from_its_desktop_entry_is_the_app(
    data_home: Path, tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    script = tmp_path / "blinking_owl.py"
    script.write_text(SLEEP)
    write_entry(data_home, OWL_ID, f'{sys.executable} -u "{script}" %U')
    child = start(started, [sys.executable, "-u", str(script)])
    identity = identity_of(identifier_for(data_home), child.pid)
    assert identity.source is IdentitySource.DESKTOP_ENTRY
    assert identity.app is not None
    assert (identity.app.app_id, identity.app.name, identity.app.icon_name) == (
        OWL_ID,
        "Blinking Owl",
        "org.procpilot.BlinkingOwl",
    )
    assert identity.app.name_in("zh_CN.UTF-8") == "眨眼猫头鹰"
    assert identity.script_label == f"blinking_owl.py ({Path(sys.executable).name})"


def test_a_process_that_runs_the_apps_program_becomes_the_app(
    data_home: Path, tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    """A wrapper that execs the real program (as ``/usr/bin/firefox`` does) keeps its PID, start
    time and, here, its name: the identity follows the program, even for an old process."""
    script = tmp_path / "blinking_owl.py"
    script.write_text(SLEEP)
    write_entry(data_home, OWL_ID, f'{sys.executable} -u "{script}" %U')
    argv = [sys.executable, "-c", EXECS_WHEN_TOLD, "-u", str(script)]
    child = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True)
    started.append(child)
    assert child.stdin is not None and child.stdout is not None
    assert child.stdout.readline() == b"ready\n"
    identifier = identifier_for(data_home, young_seconds=0.0)
    reader = LinuxProcReader()

    def identity_now() -> ProcessIdentity:
        samples = reader.read()
        key = next(sample.key for sample in samples if sample.key.pid == child.pid)
        return identifier.identify(samples, time.time())[key]

    assert identity_now().app is None
    child.stdin.write(b"go\n")
    child.stdin.flush()
    assert child.stdout.readline() == b"ready\n"
    child.stdin.close()
    identity = identity_now()
    assert identity.source is IdentitySource.DESKTOP_ENTRY
    assert identity.app is not None and identity.app.app_id == OWL_ID


def test_a_launcher_scripts_children_belong_to_its_app(
    data_home: Path, tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    launcher = tmp_path / "owl-launcher"
    launcher.write_text(
        textwrap.dedent(f"""\
            #!/bin/sh
            for n in 1 2 3; do "{sys.executable}" -c 'import time; time.sleep(600)' owl-helper-$n & done
            sh -c 'sleep 600' &
            echo ready
            wait
            """)
    )
    launcher.chmod(0o755)
    write_entry(data_home, OWL_ID, str(launcher))
    child = start(started, [str(launcher)])
    launcher_process = psutil.Process(child.pid)
    wait_until(lambda: len(launcher_process.children(recursive=True)) >= 5)
    helpers = [process.pid for process in launcher_process.children(recursive=True)]
    identities, keys = identify(identifier_for(data_home))
    own = identities[keys[child.pid]]
    assert own.app is not None and own.app.app_id == OWL_ID and own.script is not None
    assert own.script.name == "owl-launcher"
    for pid in helpers:
        helper = identities[keys[pid]]
        assert helper.app is own.app, psutil.Process(pid).cmdline()
        assert helper.source is IdentitySource.PARENT


def test_a_script_run_from_a_shell_is_background_named_after_it(
    data_home: Path, tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    script = tmp_path / "frozen_editor.py"
    script.write_text(SLEEP)
    shell = start(started, ["bash", "-c", f"{sys.executable} {script}; true"])
    shell_process = psutil.Process(shell.pid)
    wait_until(shell_process.children)
    (editor,) = shell_process.children()
    samples = {sample.key.pid: sample for sample in LinuxProcReader().read()}
    identities = identifier_for(data_home).identify(list(samples.values()), time.time())
    identity = identities[samples[editor.pid].key]
    assert identity.app is None
    assert identity.script_label == f"frozen_editor.py ({Path(sys.executable).name})"
    assert classify(samples[editor.pid], identity) is ProcessKind.BACKGROUND
    assert identities[samples[shell.pid].key].script is None  # bash -c: inline code


def test_what_runs_in_a_terminal_is_not_the_terminal_app(
    data_home: Path, tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    xterm = tmp_path / "xterm"  # a "terminal emulator" (by name) that starts a shell
    xterm.symlink_to(sys.executable)
    write_entry(data_home, "xterm", str(xterm), name="XTerm")
    script = tmp_path / "frozen_editor.py"
    script.write_text(SLEEP)
    shell = ["bash", "-c", f"{sys.executable} {script}; true"]
    code = f"import subprocess, time; subprocess.Popen({shell!r}); time.sleep(600)"
    terminal = start(started, [str(xterm), "-c", code], ready=False)
    wait_until(
        lambda: any(
            p.name().startswith("python") for p in psutil.Process(terminal.pid).children(recursive=True)
        )
    )
    descendants = psutil.Process(terminal.pid).children(recursive=True)
    identities, keys = identify(identifier_for(data_home))
    assert identities[keys[terminal.pid]].app is not None  # the terminal is an app
    for process in descendants:
        assert identities[keys[process.pid]].app is None, process.cmdline()


# Real cgroups ---------------------------------------------------------------------


def make_scope(root: str, name: str) -> Path:
    if not os.access(root, os.W_OK) or not os.path.exists(os.path.join(root, "cgroup.procs")):
        pytest.skip(f"cannot create cgroups under {root} here")
    scope = Path(root) / name
    try:
        scope.mkdir()
    except OSError as error:
        pytest.skip(f"cannot create a cgroup under {root}: {error}")
    return scope


def leave_and_remove(scope: Path, root: str, pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(OSError):  # already gone
            Path(root, "cgroup.procs").write_text(str(pid))
    wait_until(lambda: not scope.joinpath("cgroup.procs").read_text().split())
    scope.rmdir()


@pytest.mark.parametrize("hierarchy", HIERARCHIES)
def test_a_process_moved_into_an_app_scope_is_that_app_even_while_young(
    hierarchy: str, data_home: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    """As gnome-shell does: the app starts, then its launcher moves it into
    ``app-gnome-<escaped desktop id>-<pid>.scope``; its children stay there with it."""
    write_entry(data_home, OWL_ID, "blinking-owl")
    helper_code = "import time; time.sleep(600)"
    code = f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {helper_code!r}]); {SLEEP}"
    child = start(started, [sys.executable, "-c", code])
    root = HIERARCHIES[hierarchy]
    scope = make_scope(root, f"app-gnome-{escape_unit_name(OWL_ID)}-{child.pid}.scope")
    identifier = identifier_for(data_home)
    helper = psutil.Process(child.pid).children()[0].pid
    try:
        assert identity_of(identifier, child.pid).app is None  # not yet moved
        for pid in (child.pid, helper):
            scope.joinpath("cgroup.procs").write_text(str(pid))
        identities, keys = identify(identifier)  # young: its cgroup is read again
        identity = identities[keys[child.pid]]
        assert identity.source is IdentitySource.CGROUP
        assert identity.app is not None and identity.app.app_id == OWL_ID
        assert identity.app.name == "Blinking Owl" and identity.app.name_in("zh_CN") == "眨眼猫头鹰"
        assert identities[keys[helper]].app is identity.app
        assert identities[keys[helper]].source is IdentitySource.PARENT  # same scope as its parent
    finally:
        leave_and_remove(scope, root, [child.pid, helper])


def test_an_old_process_is_not_looked_at_again(
    data_home: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    root = HIERARCHIES["v2"]
    child = start(started, [sys.executable, "-c", SLEEP])
    scope = make_scope(root, f"app-gnome-{escape_unit_name(OWL_ID)}-{child.pid}.scope")
    identifier = identifier_for(data_home, young_seconds=0.0)
    try:
        # Only processes that stay: one that exits mid-pass is rightly looked at again.
        samples = [
            sample for sample in LinuxProcReader().read() if sample.key.pid in (child.pid, os.getpid())
        ]
        first = identifier.identify(samples, time.time())
        scope.joinpath("cgroup.procs").write_text(str(child.pid))
        again = identifier.identify(samples, time.time())
        assert again is first  # nothing new, nothing young: nothing read, same mapping
        key = next(sample.key for sample in samples if sample.key.pid == child.pid)
        assert again[key].app is None
    finally:
        leave_and_remove(scope, root, [child.pid])
