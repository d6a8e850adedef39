"""End, force quit, suspend and resume through the real window, on real children."""

import os
import re
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui.core.actions import Action
from gui.core.outcomes import Outcome
from gui.core.process_key import ProcessKey
from gui.platforms import WindowsAdapter
from gui.settings import Settings
from gui.views.app_menu import APP_ACTIONS
from gui.views.main_window import MainWindow
from gui.views.process_menu import ADVANCED, EVERYDAY
from tests.children import STUBBORN, key_of
from tests.e2e.x11 import ROOT, click_only_row, confirm_dialog, start_xvfb, wait_window, xdotool
from tests.other_user import ACTOR, OWNER, acting_as
from tests.qt.conftest import status_of
from tests.qt.ui_driving import (
    choose,
    click_row,
    end_and_confirm,
    menu_texts,
    open_dialog,
    open_submenu,
    right_click_row,
    submenu,
    wait_listed,
)


def test_right_click_end_and_confirm_ends_the_child(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("ui-end")
    key = key_of(child)
    wait_listed(qtbot, window, key)

    menu = right_click_row(qtbot, window, key)
    choose(qtbot, menu, "End")
    dialog = open_dialog(qtbot, window)
    assert f"(PID {child.pid})?" in dialog.heading_label.text()
    listing = dialog.process_list
    pids = [item.text(1) for i in range(listing.topLevelItemCount()) if (item := listing.topLevelItem(i))]
    assert pids == [str(child.pid)]
    assert dialog.cancel_button.isDefault() and not dialog.confirm_button.isDefault()

    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in finished.args[0].results] == [Outcome.ENDED]
    assert child.wait(timeout=5) == -signal.SIGTERM
    assert "ended" in window.statusBar().currentMessage()


def test_enter_in_the_confirmation_cancels(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("ui-cancel")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    click_row(qtbot, window, key)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with qtbot.assertNotEmitted(window.controller.batch_finished, wait=500):
        pass
    assert child.poll() is None


def test_multi_select_two_children_and_force_quit(qtbot, make_window, spawn) -> None:
    window = make_window()
    first, second = spawn("ui-force-1"), spawn("ui-force-2")
    keys = [key_of(first), key_of(second)]
    for key in keys:
        wait_listed(qtbot, window, key)
    window.filter_bar.search.setText("ui-force-")
    click_row(qtbot, window, keys[0])
    click_row(qtbot, window, keys[1], Qt.KeyboardModifier.ControlModifier)
    assert set(window.view.selected_keys()) == set(keys)

    menu = right_click_row(qtbot, window, keys[1])
    choose(qtbot, menu, "Force quit")
    dialog = open_dialog(qtbot, window)
    assert dialog.process_list.topLevelItemCount() == 2
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in finished.args[0].results] == [Outcome.FORCE_QUIT] * 2
    assert first.wait(timeout=5) == second.wait(timeout=5) == -signal.SIGKILL
    assert window.results_bar.isVisible()
    assert "2 force quit" in window.results_bar.label.text()


def test_dont_ask_again_skips_the_confirmation_next_time(qtbot, make_window, spawn, settings_file) -> None:
    window = make_window()
    first, second = spawn("ui-skip-1"), spawn("ui-skip-2")
    for child in (first, second):
        wait_listed(qtbot, window, key_of(child))
    click_row(qtbot, window, key_of(first))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    assert dialog.skip_box is not None
    dialog.skip_box.setChecked(True)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    click_row(qtbot, window, key_of(second))
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000):
        qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert second.wait(timeout=5) == -signal.SIGTERM


def test_suspend_and_resume_a_child(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("ui-suspend")
    key = key_of(child)
    qtbot.waitUntil(lambda: status_of(window, key) == "Sleeping", timeout=10_000)
    menu = right_click_row(qtbot, window, key)
    assert "Resume" not in menu_texts(menu)
    suspend = menu.findChild(QAction, "action_suspend")
    assert suspend is not None
    assert suspend.toolTip() == "Sends SIGSTOP: the process stops running until it is resumed"
    with qtbot.waitSignal(window.controller.batch_finished, timeout=10_000) as finished:
        choose(qtbot, menu, "Suspend")
    assert [r.outcome for r in finished.args[0].results] == [Outcome.STOPPED]
    assert psutil.Process(child.pid).status() == psutil.STATUS_STOPPED
    assert window.statusBar().currentMessage().endswith(f"(PID {child.pid}): suspended")
    qtbot.waitUntil(lambda: status_of(window, key) == "Suspended", timeout=10_000)

    menu = right_click_row(qtbot, window, key)
    assert "Suspend" not in menu_texts(menu)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=10_000) as finished:
        choose(qtbot, menu, "Resume")
    assert [r.outcome for r in finished.args[0].results] == [Outcome.CONTINUED]
    assert psutil.Process(child.pid).status() != psutil.STATUS_STOPPED
    assert window.statusBar().currentMessage().endswith(f"(PID {child.pid}): resumed")
    qtbot.waitUntil(lambda: status_of(window, key) == "Sleeping", timeout=10_000)


