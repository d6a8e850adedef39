"""macOS: the helper as administrator through ``osascript ... with administrator privileges``.

macOS shows its own password dialog (with ProcPilot's ``prompt``) and runs the command
through ``/bin/sh`` as root. Nothing from the process list reaches that shell: the
helper's command and the request file's path are passed to ``osascript`` as arguments
(``argv`` of the script's run handler), never pasted into the script, and each is
quoted for the shell by AppleScript's ``quoted form of``. ``osascript`` runs as long as
the helper does (``do shell script`` waits for it); the helper answers in files and
takes its follow-ups over a FIFO next to the request (:mod:`gui.actions.held_file_session`).
Dismissing the dialog is AppleScript's error -128; a helper that exits with status N is
error N.
"""

import contextlib
import re
import subprocess
from collections.abc import Callable, Sequence

from gui.actions.command_writers import CommandWriter, FifoCommands
from gui.actions.helper_failure import HelperError, HelperFailure

#: The run handler: argv = prompt, the helper's command..., the request file.
SCRIPT = (
    "on run argv",
    'set command to ""',
    "repeat with anArgument in items 2 thru -1 of argv",
    'set command to command & quoted form of (anArgument as text) & " "',
    "end repeat",
    "do shell script command with prompt (item 1 of argv) "
    "with administrator privileges without altering line endings",
    "end run",
)
#: AppleScript's "User canceled." error number.
USER_CANCELED = -128
_LAUNCHER = "osascript"
_ERROR_NUMBER = re.compile(r"\((-?\d+)\)\s*$")

Start = Callable[..., "subprocess.Popen[bytes]"]


class OsascriptRun:
    """A running ``osascript``: its exit, read as the helper's (:class:`HelperRun`)."""

    def __init__(self, process: "subprocess.Popen[bytes]") -> None:
        self._process = process
        self._outcome: int | HelperError | None = None
        self.stderr = ""

    def exited(self, timeout_s: float) -> int | None:
        if self._outcome is None:
            try:
                self._process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                return None
            _stdout, stderr = self._process.communicate()
            self.stderr = stderr.decode("utf-8", "replace").strip()
            self._outcome = _outcome(self._process.returncode, self.stderr)
        if isinstance(self._outcome, HelperError):
            raise self._outcome
        return self._outcome

    def close(self) -> None:
        for pipe in (self._process.stdout, self._process.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def _outcome(returncode: int, stderr: str) -> int | HelperError:
    """osascript's exit: the helper's exit status, or why the launcher failed."""
    if returncode == 0:
        return 0
    number = _ERROR_NUMBER.search(stderr)
    code = int(number.group(1)) if number else None
    if code == USER_CANCELED:
        return HelperError(HelperFailure.CANCELLED, exit_status=code, stderr=stderr, launcher=_LAUNCHER)
    if code is not None and code > 0:  # the helper's own exit status
        return code
    return HelperError(HelperFailure.LAUNCHER_ERROR, exit_status=code, stderr=stderr, launcher=_LAUNCHER)


class OsascriptChannel:
    """A :class:`~gui.actions.held_file_session.RequestFileChannel` for macOS."""

    def __init__(
        self,
        helper_command: Sequence[str],
        prompt: str,
        osascript: str = "/usr/bin/osascript",
        start: Start = subprocess.Popen,
    ) -> None:
        self._command = tuple(helper_command)
        self._prompt = prompt
        self._osascript = osascript
        self._start = start

    def argv(self, request_file: str) -> list[str]:
        """The ``osascript`` command line: the script's lines, then its arguments."""
        lines = [part for line in SCRIPT for part in ("-e", line)]
        return [self._osascript, *lines, self._prompt, *self._command, request_file]

    def open_commands(self, path: str) -> CommandWriter:
        return FifoCommands(path)

    def launch(self, request_file: str) -> OsascriptRun:
        try:
            process = self._start(
                self.argv(request_file),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                close_fds=True,
            )
        except OSError as error:
            raise HelperError(HelperFailure.NOT_STARTED, stderr=str(error), launcher=_LAUNCHER) from None
        return OsascriptRun(process)
