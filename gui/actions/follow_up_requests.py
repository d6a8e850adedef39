"""The follow-ups a held helper session takes (WAIT, then SIGNAL for Force quit), shared by
the pkexec pipe session and the request-file session: only the channel differs."""

from collections.abc import Callable, Sequence
from typing import TypeVar

from gui.core.elevation_protocol import (
    MAX_WAIT_MS,
    Entry,
    EntryResult,
    ReadLine,
    SignalAgain,
    format_signal_again,
    format_wait,
    read_results,
    read_running,
)

_T = TypeVar("_T")


class FollowUpRequests:
    """``wait`` and ``signal_again`` over a session's ``_exchange`` (send one command, read
    its answer)."""

    entries: tuple[Entry, ...]

    def _exchange(self, message: bytes, read: Callable[[ReadLine], _T]) -> _T:
        raise NotImplementedError

    def wait(self, grace_s: float) -> tuple[int, ...]:
        """The helper waits up to ``grace_s`` for the signalled processes; the indexes still running."""
        ms = min(MAX_WAIT_MS, max(0, round(grace_s * 1000)))
        return self._exchange(format_wait(ms), lambda readline: read_running(readline, len(self.entries)))

    def signal_again(self, signal: int, indexes: Sequence[int]) -> tuple[EntryResult, ...]:
        """Send ``signal`` (e.g. SIGKILL) to these entries through the same helper: no new prompt."""
        if not indexes:
            return ()
        command = SignalAgain(signal, tuple(indexes))
        return self._exchange(
            format_signal_again(command), lambda readline: read_results(readline, command.indexes)
        )
