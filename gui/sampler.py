"""The sampling worker: reads processes on its own thread and emits what changed."""

import logging
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from gui.core.delta import Delta, diff_snapshots
from gui.core.disk_rates import NO_DISK_RATES, DiskRates, DiskRateTracker
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.core.process_sample import ProcessSample
from gui.core.snapshot_builder import NO_WINDOWS, SnapshotBuilder
from gui.core.system_error import SystemProblem
from gui.core.system_summary import SystemSummary
from gui.core.window_owners import WindowOwners
from gui.platforms import PlatformAdapter
from gui.platforms.window_source import WindowSource

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SampleResult:
    """What one pass sends to the UI thread: immutable, so safe across threads."""

    delta: Delta
    summary: SystemSummary | None
    process_count: int
    #: Why the pass read nothing (the exception's own text is in the log).
    error: SystemProblem | None = None


class Sampler(QObject):
    """Lives on a worker QThread; each ``sample()`` call is one pass.

    Keeps the previous snapshot so that only the difference crosses threads. With a
    ``windows`` source, each pass also refreshes it (a non-blocking read of what the
    display reported) and attaches the windows to their processes' rows.
    """

    sampled = Signal(object)  # SampleResult

    def __init__(self, adapter: PlatformAdapter, windows: WindowSource | None = None) -> None:
        super().__init__()
        self._adapter = adapter
        self._windows = windows
        self._owners = WindowOwners()
        self._builder = SnapshotBuilder(adapter.core_count())
        self._previous: dict[ProcessKey, ProcessRow] = {}
        self._failed_before = False
        #: Set from the UI thread while a disk column is shown: only then is disk I/O read.
        self._disk_wanted = threading.Event()
        self._disk_rates = DiskRateTracker()
        self._disk_read_before = False

    def set_disk_columns_shown(self, shown: bool) -> None:
        """Thread-safe: whether the next passes read disk totals (an extra file per process)."""
        if shown:
            self._disk_wanted.set()
        else:
            self._disk_wanted.clear()

    def set_priority_column_shown(self, shown: bool) -> None:
        """Thread-safe: whether the next passes read every process's priority."""
        self._adapter.set_priority_column_shown(shown)

    def _read_disk(self, samples: list[ProcessSample]) -> DiskRates:
        if not self._disk_wanted.is_set():
            if self._disk_read_before:
                self._disk_read_before = False
                self._disk_rates.reset()
                self._adapter.stop_disk_totals()
            return NO_DISK_RATES
        self._disk_read_before = True
        return self._disk_rates.update(self._adapter.read_disk_totals(samples), time.monotonic())

    def sample(self, every_process: bool = True) -> None:
        """One pass, its result emitted; ``every_process=False`` lets the reader leave quiet
        processes unread."""
        self.sampled.emit(self.take_pass(every_process))

    def take_pass(self, every_process: bool = True) -> SampleResult:
        """One pass, its result returned (``PassClock`` emits it once the next is scheduled)."""
        try:
            samples = self._adapter.read_processes(every_process)
            wall_now = time.time()
            # Cached per process: a pass with nothing new costs a lookup per process.
            identities = self._adapter.identify_processes(samples, wall_now)
            summary = self._adapter.read_system()
            owners = (
                self._owners.update(self._windows.refresh(), samples) if self._windows is not None else None
            )
            if owners is not None:  # an app that only its window's class names
                identities = self._adapter.identify_by_windows(identities, owners)
            disk = self._read_disk(samples)
            if disk:
                rows = self._builder.build(
                    samples,
                    time.monotonic(),
                    wall_now,
                    identities,
                    owners if owners is not None else NO_WINDOWS,
                    disk=disk,
                )
            elif owners is not None:
                rows = self._builder.build(samples, time.monotonic(), wall_now, identities, owners)
            else:
                rows = self._builder.build(samples, time.monotonic(), wall_now, identities)
        except Exception as error:
            if not self._failed_before:
                logger.exception("Reading the process list failed")
            self._failed_before = True
            return SampleResult(Delta(), None, len(self._previous), SystemProblem.of(error))
        self._failed_before = False
        delta = diff_snapshots(self._previous, rows)
        self._previous = rows
        return SampleResult(delta, summary, len(rows))
