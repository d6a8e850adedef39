"""Runs the sampler on a worker thread at the chosen interval, one pass at a time."""

import logging

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from gui.core.intervals import clamp_interval
from gui.platforms import PlatformAdapter
from gui.platforms.window_source import WindowSource
from gui.sampler import Sampler, SampleResult

logger = logging.getLogger(__name__)

#: After the very first pass, the next one comes this soon, so CPU % is filled in quickly.
_FIRST_CPU_READING_S = 0.5


class SamplingLoop(QObject):
    """Owns the worker thread and the refresh timer; lives on the UI thread.

    A pass counts as under way from its request until the listener of
    ``result_ready`` calls :meth:`mark_applied` (the model may apply a large
    delta in slices, over several event-loop turns). Only then is the
    single-shot timer restarted, so slow passes never pile up and a delta is
    never applied on top of one still being applied.

    ``windows``, if given, is refreshed by each pass on the worker thread and shut down
    by :meth:`stop` once that thread has ended.
    """

    result_ready = Signal(object)  # SampleResult, on the UI thread
    #: Asks the worker for one pass (queued to its thread).
    pass_requested = Signal()

    def __init__(
        self,
        adapter: PlatformAdapter,
        interval_s: float,
        parent: QObject | None = None,
        windows: WindowSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._windows = windows
        self._interval_s = clamp_interval(interval_s)
        self._paused = False
        self._suspended = False
        self._in_flight = False  # from the request until the result was applied
        self._applying = False  # the result was delivered, mark_applied() not called yet
        self._refresh_pending = False
        self._passes = 0

        self._thread = QThread()
        self._thread.setObjectName("procpilot-sampler")
        self._worker = Sampler(adapter, windows)
        self._worker.moveToThread(self._thread)
        self.pass_requested.connect(self._worker.sample)
        self._worker.sampled.connect(self._deliver)
        self._thread.finished.connect(self._worker.deleteLater)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._request_pass)

    @property
    def interval_s(self) -> float:
        return self._interval_s

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        self._thread.start()
        self._request_pass()

    def stop(self) -> None:
        """Stop refreshing, join the worker thread (waits for a pass under way), let go of
        the windows' display connection."""
        self._timer.stop()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        if self._windows is not None:
            self._windows.shutdown()

    def refresh_now(self) -> None:
        """One pass as soon as possible, paused or not."""
        self._timer.stop()
        self._request_pass()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        if paused:
            self._timer.stop()
        elif not self._in_flight and not self._suspended:
            self._request_pass()

    @property
    def suspended(self) -> bool:
        return self._suspended

    def set_suspended(self, suspended: bool) -> None:
        """Sample nothing while the window is minimized or hidden; refresh at once on return."""
        if suspended == self._suspended:
            return
        self._suspended = suspended
        if suspended:
            self._timer.stop()
        elif not self._paused and self._thread.isRunning():
            self.refresh_now()

    def set_interval(self, seconds: float) -> None:
        self._interval_s = clamp_interval(seconds)
        if self._timer.isActive():
            self._timer.start(self._interval_ms())

    def _interval_ms(self) -> int:
        seconds = self._interval_s if self._passes > 1 else min(self._interval_s, _FIRST_CPU_READING_S)
        return round(seconds * 1000)

    @Slot()
    def _request_pass(self) -> None:
        if self._in_flight:
            self._refresh_pending = True
            return
        self._in_flight = True
        self.pass_requested.emit()

    @property
    def applying(self) -> bool:
        """Whether the last result was delivered but is not fully applied yet."""
        return self._applying

    @Slot(object)
    def _deliver(self, result: SampleResult) -> None:
        self._passes += 1
        self._applying = True
        self.result_ready.emit(result)  # the listener calls mark_applied(), now or later

    @Slot()
    def mark_applied(self) -> None:
        """The last result is fully applied: schedule the next pass (or run a pending one)."""
        if not self._applying:
            return
        self._applying = False
        self._in_flight = False
        if self._refresh_pending:
            self._refresh_pending = False
            self._request_pass()
        elif not (self._paused or self._suspended) and self._thread.isRunning():
            self._timer.start(self._interval_ms())
