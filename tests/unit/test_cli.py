# ruff: noqa: RUF001  # Chinese text uses full-width colons and commas
"""Command-line options, through the real entry point where it matters."""

import json
import os
import re
import subprocess
import sys

import pytest

import gui
from gui import platforms
from gui.app import main
from gui.cli import parse_options

#: Runs ``main(argv)`` in a fresh interpreter and reports which Qt modules got loaded.
_QT_PROBE = """
import contextlib, io, json, sys
from gui.app import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(json.loads(sys.argv[1]))
qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6")))
print(json.dumps({"code": code, "out": out.getvalue(), "qt": qt}))
"""


def test_interval_is_parsed_and_bounded() -> None:
    assert parse_options(["--interval", "2.5"]).interval_s == 2.5
    assert parse_options(["--interval", "0.5"]).interval_s == 0.5
    assert parse_options(["--interval", "10"]).interval_s == 10.0
    assert parse_options([]).interval_s is None
    assert not parse_options([]).smoke
    assert parse_options(["--smoke"]).smoke


@pytest.mark.parametrize("bad", ["0.1", "0.49", "10.01", "11", "fast", "nan", "inf", "-inf", "1e999", ""])
def test_an_unusable_interval_is_refused(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        parse_options(["--interval", bad])
    assert refused.value.code == 2
    assert "--interval" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [(["--version"], f"procpilot {gui.__version__}\n"), (["--help"], "--interval SECONDS")],
)
def test_version_and_help_answer_without_loading_qt(argv: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _QT_PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    answer = json.loads(result.stdout.splitlines()[-1])
    assert answer["code"] == 0
    assert expected in answer["out"]
    assert answer["qt"] == [], f"{argv[0]} loaded Qt: {answer['qt'][:3]}"


def test_version_and_help_through_the_real_command() -> None:
    for flag, expected in (("--version", f"procpilot {gui.__version__}"), ("--help", "--smoke")):
        result = subprocess.run(
            [sys.executable, "-m", "gui", flag], capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0
        assert expected in result.stdout
        assert result.stderr == ""


def test_bad_option_returns_two_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--interval", "20"]) == 2
    assert "between 0.5 and 10 seconds" in capsys.readouterr().err
    assert main(["--no-such-option"]) == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_no_display_is_explained_not_aborted() -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp"}
    if platforms.current().missing_display_reason(env) is None:
        pytest.skip("this platform needs no display variable to start")
    result = subprocess.run(
        [sys.executable, "-m", "gui"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert "needs a graphical desktop" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("argv", "qt", "platform"),
    [
        (["-style", "fusion"], ("-style", "fusion"), None),
        (["-style=fusion", "--interval", "2"], ("-style=fusion",), None),
        (["--style", "fusion"], ("--style", "fusion"), None),
        (["-platform", "offscreen", "-reverse"], ("-platform", "offscreen", "-reverse"), "offscreen"),
        (["-platform=xcb:x", "--smoke"], ("-platform=xcb:x",), "xcb:x"),
    ],
)
def test_qt_standard_options_are_kept_for_qt(
    argv: list[str], qt: tuple[str, ...], platform: str | None
) -> None:
    options = parse_options(argv)
    assert options.qt_arguments == qt
    assert options.qt_platform == platform


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["-reverse", "stray"], "unrecognized arguments: stray"),
        (["-style"], "argument -style: expected a value"),
        (["-reverse=yes"], "unrecognized arguments: -reverse=yes"),
    ],
)
def test_other_arguments_are_still_refused(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        parse_options(argv)
    assert refused.value.code == 2
    assert said in capsys.readouterr().err


def test_qt_options_reach_the_application_through_the_command() -> None:
    """The real command: ``-platform offscreen`` without a display, ``-reverse`` and ``-style`` applied."""
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import gui.views.main_window as main_window\n"
        "from gui.app import main\n"
        "shown = main_window.MainWindow.show\n"
        "def show(window):\n"
        "    shown(window)\n"
        "    app = QApplication.instance()\n"
        "    print(app.platformName(), app.style().name(), app.layoutDirection().name, flush=True)\n"
        "    QTimer.singleShot(0, app.quit)\n"
        "main_window.MainWindow.show = show\n"
        "sys.argv = ['procpilot', *sys.argv[1:]]\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    environment = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-c", probe, "-platform", "offscreen", "-style", "windows", "-reverse"],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["offscreen", "windows", "RightToLeft"]


def _chinese_terminal() -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    return {**environment, "LANG": "zh_CN.UTF-8"}


def test_help_is_chinese_in_a_chinese_terminal_without_loading_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _QT_PROBE, json.dumps(["--help"])],
        capture_output=True,
        text=True,
        timeout=60,
        env=_chinese_terminal(),
        check=True,
    )
    answer = json.loads(result.stdout.splitlines()[-1])
    assert answer["code"] == 0
    assert answer["out"].startswith("用法：procpilot [-h] [--version] [--interval 秒数] [--smoke]\n")
    for words in ("显示此帮助信息并退出", "显示版本号并退出", "刷新间隔，0.5-10 秒", "也接受 Qt 的标准选项"):
        assert words in answer["out"]
    assert answer["qt"] == [], f"--help loaded Qt: {answer['qt'][:3]}"


def test_help_columns_line_up_when_the_value_name_is_chinese() -> None:
    """``--interval 秒数`` is two columns wider than it is long: the help column still lines up."""
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**_chinese_terminal(), "COLUMNS": "100"},
        check=True,
    )
    options = [line for line in result.stdout.splitlines() if line.startswith("  -")]
    assert len(options) == 4
    starts = set()
    for line in options:
        before_help = re.match(r"  \S.*?\s{2,}(?=\S)", line)
        assert before_help is not None, line
        starts.add(sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in before_help[0]))
    assert len(starts) == 1, options


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--interval", "20"], "procpilot：错误：参数 --interval：必须介于 0.5 到 10 秒之间，实际为 20"),
        (["--interval", "fast"], "参数 --interval：不是有效的秒数：'fast'"),
        (["--interval"], "参数 --interval：缺少取值"),
        (["--smoke=yes"], "参数 --smoke：不接受取值，实际为 'yes'"),
        (["--bogus"], "无法识别的参数：--bogus"),
        (["-style"], "参数 -style：缺少取值"),
    ],
)
def test_a_refused_option_is_explained_in_chinese(argv: list[str], said: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gui", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=_chinese_terminal(),
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("用法：procpilot")
    assert said in result.stderr


def test_no_display_is_explained_in_chinese() -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp", "LANG": "zh_CN.UTF-8"}
    if platforms.current().missing_display_reason(env) is None:
        pytest.skip("this platform needs no display variable to start")
    result = subprocess.run(
        [sys.executable, "-m", "gui"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert "ProcPilot 需要图形桌面：DISPLAY 和 WAYLAND_DISPLAY 均未设置。" in result.stderr
