"""Reads open details windows' processes on a worker thread, only while a window is open.

One feed serves every details window: each tick reads the resources of all watched
processes in one go (USS/PSS every few ticks: they walk the memory map), and the next
tick is scheduled only once the previous readings arrived, so a slow read never piles up.
Facts and tabs are read once on request. Nothing here runs while no window is open: the
thread starts with the first window and the timer stops with the last.
"""

import time

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from gui.core.process_details import ResourceReading, Tab
from gui.core.process_key import ProcessKey
from gui.platforms.process_details import ProcessDetailsReader
from gui.platforms.process_handle import PidReused, ProcessGone

#: Resources are read this often while a window is open.
TICK_MS = 1000
#: USS and PSS are read at every this-many ticks (and at the first): every 10 s.
FULL_MEMORY_EVERY = 10


class ProcessEnded:
    """A reading's answer when the process has exited (or its PID now names another one)."""

    __slots__ = ("key",)

    def __init__(self, key: ProcessKey) -> None:
        self.key = key


class _DetailsWorker(QObject):
    """Lives on the feed's thread; emits immutable readings."""

    facts_read = Signal(object)  # ProcessFacts | ProcessEnded
    resources_read = Signal(object)  # tuple[ResourceReading | ProcessEnded, ...]
    tab_read = Signal(object)  # TabReading

    def __init__(self, reader: ProcessDetailsReader) -> None:
        super().__init__()
        self._reader = reader

    @Slot(object)
    def read_facts(self, key: ProcessKey) -> None:
        try:
            self.facts_read.emit(self._reader.facts(key))
        except (ProcessGone, PidReused):
            self.facts_read.emit(ProcessEnded(key))

    @Slot(object, object)
    def read_resources(self, keys: tuple[ProcessKey, ...], full_memory: frozenset[ProcessKey]) -> None:
        readings: list[ResourceReading | ProcessEnded] = []
        for key in keys:
            try:
                full = key in full_memory
                readings.append(self._reader.resources(key, time.monotonic(), full_memory=full))
            except (ProcessGone, PidReused):
                readings.append(ProcessEnded(key))
        self.resources_read.emit(tuple(readings))

    @Slot(object, object)
    def read_tab(self, key: ProcessKey, tab: Tab) -> None:
        self.tab_read.emit(self._reader.tab(key, tab))


class DetailsFeed(QObject):
    """Lives on the UI thread; the details windows ask it, and listen to its three signals."""

    facts_read = Signal(object)
    resources_read = Signal(object)
    tab_read = Signal(object)
    _facts_requested = Signal(object)
    _resources_requested = Signal(object, object)
    _tab_requested = Signal(object, object)

    def __init__(self, reader: ProcessDetailsReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._watched: list[ProcessKey] = []
        #: Processes whose USS and PSS have not been read yet (a new window's).
        self._full_due: set[ProcessKey] = set()
        self._in_flight = False
        self._tick_again = False  # a window opened while a reading was under way
        self._ticks = 0
        self._thread: QThread | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

    def _ensure_thread(self) -> None:
        if self._thread is not None:
            return
        thread = QThread()
        thread.setObjectName("procpilot-details")
        worker = _DetailsWorker(self.reader)
        worker.moveToThread(thread)
        self._facts_requested.connect(worker.read_facts)
        self._resources_requested.connect(worker.read_resources)
        self._tab_requested.connect(worker.read_tab)
        worker.facts_read.connect(self.facts_read)
        worker.resources_read.connect(self._resources_arrived)
        worker.tab_read.connect(self.tab_read)
        thread.finished.connect(worker.deleteLater)
        self._worker = worker
        self._thread = thread
        thread.start()

    @property
    def watched(self) -> tuple[ProcessKey, ...]:
        return tuple(self._watched)

    def watch(self, key: ProcessKey) -> None:
        """Read ``key``'s facts now, and its resources every tick until :meth:`unwatch`."""
        self._ensure_thread()
        if key not in self._watched:
            self._watched.append(key)
            self._full_due.add(key)
        self._facts_requested.emit(key)
        if self._in_flight:
            self._tick_again = True
        else:
            self._timer.stop()
            self._tick()

    def unwatch(self, key: ProcessKey) -> None:
        if key in self._watched:
            self._watched.remove(key)
        self._full_due.discard(key)
        if not self._watched:
            self._timer.stop()

    def read_tab(self, key: ProcessKey, tab: Tab) -> None:
        self._ensure_thread()
        self._tab_requested.emit(key, tab)

    def _tick(self) -> None:
        if not self._watched or self._thread is None:
            return
        self._in_flight = True
        every = self._ticks % FULL_MEMORY_EVERY == 0
        self._ticks += 1
        full_memory = frozenset(self._watched if every else self._full_due)
        self._full_due.clear()
        self._resources_requested.emit(tuple(self._watched), full_memory)

    @Slot(object)
    def _resources_arrived(self, readings: tuple[ResourceReading | ProcessEnded, ...]) -> None:
        self._in_flight = False
        self.resources_read.emit(readings)
        if self._watched and not self._timer.isActive():
            self._timer.start(0 if self._tick_again else TICK_MS)
        self._tick_again = False

    def shutdown(self) -> None:
        """Stop the timer and join the thread (waits for a reading under way)."""
        self._timer.stop()
        self._watched.clear()
        self._full_due.clear()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
