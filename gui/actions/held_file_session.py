"""A batch as administrator where the request travels in a file (UAC, ``osascript``): one prompt.

Neither Windows' UAC (``ShellExecuteExW`` "runas") nor macOS's ``osascript ... with
administrator privileges`` can hand the elevated program a pipe to talk over. So a
private folder (``tempfile.mkdtemp``: 0700, this user's alone) gets the request,
``request`` (0600), and the follow-up channel named after it, ``request.commands``
(:mod:`gui.actions.command_writers`); the helper is started with the request's path as
its only argument (``procpilot --elevated-helper FILE``). It answers the request in
``request.answer`` and stays, as the Linux helper does over its pipe: each WAIT or
SIGNAL written to the channel is answered in ``request.1.answer``, ``request.2.answer``...
(each written whole, then renamed into place). So Force quit after End goes to the same
helper: no second prompt. :meth:`HeldFileSession.close` sends QUIT, waits for the helper
to exit and removes the folder.
"""

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from gui.actions.command_writers import CommandWriter
from gui.actions.follow_up_requests import FollowUpRequests
from gui.actions.helper_failure import HelperError, HelperFailure, failure_of_exit_status
from gui.core.elevation_protocol import (
    Entry,
    EntryResult,
    ProtocolError,
    ReadLine,
    format_quit,
    format_request,
    read_results,
)

REQUEST_NAME = "request"
COMMANDS_SUFFIX = ".commands"  # the same as gui.helper.follow_ups'
ANSWER_SUFFIX = ".answer"  # the same as gui.helper.answer_file's
#: How long one look for an answer waits on the helper's exit before looking again.
_POLL_S = 0.02
#: How long the helper gets to exit after QUIT (it answers nothing more).
_EXIT_WAIT_S = 10.0
_PRIVATE = 0o600
_T = TypeVar("_T")


class HelperRun(Protocol):
    """One elevated run of the helper, as its launcher sees it."""

    def exited(self, timeout_s: float) -> int | None:
        """Wait up to ``timeout_s`` for the helper to exit: its exit status, or ``None`` while
        it runs. Raises :class:`HelperError` when the launcher failed (dialog dismissed...)."""
        ...

    def close(self) -> None:
        """Let go of the launcher's handles (the helper itself is not stopped)."""
        ...

    @property
    def stderr(self) -> str:
        """What the launcher said about the helper's exit, once it exited ("" if nothing)."""
        ...


class RequestFileChannel(Protocol):
    """Starts the helper elevated with a request file as its only argument (UAC, ``osascript``)."""

    def open_commands(self, path: str) -> CommandWriter:
        """Make the follow-up channel at ``path`` (before :meth:`launch`) and open ProcPilot's end."""
        ...

    def launch(self, request_file: str) -> HelperRun:
        """Start the helper; raises :class:`HelperError` (``CANCELLED``, ``NOT_STARTED``...)."""
        ...


def answer_name(number: int) -> str:
    """The answer to the request (0), then to each follow-up (1, 2...)."""
    return REQUEST_NAME + (f".{number}" if number else "") + ANSWER_SUFFIX


class HeldFileSession(FollowUpRequests):
    """The :class:`~gui.actions.helper_session.HelperSession` of a request-file channel."""

    def __init__(
        self, channel: RequestFileChannel, entries: Sequence[Entry], exit_wait_s: float = _EXIT_WAIT_S
    ) -> None:
        self._channel = channel
        self.entries = tuple(entries)
        self.results: tuple[EntryResult, ...] = ()
        self._exit_wait_s = exit_wait_s
        self._folder: Path | None = None
        self._commands: CommandWriter | None = None
        self._run: HelperRun | None = None
        self._sent = 0
        self._status: int | None = None
        self._closed = False

    @property
    def folder(self) -> Path | None:
        """The private folder of this batch (``None`` once closed)."""
        return self._folder

    def start(self) -> "HeldFileSession":
        """Write the request, start the helper, read its answer; raises :class:`HelperError`."""
        folder = self._folder = Path(tempfile.mkdtemp(prefix="procpilot-elevated-"))
        try:
            request = folder / REQUEST_NAME
            # Only this user may read it (the helper refuses it otherwise); mkdtemp's folder is
            # this user's alone, so the name cannot have been taken first.
            fd = os.open(request, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), _PRIVATE)
            with os.fdopen(fd, "wb") as file:
                file.write(format_request(self.entries))
            self._commands = self._channel.open_commands(str(request) + COMMANDS_SUFFIX)
            self._run = self._channel.launch(str(request))
            self.results = self._answer(0, lambda readline: read_results(readline, range(len(self.entries))))
        except BaseException:
            self.close()
            raise
        return self

    def _exchange(self, message: bytes, read: Callable[[ReadLine], _T]) -> _T:
        if self._closed or self._commands is None:
            raise HelperError(HelperFailure.BROKE_OFF)
        self._sent += 1
        try:
            self._commands.write(message)
        except OSError as error:
            raise HelperError(HelperFailure.BROKE_OFF, stderr=str(error)) from None
        return self._answer(self._sent, read)

    def _answer(self, number: int, read: Callable[[ReadLine], _T]) -> _T:
        """The ``number``-th answer once the helper has written it, read by ``read``."""
        assert self._folder is not None and self._run is not None
        path = self._folder / answer_name(number)
        while not path.exists():
            status = self._run.exited(_POLL_S)
            if status is not None:
                self._status = status
                if path.exists():  # written just before it exited
                    break
                failure = failure_of_exit_status(status) or HelperFailure.BROKE_OFF
                raise HelperError(failure, None, 0, status, self._run.stderr)
        data = path.read_bytes()
        path.unlink()
        try:
            return read(io.BytesIO(data).readline)
        except ProtocolError as error:
            status = self._status if self._status is not None else self._run.exited(self._exit_wait_s)
            failure = failure_of_exit_status(status) or HelperFailure.BROKE_OFF
            raise HelperError(failure, error.code, error.line, status, self._run.stderr) from None

    def close(self) -> int:
        """QUIT, wait for the helper to exit, remove the folder; its exit status (-1: unknown)."""
        if not self._closed:
            self._closed = True
            if self._commands is not None:
                with contextlib.suppress(OSError):
                    self._commands.write(format_quit())
                self._commands.close()
            if self._run is not None:
                if self._status is None:
                    with contextlib.suppress(HelperError):
                        self._status = self._run.exited(self._exit_wait_s)
                self._run.close()
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None
        return -1 if self._status is None else self._status

    def __enter__(self) -> "HeldFileSession":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def start_held_file_session(channel: RequestFileChannel, entries: Sequence[Entry]) -> HeldFileSession:
    """Carry out ``entries`` through ``channel`` and keep the helper for follow-ups; raises
    :class:`HelperError`."""
    return HeldFileSession(channel, entries).start()
