"""macOS: each process's start time compared (``sysctl``), then the signal sent by PID.

macOS has no pidfd, so the check and the ``kill`` are two steps, and a tiny race is
left: the process could exit and its PID be given to a new process in the
microseconds between them. macOS hands out PIDs in order, wrapping around at 99,999, so
a PID comes back only after the whole range has been used again: in practice never
within microseconds, but this is weaker than Linux's pidfd and Windows' handle, and
said so in the README. A start time that differs is reported as a reused PID and gets
nothing. kernel_task (0) and launchd (1) are refused by the protocol; a process marked
``P_SYSTEM``, the helper itself and its parent per entry.

Follow-ups (:mod:`gui.helper.follow_ups`): waiting looks the signalled processes up by
PID and start time until they are gone (or zombies); a follow-up signal goes through the
same check and ``kill`` as the request, so a process that exited in between is reported
gone and its PID, if reused, gets nothing.
"""

import errno
import os
import time
from collections.abc import Callable, Sequence

from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, SignalAgain, Status
from gui.helper.mac_process import P_SYSTEM, Sysctl, libc_sysctl, live_start, process_info

Kill = Callable[[int, int], None]
#: How often a wait looks again.
WAIT_POLL_S = 0.05


class MacTargets:
    """Carries out the entries of one request on macOS, and the follow-ups for those it signalled."""

    def __init__(
        self,
        entries: Sequence[Entry],
        own_pid: int,
        parent_pid: int,
        sysctl: Sysctl = libc_sysctl,
        kill: Kill = os.kill,
        *,
        clock: Callable[[], float] = time.monotonic,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        self._entries = tuple(entries)
        self._own_pid = own_pid
        self._parent_pid = parent_pid
        self._sysctl = sysctl
        self._kill = kill
        self._clock = clock
        self._pause = pause
        self._sent: set[int] = set()  # indexes signalled and not seen gone yet
        self._signalled: set[int] = set()  # every index signalled in this batch

    def act(self, index: int) -> EntryResult:
        done = self._check_and_send(index, self._entries[index].value, follow_up=False)
        if done.status is Status.SENT:
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
            pid = self._entries[index].pid
            if index not in self._signalled:
                results.append(EntryResult(index, pid, Status.REFUSED, Refusal.NOT_SENT))
                continue
            done = self._check_and_send(index, command.signal, follow_up=True)
            if done.status is Status.SENT:
                self._sent.add(index)
            results.append(done)
        return results

    def _runs(self, index: int) -> bool:
        entry = self._entries[index]
        try:
            return live_start(entry.pid, self._sysctl) == entry.start
        except OSError:
            return True  # cannot tell: still held, for a Force quit that checks again

    def _check_and_send(self, index: int, number: int, *, follow_up: bool) -> EntryResult:
        entry = self._entries[index]

        def result(status: Status, code: int = 0) -> EntryResult:
            return EntryResult(index, entry.pid, status, code)

        if entry.op is not Operation.SIGNAL:
            return result(Status.REFUSED, Refusal.NOT_SUPPORTED)
        if entry.pid <= 1:
            return result(Status.REFUSED, Refusal.KERNEL_THREAD)
        if entry.pid == self._own_pid:
            return result(Status.REFUSED, Refusal.SELF)
        if entry.pid == self._parent_pid:
            return result(Status.REFUSED, Refusal.PARENT)
        try:
            started, flags, _uid = process_info(entry.pid, self._sysctl)
        except ProcessLookupError:
            return result(Status.GONE)
        except OSError as error:
            return result(Status.FAILED, error.errno or 0)
        if started != entry.start:  # in a follow-up: the process signalled before has gone
            return result(Status.GONE if follow_up else Status.PID_REUSED)
        if follow_up and not self._runs(index):  # a zombie: nothing left to signal
            return result(Status.GONE)
        if flags & P_SYSTEM:
            return result(Status.REFUSED, Refusal.KERNEL_THREAD)
        try:
            self._kill(entry.pid, number)  # the race window described above
        except ProcessLookupError:
            return result(Status.GONE)
        except PermissionError as error:
            return result(Status.PERMISSION_DENIED, error.errno or errno.EPERM)
        except OSError as error:
            return result(Status.FAILED, error.errno or 0)
        return result(Status.SENT)

    def close(self) -> None:
        """Nothing is held on macOS."""
