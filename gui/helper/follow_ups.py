"""Follow-up commands where the request came in a file (UAC, ``osascript``): one prompt per batch.

The helper cannot be handed a pipe there, so after answering the request it keeps
reading WAIT / SIGNAL / QUIT commands (:mod:`gui.core.elevation_protocol`) from a channel
named after the request file, ``FILE.commands``, in the same private folder, and answers
each in ``FILE.<n>.answer`` (:mod:`gui.helper.answer_file`). Which kind of channel
that is differs per system (:mod:`gui.helper.platform`): a FIFO on macOS (its end of
input tells that ProcPilot went away), a file that grows on Windows (there, ProcPilot
going away is seen as the helper's parent exiting). No channel next to the request: one
run, no follow-ups.

The helper ends on QUIT, when ProcPilot's side is gone, after :data:`IDLE_TIMEOUT_S`
without a command, and at the latest the last grace period plus :data:`AFTER_EXIT_MARGIN_S`
after the last process it signalled exited: no administrator process is left behind.
"""

import os
import select
from collections.abc import Callable
from typing import Protocol

COMMANDS_SUFFIX = ".commands"
IDLE_TIMEOUT_S = 600.0
AFTER_EXIT_MARGIN_S = 5.0
#: How long one look at the channel may wait before the stop rules are looked at again.
POLL_S = 0.2
_CHUNK = 4096


def commands_path(request_file: str) -> str:
    return request_file + COMMANDS_SUFFIX


class CommandSource(Protocol):
    """Where the commands come from, a few bytes at a time."""

    def read(self, timeout_s: float) -> bytes | None:
        """What came within ``timeout_s`` (``b""``: nothing yet); ``None`` once ProcPilot's side is gone."""
        ...

    def close(self) -> None: ...


class FifoSource:
    """A FIFO opened without blocking: the end of input comes when ProcPilot closes its end (or exits)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def read(self, timeout_s: float) -> bytes | None:
        # select, not poll: macOS's poll has a history of trouble; this descriptor is a low one.
        readable, _writable, _failed = select.select([self._fd], [], [], max(0.0, timeout_s))
        if not readable:
            return b""
        try:
            data = os.read(self._fd, _CHUNK)
        except BlockingIOError:
            return b""
        return data or None

    def close(self) -> None:
        os.close(self._fd)


class GrowingFileSource:
    """A file ProcPilot appends commands to; ``client_gone(timeout_s)`` waits for ProcPilot to exit."""

    def __init__(self, fd: int, client_gone: Callable[[float], bool], on_close: Callable[[], None]) -> None:
        self._fd = fd
        self._client_gone = client_gone
        self._on_close = on_close

    def read(self, timeout_s: float) -> bytes | None:
        data = os.read(self._fd, _CHUNK)
        if data:
            return data
        return None if self._client_gone(timeout_s) else b""

    def close(self) -> None:
        os.close(self._fd)
        self._on_close()


class CommandStream:
    """The commands as lines, for :func:`~gui.core.elevation_protocol.read_command`.

    :meth:`readline` waits for a whole line and returns ``b""`` (the end of input) once
    the source is gone, after ``idle_s`` without a byte, or when ``give_up()`` says so.
    """

    def __init__(
        self,
        source: CommandSource,
        clock: Callable[[], float],
        idle_s: float = IDLE_TIMEOUT_S,
        poll_s: float = POLL_S,
    ) -> None:
        self._source = source
        self._clock = clock
        self._idle_s = idle_s
        self._poll_s = poll_s
        self._buffer = bytearray()
        self._ended = False
        self._last_activity = clock()
        #: Why the stream ended: "quit" is set by the reader; "gone", "idle", "done" here.
        self.ended_by = ""
        self.give_up: Callable[[], bool] = lambda: False

    def readline(self, limit: int = -1) -> bytes:
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0 and (limit < 0 or end < limit):
                return self._take(end + 1)
            if limit >= 0 and len(self._buffer) >= limit:
                return self._take(limit)
            if self._ended or self._should_stop():
                self._ended = True
                return self._take(len(self._buffer))  # a partial line is read as truncated
            data = self._source.read(self._poll_s)
            if data is None:
                self._ended, self.ended_by = True, self.ended_by or "gone"
            elif data:
                self._buffer += data
                self._last_activity = self._clock()

    def _take(self, count: int) -> bytes:
        line = bytes(self._buffer[:count])
        del self._buffer[:count]
        return line

    def _should_stop(self) -> bool:
        if self._clock() - self._last_activity >= self._idle_s:
            self.ended_by = "idle"
            return True
        if self.give_up():
            self.ended_by = "done"
            return True
        return False

    def close(self) -> None:
        self._source.close()


class AfterLastExit:
    """A stream's ``give_up``: true once nothing signalled has run for the last grace period + a margin."""

    def __init__(
        self, anything_running: Callable[[], bool], clock: Callable[[], float], margin_s: float
    ) -> None:
        self._anything_running = anything_running
        self._clock = clock
        self._margin_s = margin_s
        self._all_exited_at: float | None = None
        self.grace_s = 0.0

    def __call__(self) -> bool:
        if self._all_exited_at is None:
            if self._anything_running():
                return False
            self._all_exited_at = self._clock()
        return self._clock() - self._all_exited_at >= self.grace_s + self._margin_s
