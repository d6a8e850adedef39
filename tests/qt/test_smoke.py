"""``--smoke``, in-process through ``main()`` and as a real command."""

import os
import re
import subprocess
import sys

from gui.app import main

SMOKE_LINE = re.compile(r"^smoke ok: (\d+) processes, first list in (\d+\.\d+) s$")


def test_smoke_in_process_reuses_the_application(qapp, capsys) -> None:
    assert main(["--smoke", "--interval", "0.5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    match = SMOKE_LINE.match(lines[0])
    assert match and int(match.group(1)) > 0


def test_smoke_as_a_command_without_a_display(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    match = SMOKE_LINE.match(result.stdout.strip())
    assert match and int(match.group(1)) > 0, result.stdout


def test_smoke_logs_the_font_chinese_text_falls_back_to(qapp, caplog) -> None:
    """The packaged binary brings no fonts: the log says which system font shows Chinese."""
    caplog.set_level("INFO", logger="gui.smoke_check")
    assert main(["--smoke", "--interval", "0.5"]) == 0
    said = [record.getMessage() for record in caplog.records if "Chinese text" in record.getMessage()]
    assert len(said) == 1
    assert said[0].startswith("Font for Chinese text: "), said  # the test machine has a CJK font
