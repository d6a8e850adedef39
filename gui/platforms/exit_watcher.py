"""One thread that waits for every process ProcPilot asked to end.

Waiting used to hold an action thread per request for the whole grace period, so
four ignored Ends delayed a fifth Force quit by their 30 s. Here every wait is an
entry in one list: pidfds are polled together in the kernel, processes without one
(other systems, or more processes than files) are looked at every few tens of ms.
"""

import contextlib
import logging
import os
import select
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from gui.platforms.process_handle import ProcessHandle

logger = logging.getLogger(__name__)

#: How often processes without a pidfd are looked at (each look costs a /proc read).
_POLL_WITHOUT_PIDFD_S = 0.05
#: A longer interval when there are many of them, so the look itself stays a small cost.
_POLL_PER_THOUSAND_S = 0.1
_CAN_POLL = hasattr(select, "poll")


@dataclass(frozen=True, slots=True)
class WaitOutcome:
    """How one wait ended: which processes exited, which still run, and whether it was cut short."""

    exited: tuple[ProcessHandle, ...]
    running: tuple[ProcessHandle, ...]
    cancelled: bool = False


WaitDone = Callable[[WaitOutcome], None]


@dataclass(slots=True)
class _Wait:
    handles: tuple[ProcessHandle, ...]
    deadline: float
    done: WaitDone
    exited: set[int] = field(default_factory=set)  # indexes into handles

    def running(self) -> list[int]:
        return [i for i in range(len(self.handles)) if i not in self.exited]

    def outcome(self, cancelled: bool = False) -> WaitOutcome:
        return WaitOutcome(
            tuple(self.handles[i] for i in sorted(self.exited)),
            tuple(self.handles[i] for i in self.running()),
            cancelled,
        )


class ExitWatcher:
    """Calls each wait's ``done`` (on its own thread) once all exited, or at its deadline.

    After :meth:`shutdown`, every open wait gets ``done`` with ``cancelled`` set, and
    nothing is waited for again: what ``done`` does then is up to the caller (the
    action runner sends nothing more).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waits: list[_Wait] = []
        self._closed = False
        self._thread: threading.Thread | None = None
        self._woken = threading.Event()
        self._wake_read = self._wake_write = -1
        if _CAN_POLL:
            self._wake_read, self._wake_write = os.pipe()
            os.set_blocking(self._wake_read, False)
            os.set_blocking(self._wake_write, False)

    def watch(self, handles: Sequence[ProcessHandle], timeout_s: float, done: WaitDone) -> None:
        """Wait up to ``timeout_s`` for ``handles`` to exit, then call ``done``."""
        wait = _Wait(tuple(handles), time.monotonic() + timeout_s, done)
        with self._lock:
            closed = self._closed
            if not closed:
                self._waits.append(wait)
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._run, name="procpilot-exit-watcher", daemon=True
                    )
                    self._thread.start()
        if closed:
            _call(done, wait.outcome(cancelled=True))
            return
        self._wake()

    @property
    def waiting(self) -> int:
        """How many waits are open."""
        with self._lock:
            return len(self._waits)

    def shutdown(self) -> None:
        """Cut every wait short (``cancelled``) and stop the thread."""
        with self._lock:
            self._closed = True
            waits, self._waits = self._waits, []
            thread = self._thread
        self._wake()
        if thread is not None:
            thread.join(timeout=5)
        if self._wake_read >= 0 and (thread is None or not thread.is_alive()):
            os.close(self._wake_read)
            os.close(self._wake_write)
            self._wake_read = self._wake_write = -1
        for wait in waits:
            _call(wait.done, wait.outcome(cancelled=True))

    def _wake(self) -> None:
        self._woken.set()
        if self._wake_write < 0:
            return
        with contextlib.suppress(BlockingIOError):  # a wake-up is pending already
            os.write(self._wake_write, b"w")

    # The watching thread ------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                waits = list(self._waits)
            ready = self._sleep(waits)
            self._look(waits, ready)
            now = time.monotonic()
            finished = [w for w in waits if not w.running() or now >= w.deadline]
            if finished:
                with self._lock:
                    if self._closed:
                        return  # shutdown() reports them as cancelled
                    self._waits = [w for w in self._waits if w not in finished]
                for wait in finished:
                    _call(wait.done, wait.outcome())

    def _sleep(self, waits: list[_Wait]) -> set[int]:
        """Sleep until a process exits, a deadline comes, a new wait arrives, or the next look.

        Returns the pidfds that became readable (their processes exited).
        """
        now = time.monotonic()
        timeout = min((w.deadline - now for w in waits), default=3600.0)
        fds: list[int] = []
        without_fd = 0
        for wait in waits:
            for index in wait.running():
                fd = wait.handles[index].fileno()
                if fd is None:
                    without_fd += 1
                else:
                    fds.append(fd)
        if without_fd:
            timeout = min(timeout, _POLL_WITHOUT_PIDFD_S + _POLL_PER_THOUSAND_S * (without_fd // 1000))
        timeout = max(timeout, 0.0)
        ready: set[int] = set()
        if _CAN_POLL:
            poller = select.poll()
            poller.register(self._wake_read, select.POLLIN)
            for fd in fds:
                poller.register(fd, select.POLLIN)
            events = poller.poll(round(timeout * 1000) if timeout < 3600 else None)
            ready = {fd for fd, _ in events}
            with contextlib.suppress(BlockingIOError):
                while os.read(self._wake_read, 4096):
                    pass
        else:  # Windows: no pidfds and no poll(); look again in short slices
            self._woken.wait(min(timeout, _POLL_WITHOUT_PIDFD_S))
        self._woken.clear()
        return ready

    @staticmethod
    def _look(waits: list[_Wait], ready: set[int]) -> None:
        for wait in waits:
            for index in wait.running():
                handle = wait.handles[index]
                fd = handle.fileno()
                if (fd in ready) if fd is not None else handle.has_exited():
                    wait.exited.add(index)


def _call(done: WaitDone, outcome: WaitOutcome) -> None:
    try:
        done(outcome)
    except Exception:
        logger.exception("Handling the end of a wait failed")
