"""What a held request does on an OS without pidfds (macOS, Windows): it looks its signalled
processes up again to know whether they still run, and sends a follow-up through the
request's own identity check."""

import time
from collections.abc import Callable, Sequence

from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, SignalAgain, Status

#: How often a wait looks again.
WAIT_POLL_S = 0.05


class PolledTargets:
    """The entries of one request and the follow-ups for those it signalled.

    A subclass says how an entry is checked and carried out (``_check_and_send``: the same
    path for the request and a follow-up) and whether a signalled process still runs
    (``_runs``)."""

    def __init__(
        self,
        entries: Sequence[Entry],
        own_pid: int,
        parent_pid: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        self._entries = tuple(entries)
        self._own_pid = own_pid
        self._parent_pid = parent_pid
        self._clock = clock
        self._pause = pause
        self._sent: set[int] = set()  # indexes signalled and not seen gone yet
        self._signalled: set[int] = set()  # every index signalled in this batch

    def _check_and_send(self, index: int, number: int, *, follow_up: bool) -> EntryResult:
        raise NotImplementedError

    def _runs(self, index: int) -> bool:
        raise NotImplementedError

    def act(self, index: int) -> EntryResult:
        entry = self._entries[index]
        done = self._check_and_send(index, entry.value, follow_up=False)
        if done.status is Status.SENT and entry.op is Operation.SIGNAL:
            self._sent.add(index)
            self._signalled.add(index)
        return done

    def still_running(self, wait_ms: int) -> list[tuple[int, int]]:
        """Wait up to ``wait_ms`` for the signalled processes to exit; (index, pid) of the rest."""
        deadline = self._clock() + wait_ms / 1000
        while True:
            self._sent = {index for index in self._sent if self._runs(index)}
            if not self._sent or self._clock() >= deadline:
                return [(index, self._entries[index].pid) for index in sorted(self._sent)]
            self._pause(WAIT_POLL_S)

    def signal_again(self, command: SignalAgain) -> list[EntryResult]:
        """The follow-up signal, after the same identity check as the request's."""
        results = []
        for index in command.indexes:
            if index not in self._signalled:
                pid = self._entries[index].pid
                results.append(EntryResult(index, pid, Status.REFUSED, Refusal.NOT_SENT))
                continue
            done = self._check_and_send(index, command.signal, follow_up=True)
            if done.status is Status.SENT:
                self._sent.add(index)
            results.append(done)
        return results

    def close(self) -> None:
        """Nothing is held between entries."""
