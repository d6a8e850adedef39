"""The desktop switches between light and dark while ProcPilot runs: it follows at once,
both ways, without a restart (a real X11 window under Xvfb, the GNOME platform theme)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.x11 import ROOT, start_xvfb
from tests.e2e.x11_desktop import missing

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="an X11 desktop")


def test_procpilot_follows_the_desktop_scheme_live() -> None:
    if missing("Xvfb"):
        pytest.skip("needs Xvfb")
    server, display = start_xvfb()
    try:
        env = {
            **{k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
            "DISPLAY": display,
            "QT_QPA_PLATFORMTHEME": "gnome",
            "PYTHONPATH": str(ROOT),
        }
        result = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("scheme_probe.py"))],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr[-2000:]
    steps = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [step["asked"] for step in steps] == ["Dark", "Light", "Dark"]
    for step in steps:
        dark = step["asked"] == "Dark"
        assert step["scheme"] == step["asked"], step
        assert step["dark"] is dark, step
        assert (step["list_lightness"] < 128) is dark, step
        assert (step["bar_lightness"] < 128) is dark, step
        assert (step["bar_text_lightness"] > 128) is dark, step
    assert steps[-1]["signals"][:3] == ["Dark", "Light", "Dark"]
