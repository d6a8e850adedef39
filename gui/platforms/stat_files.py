"""``/proc/<pid>/stat`` files kept open between refreshes and read again from the start.

Opening a ``/proc`` file walks its path in the kernel (about as costly as reading it);
a descriptor kept open is read again with ``pread`` at offset 0, which makes the kernel
write the line afresh. A descriptor stays bound to the process it was opened for: once
that process is gone it fails with ESRCH, even if its PID was given to a new process,
which is then opened anew. At most ``budget`` descriptors are kept (the rest of the
processes are opened and closed each time; the budget is shared by all readers of the
process), so the app never runs out of descriptors.

Kept descriptors are moved to numbers from 1,024 up: below that, the numbers stay free
for everything else the app opens, as code that waits with ``select()`` (the X11
connection's, for one) cannot use a descriptor numbered 1,024 or more.
"""

import fcntl
import os
import resource
import threading
import weakref
from collections.abc import Iterable, Mapping

#: The lowest number a kept descriptor gets (select()'s FD_SETSIZE).
_FIRST_KEPT_FD = 1024
#: Numbers above the kept ones left free, in case the app's other files ever reach them.
_SPARE_FDS = 64


def descriptor_budget() -> int:
    """How many descriptors may be kept: those between 1,024 and the soft limit (raised to
    the hard one when possible, as many desktops start programs with a soft limit of 1,024),
    less a few spare."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        soft = 1 << 20
    return max(0, soft - _FIRST_KEPT_FD - _SPARE_FDS)


class _Ledger:
    """How many descriptors all readers of this process keep, against one budget (tests
    and tools make many readers; the app makes one)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._budget: int | None = None
        self._kept = 0

    def take(self) -> bool:
        with self._lock:
            if self._budget is None:
                self._budget = descriptor_budget()
            if self._kept >= self._budget:
                return False
            self._kept += 1
            return True

    def give_back(self, count: int = 1) -> None:
        with self._lock:
            self._kept -= count


_LEDGER = _Ledger()


def _close(fd: int) -> None:
    os.close(fd)
    _LEDGER.give_back()


def _close_all(kept: dict[int, int]) -> None:
    for fd in kept.values():
        _close(fd)
    kept.clear()


class StatFiles:
    """Reads each process's stat line, through a descriptor kept open from the last pass.

    ``name`` picks another per-process file read the same way (``io`` for the disk columns).
    Either :meth:`read` each process every pass and call :meth:`pass_done` (it closes the
    descriptors not read: their processes are gone), or read the :attr:`descriptors`
    directly, :meth:`open` those not kept, and :meth:`forget` the processes found gone:
    the stat reader's way, which costs no bookkeeping per process at rest.
    """

    def __init__(self, proc: str, budget: int | None = None, name: str = "stat") -> None:
        self._proc = proc
        self._name = name
        self._budget = 1 << 30 if budget is None else budget
        self._kept: dict[int, int] = {}
        self._read_now: set[int] = set()
        self._finalizer = weakref.finalize(self, _close_all, self._kept)

    @property
    def descriptors(self) -> Mapping[int, int]:
        """The kept descriptor of each process (read one with ``os.pread(fd, size, 0)``)."""
        return self._kept

    def read(self, pid: int, size: int) -> bytes:
        """The file of ``pid``, kept through this pass; raises OSError when it is gone or
        hidden from us."""
        fd = self._kept.get(pid)
        if fd is not None:
            try:
                raw = os.pread(fd, size, 0)
            except OSError:  # ESRCH: that process ended (its PID may be someone else's now)
                self.forget((pid,))
            else:
                self._read_now.add(pid)
                return raw
        raw = self.open(pid, size)
        self._read_now.add(pid)
        return raw

    def open(self, pid: int, size: int) -> bytes:
        """Open ``pid``'s file afresh, read it, and keep it open (within the budget); raises
        OSError when it is gone or hidden from us."""
        self.forget((pid,))
        fd = os.open(f"{self._proc}/{pid}/{self._name}", os.O_RDONLY)
        try:
            raw = os.pread(fd, size, 0)
        except BaseException:
            os.close(fd)
            raise
        if len(self._kept) < self._budget and _LEDGER.take():
            try:
                self._kept[pid] = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, _FIRST_KEPT_FD)
            except OSError:  # no number free up there: this one is read the usual way
                _LEDGER.give_back()
        os.close(fd)
        return raw

    def keep(self, pid: int) -> None:
        """Keep ``pid``'s descriptor through this pass without reading it."""
        if pid in self._kept:
            self._read_now.add(pid)

    def pass_done(self) -> None:
        """Close the descriptors of processes not read in this pass (they are gone)."""
        self.forget([pid for pid in self._kept if pid not in self._read_now])
        self._read_now.clear()

    def forget(self, pids: Iterable[int]) -> None:
        """Close the descriptors of ``pids`` (processes that are gone)."""
        for pid in pids:
            fd = self._kept.pop(pid, None)
            if fd is not None:
                _close(fd)

    def close(self) -> None:
        self._finalizer()

    @property
    def kept(self) -> int:
        return len(self._kept)
