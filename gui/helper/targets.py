"""The processes of one batch, each checked and signalled through a pidfd the helper holds.

The pidfd is opened *before* the start time is compared: if the stat line read after it
shows the requested start time, the pidfd refers to exactly that process (a process
that took the PID later would have a later start time), so a PID reused between the
prompt and the signal never gets it. The pidfds of signalled processes stay open for
the batch: waiting polls them and a follow-up signal goes through them, so neither
needs the identity checked again. A priority change (SET_NICE) is made while the pidfd
is held, then the pidfd is closed: there is nothing to follow up.
"""

import errno
import os
import select
import signal
import time
from collections.abc import Sequence

from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, SignalAgain, Status
from gui.helper.linux_process import PF_KTHREAD, start_and_flags
from gui.helper.thread_nice import set_nice_of_threads


def has_pidfd() -> bool:
    return hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")


class Targets:
    """Acts on the entries of one request and keeps what it signalled until :meth:`close`."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = tuple(entries)
        self._held: dict[int, int] = {}  # index -> pidfd of a process that was signalled
        self._exited: set[int] = set()
        self._own_pid = os.getpid()
        self._parent_pid = os.getppid()

    def act(self, index: int) -> EntryResult:
        """Check the identity of entry ``index`` and carry it out."""
        entry = self._entries[index]
        checked = self._open_checked(entry)
        if isinstance(checked, tuple):
            return EntryResult(index, entry.pid, *checked)
        pidfd = checked
        if entry.op is Operation.SET_NICE:
            try:
                return EntryResult(index, entry.pid, *set_nice_of_threads(entry.pid, entry.value))
            finally:
                os.close(pidfd)
        if entry.op is not Operation.SIGNAL:
            os.close(pidfd)
            return EntryResult(index, entry.pid, Status.REFUSED, Refusal.NOT_SUPPORTED)
        sent = _send(pidfd, entry.value)
        if sent == (Status.SENT, 0):
            self._held[index] = pidfd
        else:
            os.close(pidfd)
        return EntryResult(index, entry.pid, *sent)

    def _open_checked(self, entry: Entry) -> int | tuple[Status, int]:
        """A pidfd of exactly the process ``entry`` names, or why there is none."""
        if entry.pid == self._own_pid:
            return Status.REFUSED, Refusal.SELF
        if entry.pid == self._parent_pid:
            return Status.REFUSED, Refusal.PARENT
        try:
            pidfd = os.pidfd_open(entry.pid)
        except ProcessLookupError:
            return Status.GONE, 0
        except OSError as error:
            if error.errno == errno.EINVAL:  # a thread's id, not a process's
                return Status.REFUSED, Refusal.NOT_A_PROCESS
            return Status.FAILED, error.errno or 0
        try:
            started, flags = start_and_flags(entry.pid)
        except ProcessLookupError:
            os.close(pidfd)
            return Status.GONE, 0
        if started != entry.start:
            os.close(pidfd)
            return Status.PID_REUSED, 0
        if flags & PF_KTHREAD:
            os.close(pidfd)
            return Status.REFUSED, Refusal.KERNEL_THREAD
        return pidfd

    def still_running(self, wait_ms: int) -> list[tuple[int, int]]:
        """Wait up to ``wait_ms`` for the signalled processes to exit; (index, pid) of the rest.

        A pidfd is readable once its process has exited (a zombie has).
        """
        deadline = time.monotonic() + wait_ms / 1000
        poller = select.poll()
        by_fd = {}
        for index, pidfd in self._held.items():
            if index not in self._exited:
                poller.register(pidfd, select.POLLIN)
                by_fd[pidfd] = index
        while by_fd:
            left_ms = max(0, round((deadline - time.monotonic()) * 1000))
            events = poller.poll(left_ms)
            for pidfd, _event in events:
                poller.unregister(pidfd)
                self._exited.add(by_fd.pop(pidfd))
            if not events and left_ms == 0:
                break
        return [(index, self._entries[index].pid) for index in sorted(by_fd.values())]

    def signal_again(self, command: SignalAgain) -> list[EntryResult]:
        """Send the follow-up signal through the pidfds held since the request."""
        results = []
        for index in command.indexes:
            pid = self._entries[index].pid
            pidfd = self._held.get(index)
            if pidfd is None:
                results.append(EntryResult(index, pid, Status.REFUSED, Refusal.NOT_SENT))
            elif index in self._exited or _has_exited(pidfd):  # a zombie takes signals, uselessly
                self._exited.add(index)
                results.append(EntryResult(index, pid, Status.GONE))
            else:
                results.append(EntryResult(index, pid, *_send(pidfd, command.signal)))
        return results

    def close(self) -> None:
        for pidfd in self._held.values():
            os.close(pidfd)
        self._held.clear()


def _has_exited(pidfd: int) -> bool:
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    return bool(poller.poll(0))


def _send(pidfd: int, number: int) -> tuple[Status, int]:
    try:
        signal.pidfd_send_signal(pidfd, number)
    except ProcessLookupError:
        return Status.GONE, 0
    except PermissionError as error:
        return Status.PERMISSION_DENIED, error.errno or errno.EPERM
    except OSError as error:
        return Status.FAILED, error.errno or 0
    return Status.SENT, 0
