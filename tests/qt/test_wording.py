# ruff: noqa: RUF001  (the Chinese test translation uses full-width punctuation on purpose)
"""Words for people come from the views' translatable tables, never from core or platforms.

The mappings are complete (every column, status, signal, action and adapter has its
words), lupdate finds every string, and a real QTranslator changes what the user reads.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import psutil
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QMenu

from gui.app import _missing_display_text
from gui.core.action_label import ActionLabel
from gui.core.actions import Action
from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.models.column_titles import column_titles, column_tooltips
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.models.status_words import forget_status_words, status_text, status_words
from gui.platforms import PosixAdapter, WindowsAdapter
from gui.platforms.adapter import MissingDisplay, PlatformAdapter
from gui.platforms.signal_catalog import posix_signals
from gui.views.action_labels import action_text, action_texts, plain_action_text, without_mnemonic
from gui.views.action_meanings import action_meanings, action_tooltip
from gui.views.message_args import with_args
from gui.views.process_menu import fill_process_menu, signal_entry_text
from gui.views.process_view import ProcessView
from gui.views.signal_meanings import signal_meaning, signal_meanings
from tests.rows import make_test_row

ADAPTERS: list[PlatformAdapter] = [
    PosixAdapter(linux=True, needs_display_server=True),
    PosixAdapter(linux=False, needs_display_server=False),
    WindowsAdapter(),
]
_TOOLS = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]


# Every id has its words ---------------------------------------------------------


def test_every_column_has_a_title_and_a_tooltip() -> None:
    titles, tooltips = column_titles(), column_tooltips()
    assert set(titles) == set(tooltips) == set(Column)
    assert all(titles.values()) and all(tooltips.values())
    assert len(set(titles.values())) == len(Column)


def test_every_status_psutil_defines_has_a_word() -> None:
    ids = {getattr(psutil, name) for name in dir(psutil) if name.startswith("STATUS_")}
    assert ids <= set(status_words())
    assert status_text("disk-sleep") == "Waiting (disk)"
    assert status_text("") == "\u2014"


def test_every_signal_of_the_catalog_has_a_meaning() -> None:
    meanings = signal_meanings()
    for spec in posix_signals():
        assert signal_meaning(spec.name, meanings), spec.name
    assert signal_meaning("SIGRTMIN+3") == signal_meaning("SIGRTMAX-2") != ""
    assert signal_meaning("SIGNOTREAL") == ""


def test_signal_entries_read_name_number_and_meaning() -> None:
    hang_up = next(spec for spec in posix_signals() if spec.name == "SIGHUP")
    assert signal_entry_text(hang_up) == "SIGHUP (1) \u2014 Hang up: many services reload their configuration"


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda adapter: adapter.name)
def test_every_action_of_every_adapter_has_a_label_with_one_mnemonic(adapter: PlatformAdapter) -> None:
    for action in Action:
        text = action_text(adapter.action_label(action))
        assert text.replace("&&", "").count("&") == 1, text
        assert "&" not in plain_action_text(adapter.action_label(action))


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda adapter: adapter.name)
def test_every_action_has_a_tooltip_that_names_its_signal_where_one_is_sent(adapter: PlatformAdapter) -> None:
    for action in adapter.actions():
        tooltip = action_tooltip(adapter, action)
        signal = adapter.action_signal(action)
        assert tooltip[:1].isupper(), tooltip
        assert tooltip.startswith(f"Sends {signal.name}: ") if signal else "SIG" not in tooltip
    if adapter.name == "posix":
        assert action_tooltip(adapter, Action.STOP) == (
            "Sends SIGSTOP: the process stops running until it is resumed"
        )
        assert action_tooltip(adapter, Action.CONTINUE) == "Sends SIGCONT: the suspended process runs again"


def test_every_label_has_a_text_and_a_meaning_and_windows_says_end_task() -> None:
    assert set(action_texts()) == set(action_meanings()) == set(ActionLabel)
    assert plain_action_text(WindowsAdapter().action_label(Action.END)) == "End task"
    assert (
        plain_action_text(PosixAdapter(linux=True, needs_display_server=True).action_label(Action.END))
        == "End"
    )


@pytest.mark.parametrize(
    ("menu_text", "plain"),
    [
        ("&End task", "End task"),
        ("Save && &quit", "Save & quit"),
        ("结束进程(&E)", "结束进程"),
        ("E&nd", "End"),
    ],
)
def test_plain_text_drops_the_mnemonic(menu_text: str, plain: str) -> None:
    assert without_mnemonic(menu_text) == plain


def test_message_places_are_filled_at_once_and_may_be_reordered() -> None:
    assert with_args("%1 of %2", 3, "%2") == "3 of %2"
    assert with_args("%2 的 %1", "a", "b") == "b 的 a"
    assert with_args("%1 %", "12.5") == "12.5 %"


def test_every_missing_display_reason_is_worded() -> None:
    assert all(_missing_display_text(reason) for reason in MissingDisplay)


# Translators can find and translate every string ---------------------------------


def _tool(name: str) -> Path:
    path = _TOOLS / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to the interpreter")
    return path


def test_lupdate_finds_every_word_of_the_tables(tmp_path: Path) -> None:
    ts_file = tmp_path / "procpilot.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *sorted(map(str, (ROOT / "gui").rglob("*.py"))), "-ts", str(ts_file)],
        check=True,
        capture_output=True,
    )
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        sources = {message.findtext("source") or "" for message in context.iter("message")}
        found.setdefault(context.findtext("name") or "", set()).update(sources)
    assert set(column_titles().values()) | set(column_tooltips().values()) <= found["Columns"]
    assert set(status_words().values()) <= found["Status"]
    assert set(signal_meanings().values()) <= found["Signals"]
    assert set(action_texts().values()) <= found["Actions"]
    assert set(action_meanings().values()) | {"Sends %1: %2"} <= found["ActionMeanings"]
    assert {"&Advanced", "%1 \u2014 %2"} <= found["ProcessMenu"]
    assert {"&Copy", "Select &all"} <= found["EditActions"]
    assert "Suspending %1\u2026" in found["ActionFeedback"]
    assert "%1 of %n processes shown" in found["MainWindow"]


# A real translator changes what the user reads -----------------------------------

_CHINESE = {
    ("Columns", "CPU %"): "处理器 %",
    ("Columns", "Process ID"): "进程号",
    ("Status", "Sleeping"): "睡眠",
    ("Actions", "&End"): "结束(&E)",
    ("Actions", "&Send signal"): "发送信号(&S)",
    ("ActionMeanings", "many services reload their configuration"): "许多服务会重新加载配置",
    ("ActionMeanings", "Sends %1: %2"): "发送 %1：%2",
    ("ProcessMenu", "&Advanced"): "高级(&A)",
    ("Signals", "Hang up: many services reload their configuration"): "挂断：许多服务会重新加载配置",
    ("ProcessMenu", "%1 (%2) \u2014 %3"): "%1（%2）：%3",
}
_CHINESE_PLURALS = {("MainWindow", "%1 of %n processes shown"): "显示 %1 个，共 %n 个进程"}


def _ts_text() -> str:
    contexts: dict[str, list[str]] = {}
    for (context, source), translation in _CHINESE.items():
        contexts.setdefault(context, []).append(
            f"<message><source>{escape(source)}</source><translation>{escape(translation)}</translation></message>"
        )
    for (context, source), translation in _CHINESE_PLURALS.items():
        contexts.setdefault(context, []).append(
            f'<message numerus="yes"><source>{escape(source)}</source>'
            f"<translation><numerusform>{escape(translation)}</numerusform></translation></message>"
        )
    body = "".join(
        f"<context><name>{name}</name>{''.join(messages)}</context>" for name, messages in contexts.items()
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">{body}</TS>'
    )


@pytest.fixture
def chinese(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    """A Chinese translator, compiled from a tiny .ts by lrelease and installed for one test."""
    ts_file, qm_file = tmp_path / "test_zh_CN.ts", tmp_path / "test_zh_CN.qm"
    ts_file.write_text(_ts_text(), encoding="utf-8")
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(qm_file))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)
    forget_status_words()  # later tables word statuses without it


def test_translator_changes_column_titles_status_words_and_the_column_menu(qtbot, chinese) -> None:
    model = ProcessTableModel()
    header = model.horizontalHeaderItem(Column.CPU)
    assert header.text().strip() == "处理器 %"
    assert model.horizontalHeaderItem(Column.PID).toolTip() == "进程号"
    assert model.horizontalHeaderItem(Column.NAME).text() == "Name"  # not translated: stays English

    row = make_test_row(5, status="sleeping")
    model.apply_delta(diff_snapshots({}, {row.key: row}))
    assert model.index_of(row.key, Column.STATUS).data() == "睡眠"

    view = ProcessView(ProcessFilterProxy(model))
    qtbot.addWidget(view)
    menu = view.column_menu()
    assert "处理器 %" in [action.text() for action in menu.actions()]
    assert model.headerData(Column.CPU, Qt.Orientation.Horizontal).strip() == "处理器 %"


def test_translator_changes_the_process_menu(qtbot, chinese) -> None:
    menu = QMenu()
    fill_process_menu(
        menu, PosixAdapter(linux=True, needs_display_server=True), (make_test_row(5).sample,), lambda _: None
    )
    texts = [action.text() for action in menu.actions()]
    assert "结束(&E)" in texts and "高级(&A)" in texts
    assert plain_action_text(ActionLabel.END) == "结束"
    advanced = menu.findChild(QMenu, "menu_advanced")
    assert advanced is not None
    texts = [action.text() for action in advanced.actions()]
    assert "发送信号(&S) \u2014 any signal, each with what it means" in texts
    hang_up = next(action for action in advanced.actions() if action.objectName() == "action_hang_up")
    assert hang_up.toolTip() == "发送 SIGHUP：许多服务会重新加载配置"
    signals = advanced.findChild(QMenu, "menu_send_signal")
    assert signals is not None
    hang_up = next(action for action in signals.actions() if action.objectName() == "signal_SIGHUP")
    assert without_mnemonic(hang_up.text()) == "SIGHUP（1）：挂断：许多服务会重新加载配置"


def test_translator_changes_the_status_bar_with_a_plural_count(qtbot, chinese, make_window) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: "个进程" in window.status_label.text(), timeout=10_000)
    text = window.status_label.text()
    assert f"共 {window._total} 个进程" in text and "%" not in text.split("    ")[0]
