"""End, force quit, stop and continue through the real window, on real children."""

import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu

from gui.core.outcomes import Outcome
from gui.core.process_key import ProcessKey
from gui.platforms import WindowsAdapter
from gui.settings import Settings
from gui.views.main_window import MainWindow
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
    right_click_row,
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


def test_stop_and_continue_change_the_shown_status(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("ui-stop")
    key = key_of(child)
    qtbot.waitUntil(lambda: status_of(window, key) == "Sleeping", timeout=10_000)
    menu = right_click_row(qtbot, window, key)
    assert "Continue" not in menu_texts(menu)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=10_000):
        choose(qtbot, menu, "Stop")
    qtbot.waitUntil(lambda: status_of(window, key) == "Stopped", timeout=10_000)

    menu = right_click_row(qtbot, window, key)
    assert "Stop" not in menu_texts(menu)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=10_000):
        choose(qtbot, menu, "Continue")
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


def test_the_windows_menu_has_only_end_task_and_end_process_tree(qtbot, spawn, settings_file) -> None:
    window = MainWindow(
        WindowsAdapter(), Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)), 0.5
    )
    qtbot.addWidget(window)
    window.show()
    key = key_of(spawn("ui-windows-menu"))
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    assert menu_texts(menu) == ["End task", "End process tree"]
    assert [a.text().replace("&", "") for a in window.process_actions.toolbar_actions()] == ["End task"]
    menu.close()
    window.close()


def test_the_posix_menu_has_every_entry(qtbot, make_window, spawn) -> None:
    window = make_window()
    key = key_of(spawn("ui-posix-menu"))
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    assert menu_texts(menu) == [
        "End", "Force quit", "Stop", "Hang up (reload configuration)", "Interrupt", "Send signal",
        "End process group", "End process tree",
    ]  # fmt: skip
    signal_menu = menu.findChild(QMenu, "menu_send_signal")
    assert signal_menu is not None
    entries = menu_texts(signal_menu)
    assert any(text.startswith(f"SIGTERM ({int(signal.SIGTERM)}) \u2014 ") for text in entries)
    assert len(entries) >= 31
    menu.close()
    assert psutil.Process(key.pid).is_running()


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
