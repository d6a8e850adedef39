"""macOS: the helper as administrator through ``osascript ... with administrator privileges``.

macOS shows its own password dialog (with ProcPilot's ``prompt``) and runs the command
through ``/bin/sh`` as root. Nothing from the process list reaches that shell: the
helper's command and the request file's path are passed to ``osascript`` as arguments
(``argv`` of the script's run handler), never pasted into the script, and each is
quoted for the shell by AppleScript's ``quoted form of``. ``do shell script`` returns
the helper's standard output, which is its answer. Dismissing the dialog is
AppleScript's error -128; a helper that exits with status N is error N.
"""

import os
import re
import subprocess
from collections.abc import Callable, Sequence

from gui.actions.helper_failure import HelperError, HelperFailure
from gui.actions.one_shot_session import OneShotAnswer
from gui.core.elevation_protocol import Entry

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

Run = Callable[..., "subprocess.CompletedProcess[bytes]"]


def _exists(entry: Entry) -> bool:
    """Signal 0 asks whether the PID is taken, without sending anything."""
    try:
        os.kill(entry.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's: it exists
    return True


class OsascriptChannel:
    """A :class:`~gui.actions.one_shot_session.RequestFileChannel` for macOS."""

    def __init__(
        self,
        helper_command: Sequence[str],
        prompt: str,
        osascript: str = "/usr/bin/osascript",
        run: Run = subprocess.run,
        still_running: Callable[[Entry], bool] = _exists,
    ) -> None:
        self._command = tuple(helper_command)
        self._prompt = prompt
        self._osascript = osascript
        self._run = run
        self._still_running = still_running

    def argv(self, request_file: str) -> list[str]:
        """The ``osascript`` command line: the script's lines, then its arguments."""
        lines = [part for line in SCRIPT for part in ("-e", line)]
        return [self._osascript, *lines, self._prompt, *self._command, request_file]

    def run(self, request_file: str) -> OneShotAnswer:
        try:
            done = self._run(self.argv(request_file), capture_output=True, check=False, timeout=None)
        except OSError as error:
            raise HelperError(HelperFailure.NOT_STARTED, stderr=str(error), launcher=_LAUNCHER) from None
        stderr = done.stderr.decode("utf-8", "replace")
        if done.returncode == 0:
            return OneShotAnswer(0, done.stdout)
        number = _ERROR_NUMBER.search(stderr.strip())
        code = int(number.group(1)) if number else None
        if code == USER_CANCELED:
            raise HelperError(HelperFailure.CANCELLED, exit_status=code, stderr=stderr, launcher=_LAUNCHER)
        if code is not None and code > 0:  # the helper's own exit status
            return OneShotAnswer(code, b"", stderr)
        raise HelperError(
            HelperFailure.LAUNCHER_ERROR, exit_status=code, stderr=stderr.strip(), launcher=_LAUNCHER
        )

    def still_running(self, entry: Entry) -> bool:
        return self._still_running(entry)
