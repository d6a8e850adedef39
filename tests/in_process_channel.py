"""A request-file channel that runs the helper in a thread of the test, as UAC or osascript would
start it elevated: the client's folder, request, follow-up channel and answer files are the
real ones; only the launcher and the OS calls behind the helper's platform are stand-ins."""

import threading
from dataclasses import dataclass, field

from gui.actions.command_writers import CommandWriter, FifoCommands, FileCommands
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.helper.main import serve
from gui.helper.platform import HelperPlatform


class ThreadRun:
    """The helper's thread, seen as a launcher sees a process."""

    stderr = ""

    def __init__(self, platform: HelperPlatform, request_file: str) -> None:
        self.status: int | None = None
        self._thread = threading.Thread(target=self._serve, args=(platform, request_file), daemon=True)
        self._thread.start()

    def _serve(self, platform: HelperPlatform, request_file: str) -> None:
        self.status = serve([request_file], platform)

    def exited(self, timeout_s: float) -> int | None:
        self._thread.join(timeout_s)
        return None if self._thread.is_alive() else self.status

    def join(self) -> int | None:
        """Wait for the helper to end (tests of how it ends; it always does)."""
        self._thread.join()
        return self.status

    def close(self) -> None:
        """Nothing to let go of."""


@dataclass
class ThreadChannel:
    """``fifo``: macOS's follow-up channel; otherwise Windows' growing file."""

    platform: HelperPlatform
    fifo: bool = True
    cancel: bool = False
    runs: list[ThreadRun] = field(default_factory=list)
    request_files: list[str] = field(default_factory=list)

    def open_commands(self, path: str) -> CommandWriter:
        return FifoCommands(path) if self.fifo else FileCommands(path)

    def launch(self, request_file: str) -> ThreadRun:
        self.request_files.append(request_file)
        if self.cancel:
            raise HelperError(HelperFailure.CANCELLED, launcher="test")
        run = ThreadRun(self.platform, request_file)
        self.runs.append(run)
        return run
