"""Per-process disk totals (bytes that reached the storage device), read only on request.

Linux: ``read_bytes`` and ``write_bytes`` of ``/proc/<pid>/io`` (one small read per process).
Another user's file is unreadable without privileges: that process's totals are ``None``.
Elsewhere psutil's ``io_counters`` where the OS has it (macOS does not: no disk columns there).
"""

import os
from collections.abc import Sequence

import psutil

from gui.core.disk_rates import DiskTotals
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms.device_activity import ActivitySign, DeviceActivity
from gui.platforms.stat_files import StatFiles

_IO_READ_SIZE = 512
#: Not in the last pass's totals (``None`` there means refused).
_UNKNOWN = DiskTotals(-1, -1)
#: Where the values sit in ``/proc/<pid>/io`` split on whitespace.
_READ_BYTES, _WRITE_BYTES = 9, 11


def disk_io_available() -> bool:
    """Whether this OS gives per-process disk totals (not macOS)."""
    return hasattr(psutil.Process, "io_counters")


def _totals_of(raw: bytes) -> DiskTotals:
    fields = raw.split()
    # rchar, wchar, syscr, syscw, read_bytes, write_bytes, ...: "name: value" pairs.
    if len(fields) > _WRITE_BYTES and fields[_READ_BYTES - 1] == b"read_bytes:":
        return DiskTotals(int(fields[_READ_BYTES]), int(fields[_WRITE_BYTES]))
    return parse_proc_io(raw)


def parse_proc_io(raw: bytes) -> DiskTotals:
    """``read_bytes`` and ``write_bytes`` of a ``/proc/<pid>/io`` text."""
    read = written = 0
    for line in raw.splitlines():
        if line.startswith(b"read_bytes:"):
            read = int(line[11:])
        elif line.startswith(b"write_bytes:"):
            written = int(line[12:])
    return DiskTotals(read, written)


class ProcDiskReader:
    """Reads ``/proc/<pid>/io`` of each sampled process, through descriptors kept open
    between passes (as the stat lines are: see ``stat_files.py``).

    The kernel checks the right to read at each read, so a kept descriptor never shows
    what the reader may no longer see. An unchanged stat line does not mean no I/O (CPU
    time is counted in whole clock ticks, and a write of megabytes with ``fsync`` can take
    less than one), so when anything may have reached a device every process is read;
    while nothing did (see ``device_activity.py``) only new processes are. ``opened``
    counts the files read since it was made: tests check with it that nothing is read
    while the disk columns are hidden.
    """

    def __init__(self, proc: str = "/proc", activity: ActivitySign | None = None) -> None:
        self._proc = proc
        self._activity: ActivitySign = DeviceActivity(proc) if activity is None else activity
        self._files: StatFiles | None = None
        self.opened = 0
        #: Per PID: last reading's text (its hash), the totals read from it, and whose they were.
        self._last: dict[int, tuple[int, DiskTotals, ProcessKey]] = {}
        #: What the last pass returned.
        self._totals: dict[ProcessKey, DiskTotals | None] = {}

    def read(self, samples: Sequence[ProcessSample]) -> dict[ProcessKey, DiskTotals | None]:
        """Every sampled process's totals."""
        files = self._files
        if files is None:
            files = self._files = StatFiles(self._proc, name="io")
        moved = self._activity.moved()
        totals = self._read_all(samples, files) if moved else self._read_new(samples, files)
        self._totals = totals
        return totals

    def _read_all(
        self, samples: Sequence[ProcessSample], files: StatFiles
    ) -> dict[ProcessKey, DiskTotals | None]:
        """At rest most texts are as last pass: each costs a ``pread``, a hash and a lookup
        (the stat reader's way), not a parse."""
        descriptors = files.descriptors
        last = self._last
        current: dict[int, tuple[int, DiskTotals, ProcessKey]] = {}
        totals: dict[ProcessKey, DiskTotals | None] = {}
        pread = os.pread
        opened = 0
        for sample in samples:
            if sample.is_kernel_thread:
                continue  # no I/O accounting of their own
            key = sample.key
            pid = key.pid
            opened += 1
            fd = descriptors.get(pid)
            raw = None
            if fd is not None:
                try:  # noqa: SIM105 - contextlib.suppress would cost more than the read, per process
                    raw = pread(fd, _IO_READ_SIZE, 0)
                except OSError:  # ended (or no longer ours to read): opened afresh below
                    pass
            if raw is None:
                try:
                    raw = files.open(pid, _IO_READ_SIZE)
                except PermissionError:
                    totals[key] = None
                    continue
                except OSError:  # gone since the pass read it
                    continue
            text_hash = hash(raw)
            before = last.get(pid)
            if before is not None and before[0] == text_hash and before[2] == key:
                found = before[1]
            else:
                found = _totals_of(raw)
            current[pid] = (text_hash, found, key)
            totals[key] = found
        self.opened += opened
        files.forget([pid for pid in descriptors if pid not in current])
        self._last = current
        return totals

    def _read_new(
        self, samples: Sequence[ProcessSample], files: StatFiles
    ) -> dict[ProcessKey, DiskTotals | None]:
        """Nothing reached or left a device since the last pass: every known process's
        totals are as then (refusals too); only processes new since are read."""
        before = self._totals
        totals: dict[ProcessKey, DiskTotals | None] = {}
        new: list[ProcessSample] = []
        for sample in samples:
            key = sample.key
            found = before.get(key, _UNKNOWN)
            if found is _UNKNOWN:
                if not sample.is_kernel_thread:
                    new.append(sample)
                continue
            totals[key] = found
        if new:
            last = self._last
            for sample in new:
                key = sample.key
                self.opened += 1
                try:
                    raw = files.open(key.pid, _IO_READ_SIZE)
                except PermissionError:
                    totals[key] = None
                    continue
                except OSError:  # gone since the pass read it
                    continue
                found_now = totals[key] = _totals_of(raw)
                last[key.pid] = (hash(raw), found_now, key)
        if new or len(totals) != len(before):  # some ended: let go of their descriptors
            present = {key.pid for key in totals}
            self._last = {pid: kept for pid, kept in self._last.items() if pid in present}
            files.forget([pid for pid in files.descriptors if pid not in present])
        return totals

    def close(self) -> None:
        """Close the kept descriptors (the columns were hidden)."""
        if self._files is not None:
            self._files.close()
            self._files = None
        self._activity.close()
        self._last = {}
        self._totals = {}


class PsutilDiskReader:
    """psutil's ``io_counters`` (Windows, BSD): ``None`` where access is denied."""

    def __init__(self) -> None:
        self.opened = 0

    def close(self) -> None:
        """Nothing is kept open."""

    def read(self, samples: Sequence[ProcessSample]) -> dict[ProcessKey, DiskTotals | None]:
        totals: dict[ProcessKey, DiskTotals | None] = {}
        for sample in samples:
            self.opened += 1
            try:
                process = psutil.Process(sample.key.pid)
                counters = process.io_counters()  # type: ignore[attr-defined,unused-ignore]
            except psutil.AccessDenied:
                totals[sample.key] = None
            except (psutil.Error, OSError):
                continue
            else:
                totals[sample.key] = DiskTotals(counters.read_bytes, counters.write_bytes)
        return totals
