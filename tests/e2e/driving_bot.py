"""The part of pytest-qt's ``qtbot`` that ``tests.qt.ui_driving`` uses, for a window driven
from a process of its own (where pytest does not run): clicks, keys and waits."""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer, SignalInstance
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


class TimedOut(AssertionError):
    """A wait ran out: what was waited for did not happen."""


class SignalWait:
    """What :meth:`DrivingBot.waitSignal` caught: ``args`` of the first emission."""

    args: tuple[Any, ...] = ()


class DrivingBot:
    """Drives widgets through their windows, as a user's clicks arrive, and waits on the event loop."""

    def mouseClick(  # noqa: N802 - qtbot's name
        self,
        target: QWidget | QWindow,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        pos: QPoint | None = None,
    ) -> None:
        if pos is None:
            QTest.mouseClick(target, button, modifier)
        else:
            QTest.mouseClick(target, button, modifier, pos)

    def keyClick(  # noqa: N802 - qtbot's name
        self, target: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(target, key, modifier)

    def wait(self, ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def waitUntil(self, condition: Callable[[], object], timeout: int = 5000) -> None:  # noqa: N802
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                result = condition()
            except AssertionError:  # qtbot: a condition may assert instead of returning False
                result = False
            if result is None or result:
                return
            if time.monotonic() > deadline:
                raise TimedOut(f"{condition!r} did not become true in {timeout} ms")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)

    def waitExposed(self, widget: QWidget, timeout: int = 5000) -> None:  # noqa: N802
        self.waitUntil(
            lambda: widget.windowHandle() is not None and widget.windowHandle().isExposed(), timeout
        )

    @contextmanager
    def waitSignal(self, signal: SignalInstance, timeout: int = 5000) -> Iterator[SignalWait]:  # noqa: N802
        caught = SignalWait()
        seen: list[tuple[Any, ...]] = []

        def record(*args: Any) -> None:
            seen.append(args)

        signal.connect(record)
        try:
            yield caught
            self.waitUntil(lambda: bool(seen), timeout)
            caught.args = seen[0]
        finally:
            signal.disconnect(record)
