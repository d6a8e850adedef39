"""The real window in Simplified Chinese: menus, headers, buttons, confirmation and results.

Everything is found by its Chinese name, as a Chinese-speaking user finds it.
"""
# ruff: noqa: RUF001  # Chinese text uses full-width parentheses, colons and semicolons

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from gui.core.language import Language
from gui.core.outcomes import Outcome
from gui.views.main_toolbar import toolbar_buttons
from gui.views.translation_contexts import Confirmations, Results
from tests.children import key_of
from tests.qt.translated import translated
from tests.qt.ui_driving import choose, open_dialog, right_click_row, wait_listed

#: What may stay in Latin letters: proper names, technical terms, keys and signal names.
ALLOWED_LATIN = re.compile(
    r"ProcPilot|PID|CPU|Ctrl|Shift|Del|SIG[A-Z0-9+-]+|English|\bnice\b|\((&?[A-Z])\)|\b[A-Z]\b"
)
CHINESE_STATUSES = {
    "运行中",
    "睡眠中",
    "等待中（磁盘）",
    "已暂停",
    "已暂停（被跟踪）",
    "僵尸",
    "空闲",
    "已退出",
}


@pytest.fixture
def chinese():
    with translated(Language.CHINESE_SIMPLIFIED):
        yield


def all_entries(menu: QMenu) -> list[str]:
    """Every entry's text in a menu and its submenus (filled as when they open)."""
    menu.aboutToShow.emit()
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            texts += all_entries(submenu)
    return texts


def english_left(text: str) -> str:
    return re.sub(r"[^A-Za-z]+", " ", ALLOWED_LATIN.sub("", text.replace("&", ""))).strip()


def test_menus_headers_and_buttons_are_chinese(qtbot, chinese, make_window) -> None:
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "进程(&P)", "查看(&V)", "帮助(&H)"]

    entries = [text for action in window.menuBar().actions() for text in all_entries(action.menu())]
    assert "显示内核线程(&K)" in entries and "立即刷新(&R)" in entries and "退出(&Q)" in entries
    english = {text: english_left(text) for text in entries if english_left(text)}
    assert not english, f"English left in the menus: {english}"

    model = window.view.model()
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal).strip() for column in range(model.columnCount())
    ]
    assert headers[:4] == ["名称", "PID", "用户", "状态"]
    assert {"内存", "线程", "启动时间", "命令行"} <= set(headers)

    buttons = {button.text() for button in toolbar_buttons(window.toolbar)}
    assert {"结束", "强制结束", "应用程序", "所有进程", "进程树", "暂停更新", "立即刷新"} <= buttons
    assert "搜索" in window.filter_bar.search.placeholderText()
    scope = window.filter_bar.scope
    assert [scope.itemText(i) for i in range(scope.count())] == ["所有用户", "仅我自己"]

    qtbot.waitUntil(lambda: "个进程" in window.status_label.text(), timeout=10_000)
    assert "内存" in window.status_label.text()
    statuses = {model.index(row, 3).data().strip() for row in range(model.rowCount())}
    assert statuses and statuses <= CHINESE_STATUSES | {"已死亡", "唤醒中", "已锁定", "已停放"}


def test_ending_a_process_in_chinese(qtbot, chinese, make_window, spawn) -> None:
    """Right-click → 结束, the confirmation (Qt's own 取消 included), then the result in the bar."""
    window = make_window()
    child = spawn("zh-end")
    key = key_of(child)
    wait_listed(qtbot, window, key)

    menu = right_click_row(qtbot, window, key)
    choose(qtbot, menu, "结束(E)")
    dialog = open_dialog(qtbot, window)
    assert dialog.heading_label.text().startswith("结束 ")
    assert f"（PID {child.pid}）" in dialog.heading_label.text()
    assert "秒后" in dialog.message_label.text()
    assert dialog.cancel_button.text().replace("&", "") in {"取消", "取消(C)"}  # qtbase_zh_CN
    assert dialog.confirm_button.text() == "结束"

    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in finished.args[0].results] == [Outcome.ENDED]
    said = f"（PID {child.pid}）：已结束"
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage(), timeout=10_000)


def test_view_language_menu_stores_the_choice_for_the_next_start(qtbot, make_window) -> None:
    window = make_window()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    language_menu = next(
        a.menu()
        for a in view_menu.actions()
        if a.menu() is not None and a.menu().objectName() == "menu_language"
    )
    entries = {action.objectName(): action for action in language_menu.actions()}
    assert entries["language_restart_note"].text() == "Takes effect when ProcPilot restarts"
    assert not entries["language_restart_note"].isEnabled()
    assert entries["language_system"].isChecked()
    assert entries["language_zh_CN"].text() == "简体中文(&C)"
    assert entries["language_en"].text() == "&English"

    entries["language_zh_CN"].trigger()
    assert window.settings.language is Language.CHINESE_SIMPLIFIED
    assert entries["language_zh_CN"].isChecked()
    assert window.menuBar().actions()[0].text() == "&File"  # this run keeps its language


def test_english_has_singular_and_plural(qtbot) -> None:
    sentence = "%1 (PID %2) ended; its %n child processes are still running."
    with translated(Language.ENGLISH):
        assert Results.tr(sentence, None, 1) == "%1 (PID %2) ended; its 1 child process is still running."
        assert Results.tr(sentence, None, 3) == "%1 (PID %2) ended; its 3 child processes are still running."
        assert Confirmations.tr("%n processes", None, 1) == "1 process"
    with translated(Language.CHINESE_SIMPLIFIED):
        assert Results.tr(sentence, None, 1) == "%1（PID %2）已结束；它的 1 个子进程仍在运行。"
        assert Confirmations.tr("%n processes", None, 7) == "7 个进程"
