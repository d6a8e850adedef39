"""ProcPilot's side of the privileged helper: start it, send one request, follow up, finish.

Qt-free and blocking: run it off the UI thread (the controller's pool). The launcher is
the command that starts ``procpilot --elevated-helper`` with administrator rights
(:func:`pkexec_launcher`; in tests, also :func:`direct_launcher`, the helper run as root). The conversation is
described in :mod:`gui.core.elevation_protocol`.

The helper runs as root, so ProcPilot cannot stop it by a signal: it ends when its
standard input closes (:meth:`PipeSession.close`), after the operation at hand. Where
the system cannot pass standard input (UAC, ``osascript``), see
:mod:`gui.actions.held_file_session`.
"""

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import IO, TypeVar

from gui.actions.follow_up_requests import FollowUpRequests
from gui.actions.held_file_session import RequestFileChannel, start_held_file_session
from gui.actions.helper_failure import HelperError, HelperFailure, failure_of_exit_status
from gui.actions.helper_session import HelperSession
from gui.actions.installed_helper import HelperChoice, installed_helper
from gui.core.elevation_protocol import (
    Entry,
    EntryResult,
    ProtocolError,
    ReadLine,
    format_request,
    read_results,
)

logger = logging.getLogger(__name__)
HELPER_FLAG = "--elevated-helper"  # the same as gui.entry_point's, which must stay import-free
_T = TypeVar("_T")
#: How the helper is started: a command (request on standard input) or a request-file channel.
HelperLaunch = Sequence[str] | RequestFileChannel
#: Gives the way to start the helper for one batch (called once per password prompt).
Launcher = Callable[[], HelperLaunch]
#: How long the helper gets to exit once its input is closed, or to answer a WAIT beyond its ms.
_EXIT_WAIT_S = 10.0


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
    return failure_of_exit_status(status)


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
        _log_choice_once(choice.reason)
        program = choice.command if choice.command is not None else direct_launcher()
    return [pkexec, *program]


_logged_reasons: set[str] = set()


def _log_choice_once(reason: str) -> None:
    """Say which helper pkexec runs, once per reason: the menu asks at every right-click."""
    if reason not in _logged_reasons:
        _logged_reasons.add(reason)
        logger.info("Administrator helper: %s", reason)


class PipeSession(FollowUpRequests):
    """One run of the helper for one batch, over its standard input and output (pkexec).

    Use :func:`start_helper`; close it when done.
    """

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

    def __enter__(self) -> "PipeSession":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def start_helper(launch: HelperLaunch, entries: Sequence[Entry]) -> HelperSession:
    """Start the helper, send ``entries`` and read one result per entry (``session.results``).

    ``launch`` is a command that takes the request on standard input (pkexec), or a
    :class:`RequestFileChannel` for systems that pass it in a file (UAC, ``osascript``).
    Raises :class:`HelperError` when that could not happen.
    """
    if not isinstance(launch, Sequence):
        return start_held_file_session(launch, entries)
    launcher = launch
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
    session = PipeSession(process, entries)
    session.results = session._exchange(
        format_request(entries), lambda readline: read_results(readline, range(len(entries)))
    )
    return session
