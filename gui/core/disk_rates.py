"""Disk read and write rates per process, from the byte totals of two passes.

The totals are what reached the storage device (Linux ``read_bytes``/``write_bytes``):
page-cache hits and tmpfs do not count. A process's first pass has no rate yet.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

from gui.core.process_key import ProcessKey


class DiskCounting(Enum):
    """What an OS's per-process disk counters count."""

    DEVICE = "device"  # Linux: bytes that reached the storage device (no cache, no tmpfs)
    ALL_IO = "all_io"  # Windows: every read and write the process made (files, cache, network)


class DiskTotals(NamedTuple):
    """Bytes a process has read from and written to storage since it started (a tuple: made
    and compared thousands of times per pass)."""

    read_bytes: int
    written_bytes: int


@dataclass(frozen=True, slots=True)
class DiskRate:
    """Bytes per second since the previous pass; ``None`` for no rate yet (first pass).

    ``refused``: the OS would not say (another user's process read without privileges).
    """

    read_per_second: float | None = None
    write_per_second: float | None = None
    refused: bool = False


#: A process whose counters the OS refused to show.
REFUSED = DiskRate(refused=True)
#: A process seen for the first time: no rate yet.
FIRST_PASS = DiskRate()
#: A process that read and wrote nothing since the last pass (most of them).
IDLE = DiskRate(0.0, 0.0)
#: Per process: its totals, or ``None`` when the OS refused them.
DiskReadings = Mapping[ProcessKey, DiskTotals | None]
DiskRates = Mapping[ProcessKey, DiskRate]
NO_DISK_RATES: DiskRates = MappingProxyType({})


class DiskRateTracker:
    """Keeps the last totals per process and turns each pass's totals into rates."""

    def __init__(self) -> None:
        self._last: dict[ProcessKey, DiskTotals] = {}
        self._last_time = 0.0

    def reset(self) -> None:
        """Forget every total (the columns were hidden: the next pass starts afresh)."""
        self._last = {}

    def update(self, readings: DiskReadings, monotonic_now: float) -> dict[ProcessKey, DiskRate]:
        elapsed = monotonic_now - self._last_time
        last = self._last
        rates: dict[ProcessKey, DiskRate] = {}
        kept: dict[ProcessKey, DiskTotals] = {}
        for key, totals in readings.items():
            if totals is None:
                rates[key] = REFUSED
                continue
            kept[key] = totals
            before = last.get(key)
            if before is None or elapsed <= 0:
                rates[key] = FIRST_PASS
                continue
            if before == totals:
                rates[key] = IDLE
                continue
            read = totals.read_bytes - before.read_bytes
            written = totals.written_bytes - before.written_bytes
            rates[key] = DiskRate(
                read / elapsed if read >= 0 else None, written / elapsed if written >= 0 else None
            )
        self._last = kept
        self._last_time = monotonic_now
        return rates
