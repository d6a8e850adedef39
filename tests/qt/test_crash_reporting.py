"""An unhandled exception is logged to the rotating file and shown in a dialog naming it."""

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.crash_reporting import crash_reporting, log_path


class Boom(QObject):
    fire = Signal()

    def explode(self) -> None:
        raise RuntimeError("the sampler tripped over a cable")


@pytest.fixture
def app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    QStandardPaths.setTestModeEnabled(False)
    return tmp_path


def crash_dialog() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "crash_dialog" and widget.isVisible():
            return widget
    return None


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, app_data: Path) -> None:
    with crash_reporting() as path:
        assert path == log_path()
        assert str(path).startswith(str(app_data))
        boom = Boom()
        boom.fire.connect(boom.explode)
        QTimer.singleShot(0, boom.fire.emit)
        qtbot.waitUntil(lambda: crash_dialog() is not None, timeout=5000)
        dialog = crash_dialog()
        assert dialog is not None
        assert "the sampler tripped over a cable" in dialog.text()
        assert str(path) in dialog.informativeText()
        dialog.close()
    log = path.read_text()
    assert "Unhandled exception" in log
    assert "RuntimeError: the sampler tripped over a cable" in log
    assert "Traceback" in log


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_reaches_the_user_too(qtbot, app_data: Path) -> None:
    with crash_reporting() as path:
        worker = threading.Thread(target=Boom().explode)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: crash_dialog() is not None, timeout=5000)
        dialog = crash_dialog()
        assert dialog is not None
        dialog.close()
    assert "the sampler tripped over a cable" in path.read_text()


def test_hooks_are_restored_afterwards(app_data: Path) -> None:
    before = sys.excepthook, threading.excepthook
    with crash_reporting():
        assert sys.excepthook is not before[0]
    assert (sys.excepthook, threading.excepthook) == before
