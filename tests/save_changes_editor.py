"""A small PySide6 editor for tests: its window asks "Save changes?" when it is asked to close.

    python tests/save_changes_editor.py LOG SAVED_FILE

Every step goes to LOG, one line each, as it happens: ``shown``, ``close-asked`` (its window
got a close request), ``dialog-shown``, ``answered save|discard|cancel``, ``saved`` (its text
written to SAVED_FILE), ``SIGTERM`` (if one arrives; it then exits 143) and ``exit <code>``.
A test reads the order to prove what came first. The question is its own top-level window,
titled :data:`QUESTION_TITLE`; Return answers Save (its default button).
"""

import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TextIO

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTextEdit

WINDOW_TITLE = "report.docx \u2014 Night Editor"
QUESTION_TITLE = "Save changes? \u2014 Night Editor"
TEXT = "unsaved work"

Button = QMessageBox.StandardButton
_ANSWERS = {Button.Save: "save", Button.Discard: "discard", Button.Cancel: "cancel"}


class Editor(QMainWindow):
    def __init__(self, log: TextIO, saved_file: Path) -> None:
        super().__init__()
        self._log = log
        self._saved_file = saved_file
        self.setWindowTitle(WINDOW_TITLE)
        self.text = QTextEdit(TEXT, self)
        self.setCentralWidget(self.text)
        self.resize(420, 300)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._log.write("close-asked\n")
        question = QMessageBox(
            QMessageBox.Icon.Question,
            QUESTION_TITLE,
            "Save changes to report.docx before closing?",
            Button.Save | Button.Discard | Button.Cancel,
            self,
        )  # to X11 a top-level window of its own (transient for the editor's)
        question.setDefaultButton(Button.Save)
        self._log.write("dialog-shown\n")
        answer = _ANSWERS.get(Button(question.exec()), "cancel")
        self._log.write(f"answered {answer}\n")
        if answer == "save":
            self._saved_file.write_text(self.text.toPlainText(), encoding="utf-8")
            self._log.write("saved\n")
        if answer == "cancel":
            event.ignore()
        else:
            event.accept()


def main() -> int:
    log_path, saved_file = Path(sys.argv[1]), Path(sys.argv[2])
    with log_path.open("a", buffering=1, encoding="utf-8") as log:

        def on_sigterm(_number: int, _frame: FrameType | None) -> None:
            log.write("SIGTERM\n")
            os._exit(128 + signal.SIGTERM)  # at once, as a program without unsaved-work care does

        signal.signal(signal.SIGTERM, on_sigterm)
        app = QApplication(sys.argv[:1])
        tick = QTimer()  # Python's signal handlers run between Qt's events: keep some coming
        tick.timeout.connect(lambda: None)
        tick.start(100)
        editor = Editor(log, saved_file)
        editor.show()
        log.write("shown\n")
        code = app.exec()
        log.write(f"exit {code}\n")
        return code


if __name__ == "__main__":
    sys.exit(main())
