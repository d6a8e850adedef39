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

A priority (``SET_NICE``) is set with ``setpriority(PRIO_PROCESS)`` after the same check:
macOS keeps one nice value per process (not per thread as Linux), so one call changes it.
It is no signal: nothing waits for the process or follows it up.
"""

import errno
import os
import time
from collections.abc import Callable, Sequence

from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, Status
from gui.helper.mac_process import P_SYSTEM, Sysctl, libc_sysctl, live_start, process_info
from gui.helper.polled_targets import PolledTargets

Kill = Callable[[int, int], None]
#: ``setpriority(PRIO_PROCESS, pid, value)``.
SetNice = Callable[[int, int], None]


def set_process_nice(pid: int, value: int) -> None:
    os.setpriority(os.PRIO_PROCESS, pid, value)


class MacTargets(PolledTargets):
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
        set_nice: SetNice = set_process_nice,
    ) -> None:
        super().__init__(entries, own_pid, parent_pid, clock=clock, pause=pause)
        self._sysctl = sysctl
        self._kill = kill
        self._set_nice = set_nice

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

        if entry.op not in (Operation.SIGNAL, Operation.SET_NICE):
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
        act = self._set_nice if entry.op is Operation.SET_NICE else self._kill
        try:
            act(entry.pid, number)  # the race window described above
        except ProcessLookupError:
            return result(Status.GONE)
        except PermissionError as error:
            return result(Status.PERMISSION_DENIED, error.errno or errno.EPERM)
        except OSError as error:
            return result(Status.FAILED, error.errno or 0)
        return result(Status.SENT)
