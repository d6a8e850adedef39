"""Command-line options, through the real entry point where it matters."""

import subprocess
import sys

import pytest

import gui
from gui.app import main
from gui.cli import parse_options


def test_interval_is_parsed_and_bounded() -> None:
    assert parse_options(["--interval", "2.5"]).interval_s == 2.5
    assert parse_options([]).interval_s is None
    for bad in ("0.1", "11", "fast"):
        with pytest.raises(SystemExit):
            parse_options(["--interval", bad])


def test_version_and_help_return_zero_without_qt(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"procpilot {gui.__version__}"
    assert main(["--help"]) == 0
    assert "--interval SECONDS" in capsys.readouterr().out


def test_bad_option_returns_two_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--interval", "20"]) == 2
    assert "between 0.5 and 10 seconds" in capsys.readouterr().err


def test_no_display_is_explained_not_aborted() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = subprocess.run(
        [sys.executable, "-m", "gui"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if sys.platform.startswith("linux"):
        assert result.returncode == 1
        assert "needs a graphical desktop" in result.stderr