def test_end_is_offered_force_quit_in_one_click_when_ignored(qtbot, make_window, spawn) -> None:
    window = make_window()
    window.settings.grace_seconds = 1.0
    child = spawn("ui-stubborn", STUBBORN, ready_line=b"ready")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    report = end_and_confirm(qtbot, window, key)
    assert [r.outcome for r in report.results] == [Outcome.STILL_RUNNING]
    bar = window.escalation_bar
    assert bar.isVisible()
    assert f"(PID {child.pid}) is still running 1 s after End" in bar.label.text()
    (force_button,) = bar.buttons()
    assert force_button.text() == "Force quit"

    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as forced:
        qtbot.mouseClick(force_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in forced.args[0].results] == [Outcome.FORCE_QUIT]
    assert child.wait(timeout=5) == -signal.SIGKILL


def test_auto_force_setting_forces_without_asking(qtbot, make_window, spawn, settings_file) -> None:
    window = make_window()
    window.process_menu.aboutToShow.emit()
    auto = next(a for a in window.process_menu.actions() if a.text().startswith("Force quit automatically"))
    auto.trigger()
    assert window.settings.auto_force
    window.settings.grace_seconds = 0.5
    child = spawn("ui-auto", STUBBORN, ready_line=b"ready")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    report = end_and_confirm(qtbot, window, key)
    assert [r.outcome for r in report.results] == [Outcome.FORCE_QUIT]
    assert child.wait(timeout=5) == -signal.SIGKILL
    assert not window.escalation_bar.isVisible()


@pytest.mark.e2e
@pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool libxcb-icccm4 libxcb-keysyms1)",
)
def test_ending_procpilot_itself_needs_a_second_confirmation_and_closes_the_window(tmp_path: Path) -> None:
    """A separate ProcPilot in a real X11 window ends its own row: if this ever regresses
    into a signal, it hits that child, never the test runner."""
    marker = f"procpilot-self-{uuid.uuid4().hex[:12]}"
    screen_dir = tmp_path / "screen"
    screen_dir.mkdir()
    server, display = start_xvfb(screen_dir=screen_dir)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    # ``python -m gui``, with a marker in its command line that the search finds (runpy
    # runs gui/__main__.py exactly as -m does; the marker is not an option of the app).
    launcher = (
        "import runpy, sys; sys.argv[1:] = ['--interval', '0.5']; "
        "runpy.run_module('gui', run_name='__main__', alter_sys=True)"
    )
    app = subprocess.Popen([sys.executable, "-c", launcher, marker], env=env, cwd=ROOT)
    try:
        window = wait_window(env, "^ProcPilot$")
        click_only_row(env, screen_dir, window, marker)
        xdotool(env, "key", "Delete")
        confirm_dialog(env, "^End$")
        critical = wait_window(env, "^Critical process$")
        assert app.poll() is None, "the first confirmation alone ended ProcPilot"
        xdotool(env, "windowfocus", "--sync", critical)
        xdotool(env, "key", "shift+Tab", "space")
        assert app.wait(timeout=30) == 0  # the window closed and the app quit normally
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
    (log,) = (tmp_path / "data").rglob("procpilot.log")
    text = log.read_text()
    assert "ProcPilot exited with code 0" in text
    assert "Asked to end by the system" not in text  # no signal reached it: it closed itself


def test_the_windows_menu_has_end_task_end_process_tree_and_priority(qtbot, spawn, settings_file) -> None:
    window = MainWindow(
        WindowsAdapter(), Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)), 0.5
    )
    qtbot.addWidget(window)
    window.show()
    key = key_of(spawn("ui-windows-menu"))
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    assert menu_texts(menu) == ["End task", "End process tree", "Change priority", "Properties\u2026", "Copy"]
    priorities = menu.findChild(QMenu, "menu_change_priority")
    assert priorities is not None
    assert menu_texts(priorities) == ["High", "Above normal", "Normal", "Below normal", "Idle"]
    assert menu.findChild(QMenu, "menu_advanced") is None
    end_task = menu.findChild(QAction, "action_end")
    assert end_task is not None and end_task.toolTip() == "Ends the process at once"
    assert [a.text().replace("&", "") for a in window.process_actions.toolbar_actions()] == ["End task"]
    menu.close()
    window.process_menu.aboutToShow.emit()
    assert menu_texts(window.process_menu) == [
        "End task", "End process tree", "Change priority", "Properties\u2026"
    ]  # fmt: skip
    window.close()


