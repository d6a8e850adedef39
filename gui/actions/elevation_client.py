"""ProcPilot's side of the privileged helper: start it, send one request, follow up, finish.

Qt-free and blocking: run it off the UI thread (the controller's pool). The launcher is
the command that starts ``procpilot --elevated-helper`` with administrator rights
(:func:`pkexec_launcher`; in tests, also :func:`direct_launcher`, the helper run as root). The conversation is
described in :mod:`gui.core.elevation_protocol`.

The helper runs as root, so ProcPilot cannot stop it by a signal: it ends when its
standard input closes (:meth:`HelperSession.close`), after the operation at hand.
"""

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import IO, TypeVar

from gui.actions.installed_helper import HelperChoice, installed_helper
from gui.core.elevation_protocol import (
    EXIT_BAD_REQUEST,
    EXIT_NO_IDENTITY_CHECK,
    EXIT_NOT_ROOT,
    EXIT_UNSAFE_REQUEST_FILE,
    MAX_WAIT_MS,
    Entry,
    EntryResult,
    ErrorCode,
    ProtocolError,
    ReadLine,
    SignalAgain,
    format_request,
    format_signal_again,
    format_wait,
    read_results,
    read_running,
)

logger = logging.getLogger(__name__)
HELPER_FLAG = "--elevated-helper"  # the same as gui.entry_point's, which must stay import-free
_T = TypeVar("_T")
#: How long the helper gets to exit once its input is closed, or to answer a WAIT beyond its ms.
_EXIT_WAIT_S = 10.0


class HelperFailure(Enum):
    """Why a batch as administrator did not happen (or broke off): nothing more was sent."""

    NOT_STARTED = "not_started"  # the launcher (pkexec...) is missing or could not run
    REJECTED = "rejected"  # the helper refused the request as malformed
    NOT_ROOT = "not_root"  # the launcher did not give it administrator rights
    NO_IDENTITY_CHECK = "no_identity_check"  # no pidfds here: it will not signal unchecked
    UNSAFE_REQUEST_FILE = "unsafe_request_file"
    BROKE_OFF = "broke_off"  # it exited or answered off the format
    PKEXEC_MISSING = "pkexec_missing"
    CANCELLED = "cancelled"  # pkexec 126: the password dialog was dismissed
    NOT_AUTHORISED = "not_authorised"  # pkexec 127 with its "Not authorized"
    NO_AGENT = "no_agent"  # pkexec 127: no authentication agent to ask for the password
    LAUNCHER_ERROR = "launcher_error"  # pkexec 127 for another reason (no authentication agent...)


_BY_EXIT_STATUS = {
    EXIT_BAD_REQUEST: HelperFailure.REJECTED,
    EXIT_NOT_ROOT: HelperFailure.NOT_ROOT,
    EXIT_NO_IDENTITY_CHECK: HelperFailure.NO_IDENTITY_CHECK,
    EXIT_UNSAFE_REQUEST_FILE: HelperFailure.UNSAFE_REQUEST_FILE,
}


#: pkexec's own exit statuses (the helper never uses them) and its refusal, with LC_ALL=C.
PKEXEC_DISMISSED = 126
PKEXEC_REFUSED = 127
_PKEXEC_NOT_AUTHORISED = "Not authorized"
#: "No authentication agent found." or "Error creating textual authentication agent: ..."
_PKEXEC_NO_AGENT = "authentication agent"


def _launcher_failure(status: int | None, stderr: str) -> HelperFailure | None:
    """What pkexec's exit status says, or ``None`` when it is the helper's own."""
    if status == PKEXEC_DISMISSED:
        return HelperFailure.CANCELLED
    if status == PKEXEC_REFUSED:
        if _PKEXEC_NOT_AUTHORISED in stderr:
            return HelperFailure.NOT_AUTHORISED
        if _PKEXEC_NO_AGENT in stderr:
            return HelperFailure.NO_AGENT
        return HelperFailure.LAUNCHER_ERROR
    return _BY_EXIT_STATUS.get(status) if status is not None else None


class HelperError(Exception):
    """The helper could not do the batch; ``exit_status`` and ``stderr`` are for the log
    (and, later, for telling pkexec's "not authorised" from its errors)."""

    def __init__(
        self,
        failure: HelperFailure,
        error_code: ErrorCode | None = None,
        error_line: int = 0,
        exit_status: int | None = None,
        stderr: str = "",
    ) -> None:
        super().__init__(f"{failure.value} ({error_code!r} at line {error_line}, exit {exit_status})")
        self.failure = failure
        self.error_code = error_code
        self.error_line = error_line
        self.exit_status = exit_status
        self.stderr = stderr


