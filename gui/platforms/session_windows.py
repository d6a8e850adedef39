"""The session's one window source, shared by the sampler's thread and the action workers.

Opened lazily by the first ``refresh()`` (the sampler's first pass, on its thread: opening
may block on a remote display); requests before that, or after ``shutdown()``, report the
windows unavailable. The source itself is thread-safe; this only guards opening and closing.
"""

import threading
from collections.abc import Callable, Mapping

from gui.core.window_info import WindowInfo, WindowList, WindowsUnavailable, unavailable_list
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms.window_source import WindowSource

_CLOSED = unavailable_list(WindowsUnavailable.CLOSED)


class SessionWindows:
    """A :class:`WindowSource` that opens itself on first refresh and closes once."""

    def __init__(
        self, open_windows: Callable[[Mapping[str, str]], WindowSource], environ: Mapping[str, str]
    ) -> None:
        self._open_windows = open_windows
        self._environ = dict(environ)
        self._lock = threading.Lock()
        self._source: WindowSource | None = None
        self._closed = False

    def refresh(self) -> WindowList:
        source = self._opened()
        return source.refresh() if source is not None else _CLOSED

    def windows_of(self, pids: frozenset[int]) -> tuple[WindowInfo, ...]:
        source = self._current()
        return source.windows_of(pids) if source is not None else ()

    def close(self, window: WindowInfo) -> CloseOutcome:
        source = self._current()
        return source.close(window) if source is not None else CloseOutcome.UNAVAILABLE

    def activate(self, window: WindowInfo) -> ActivateOutcome:
        source = self._current()
        return source.activate(window) if source is not None else ActivateOutcome.UNAVAILABLE

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            source, self._source = self._source, None
        if source is not None:
            source.shutdown()

    @property
    def is_open(self) -> bool:
        """Whether a source is open now (tests check that quitting let go of it)."""
        with self._lock:
            return self._source is not None

    def _current(self) -> WindowSource | None:
        with self._lock:
            return self._source

    def _opened(self) -> WindowSource | None:
        with self._lock:
            if self._source is None and not self._closed:
                # Under the lock: a shutdown() meanwhile waits, then closes what was opened.
                self._source = self._open_windows(self._environ)
            return self._source
