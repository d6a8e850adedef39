"""Runs the sampler on a worker thread at the chosen interval, one pass at a time."""

import logging

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance, Slot

from gui.core.intervals import clamp_interval
from gui.pass_clock import PassClock, PassGate
from gui.platforms import PlatformAdapter
from gui.platforms.window_source import WindowSource
from gui.sampler import Sampler, SampleResult

logger = logging.getLogger(__name__)


class SamplingLoop(QObject):
    """Owns the worker thread; lives on the UI thread.

    The refresh timer lives on the worker thread (:class:`PassClock`), so at rest a
    refresh wakes the UI thread once, for the result. A pass counts as under way from
    its start until the listener of ``result_ready`` calls :meth:`mark_applied` (the
    model may apply a large delta in slices, over several event-loop turns); a pass
    due before that waits for it, so slow passes never pile up and a delta is never
    applied on top of one still being applied.

    ``windows``, if given, is refreshed by each pass on the worker thread and shut down
    by :meth:`stop` once that thread has ended.
    """

    result_ready = Signal(object)  # SampleResult, on the UI thread
    #: Asks the worker for one pass (queued to its thread).
    pass_requested = Signal()
    #: A new interval in milliseconds for a pass waiting for its time (queued to the worker).
    _interval_changed = Signal(int)

    def __init__(
        self,
        adapter: PlatformAdapter,
        interval_s: float,
        parent: QObject | None = None,
        windows: WindowSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._windows = windows
        self._adapter = adapter
        self._interval_s = clamp_interval(interval_s)
        self._paused = False
        self._suspended = False
        self._applying = False  # the result was delivered, mark_applied() not called yet
        self._gate = PassGate(self._interval_s)

        self._thread = QThread()
        self._thread.setObjectName("procpilot-sampler")
        self._worker = Sampler(adapter, windows)
        self._clock = PassClock(self._worker, self._gate)
        self._worker.moveToThread(self._thread)
        self._clock.moveToThread(self._thread)
        self.pass_requested.connect(self._clock.run_pass)
        self._interval_changed.connect(self._clock.reschedule)
        self._worker.sampled.connect(self._deliver)
        # finished is emitted on the worker thread: the timer is stopped there, as Qt requires.
        self._thread.finished.connect(self._clock.halt)
        self._thread.finished.connect(self._clock.deleteLater)
        self._thread.finished.connect(self._worker.deleteLater)

    @property
    def pass_started(self) -> SignalInstance:
        """Emitted on the worker thread as each pass starts."""
        return self._clock.pass_started

    @property
    def interval_s(self) -> float:
        return self._interval_s

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        self._thread.start()
        self.pass_requested.emit()

    def stop(self) -> None:
        """Stop refreshing, join the worker thread (waits for a pass under way), let go of
        the windows' display connection."""
        self._gate.set_running(False)
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        if self._windows is not None:
            self._windows.shutdown()

    def refresh_now(self) -> None:
        """One pass as soon as possible, paused or not (after the one under way, if any),
        reading every process."""
        self._gate.ask_every_process()
        self.pass_requested.emit()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self._update_running()
        if not paused and not self._suspended:
            self.refresh_now()

    @property
    def suspended(self) -> bool:
        return self._suspended

    def set_suspended(self, suspended: bool) -> None:
        """Sample nothing while the window is minimized or hidden; refresh at once on return."""
        if suspended == self._suspended:
            return
        self._suspended = suspended
        self._update_running()
        if not suspended and not self._paused and self._thread.isRunning():
            self.refresh_now()

    def _update_running(self) -> None:
        self._gate.set_running(not (self._paused or self._suspended))

    @property
    def disk_files_opened(self) -> int:
        """Disk-counter files opened so far (none while the disk columns are hidden)."""
        return self._adapter.disk_files_opened()

    def set_disk_columns_shown(self, shown: bool) -> None:
        """Whether passes read disk totals (only while a disk column is shown); thread-safe."""
        self._worker.set_disk_columns_shown(shown)

    @property
    def priority_read_in_passes(self) -> bool:
        """Whether passes read every process's priority (psutil's reader: Windows, macOS)."""
        return self._adapter.priority_read_in_passes

    def set_priority_column_shown(self, shown: bool) -> None:
        """Whether passes read every process's priority (only while its column is shown)."""
        self._worker.set_priority_column_shown(shown)

    def set_interval(self, seconds: float) -> None:
        self._interval_s = clamp_interval(seconds)
        self._gate.set_interval(self._interval_s)
        self._interval_changed.emit(round(self._interval_s * 1000))

    @property
    def applying(self) -> bool:
        """Whether the last result was delivered but is not fully applied yet."""
        return self._applying

    @Slot(object)
    def _deliver(self, result: SampleResult) -> None:
        self._applying = True
        self.result_ready.emit(result)  # the listener calls mark_applied(), now or later

    @Slot()
    def mark_applied(self) -> None:
        """The last result is fully applied: a pass that became due meanwhile starts now."""
        if not self._applying:
            return
        self._applying = False
        if self._gate.mark_applied() and self._thread.isRunning():
            self.pass_requested.emit()
