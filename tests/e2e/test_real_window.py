"""ProcPilot in a real X11 window under Xvfb: it shows rows, and a screenshot proves it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

DRIVER = Path(__file__).with_name("drive_window.py")
IN_CI = os.environ.get("CI") == "true"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None and not IN_CI,
        reason="Xvfb is not installed (apt-get install xvfb libxcb-icccm4 libxcb-keysyms1)",
    ),
]


def distinct_colours(image: QImage, step: int = 3) -> int:
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
    )


def run_driver(
    tmp_path: Path, out: Path, *arguments: str, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, str(DRIVER), "--xvfb", "--out", str(out), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def drive(tmp_path: Path, scene: str, **extra_env: str) -> tuple[dict[str, Any], Path]:
    out = Path(os.environ.get("PROCPILOT_ARTIFACTS", tmp_path)) / f"e2e-{scene}.png"
    result = run_driver(tmp_path, out, "--scene", scene, **extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), out


def test_real_window_lists_processes_and_screenshot_shows_them(tmp_path: Path) -> None:
    report, out = drive(tmp_path, "list")

    assert report["platform"] == "xcb"
    assert report["exposed"]
    assert report["rows"] > 0
    assert report["visible_rows"] > 0

    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == tuple(report["size"])
    table = image.copy(0, image.height() // 4, image.width(), image.height() // 2)
    assert distinct_colours(table) > 20, "the table area of the real window is blank"


def test_real_window_opens_the_context_menu_on_a_row(tmp_path: Path) -> None:
    report, out = drive(tmp_path, "menu")
    assert report["overlay"] == "process_context_menu"
    assert not QImage(str(out)).isNull()


def test_real_window_shows_the_end_confirmation(tmp_path: Path) -> None:
    report, _ = drive(tmp_path, "confirm")
    assert report["overlay"] == "confirm_dialog"


def test_real_window_shows_a_process_details_window(tmp_path: Path) -> None:
    report, out = drive(tmp_path, "details", PROCPILOT_DETAILS_READINGS="3")
    assert report["overlay"] == "details_window"
    image = QImage(str(out))
    assert not image.isNull()
    assert distinct_colours(image) > 20, "the details window is blank"


def test_real_window_opens_an_application_by_its_chinese_name(tmp_path: Path) -> None:
    """Chinese writes the member count in full-width brackets (U+FF08, U+FF09)."""
    out = tmp_path / "zh_CN-app.png"
    result = run_driver(
        tmp_path, out, "--demo-app", "--language", "zh_CN", "--open-app", "\u7728\u773c\u732b\u5934\u9e70"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["visible_rows"] > 0


def test_a_missing_application_is_said_and_the_window_stops_cleanly(tmp_path: Path) -> None:
    result = run_driver(tmp_path, tmp_path / "none.png", "--open-app", "No Such Application")
    assert result.returncode == 1
    assert "no application called 'No Such Application' is listed" in result.stderr
    assert "QThread" not in result.stderr
