"""Asked to end (SIGTERM, SIGHUP, Ctrl+C), ProcPilot quits cleanly and saves its settings."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_termination_signal_closes_the_window_and_saves_settings(tmp_path: Path, number: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    app = subprocess.Popen(
        [sys.executable, "-m", "gui", "--interval", "0.5"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        # Python ignores SIGINT in a child whose parent ignores it; start it as a shell would.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
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
