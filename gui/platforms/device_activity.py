"""Whether any process may have read from or written to a storage device since the last look.

Reading every process's ``/proc/<pid>/io`` costs a system call each: at 3,000 processes
about half of a whole pass. Linux counts the same bytes system-wide in ``/proc/vmstat``,
at the same places as the per-process counters:

- a read from a device adds to the reading task's ``read_bytes`` and to ``pgpgin``,
  both in ``submit_bio``;
- a write through the page cache adds to ``write_bytes`` and ``nr_dirtied`` as the page
  is dirtied;
- a direct write adds to ``write_bytes`` as it is built and to ``pgpgout`` in
  ``submit_bio``.

While those three stand still, no process's ``read_bytes`` or ``write_bytes`` moved, and
the disk reader keeps the totals it has. Two limits:

- network filesystems (NFS, SMB, Ceph, 9p, AFS, ...) add to a task's counters and not to
  the system's, so while one is mounted here the answer is always "maybe";
- ``nr_dirtied`` gathers per-CPU counts about once a second: a write of a few pages can
  show a pass late.
"""

import os
import select
from typing import Protocol

#: Filesystems whose reads (and direct writes) add to a task's counters only.
NETWORK_FILESYSTEMS = frozenset(
    {b"nfs", b"nfs4", b"cifs", b"smb3", b"smbfs", b"9p", b"ceph", b"afs", b"orangefs", b"coda", b"lustre"}
)
_COUNTERS = (b"\nnr_dirtied ", b"\npgpgin ", b"\npgpgout ")
_VMSTAT_READ_SIZE = 1 << 16


def counters_of(vmstat: bytes) -> tuple[bytes, ...]:
    """The values of ``nr_dirtied``, ``pgpgin`` and ``pgpgout`` in a ``/proc/vmstat`` text
    (as found: compared, never added up); empty when one is missing."""
    values = []
    for name in _COUNTERS:
        start = vmstat.find(name)
        if start < 0:
            return ()
        start += len(name)
        end = vmstat.find(b"\n", start)
        values.append(vmstat[start : end if end >= 0 else len(vmstat)])
    return tuple(values)


def has_network_filesystem(mounts: bytes) -> bool:
    """Whether a ``/proc/<pid>/mounts`` text lists a network filesystem."""
    for line in mounts.splitlines():
        fields = line.split(maxsplit=3)
        if len(fields) > 2 and fields[2].split(b".", 1)[0] in NETWORK_FILESYSTEMS:
            return True
    return False


class ActivitySign(Protocol):
    """What the disk reader asks (a :class:`DeviceActivity`)."""

    def moved(self) -> bool: ...

    def close(self) -> None: ...


class DeviceActivity:
    """Tells whether the system's device counters moved since the last call.

    The mount table is read once and again only when the kernel says it changed
    (``poll`` on a kept ``mounts`` descriptor), so a call costs two small reads.
    """

    def __init__(self, proc: str = "/proc") -> None:
        self._vmstat = f"{proc}/vmstat"
        self._mounts_path = f"{proc}/self/mounts"
        self._last: tuple[bytes, ...] = ()
        self._mounts_fd: int | None = None
        self._mounts_changed = select.poll()
        self._network_mounted = True

    def moved(self) -> bool:
        """``True`` when a process may have read or written since the last call (or when
        that cannot be known: the first call, no ``vmstat``, a network filesystem)."""
        try:
            with open(self._vmstat, "rb", buffering=0) as vmstat:
                now = counters_of(vmstat.read(_VMSTAT_READ_SIZE))
        except OSError:
            now = ()
        before, self._last = self._last, now
        if not now or now != before:
            return True
        return self._network_filesystem_mounted()

    def _network_filesystem_mounted(self) -> bool:
        fd = self._mounts_fd
        if fd is None:
            try:
                fd = self._mounts_fd = os.open(self._mounts_path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                return True
            self._mounts_changed.register(fd, select.POLLPRI)
        elif not self._mounts_changed.poll(0):  # the kernel flags a changed mount table
            return self._network_mounted
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            chunks = []
            while chunk := os.read(fd, 1 << 16):
                chunks.append(chunk)
        except OSError:
            return True
        self._network_mounted = has_network_filesystem(b"".join(chunks))
        return self._network_mounted

    def close(self) -> None:
        if self._mounts_fd is not None:
            self._mounts_changed.unregister(self._mounts_fd)
            os.close(self._mounts_fd)
            self._mounts_fd = None
        self._last = ()
