"""Unhandled exceptions end up in a log file and in front of the user, never in silence."""

import logging
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.core.storage_problem import StorageProblem, StorageProblems
from gui.views.message_args import with_args

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


class _LogFileHandler(RotatingFileHandler):
    """A rotating log file that goes quiet for good when it cannot be written (full disk, EACCES).

    The default ``handleError`` prints "--- Logging error ---" and a traceback to stderr
    for every record; this one reports the problem once and then drops records.
    """

    def __init__(self, path: Path, problems: StorageProblems) -> None:
        super().__init__(path, maxBytes=_LOG_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8")
        self._problems = problems
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def flush(self) -> None:
        if self.failed:
            return
        try:
            super().flush()
        except OSError as error:
            self._give_up(error)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        error = sys.exc_info()[1]
        if isinstance(error, RecursionError):
            raise error
        self._give_up(error)

    def close(self) -> None:
        if self.failed:
            self._discard_stream()
        super().close()

    def _give_up(self, error: BaseException | None) -> None:
        if self.failed:
            return
        self.failed = True
        self._discard_stream()
        self._problems.report(StorageProblem.LOG_NOT_WRITTEN)
        logger.warning("Cannot write the log file %s (%s); going on without it", self.baseFilename, error)

    def _discard_stream(self) -> None:
        """Close the file without raising; what is still buffered cannot be written anyway."""
        stream, self.stream = self.stream, None
        if stream is not None:
            with suppress(OSError):
                stream.close()


def _open_log(path: Path, problems: StorageProblems) -> _LogFileHandler | None:
    """The log file handler, or None (reported) when the folder or file cannot be opened."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFileHandler(path, problems)
    except OSError as error:
        problems.report(StorageProblem.LOG_NOT_WRITTEN)
        logger.warning("Cannot open the log file %s (%s); going on without it", path, error)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def _show_crash_dialog(summary: str, path: Path | None) -> None:
    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
    box = QMessageBox(
        QMessageBox.Icon.Critical, translate("CrashDialog", "ProcPilot ran into a problem"), summary
    )
    box.setObjectName("crash_dialog")
    if path is not None:
        text = with_args(
            translate(
                "CrashDialog",
                "ProcPilot keeps running, but something did not work as it should. The details were "
                "written to:\n%1\nPlease include that file in your report.",
            ),
            path,
        )
    else:
        text = translate(
            "CrashDialog",
            "ProcPilot keeps running, but something did not work as it should. The details could "
            "not be written to a log file.",
        )
    box.setInformativeText(text)
    box.finished.connect(lambda _result: _open_dialogs.remove(box))
    _open_dialogs.append(box)
    box.open()


@contextmanager
def crash_reporting(problems: StorageProblems | None = None) -> Iterator[Path]:
    """Log to a rotating file, and turn every unhandled exception into a log entry and a dialog.

    When the log cannot be opened or written (read-only home, full disk), ProcPilot goes
    on without it and reports ``LOG_NOT_WRITTEN`` to ``problems`` once. Restores the
    previous hooks and handlers on exit, so ``main()`` can run in-process.
    """
    path = log_path()
    handler = _open_log(path, problems if problems is not None else StorageProblems())
    root = logging.getLogger()
    previous_level = root.level
    if handler is not None:
        root.addHandler(handler)
    root.setLevel(min(previous_level or logging.INFO, logging.INFO))

    def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        logger.critical("Unhandled exception", exc_info=(kind, error, trace))
        if handler is not None:
            handler.flush()
        written = handler is not None and not handler.failed
        summary = "".join(traceback.format_exception_only(kind, error)).strip()
        app = QApplication.instance()
        if app is None:
            return
        shown = path if written else None
        if QThread.currentThread() is app.thread():
            _show_crash_dialog(summary, shown)
        else:
            QTimer.singleShot(0, app, lambda: _show_crash_dialog(summary, shown))

    def thread_report(args: threading.ExceptHookArgs) -> None:
        report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    previous_hooks = sys.excepthook, threading.excepthook
    sys.excepthook = report
    threading.excepthook = thread_report
    try:
        yield path
    finally:
        sys.excepthook, threading.excepthook = previous_hooks
        root.setLevel(previous_level)
        if handler is not None:
            root.removeHandler(handler)
            handler.close()
