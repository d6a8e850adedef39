"""A batch as administrator where the request travels in a file (UAC, ``osascript``).

Neither Windows' UAC (``ShellExecuteExW`` "runas") nor macOS's ``osascript ... with
administrator privileges`` can hand the elevated program a pipe to talk over. So the
request is written to a file in a folder only this user (and the administrator) can
read, named as the helper's only argument (``procpilot --elevated-helper FILE``); the
helper carries it out, answers, and exits. The answer comes back on the helper's
standard output (``osascript`` returns it) or, where it has none (a UAC-started
program), in ``FILE.answer``, which the helper creates next to the request.

Waiting for the signalled processes to exit is done here, without privileges, through
``still_running``; a follow-up signal (Force quit) is a new run of the helper with the
same identities, re-checked by it, and so a second password prompt.
"""

import io
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from gui.actions.helper_failure import HelperError, HelperFailure, failure_of_exit_status
from gui.core.elevation_protocol import (
    Entry,
    EntryResult,
    ProtocolError,
    Status,
    format_request,
    read_results,
)

REQUEST_NAME = "request"
#: Where a helper without standard output writes its answer: next to the request.
ANSWER_SUFFIX = ".answer"
_POLL_S = 0.05
_PRIVATE = 0o600


@dataclass(frozen=True, slots=True)
class OneShotAnswer:
    """How one elevated run of the helper ended: its exit status and its answer."""

    exit_status: int
    answer: bytes
    stderr: str = ""


class RequestFileChannel(Protocol):
    """Starts the helper elevated with ``request_file`` as its only argument and waits for it.

    Raises :class:`HelperError` when it could not: ``CANCELLED`` when the user dismissed
    the dialog, ``NOT_STARTED`` or ``LAUNCHER_ERROR`` otherwise.
    """

    def run(self, request_file: str) -> OneShotAnswer: ...

    def still_running(self, entry: Entry) -> bool:
        """Whether the process of ``entry`` (that very one) is still running."""
        ...


def run_once(channel: RequestFileChannel, entries: Sequence[Entry]) -> tuple[EntryResult, ...]:
    """One elevated run for ``entries``: one result per entry, or :class:`HelperError`."""
    folder = Path(tempfile.mkdtemp(prefix="procpilot-elevated-"))  # 0700: only this user
    try:
        request = folder / REQUEST_NAME
        # Only this user may read it (the helper refuses it otherwise); mkdtemp's folder is
        # this user's alone, so the name cannot have been taken first.
        fd = os.open(request, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE)
        with os.fdopen(fd, "wb") as file:
            file.write(format_request(entries))
        done = channel.run(str(request))
        answer = done.answer
        answer_file = folder / (REQUEST_NAME + ANSWER_SUFFIX)
        if not answer and answer_file.exists():
            answer = answer_file.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    failure = failure_of_exit_status(done.exit_status)
    try:
        results = read_results(io.BytesIO(answer).readline, range(len(entries)))
    except ProtocolError as error:
        raise HelperError(
            failure or HelperFailure.BROKE_OFF, error.code, error.line, done.exit_status, done.stderr
        ) from None
    if failure is not None:
        raise HelperError(failure, None, 0, done.exit_status, done.stderr)
    return results


class OneShotSession:
    """The :class:`~gui.actions.helper_session.HelperSession` of a request-file channel."""

    def __init__(
        self,
        channel: RequestFileChannel,
        entries: Sequence[Entry],
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._channel = channel
        self.entries = tuple(entries)
        self.results: tuple[EntryResult, ...] = ()
        self._sent: set[int] = set()
        self._clock = clock
        self._sleep = sleep

    def start(self) -> "OneShotSession":
        self.results = run_once(self._channel, self.entries)
        self._sent = {r.index for r in self.results if r.status is Status.SENT}
        return self

    def wait(self, grace_s: float) -> tuple[int, ...]:
        """Watch the signalled processes (without privileges) for up to ``grace_s``."""
        deadline = self._clock() + max(0.0, grace_s)
        while True:
            running = tuple(i for i in sorted(self._sent) if self._channel.still_running(self.entries[i]))
            self._sent = set(running)
            if not running or self._clock() >= deadline:
                return running
            self._sleep(_POLL_S)

    def signal_again(self, signal: int, indexes: Sequence[int]) -> tuple[EntryResult, ...]:
        """A new elevated run for these entries (a second prompt); the helper re-checks each."""
        if not indexes:
            return ()
        again = [
            Entry(self.entries[i].op, self.entries[i].pid, self.entries[i].start, signal) for i in indexes
        ]
        answers = run_once(self._channel, again)
        results = tuple(
            EntryResult(index, answer.pid, answer.status, answer.code)
            for index, answer in zip(indexes, answers, strict=True)
        )
        self._sent |= {r.index for r in results if r.status is Status.SENT}
        return results

    def close(self) -> int:
        return 0  # every run has ended already, and its folder is gone

    def __enter__(self) -> "OneShotSession":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def start_one_shot(channel: RequestFileChannel, entries: Sequence[Entry]) -> OneShotSession:
    """Carry out ``entries`` through ``channel``; raises :class:`HelperError`."""
    return OneShotSession(channel, entries).start()
