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

_IO_READ_SIZE = 512


def disk_io_available() -> bool:
    """Whether this OS gives per-process disk totals (not macOS)."""
    return hasattr(psutil.Process, "io_counters")


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
    """Reads ``/proc/<pid>/io`` of each sampled process.

    ``opened`` counts the files it opened since it was made: tests check with it that
    nothing is read while the disk columns are hidden.
    """

    def __init__(self, proc: str = "/proc") -> None:
        self._proc = proc
        self.opened = 0

    def read(self, samples: Sequence[ProcessSample]) -> dict[ProcessKey, DiskTotals | None]:
        totals: dict[ProcessKey, DiskTotals | None] = {}
        proc = self._proc
        for sample in samples:
            if sample.is_kernel_thread:
                continue  # no I/O accounting of their own
            self.opened += 1
            try:
                fd = os.open(f"{proc}/{sample.key.pid}/io", os.O_RDONLY)
            except PermissionError:
                totals[sample.key] = None
                continue
            except OSError:  # gone since the pass read it
                continue
            try:
                raw = os.read(fd, _IO_READ_SIZE)
            except OSError:  # EACCES at read time on some kernels; gone
                totals[sample.key] = None
                continue
            finally:
                os.close(fd)
            totals[sample.key] = parse_proc_io(raw)
        return totals


class PsutilDiskReader:
    """psutil's ``io_counters`` (Windows, BSD): ``None`` where access is denied."""

    def __init__(self) -> None:
        self.opened = 0

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
