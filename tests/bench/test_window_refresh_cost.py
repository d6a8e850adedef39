"""The window-refresh measurement runs end to end (a few windows; figures not judged)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.x11_desktop import missing

ROOT = Path(__file__).resolve().parents[2]
NEEDED = missing("Xvfb", "xfwm4", "xlogo", "xdotool", "xprop", "dbus-daemon")


@pytest.mark.e2e
@pytest.mark.skipif(bool(NEEDED) and os.environ.get("CI") != "true", reason=f"needs {' '.join(NEEDED)}")
def test_window_refresh_cost_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.window_refresh_cost", "--windows", "5", "--repeats", "300"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for figure in ("read every window", "nothing changed", "one title changed"):
        assert figure in result.stdout
