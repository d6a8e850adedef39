"""An unhandled exception is logged to the rotating file and shown in a dialog naming it;
a log that cannot be written is done without, said once, never with a traceback."""

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.core.storage_problem import StorageProblem, StorageProblems
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


def full_log(app_data: Path) -> Path:
    """The log file as a link to /dev/full: every write fails with ENOSPC (no space left)."""
    path = log_path()
    assert str(path).startswith(str(app_data))
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/full")
    return path


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_silences_the_log_and_says_so_once(
    app_data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    full_log(app_data)
    problems = StorageProblems()
    heard: list[StorageProblem] = []
    problems.subscribe(heard.append)
    with crash_reporting(problems):
        for n in range(20):
            logging.getLogger("gui.test").warning("line %d", n)
        worker = threading.Thread(target=logging.getLogger("gui.test").warning, args=("from a thread",))
        worker.start()
        worker.join()
    assert heard == [StorageProblem.LOG_NOT_WRITTEN]
    err = capfd.readouterr().err
    assert "Logging error" not in err
    assert "Traceback" not in err


def test_a_log_folder_that_cannot_be_made_is_done_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication, capfd: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(not_a_folder))
    problems = StorageProblems()
    with crash_reporting(problems) as path:
        logging.getLogger("gui.test").warning("still running")
    assert problems.seen == (StorageProblem.LOG_NOT_WRITTEN,)
    assert not path.exists()
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.qt_no_exception_capture
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_the_crash_dialog_does_not_point_to_a_log_that_could_not_be_written(qtbot, app_data: Path) -> None:
    path = full_log(app_data)
    with crash_reporting(StorageProblems()):
        boom = Boom()
        boom.fire.connect(boom.explode)
        QTimer.singleShot(0, boom.fire.emit)
        qtbot.waitUntil(lambda: crash_dialog() is not None, timeout=5000)
        dialog = crash_dialog()
        assert dialog is not None
        assert "could not be written to a log file" in dialog.informativeText()
        assert str(path) not in dialog.informativeText()
        dialog.close()
