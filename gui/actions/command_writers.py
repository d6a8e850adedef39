"""ProcPilot's end of the follow-up channel next to a request file (see ``gui.helper.follow_ups``).

macOS: a FIFO (mode 0600, in the private folder). ProcPilot opens its read end first,
without blocking, then its write end (which needs a reader), and keeps both: commands
wait in the FIFO until the helper reads them, and once ProcPilot closes (or exits) the
helper sees the end of input. Windows: a file (0600, in the private folder, so only
this user, SYSTEM and Administrators can open it) to which each command is appended in
one write; the helper sees ProcPilot go away as its parent exiting.
"""

import contextlib
import os
from typing import Protocol


class CommandWriter(Protocol):
    def write(self, message: bytes) -> None:
        """Send one whole command; ``OSError`` when it cannot."""
        ...

    def close(self) -> None: ...


def _write_all(fd: int, message: bytes) -> None:
    view = memoryview(message)
    while view:
        view = view[os.write(fd, view) :]


class FifoCommands:
    """The FIFO ``path``, made here; ProcPilot keeps both ends until :meth:`close`."""

    def __init__(self, path: str) -> None:
        os.mkfifo(path, 0o600)
        self._reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            self._writer = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except BaseException:
            os.close(self._reader)
            raise
        os.set_blocking(self._writer, True)  # a command waits for room rather than failing

    def write(self, message: bytes) -> None:
        _write_all(self._writer, message)

    def close(self) -> None:
        for fd in (self._writer, self._reader):
            with contextlib.suppress(OSError):
                os.close(fd)


class FileCommands:
    """The file ``path``, made here (it must not exist); commands are appended to it."""

    def __init__(self, path: str) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_BINARY", 0)
        self._fd = os.open(path, flags, 0o600)

    def write(self, message: bytes) -> None:
        _write_all(self._fd, message)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)
