"""ProcPilot follows the system language, unless View → Language chose one (real starts)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Starts ProcPilot through its entry point and prints what the window shows once it is up.
PROBE = """
import json, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from gui.app import main
from gui.core.formatting import format_bytes
from gui.views.main_window import MainWindow

app = QApplication(sys.argv[:1])

def report():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:  # not up yet
        QTimer.singleShot(50, report)
        return
    model = windows[0].view.model()
    print(json.dumps({
        "menus": [action.text() for action in windows[0].menuBar().actions()],
        "first_header": model.headerData(0, Qt.Orientation.Horizontal).strip(),
        "size": format_bytes(1536 * 1024),
    }), flush=True)
    app.quit()

QTimer.singleShot(0, report)
sys.exit(main([]))
"""


def start(tmp_path: Path, lang: str, language_setting: str | None = None) -> dict[str, Any]:
    config = tmp_path / "config"
    if language_setting is not None:
        (config / "ProcPilot").mkdir(parents=True)
        (config / "ProcPilot" / "ProcPilot.conf").write_text(f"[interface]\nlanguage={language_setting}\n")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC"}
    }
    env.update(
        LANG=lang,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHONPATH=str(ROOT),
    )
    run = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def test_a_chinese_system_gets_chinese(tmp_path: Path) -> None:
    shown = start(tmp_path, "zh_CN.UTF-8")
    assert shown["menus"] == ["文件(&F)", "编辑(&E)", "进程(&P)", "查看(&V)", "帮助(&H)"]
    assert shown["first_header"] == "名称"


def test_an_untranslated_language_gets_english_with_its_own_numbers(tmp_path: Path) -> None:
    shown = start(tmp_path, "de_DE.UTF-8")
    assert shown["menus"][0] == "&File"
    assert shown["size"] == "1,5 MB"  # German writes a decimal comma


@pytest.mark.parametrize(
    ("lang", "setting", "first_menu"),
    [("zh_CN.UTF-8", "en", "&File"), ("C.UTF-8", "zh_CN", "文件(&F)"), ("en_US.UTF-8", "system", "&File")],
)
def test_the_language_chosen_in_the_menu_wins(
    tmp_path: Path, lang: str, setting: str, first_menu: str
) -> None:
    assert start(tmp_path, lang, setting)["menus"][0] == first_menu
