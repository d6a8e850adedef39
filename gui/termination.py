"""Quit cleanly when the system or the user asks ProcPilot to end (logout, ``kill``, Ctrl+C)."""

import logging
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)


@contextmanager
def quit_on_signals(app: QApplication, signals: tuple[int, ...]) -> Iterator[None]:
    """While active, each of ``signals`` makes the event loop quit (windows close, settings save).

    Python runs signal handlers only between bytecodes, which a Qt event loop with
    nothing to do never reaches; the handler's wake-up byte on a socket pair, watched by a
    QSocketNotifier, gets the loop to run Python at once. Each of ``signals`` gets a
    handler that does nothing, so SIGINT no longer raises ``KeyboardInterrupt`` inside
    whatever slot runs next (which went to the crash dialog). A signal ignored when
    ProcPilot started (``nohup`` ignores SIGHUP) stays ignored.
    """
    signals = tuple(number for number in signals if signal.getsignal(number) != signal.SIG_IGN)
    if not signals:
        yield
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def on_wake_up() -> None:
        try:
            received = reader.recv(64)  # one byte per signal: its number
        except BlockingIOError:
            return
        if not any(number in signals for number in received):
            return  # another signal with a Python handler (set elsewhere) woke us
        logger.info("Asked to end by the system: closing")
        app.closeAllWindows()
        app.quit()

    notifier.activated.connect(on_wake_up)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {number: signal.signal(number, lambda *_: None) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()
