"""The Windows (UAC) and macOS (osascript) channels, run here against stand-ins of the
system's part (tests/fakes) with the real helper behind them, as root."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from gui.actions.elevated_runner import ElevatedRunner
from gui.actions.elevation_client import direct_launcher, start_helper
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.actions.osascript_channel import SCRIPT, OsascriptChannel
from gui.actions.runner import RunOptions
from gui.actions.uac_channel import SEE_MASK_NOCLOSEPROCESS, SW_HIDE, UacChannel
from gui.core.actions import Action, ActionRequest
from gui.core.elevation_protocol import Entry, Operation, Status
from gui.core.outcomes import Detail, Outcome
from gui.helper.linux_process import start_and_flags
from gui.platforms import current
from tests.children import STUBBORN, Spawn
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


def running_not_zombie(entry: Entry) -> bool:
    try:
        process = psutil.Process(entry.pid)
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


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


def test_end_then_force_quit_through_osascript_asks_twice(osascript: Path, spawn: Spawn):
    """No helper stays alive to hold the process: Force quit is a new run, re-checked."""
    stubborn = spawn(code=STUBBORN, ready_line=b"ready")
    target = current().read_process(stubborn.pid)
    channel = OsascriptChannel(
        direct_launcher(), PROMPT, osascript="osascript", still_running=running_not_zombie
    )
    runner = ElevatedRunner(current(), lambda: channel)
    first = runner.run(ActionRequest(Action.END, (target,)), RunOptions(0.3))
    assert [r.outcome for r in first.results] == [Outcome.STILL_RUNNING]
    force = ActionRequest(Action.FORCE_QUIT, first.still_running)
    assert runner.holds(force)
    second = runner.run(force, RunOptions(0.3))
    assert [(r.outcome, r.detail) for r in second.results] == [(Outcome.FORCE_QUIT, Detail.FORCE_QUIT)]
    assert stubborn.wait(5) == -signal.SIGKILL
    assert len(osascript_calls(osascript)) == 2  # End, then Force quit: two runs, two prompts


def test_uac_runs_the_helper_elevated_and_reads_its_answer(spawn: Spawn, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    win32 = FakeWin32(env=helper_env())
    child = spawn()
    with start_helper(UacChannel(direct_launcher(), win32), [end(child)]) as session:
        assert [(r.pid, r.status) for r in session.results] == [(child.pid, Status.SENT)]
        assert session.wait(5.0) == ()  # watched through OpenProcess and its creation time
    assert child.wait(5) == -signal.SIGTERM
    [call] = win32.calls
    program, *arguments = direct_launcher()
    assert (call["verb"], call["file"], call["arguments"][:-1]) == ("runas", program, arguments)
    assert call["mask"] & SEE_MASK_NOCLOSEPROCESS and call["show"] == SW_HIDE
    assert not Path(call["arguments"][-1]).parent.exists()  # request and answer removed
    assert win32.open_handles == set()  # every handle closed


def test_uac_still_running_knows_a_reused_pid(spawn: Spawn):
    win32 = FakeWin32(env=helper_env())
    child = spawn()
    channel = UacChannel(direct_launcher(), win32)
    entry = end(child)
    assert channel.still_running(entry)
    assert not channel.still_running(Entry(entry.op, entry.pid, entry.start + 1, entry.value))
    assert win32.open_handles == set()


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
