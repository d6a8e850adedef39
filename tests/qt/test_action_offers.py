"""What the window offers after an action, and what quitting does to actions under way."""

import os
import signal
import sys
import time

import psutil
import pytest
from PySide6.QtCore import Qt

from gui.core.outcomes import Outcome
from gui.core.process_key import ProcessKey
from tests.children import STUBBORN, family, key_of, wait_gone_or_zombie
from tests.other_user import ACTOR, OWNER, acting_as
from tests.qt.ui_driving import (
    choose,
    click_row,
    end_and_confirm,
    open_dialog,
    open_submenu,
    right_click_row,
    wait_listed,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _button(bar, text: str):
    return next(b for b in bar.buttons() if b.text() == text)


def test_closing_the_window_during_the_grace_period_never_force_quits(qtbot, make_window, spawn) -> None:
    window = make_window()
    window.settings.auto_force = True
    window.settings.grace_seconds = 2.0
    child = spawn("offer-quit", STUBBORN, ready_line=b"ready")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    click_row(qtbot, window, key)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.waiting == 1, timeout=5000)
    window.close()  # the user quits while the End waits
    time.sleep(2.5)  # past the grace period, when auto force would have fired
    assert child.poll() is None


def test_a_suspended_process_is_offered_resume_or_force_quit(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("offer-suspended")
    child.send_signal(signal.SIGSTOP)
    key = key_of(child)
    wait_listed(qtbot, window, key)
    report = end_and_confirm(qtbot, window, key)
    assert [r.outcome for r in report.results] == [Outcome.SUSPENDED]
    bar = window.suspended_bar
    assert bar.isVisible()
    assert f"(PID {child.pid}) is suspended: it will end when it is resumed" in bar.label.text()
    assert [b.text() for b in bar.buttons()] == ["Resume", "Force quit"]
    assert not window.escalation_bar.isVisible()
    with qtbot.waitSignal(window.controller.batch_finished, timeout=10_000):
        qtbot.mouseClick(_button(bar, "Resume"), Qt.MouseButton.LeftButton)
    assert child.wait(timeout=5) == -signal.SIGTERM  # the pending End took effect


def test_processes_started_while_a_tree_was_ended_are_offered_with_their_own_confirmation(
    qtbot, make_window, spawn
) -> None:
    code = (
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, lambda *_: (print(subprocess.Popen(['sleep', '600']).pid, flush=True),"
        " time.sleep(1.0), sys.exit(0)))\n"  # found while it lives: the runner looks every 0.2 s
        "print('ready', flush=True)\n"
        "while True: time.sleep(1)\n"
    )
    window = make_window()
    parent = spawn("offer-newcomers", code, ready_line=b"ready")
    key = key_of(parent)
    wait_listed(qtbot, window, key)
    click_row(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    choose(qtbot, menu, "End process tree")
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert parent.stdout is not None
    late = int(parent.stdout.readline())
    try:
        report = finished.args[0]
        assert [p.key.pid for p in report.new_processes] == [late]
        bar = window.newcomers_bar
        assert bar.isVisible()
        assert (
            "1 new processes started in this tree" in bar.label.text() or "1 new process" in bar.label.text()
        )
        qtbot.mouseClick(_button(bar, "End them too"), Qt.MouseButton.LeftButton)
        again = open_dialog(qtbot, window)
        listing = again.process_list
        items = [listing.topLevelItem(i) for i in range(listing.topLevelItemCount())]
        assert [item.text(1) if item else None for item in items] == [str(late)]
        assert psutil.Process(late).is_running()  # nothing is sent before that confirmation
        with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as second:
            qtbot.mouseClick(again.confirm_button, Qt.MouseButton.LeftButton)
        assert [r.outcome for r in second.args[0].results] == [Outcome.ENDED]
    finally:
        if psutil.pid_exists(late):
            os.kill(late, signal.SIGKILL)


def test_children_left_running_by_force_quit_are_offered_with_their_own_confirmation(
    qtbot, make_window, spawn, grandchildren
) -> None:
    window = make_window()
    parent = spawn("offer-children", family(2))
    assert parent.stdout is not None
    kids = [int(pid) for pid in parent.stdout.readline().split()]
    grandchildren.extend(psutil.Process(pid) for pid in kids)
    key = key_of(parent)
    wait_listed(qtbot, window, key)
    click_row(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    choose(qtbot, menu, "Force quit")
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert parent.wait(timeout=5) == -signal.SIGKILL
    report = finished.args[0]
    name = report.results[0].target.name
    bar = window.newcomers_bar
    assert bar.isVisible()
    assert bar.label.text() == f"{name} (PID {parent.pid}) ended; its 2 child processes are still running."
    assert [b.text() for b in bar.buttons()] == ["End them too"]
    assert all(psutil.Process(pid).is_running() for pid in kids)  # nothing sent to them yet

    qtbot.mouseClick(_button(bar, "End them too"), Qt.MouseButton.LeftButton)
    again = open_dialog(qtbot, window)
    listing = again.process_list
    items = [listing.topLevelItem(i) for i in range(listing.topLevelItemCount())]
    assert sorted(int(item.text(1)) for item in items if item) == sorted(kids)
    assert not bar.isVisible()
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as second:
        qtbot.mouseClick(again.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in second.args[0].results] == [Outcome.FORCE_QUIT] * 2
    assert all(wait_gone_or_zombie(pid) for pid in kids)


def test_a_refused_hang_up_says_who_may_signal_it(qtbot, make_window, foreign_sleeper) -> None:
    window = make_window()
    key = ProcessKey(foreign_sleeper.pid, foreign_sleeper.create_time())
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    with acting_as(ACTOR), qtbot.waitSignal(window.controller.batch_finished, timeout=15_000):
        advanced = open_submenu(qtbot, menu, "menu_advanced")
        choose(qtbot, advanced, "Hang up \u2014 many services reload their configuration")
    text = window.results_bar.label.text()
    assert text == f"sleep (PID {key.pid}): owned by {OWNER}: only {OWNER} or an administrator can signal it"
    assert foreign_sleeper.is_running()
