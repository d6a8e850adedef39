"""In the window: a success goes by itself or at the next action; failures and offers stay."""

import os
import sys
import time

import psutil
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton

from gui.core.outcomes import Outcome
from gui.core.process_key import ProcessKey
from gui.views.main_window import MainWindow
from gui.views.message_bar import MessageBar
from tests.children import STUBBORN, key_of
from tests.qt.ui_driving import choose, click_row, end_and_confirm, open_dialog, right_click_row, wait_listed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

SHORT_MS = 300


def _bars(window: MainWindow) -> list[MessageBar]:
    return [window.results_bar, window.escalation_bar, window.suspended_bar, window.newcomers_bar]


def _shorten(window: MainWindow) -> None:
    for bar in _bars(window):
        bar.auto_dismiss_ms = SHORT_MS


def _pointer_off_the_bars(qtbot, window: MainWindow) -> None:
    """Where the pointer rests decides whether a countdown runs: below the bars, in the table."""
    viewport = window.view.viewport()
    qtbot.mouseMove(viewport, QPoint(viewport.width() // 2, viewport.height() - 5))


def _end_two(qtbot, window: MainWindow, first: ProcessKey, second: ProcessKey) -> None:
    click_row(qtbot, window, first)
    click_row(qtbot, window, second, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in finished.args[0].results] == [Outcome.ENDED, Outcome.ENDED]


def test_a_success_goes_by_itself_after_five_seconds(qtbot, make_window, spawn) -> None:
    window = make_window()
    first, second = key_of(spawn("bars-first")), key_of(spawn("bars-second"))
    wait_listed(qtbot, window, second)
    _end_two(qtbot, window, first, second)
    shown = time.monotonic()
    _pointer_off_the_bars(qtbot, window)
    bar = window.results_bar
    assert bar.isVisible()
    assert bar.label.text() == "2 processes: 2 ended"
    assert [b.text() for b in bar.buttons()] == ["Details\u2026"]
    qtbot.waitUntil(bar.isHidden, timeout=8000)
    assert time.monotonic() - shown > 4.5  # the real default, not sooner


def test_a_success_goes_at_the_next_action(qtbot, make_window, spawn) -> None:
    window = make_window()
    first, second, third = (key_of(spawn(f"bars-next-{i}")) for i in range(3))
    wait_listed(qtbot, window, third)
    _end_two(qtbot, window, first, second)
    assert window.results_bar.isVisible()
    click_row(qtbot, window, third)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    assert window.results_bar.isVisible()  # asking is not acting yet
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        assert window.results_bar.isHidden()  # gone when the request was submitted


def test_a_failure_stays_until_dismissed(qtbot, make_window) -> None:
    window = make_window()
    _shorten(window)
    own = ProcessKey(os.getpid(), psutil.Process().create_time())
    wait_listed(qtbot, window, own)
    click_row(qtbot, window, own)
    menu = right_click_row(qtbot, window, own)
    choose(qtbot, menu, "Suspend")
    warning = open_dialog(qtbot, window, "critical_dialog")  # it is ProcPilot itself
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(warning.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in finished.args[0].results] == [Outcome.NOT_SUPPORTED]
    _pointer_off_the_bars(qtbot, window)
    bar = window.results_bar
    assert bar.isVisible()
    assert bar.label.text().endswith("ProcPilot does not suspend or signal itself")
    qtbot.wait(SHORT_MS * 4)
    assert bar.isVisible()
    close = bar.findChild(QToolButton)
    assert close is not None
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert bar.isHidden()


def test_an_offer_stays_and_its_end_goes_by_itself(qtbot, make_window, spawn) -> None:
    window = make_window()
    _shorten(window)
    window.settings.grace_seconds = 0.5
    child = spawn("bars-offer", STUBBORN, ready_line=b"ready")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    end_and_confirm(qtbot, window, key)
    _pointer_off_the_bars(qtbot, window)
    bar = window.escalation_bar
    assert [b.text() for b in bar.buttons()] == ["Force quit"]
    qtbot.wait(SHORT_MS * 4)
    assert bar.isVisible()

    child.kill()  # it ends without ProcPilot: the offer turns into "... ended."
    child.wait(timeout=5)
    qtbot.waitUntil(lambda: bar.label.text().endswith("ended."), timeout=10_000)
    assert bar.buttons() == []
    qtbot.waitUntil(bar.isHidden, timeout=SHORT_MS * 10)
