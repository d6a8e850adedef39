"""What ProcPilot holds while the helper works on one batch, whichever system started it."""

from collections.abc import Sequence
from typing import Protocol

from gui.core.elevation_protocol import Entry, EntryResult


class HelperSession(Protocol):
    """One batch as administrator, begun by ``start_helper`` (one password prompt).

    ``results`` holds one answer per entry. The helper stays alive for the batch (over
    pkexec's pipes, or over files where the request travels in a file: UAC,
    ``osascript``), so :meth:`wait` and :meth:`signal_again` go to it without a second
    prompt; :meth:`close` lets it exit.
    """

    entries: tuple[Entry, ...]
    results: tuple[EntryResult, ...]

    def wait(self, grace_s: float) -> tuple[int, ...]:
        """Wait up to ``grace_s`` for the signalled processes to exit; the indexes still running."""
        ...

    def signal_again(self, signal: int, indexes: Sequence[int]) -> tuple[EntryResult, ...]:
        """Send ``signal`` (e.g. SIGKILL) to these entries of the batch, identity-checked."""
        ...

    def close(self) -> int:
        """End the batch; the helper's exit status (0: all went as reported)."""
        ...

    def __enter__(self) -> "HelperSession": ...

    def __exit__(self, *_exc: object) -> None: ...
