"""Asked to end (SIGTERM, SIGHUP, Ctrl+C), ProcPilot quits cleanly and saves its settings."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_termination_signal_closes_the_window_and_saves_settings(tmp_path: Path, number: int) -> None:
    if signal.getsignal(number) == signal.SIG_IGN:
        pytest.skip(f"{signal.Signals(number).name} is ignored here, so ProcPilot rightly ignores it too")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    app = subprocess.Popen(
        [sys.executable, "-m", "gui", "--interval", "0.5"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = tmp_path / "data" / "ProcPilot" / "ProcPilot" / "logs" / "procpilot.log"
    try:
        deadline = time.monotonic() + 20
        while not (log.exists() and "started" in log.read_text()):
            assert app.poll() is None, "ProcPilot exited on its own"
            assert time.monotonic() < deadline, "ProcPilot did not start"
            time.sleep(0.05)
        time.sleep(1.0)  # past the first refresh
        app.send_signal(number)
        code = app.wait(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        assert app.stderr is not None
        stderr = app.stderr.read()
        app.stderr.close()
    assert code == 0, stderr
    assert "Traceback" not in stderr
    settings = (tmp_path / "config" / "ProcPilot" / "ProcPilot.conf").read_text()
    assert "geometry" in settings and "columns" in settings
    text = log.read_text()
    assert "Asked to end by the system" in text
    assert "Unhandled exception" not in text and "CRITICAL" not in text
    assert "exited with code 0" in text


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("nohup") is None, reason="POSIX nohup")
def test_started_with_nohup_it_survives_a_hang_up(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    app = subprocess.Popen(
        ["nohup", sys.executable, "-m", "gui", "--interval", "0.5"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = tmp_path / "data" / "ProcPilot" / "ProcPilot" / "logs" / "procpilot.log"
    try:
        deadline = time.monotonic() + 20
        while not (log.exists() and "started" in log.read_text()):
            assert app.poll() is None, "ProcPilot exited on its own"
            assert time.monotonic() < deadline, "ProcPilot did not start"
            time.sleep(0.05)
        app.send_signal(signal.SIGHUP)
        time.sleep(1.5)
        assert app.poll() is None, "SIGHUP ended ProcPilot although nohup ignores it"
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
