"""The critical-process warning in the real window: worded by the views, decided by the program."""

import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import psutil
from PySide6.QtCore import Qt

from gui.core.actions import Action, ActionRequest
from gui.core.critical import CriticalKind
from gui.platforms import current
from gui.views.confirm_dialog import ConfirmDialog
from gui.views.critical_wording import critical_warning
from tests.qt.ui_driving import open_dialog


def test_every_kind_has_a_warning(qapp) -> None:
    for kind in CriticalKind:
        assert critical_warning(kind)


def test_pid_1_gets_the_second_warning_and_cancel_sends_nothing(qtbot, make_window) -> None:
    window = make_window(None)
    flow = window.process_actions.flow
    sample = current().read_process(1)
    submitted = []
    flow.submitted.connect(lambda request, members: submitted.append(request))
    flow.request(ActionRequest(Action.END, (sample,)))
    qtbot.mouseClick(open_dialog(qtbot, window).confirm_button, Qt.MouseButton.LeftButton)
    critical = open_dialog(qtbot, window, "critical_dialog")
    assert critical_warning(CriticalKind.PID_ONE) in critical.message_label.text()
    qtbot.mouseClick(critical.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ConfirmDialog, "critical_dialog") is None, timeout=5000)
    assert submitted == []


def test_a_users_program_named_xorg_is_ended_without_a_critical_warning(qtbot, make_window) -> None:
    folder = Path(tempfile.mkdtemp(prefix="procpilot-fake-xorg-"))
    program = folder / "Xorg"
    shutil.copy(shutil.which("sleep") or "/bin/sleep", program)
    child = subprocess.Popen([str(program), "600"])
    try:
        qtbot.waitUntil(lambda: psutil.Process(child.pid).name() == "Xorg", timeout=10_000)
        window = make_window(None)
        sample = current().read_process(child.pid)
        with qtbot.waitSignal(window.process_actions.flow.submitted, timeout=10_000):
            window.process_actions.flow.request(ActionRequest(Action.END, (sample,)))
            qtbot.mouseClick(open_dialog(qtbot, window).confirm_button, Qt.MouseButton.LeftButton)
        assert window.findChild(ConfirmDialog, "critical_dialog") is None
        assert child.wait(timeout=10) == -signal.SIGTERM
    finally:
        child.kill()
        child.wait(timeout=10)
        shutil.rmtree(folder)
