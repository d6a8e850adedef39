"""When the next sampling pass runs: a timer on the sampling thread, gated by the UI's apply."""

import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from gui.sampler import Sampler

#: After the very first pass, the next one comes this soon, so CPU % is filled in quickly.
FIRST_CPU_READING_S = 0.5


class PassGate:
    """What the UI thread and the sampling thread share, under one lock.

    A pass may start only when the UI has applied the previous result; a pass asked for
    before that (by the timer, or by Refresh now) is remembered as due and runs once the
    UI reports the result applied. ``running`` is false while paused or minimized: the
    timer then starts no pass, and one it asked for is forgotten (Refresh now still runs).
    A pass the user or the window asked for reads every process; the timer's may leave
    quiet ones unread (``ask_every_process``, ``take_every_process``).
    """

    def __init__(self, interval_s: float) -> None:
        self._lock = threading.Lock()
        self._applied = True
        self._due_asked = False  # Refresh now, resume, return from minimized
        self._due_timer = False
        self._running = True
        self._interval_s = interval_s
        self._passes = 0
        self._every_process = True  # the first pass reads them all

    def try_start(self, by_timer: bool) -> bool:
        """True: start a pass now (the previous result is applied); False: it was noted as due."""
        with self._lock:
            if by_timer and not self._running:
                return False
            if not self._applied:
                if by_timer:
                    self._due_timer = True
                else:
                    self._due_asked = True
                return False
            self._applied = False
            self._due_asked = self._due_timer = False
            return True

    def mark_applied(self) -> bool:
        """The result is in the table; True if a pass became due meanwhile (start it now)."""
        with self._lock:
            self._applied = True
            due = self._due_asked or (self._due_timer and self._running)
            self._due_asked = self._due_timer = False
            return due

    def pass_done(self) -> int | None:
        """Count a finished pass; the milliseconds until the next one, None while not running."""
        with self._lock:
            self._passes += 1
            if not self._running:
                return None
            seconds = self._interval_s if self._passes > 1 else min(self._interval_s, FIRST_CPU_READING_S)
            return round(seconds * 1000)

    def ask_every_process(self) -> None:
        """The next pass to start reads every process (Refresh now, resume, restore)."""
        with self._lock:
            self._every_process = True

    def take_every_process(self) -> bool:
        """Whether the pass starting now must read every process; asked for once."""
        with self._lock:
            every_process, self._every_process = self._every_process, False
            return every_process

    @property
    def applying(self) -> bool:
        with self._lock:
            return not self._applied

    def set_running(self, running: bool) -> None:
        with self._lock:
            self._running = running
            if not running:
                self._due_timer = False

    def set_interval(self, seconds: float) -> None:
        with self._lock:
            self._interval_s = seconds


class PassClock(QObject):
    """Lives on the sampling thread and starts the sampler's passes from its own timer.

    A refresh thus wakes the sampling thread once (its timer) and the UI thread once (the
    result), instead of a UI timer, a queued request to this thread and the result. The
    timer is restarted when a pass ends; the pass it fires waits for the UI's apply
    through the :class:`PassGate`, so deltas never pile up.
    """

    #: A pass is about to start (emitted on the sampling thread).
    pass_started = Signal()

    def __init__(self, sampler: Sampler, gate: PassGate) -> None:
        super().__init__()
        self._sampler = sampler
        self._gate = gate
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timer_fired)

    @Slot()
    def run_pass(self) -> None:
        """One pass now if the previous result is applied, else as soon as it is."""
        self._start(by_timer=False)

    @Slot()
    def _timer_fired(self) -> None:
        self._start(by_timer=True)

    def _start(self, by_timer: bool) -> None:
        self._timer.stop()
        if not self._gate.try_start(by_timer):
            return
        self.pass_started.emit()
        result = self._sampler.take_pass(self._gate.take_every_process())
        wait_ms = self._gate.pass_done()
        if wait_ms is not None:
            self._timer.start(wait_ms)
        # Last: the UI thread wakes for the result and takes the GIL at once, instead of
        # waiting for this thread to let go of it (a second wake, which costs as much).
        self._sampler.sampled.emit(result)

    @Slot(int)
    def reschedule(self, wait_ms: int) -> None:
        """A new interval: a pass already waiting for its time waits this long instead."""
        if self._timer.isActive():
            self._timer.start(wait_ms)

    @Slot()
    def halt(self) -> None:
        """Stop the timer (on this thread, as Qt requires), before the thread ends."""
        self._timer.stop()
