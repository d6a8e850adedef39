"""An open reference to one specific process, so a signal never reaches a reused PID."""

import os
import select
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psutil

from gui.core.process_key import ProcessKey

#: psutil derives start times from boot time and clock ticks; the same process
#: always reads the same value, but allow for float noise.
_START_TIME_TOLERANCE_S = 0.01
_POLL_INTERVAL_S = 0.05
#: Longest a wait sleeps before looking at its cancel flag.
_CANCEL_CHECK_S = 0.1


class ProcessGone(Exception):
    """The process exited before it could be opened."""


class PidReused(Exception):
    """The PID now belongs to a different process than the one the user chose."""


def _has_pidfd() -> bool:
    return hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")


class ProcessHandle:
    """One process, identified by pid + start time and verified when opened.

    On Linux a pidfd is opened *before* the start time is checked, so every
    later signal goes to exactly the process that was checked, even if it exits
    and its PID is reused in between. Elsewhere psutil's own check is used,
    which leaves a window of microseconds.
    """

    def __init__(self, key: ProcessKey, process: psutil.Process, pidfd: int | None) -> None:
        self.key = key
        self.process = process
        self._pidfd = pidfd

    @classmethod
    def open(cls, key: ProcessKey) -> "ProcessHandle":
        """Open ``key``; raises :class:`ProcessGone` or :class:`PidReused`."""
        pidfd = None
        if _has_pidfd():
            try:
                pidfd = os.pidfd_open(key.pid)
            except ProcessLookupError:
                raise ProcessGone(key) from None
            except OSError:
                pidfd = None  # e.g. seccomp or an old kernel: fall back to psutil's check
        try:
            process = psutil.Process(key.pid)
            started = process.create_time()
        except psutil.NoSuchProcess:
            cls._close_fd(pidfd)
            raise ProcessGone(key) from None
        except psutil.AccessDenied:
            started = key.create_time  # cannot check; psutil re-checks on send
            process = psutil.Process(key.pid)
        if key.create_time and abs(started - key.create_time) > _START_TIME_TOLERANCE_S:
            cls._close_fd(pidfd)
            raise PidReused(key)
        return cls(key, process, pidfd)

    def send_signal(self, number: int) -> None:
        """Deliver a POSIX signal; raises ProcessLookupError or PermissionError."""
        if self._pidfd is not None:
            signal.pidfd_send_signal(self._pidfd, number)
            return
        with self._as_os_errors():
            self.process.send_signal(number)

    def terminate(self) -> None:
        """Windows' TerminateProcess through psutil (which checks the start time)."""
        with self._as_os_errors():
            self.process.terminate()

    @contextmanager
    def _as_os_errors(self) -> Iterator[None]:
        """psutil's errors as the ones ``os.kill`` raises, so callers handle one kind."""
        try:
            yield
        except psutil.NoSuchProcess:
            raise ProcessLookupError(self.key.pid) from None
        except psutil.AccessDenied:
            raise PermissionError(self.key.pid) from None

    def is_zombie(self) -> bool:
        try:
            return self.process.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    def reaches_stopped_state(self, stopped: bool, timeout_s: float) -> bool:
        """Wait (off the UI thread) until the process is stopped, or no longer stopped."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if (self.process.status() == psutil.STATUS_STOPPED) == stopped:
                    return True
            except psutil.NoSuchProcess:
                return False
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)

    def parent_description(self) -> str | None:
        """``name (PID n)`` of the parent, for messages about zombies."""
        try:
            parent = self.process.parent()
            return None if parent is None else f"{parent.name()} (PID {parent.pid})"
        except psutil.Error:
            return None

    def has_exited(self) -> bool:
        """Whether the process has terminated (a zombie has: only its entry remains)."""
        if self._pidfd is not None:
            poller = select.poll()
            poller.register(self._pidfd, select.POLLIN)
            return bool(poller.poll(0))
        try:
            return not self.process.is_running() or self.process.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    def close(self) -> None:
        self._close_fd(self._pidfd)
        self._pidfd = None

    @staticmethod
    def _close_fd(fd: int | None) -> None:
        if fd is not None:
            os.close(fd)

    def fileno(self) -> int | None:
        return self._pidfd


def wait_for_exit(
    handles: Sequence[ProcessHandle], timeout_s: float, cancelled: threading.Event | None = None
) -> list[ProcessHandle]:
    """Block (off the UI thread) until all exited, the timeout, or ``cancelled``.

    Returns the handles still running. pidfds are polled, so a Linux wait
    sleeps in the kernel instead of polling.
    """
    deadline = time.monotonic() + timeout_s
    running = [handle for handle in handles if not handle.has_exited()]
    while running and not (cancelled and cancelled.is_set()):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        slice_s = min(remaining, _CANCEL_CHECK_S)
        fds = [handle.fileno() for handle in running]
        if all(fd is not None for fd in fds):
            poller = select.poll()
            for fd in fds:
                poller.register(fd, select.POLLIN)  # type: ignore[arg-type]
            poller.poll(max(1, round(slice_s * 1000)))
        else:
            time.sleep(min(_POLL_INTERVAL_S, slice_s))
        running = [handle for handle in running if not handle.has_exited()]
    return running
