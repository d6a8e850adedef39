"""``--smoke``: prove the app starts and lists processes, then exit."""

import logging
import sys
import time
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QRawFont

from gui.views.main_window import MainWindow

logger = logging.getLogger(__name__)

#: Give up when no process was listed this long after start.
SMOKE_TIMEOUT_S = 10.0


def _say(stream: TextIO | None, line: str) -> None:
    """Print and log a line (a windowed Windows build has no stdout: the log still has it)."""
    logger.info(line)
    if stream is not None:
        print(line, file=stream, flush=True)


class SmokeCheck(QObject):
    """Exits the event loop with 0 after the first populated refresh, 1 after the timeout."""

    def __init__(self, window: MainWindow, started_at: float) -> None:
        super().__init__(window)
        self._started_at = started_at
        self._done = False
        window.refreshed.connect(self._on_refreshed)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._on_timeout)
        self._timeout.start(round(SMOKE_TIMEOUT_S * 1000))

    @Slot(int)
    def _on_refreshed(self, process_count: int) -> None:
        if self._done or process_count <= 0:
            return
        self._done = True
        self._timeout.stop()
        elapsed = time.perf_counter() - self._started_at
        _say(sys.stdout, f"smoke ok: {process_count} processes, first list in {elapsed:.2f} s")
        logger.info("%s", chinese_font_line())
        QCoreApplication.exit(0)

    @Slot()
    def _on_timeout(self) -> None:
        if self._done:
            return
        self._done = True
        _say(sys.stderr, f"smoke failed: no process was listed within {SMOKE_TIMEOUT_S:g} s")
        QCoreApplication.exit(1)


def chinese_font_line() -> str:
    """For the log (the packaging check reads it): which font Chinese text falls back to here.

    The binary bundles no fonts; without a system font that has Chinese glyphs, Chinese
    shows as boxes. Asks Qt's own fallback for the script, as painting a label would.
    """
    font = QRawFont.fromFont(QGuiApplication.font(), QFontDatabase.WritingSystem.SimplifiedChinese)
    if font.isValid() and all(font.supportsCharacter(ord(character)) for character in "\u8fdb\u7a0b"):  # 进程
        return f"Font for Chinese text: {font.familyName()}"
    return "No font for Chinese text: it shows as boxes (install one, e.g. fonts-noto-cjk)"
