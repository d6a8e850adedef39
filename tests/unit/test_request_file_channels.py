"""The Windows (UAC) and macOS (osascript) channels, run here against stand-ins of the
system's part (tests/fakes), as root: behind the fake ``osascript`` the real helper (Linux's
identity checks, the macOS request file, answer files and follow-up FIFO); behind the
fake UAC the Windows helper in a thread, over kernel32 calls made on real Linux processes
(``tests/fakes/proc_kernel32.py``)."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import HELPER_FLAG, direct_launcher, start_helper
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.actions.osascript_channel import SCRIPT, OsascriptChannel
from gui.actions.runner import RunOptions
from gui.actions.uac_channel import SEE_MASK_NOCLOSEPROCESS, SW_HIDE, UacChannel
from gui.core.actions import Action, ActionRequest
from gui.core.elevation_protocol import Entry, Operation, Status
from gui.core.outcomes import Detail, Outcome
from gui.helper.linux_process import start_and_flags
from gui.helper.main import serve
from gui.helper.platform import windows_platform
from gui.helper.windows_request_file import ADMINISTRATORS_SID, AccessEntry, FileSecurity
from gui.platforms import current
from tests.children import STUBBORN, Spawn
from tests.fakes.proc_kernel32 import ProcKernel32
from tests.fakes.win32 import FakeWin32

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="the helper behind the stand-ins is Linux's"
    ),
    pytest.mark.skipif(os.geteuid() != 0, reason="the helper runs as root"),
]
ROOT = Path(__file__).resolve().parents[2]
FAKE_OSASCRIPT = ROOT / "tests" / "fakes" / "osascript.py"
PROMPT = "ProcPilot needs an administrator to end a process of another user."


def helper_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def end(child: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> Entry:
    return Entry(Operation.SIGNAL, child.pid, start_and_flags(child.pid)[0], sig)


def helper_threads_and_children() -> list[int]:
    """This test's helper processes still running (the fake osascript's shells included)."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if HELPER_FLAG in child.cmdline() and child.status() != psutil.STATUS_ZOMBIE:
                found.append(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


def windows_helper_in_a_thread(kernel32: ProcKernel32) -> FakeWin32:
    """UAC that runs the Windows helper (over ``kernel32``) in a thread, on a private file."""
    private = FileSecurity("S-1-5-21-1-2-3-1001", (AccessEntry(0, ADMINISTRATORS_SID),))
    platform = windows_platform(kernel32, lambda _handle: private, lambda: True, handle_of=lambda fd: fd)
    return FakeWin32(helper=lambda arguments: serve(arguments[arguments.index(HELPER_FLAG) + 1 :], platform))


@pytest.fixture
def osascript(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An ``osascript`` on PATH that logs to ``tmp_path/osascript.log``."""
    program = tmp_path / "bin" / "osascript"
    program.parent.mkdir()
    program.write_text(
        f"#!{sys.executable}\nimport runpy\nrunpy.run_path({str(FAKE_OSASCRIPT)!r}, run_name='__main__')\n"
    )
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_OSASCRIPT_LOG", str(tmp_path / "osascript.log"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    return program


def osascript_calls(osascript: Path) -> list[dict[str, object]]:
    log = osascript.parent.parent / "osascript.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_osascript_carries_out_the_batch_and_gets_the_answer(osascript: Path, spawn: Spawn):
    first, second = spawn(), spawn()
    channel = OsascriptChannel(direct_launcher(), PROMPT, osascript="osascript")
    with start_helper(channel, [end(first), end(second, signal.SIGKILL)]) as session:
        assert [(r.index, r.pid, r.status) for r in session.results] == [
            (0, first.pid, Status.SENT),
            (1, second.pid, Status.SENT),
        ]
    assert (first.wait(5), second.wait(5)) == (-signal.SIGTERM, -signal.SIGKILL)
    [call] = osascript_calls(osascript)
    assert call["lines"] == list(SCRIPT) and call["prompt"] == PROMPT
    command = call["command"]
    assert isinstance(command, list) and command[:-1] == direct_launcher()
    assert (call["request_mode"], call["folder_mode"]) == (0o600, 0o700)  # only this user
    assert not Path(command[-1]).parent.exists()  # the request is removed afterwards


def test_osascript_passes_hostile_paths_to_the_shell_as_plain_words(
    osascript: Path, spawn: Spawn, tmp_path: Path
):
    folder = tmp_path / 'Pro\'c Pilot $(touch pwned) `touch pwned2`; "x"'
    folder.mkdir()
    (folder / "helper").symlink_to(sys.executable)
    child = spawn()
    channel = OsascriptChannel(
        [str(folder / "helper"), *direct_launcher()[1:]], PROMPT, osascript="osascript"
    )
    with start_helper(channel, [end(child)]) as session:
        assert [r.status for r in session.results] == [Status.SENT]
    assert child.wait(5) == -signal.SIGTERM
    assert not list(Path.cwd().glob("pwned*")) and not list(tmp_path.rglob("pwned*"))


def test_osascript_cancelled_is_told_and_nothing_is_sent(
    osascript: Path, spawn: Spawn, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("FAKE_OSASCRIPT_CANCEL", "1")
    child = spawn()
    target = current().read_process(child.pid)
    channel = OsascriptChannel(direct_launcher(), PROMPT, osascript="osascript")
    report = ElevatedRunner(current(), lambda: channel).run(
        ActionRequest(Action.END, (target,)), RunOptions(1.0)
    )
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.FAILED, Detail.ADMIN_CANCELLED)]
    assert child.poll() is None


def test_osascript_reports_the_helpers_exit_status(osascript: Path, spawn: Spawn):
    child = spawn()
    not_root = ["/bin/sh", "-c", "echo 'procpilot helper: not root' >&2; exit 3"]  # the request is $0
    with pytest.raises(HelperError) as raised:
        start_helper(OsascriptChannel(not_root, PROMPT, osascript="osascript"), [end(child)])
    assert (raised.value.failure, raised.value.exit_status) == (HelperFailure.NOT_ROOT, 3)
    assert child.poll() is None


def test_osascript_missing_is_not_started(spawn: Spawn, tmp_path: Path):
    channel = OsascriptChannel(direct_launcher(), PROMPT, osascript=str(tmp_path / "no-osascript"))
    with pytest.raises(HelperError) as raised:
        start_helper(channel, [end(spawn())])
    assert raised.value.failure is HelperFailure.NOT_STARTED


def test_end_then_force_quit_through_osascript_asks_once(osascript: Path, spawn: Spawn):
    """The helper stays for the batch: Force quit goes over the FIFO to the same helper."""
    stubborn = spawn(code=STUBBORN, ready_line=b"ready")
    target = current().read_process(stubborn.pid)
    channel = OsascriptChannel(direct_launcher(), PROMPT, osascript="osascript")
    runner = ElevatedRunner(current(), lambda: channel)
    first = runner.run(ActionRequest(Action.END, (target,)), RunOptions(0.3))
    assert [r.outcome for r in first.results] == [Outcome.STILL_RUNNING]
    assert len(helper_threads_and_children()) >= 1  # the helper waits for Force quit
    force = ActionRequest(Action.FORCE_QUIT, first.still_running)
    assert runner.holds(force)
    second = runner.run(force, RunOptions(0.3))
    assert [(r.outcome, r.detail) for r in second.results] == [(Outcome.FORCE_QUIT, Detail.FORCE_QUIT)]
    assert stubborn.wait(5) == -signal.SIGKILL
    [call] = osascript_calls(osascript)  # End, then Force quit: one run, one prompt
    assert call["commands_kind"] == "fifo" and call["commands_mode"] == 0o600
    assert helper_threads_and_children() == []  # closed once Force quit was done
    assert not Path(str(call["command"][-1])).parent.exists()  # type: ignore[index]


def test_releasing_the_survivors_lets_the_osascript_helper_go(osascript: Path, spawn: Spawn):
    stubborn = spawn(code=STUBBORN, ready_line=b"ready")
    channel = OsascriptChannel(direct_launcher(), PROMPT, osascript="osascript")
    runner = ElevatedRunner(current(), lambda: channel)
    first = runner.run(ActionRequest(Action.END, (current().read_process(stubborn.pid),)), RunOptions(0.3))
    assert runner.held_count() == 1 and helper_threads_and_children() != []
    runner.close_sessions(runner.release([first.still_running[0].key]))
    assert helper_threads_and_children() == []
    assert stubborn.poll() is None  # nothing more was sent


def test_uac_end_and_force_quit_go_to_one_elevated_helper(spawn: Spawn):
    kernel32 = ProcKernel32()
    win32 = windows_helper_in_a_thread(kernel32)
    stubborn = spawn(code=STUBBORN, ready_line=b"ready")
    target = current().read_process(stubborn.pid)
    runner = ElevatedRunner(current(), lambda: UacChannel(direct_launcher(), win32))
    first = runner.run(ActionRequest(Action.END, (target,)), RunOptions(0.3))
    assert [r.outcome for r in first.results] == [Outcome.STILL_RUNNING]
    second = runner.run(ActionRequest(Action.FORCE_QUIT, first.still_running), RunOptions(0.3))
    assert [(r.outcome, r.detail) for r in second.results] == [(Outcome.FORCE_QUIT, Detail.FORCE_QUIT)]
    assert stubborn.wait(5) == -signal.SIGKILL
    assert len(win32.calls) == 1  # one UAC prompt for both
    assert kernel32.terminated == [(stubborn.pid, signal.SIGTERM), (stubborn.pid, signal.SIGKILL)]
    [handle] = win32.started
    assert win32.started[handle].status == 0 and win32.open_handles == set()
    assert kernel32.open_handles == {}  # the targets' and the parent's handles closed
    assert not Path(win32.calls[0]["arguments"][-1]).parent.exists()


def test_uac_runs_the_helper_elevated_and_reads_its_answer(spawn: Spawn):
    kernel32 = ProcKernel32()
    win32 = windows_helper_in_a_thread(kernel32)
    child = spawn()
    with start_helper(UacChannel(direct_launcher(), win32), [end(child)]) as session:
        assert [(r.pid, r.status) for r in session.results] == [(child.pid, Status.SENT)]
        assert session.wait(5.0) == ()  # the helper watched it exit
    assert child.wait(5) == -signal.SIGTERM
    [call] = win32.calls
    program, *arguments = direct_launcher()
    assert (call["verb"], call["file"], call["arguments"][:-1]) == ("runas", program, arguments)
    assert call["mask"] & SEE_MASK_NOCLOSEPROCESS and call["show"] == SW_HIDE
    assert not Path(call["arguments"][-1]).parent.exists()  # request, commands and answers removed
    assert win32.open_handles == set() and kernel32.open_handles == {}  # every handle closed


def test_uac_a_reused_pid_gets_nothing(spawn: Spawn):
    kernel32 = ProcKernel32()
    child = spawn()
    entry = end(child)
    with start_helper(
        UacChannel(direct_launcher(), windows_helper_in_a_thread(kernel32)),
        [Entry(entry.op, entry.pid, entry.start + 1, entry.value)],
    ) as session:
        assert [r.status for r in session.results] == [Status.PID_REUSED]
    assert child.poll() is None and kernel32.terminated == []


def test_uac_cancelled_is_error_1223_and_nothing_is_sent(spawn: Spawn):
    child = spawn()
    target = current().read_process(child.pid)
    channel = UacChannel(direct_launcher(), FakeWin32(cancel=True))
    report = ElevatedRunner(current(), lambda: channel).run(
        ActionRequest(Action.END, (target,)), RunOptions(1.0)
    )
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.FAILED, Detail.ADMIN_CANCELLED)]
    assert child.poll() is None


def test_uac_reports_the_helpers_exit_status(spawn: Spawn):
    win32 = FakeWin32(env=helper_env())
    child = spawn()
    refusing = [sys.executable, "-c", "import sys; sys.exit(4)"]  # as the helper refusing its file
    with pytest.raises(HelperError) as raised:
        start_helper(UacChannel(refusing, win32), [end(child)])
    assert (raised.value.failure, raised.value.exit_status) == (HelperFailure.UNSAFE_REQUEST_FILE, 4)
    assert child.poll() is None
    assert win32.open_handles == set()


def test_uac_other_errors_are_named_in_uacs_words(spawn: Spawn, caplog: pytest.LogCaptureFixture):
    child = spawn()
    target = current().read_process(child.pid)
    channel = UacChannel(direct_launcher(), FakeWin32(fail_with=5))
    report = ElevatedRunner(current(), lambda: channel).run(
        ActionRequest(Action.END, (target,)), RunOptions(1.0)
    )
    [result] = report.results
    assert (result.outcome, result.detail) == (Outcome.FAILED, Detail.ADMIN_HELPER_FAILED)
    assert result.value("launcher") == "UAC"  # the sentence names it; its own words go to the log
    assert "ShellExecuteExW failed, error 5" in caplog.text
    assert child.poll() is None
