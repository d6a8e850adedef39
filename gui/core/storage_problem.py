"""Things ProcPilot could not store (settings, its log), each announced to the user once.

Qt-free: the log handler reports from whichever thread was logging; the window turns
the ids into words.
"""

import threading
from collections.abc import Callable
from enum import Enum


class StorageProblem(Enum):
    SETTINGS_NOT_SAVED = "settings_not_saved"
    LOG_NOT_WRITTEN = "log_not_written"


Listener = Callable[[StorageProblem], None]


class StorageProblems:
    """Remembers which problems happened and tells each listener about each problem once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: list[StorageProblem] = []
        self._listeners: list[Listener] = []

    @property
    def seen(self) -> tuple[StorageProblem, ...]:
        with self._lock:
            return tuple(self._seen)

    def report(self, problem: StorageProblem) -> None:
        """Note ``problem``; listeners hear of it the first time only (on the calling thread)."""
        with self._lock:
            if problem in self._seen:
                return
            self._seen.append(problem)
            listeners = list(self._listeners)
        for listener in listeners:
            listener(problem)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` for each problem so far, now, and for each new one later."""
        with self._lock:
            self._listeners.append(listener)
            earlier = list(self._seen)
        for problem in earlier:
            listener(problem)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)