def direct_launcher() -> list[str]:
    """The command that runs the helper with this process's rights (root in tests):
    the packaged binary itself, or this interpreter with ``-m gui``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_FLAG]
    return [sys.executable, "-m", "gui", HELPER_FLAG]


def pkexec_launcher(
    program: Sequence[str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    installed: Callable[[], HelperChoice] = installed_helper,
) -> list[str]:
    """``pkexec`` followed by the helper's command: one password prompt per batch.

    Without ``program``: the installed, root-owned helper that ProcPilot's polkit action
    names, when it is there and no user can change it (that action may keep the
    authorisation for a few minutes); otherwise this very program
    (:func:`direct_launcher`) through pkexec's generic action, which asks every time. A
    copy in the user's own folders (the one-file binary, a development checkout) must
    never get a kept authorisation: anything able to change those files could then run
    as root without asking (see :mod:`gui.actions.installed_helper`).

    pkexec clears the environment and starts in root's home, so the helper must be
    importable without ``PYTHONPATH``: the packaged binary, or ``gui`` installed in the
    interpreter's site-packages.
    Raises :class:`HelperError` (``PKEXEC_MISSING``) when there is no pkexec.
    """
    pkexec = which("pkexec")
    if pkexec is None:
        raise HelperError(HelperFailure.PKEXEC_MISSING, stderr="pkexec not found on PATH")
    if program is None:
        choice = installed()
        logger.info("Administrator helper: %s", choice.reason)
        program = choice.command if choice.command is not None else direct_launcher()
    return [pkexec, *program]


class HelperSession:
    """One run of the helper for one batch. Use :func:`start_helper`; close it when done."""

    def __init__(self, process: "subprocess.Popen[bytes]", entries: Sequence[Entry]) -> None:
        self._process = process
        self.entries = tuple(entries)
        self.results: tuple[EntryResult, ...] = ()
        self._finished: tuple[int, str] | None = None

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        stdin, stdout = self._process.stdin, self._process.stdout
        if stdin is None or stdout is None or stdin.closed:
            raise HelperError(HelperFailure.BROKE_OFF)
        return stdin, stdout

    def _exchange(self, message: bytes, read: Callable[[ReadLine], _T]) -> _T:
        stdin, stdout = self._pipes()
        try:
            stdin.write(message)
            stdin.flush()
            return read(stdout.readline)
        except (ProtocolError, OSError) as error:
            raise self._failure(error) from None

    def _failure(self, error: ProtocolError | OSError) -> HelperError:
        """What went wrong: the helper's exit status says which kind, its ERROR answer where."""
        status, stderr = self._finish()
        failure = _launcher_failure(status, stderr)
        if failure is None and status is not None:
            failure = HelperFailure.BROKE_OFF
        if isinstance(error, ProtocolError):
            return HelperError(failure or HelperFailure.BROKE_OFF, error.code, error.line, status, stderr)
        return HelperError(failure or HelperFailure.BROKE_OFF, None, 0, status, stderr or str(error))

    def wait(self, grace_s: float) -> tuple[int, ...]:
        """Wait up to ``grace_s`` for the signalled processes to exit; the indexes still running."""
        ms = min(MAX_WAIT_MS, max(0, round(grace_s * 1000)))
        return self._exchange(format_wait(ms), lambda readline: read_running(readline, len(self.entries)))

    def signal_again(self, signal: int, indexes: Sequence[int]) -> tuple[EntryResult, ...]:
        """Send ``signal`` (e.g. SIGKILL) to these entries, through the helper's held handles."""
        if not indexes:
            return ()
        command = SignalAgain(signal, tuple(indexes))
        return self._exchange(
            format_signal_again(command), lambda readline: read_results(readline, command.indexes)
        )

    def close(self) -> int:
        """End the conversation; returns the helper's exit status (0: all went as reported)."""
        status, _stderr = self._finish()
        return -1 if status is None else status

    def _finish(self) -> tuple[int | None, str]:
        """Close its input and wait for it to exit; the same answer when called again."""
        if self._finished is not None:
            return self._finished
        process = self._process
        if process.stdin is not None and not process.stdin.closed:
            with contextlib.suppress(OSError):  # it has gone already
                process.stdin.close()
        try:
            status: int | None = process.wait(_EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            status = None  # as root, it cannot be ended from here
        stderr = b""
        if process.stderr is not None and status is not None:
            stderr = process.stderr.read()
            process.stderr.close()
        if process.stdout is not None and status is not None:
            process.stdout.close()
        if status is not None:
            self._finished = (status, stderr.decode("utf-8", "replace"))
        return status, stderr.decode("utf-8", "replace")

    def __enter__(self) -> "HelperSession":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def start_helper(launcher: Sequence[str], entries: Sequence[Entry]) -> HelperSession:
    """Start the helper with ``launcher``, send ``entries`` and read one result per entry
    (``session.results``). Raises :class:`HelperError` when that could not happen."""
    try:
        process = subprocess.Popen(
            list(launcher),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            close_fds=True,
            env={**os.environ, "LC_ALL": "C"},  # pkexec's messages are told apart in English
        )
    except OSError as error:
        raise HelperError(HelperFailure.NOT_STARTED, stderr=str(error)) from None
    session = HelperSession(process, entries)
    session.results = session._exchange(
        format_request(entries), lambda readline: read_results(readline, range(len(entries)))
    )
    return session