def test_the_posix_menu_has_the_everyday_actions_then_advanced(qtbot, make_window, spawn) -> None:
    window = make_window()
    key = key_of(spawn("ui-posix-menu"))
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    assert menu.toolTipsVisible()
    assert menu_texts(menu) == [
        "End", "Force quit", "Suspend", "End process tree", "Change priority", "Properties\u2026",
        "Advanced", "Copy",
    ]  # fmt: skip
    separators = [a.isSeparator() for a in menu.actions()]
    assert separators == [False, False, False, False, True, False, False, True, False, True, False]
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in menu.actions()}
    assert shortcuts["End"] == "Del" and shortcuts["Force quit"] == "Shift+Del"
    assert shortcuts["Copy"] == "Ctrl+C"
    tips = {a.objectName(): a.toolTip() for a in menu.actions() if a.objectName()}
    assert tips["action_end"] == "Sends SIGTERM: asks the process to close, so it can save its work"
    assert tips["action_force_quit"] == "Sends SIGKILL: ends the process at once; unsaved work is lost"

    advanced = open_submenu(qtbot, menu, "menu_advanced")
    assert advanced.toolTipsVisible()
    assert menu_texts(advanced) == [
        "Hang up \u2014 many services reload their configuration",
        "Interrupt \u2014 as Ctrl+C in a terminal; most programs end",
        "End process group \u2014 asks every process of its group to close",
        "Send signal \u2014 any signal, each with what it means",
    ]
    tips = {a.text().split(" \u2014 ")[0].replace("&", ""): a.toolTip() for a in advanced.actions()}
    assert tips == {
        "Hang up": "Sends SIGHUP: many services reload their configuration",
        "Interrupt": "Sends SIGINT: as Ctrl+C in a terminal; most programs end",
        "End process group": "Sends SIGTERM: asks every process of its group to close",
        "Send signal": "Any signal, each with what it means",
    }
    signal_menu = submenu(advanced, "menu_send_signal")
    entries = menu_texts(signal_menu)
    assert any(text.startswith(f"SIGTERM ({int(signal.SIGTERM)}) \u2014 ") for text in entries)
    assert f"SIGSTOP ({int(signal.SIGSTOP)}) \u2014 Suspend; cannot be caught or ignored" in entries
    assert len(entries) >= 31
    menu.close()
    assert psutil.Process(key.pid).is_running()


def test_the_menus_say_suspend_and_resume_never_stop_or_continue(qtbot, make_window, spawn) -> None:
    window = make_window()
    running, suspended = spawn("ui-words-1"), spawn("ui-words-2")
    keys = [key_of(running), key_of(suspended)]
    suspended.send_signal(signal.SIGSTOP)
    qtbot.waitUntil(lambda: status_of(window, keys[1]) == "Suspended", timeout=10_000)
    window.filter_bar.search.setText("ui-words-")
    click_row(qtbot, window, keys[0])
    click_row(qtbot, window, keys[1], Qt.KeyboardModifier.ControlModifier)
    menu = right_click_row(qtbot, window, keys[1])
    assert {"Suspend", "Resume"} <= set(menu_texts(menu))
    window.process_menu.aboutToShow.emit()
    texts = []
    for top in (menu, window.process_menu):
        pending = [top]
        while pending:
            current = pending.pop()
            for entry in current.actions():
                texts += [entry.text(), entry.toolTip()]
                if entry.menu() is not None:
                    pending.append(entry.menu())
    words = re.compile(r"\b(stop|continue|pause)\b", re.IGNORECASE)
    assert [text for text in texts if words.search(text.replace("&", ""))] == []
    menu.close()
    suspended.send_signal(signal.SIGCONT)


def test_every_action_has_a_place_in_the_menu() -> None:
    assert set(EVERYDAY) | set(ADVANCED) | set(APP_ACTIONS) | {Action.SET_PRIORITY} == set(Action)
    assert not set(EVERYDAY) & set(ADVANCED)
    assert not (set(EVERYDAY) | set(ADVANCED)) & set(APP_ACTIONS)


def test_the_process_menu_with_nothing_selected_is_disabled(qtbot, make_window) -> None:
    window = make_window()
    window.process_menu.aboutToShow.emit()
    texts = menu_texts(window.process_menu)
    assert texts[:6] == [
        "End",
        "Force quit",
        "End process tree",
        "Change priority",
        "Properties\u2026",
        "Advanced",
    ]
    assert "Force quit automatically when End is ignored" in texts
    entries = [a for a in window.process_menu.actions() if a.text().replace("&", "") in texts[:6]]
    assert not any(entry.isEnabled() for entry in entries)
    window.process_menu.aboutToShow.emit()  # filled again: one Advanced submenu, not two
    assert menu_texts(window.process_menu).count("Advanced") == 1


def test_another_users_process_shows_the_owner_and_the_hint(qtbot, make_window, foreign_sleeper) -> None:
    window = make_window()
    key = ProcessKey(foreign_sleeper.pid, foreign_sleeper.create_time())
    wait_listed(qtbot, window, key)
    click_row(qtbot, window, key)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    with acting_as(ACTOR), qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [r.outcome for r in finished.args[0].results] == [Outcome.PERMISSION_DENIED]
    expected = f"owned by {OWNER}: only {OWNER} or an administrator can end it"
    assert window.results_bar.isVisible()
    assert window.results_bar.label.text() == f"sleep (PID {key.pid}): {expected}"
    assert foreign_sleeper.is_running()
