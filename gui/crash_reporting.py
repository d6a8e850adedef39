"""Unhandled exceptions end up in a log file and in front of the user, never in silence."""

import logging
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

logger = logging.getLogger(__name__)

LOG_FILE_NAME = "procpilot.log"
_LOG_BYTES = 1_000_000
_LOG_BACKUPS = 3

#: Dialogs kept alive until closed (a QMessageBox without a parent has no owner).
_open_dialogs: list[QMessageBox] = []


def log_path() -> Path:
    """The log file in the platform's place for app data (needs the application name set).

    Linux ``~/.local/share/ProcPilot/ProcPilot/logs``, Windows ``%LOCALAPPDATA%\\ProcPilot\\
    ProcPilot\\logs``, macOS ``~/Library/Application Support/ProcPilot/ProcPilot/logs``.
    """
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "logs" / LOG_FILE_NAME


def _show_crash_dialog(summary: str, path: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "ProcPilot ran into a problem", summary)
    box.setObjectName("crash_dialog")
    box.setInformativeText(
        "ProcPilot keeps running, but something did not work as it should. The details were "
        f"written to:\n{path}\nPlease include that file when you report the problem."
    )
    box.finished.connect(lambda _result: _open_dialogs.remove(box))
    _open_dialogs.append(box)
    box.open()


@contextmanager
def crash_reporting() -> Iterator[Path]:
    """Log to a rotating file, and turn every unhandled exception into a log entry and a dialog.

    Restores the previous hooks and handlers on exit, so ``main()`` can run in-process.
    """
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=_LOG_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(min(previous_level or logging.INFO, logging.INFO))

    def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        logger.critical("Unhandled exception", exc_info=(kind, error, trace))
        handler.flush()
        summary = "".join(traceback.format_exception_only(kind, error)).strip()
        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is app.thread():
            _show_crash_dialog(summary, path)
        else:
            QTimer.singleShot(0, app, lambda: _show_crash_dialog(summary, path))

    def thread_report(args: threading.ExceptHookArgs) -> None:
        report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    previous_hooks = sys.excepthook, threading.excepthook
    sys.excepthook = report
    threading.excepthook = thread_report
    try:
        yield path
    finally:
        sys.excepthook, threading.excepthook = previous_hooks
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.close()
