"""The sampling worker: reads processes on its own thread and emits what changed."""

import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from gui.core.delta import Delta, diff_snapshots
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.core.snapshot_builder import SnapshotBuilder
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
    error: str | None = None


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

    @Slot()
    def sample(self) -> None:
        try:
            samples = self._adapter.read_processes()
            wall_now = time.time()
            # Cached per process: a pass with nothing new costs a lookup per process.
            identities = self._adapter.identify_processes(samples, wall_now)
            summary = self._adapter.read_system()
            owners = (
                self._owners.update(self._windows.refresh(), samples) if self._windows is not None else None
            )
            if owners is not None:  # an app that only its window's class names
                identities = self._adapter.identify_by_windows(identities, owners)
            rows = (
                self._builder.build(samples, time.monotonic(), wall_now, identities, owners)
                if owners is not None
                else self._builder.build(samples, time.monotonic(), wall_now, identities)
            )
        except Exception as error:
            if not self._failed_before:
                logger.exception("Reading the process list failed")
            self._failed_before = True
            self.sampled.emit(SampleResult(Delta(), None, len(self._previous), str(error)))
            return
        self._failed_before = False
        delta = diff_snapshots(self._previous, rows)
        self._previous = rows
        self.sampled.emit(SampleResult(delta, summary, len(rows)))
