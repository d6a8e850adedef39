"""An open reference to one specific process, so a signal never reaches a reused PID."""

import errno
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psutil

from gui.core.process_key import ProcessKey
from gui.platforms.open_files import pidfd_budget

#: psutil derives start times from boot time and clock ticks; the same process
#: always reads the same value, but allow for float noise.
_START_TIME_TOLERANCE_S = 0.01


class ProcessGone(Exception):
    """The process exited before it could be opened."""


class PidReused(Exception):
    """The PID now belongs to a different process than the one the user chose."""


class IdentityUnknown(Exception):
    """The OS would not tell the process's start time, so it cannot be told apart from a
    process that reused its PID: nothing is sent to it."""


def _has_pidfd() -> bool:
    return hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")


class _PidfdCount:
    """How many pidfds are open, so that waiting on thousands never starves the app of files."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.open = 0

    def take(self) -> bool:
        with self._lock:
            if self.open >= pidfd_budget():
                return False
            self.open += 1
            return True

    def give_back(self) -> None:
        with self._lock:
            self.open -= 1


_pidfds = _PidfdCount()


def _open_pidfd(pid: int) -> int | None:
    """A pidfd for ``pid``, or ``None`` where there is none to be had (old kernel, no files left)."""
    if not _has_pidfd() or not _pidfds.take():
        return None
    try:
        return os.pidfd_open(pid)
    except ProcessLookupError:
        _pidfds.give_back()
        raise ProcessGone(pid) from None
    except OSError as error:
        _pidfds.give_back()
        if error.errno not in (errno.EMFILE, errno.ENFILE, errno.ENOSYS, errno.EPERM, errno.EINVAL):
            raise
        return None  # psutil's own start-time check guards every later signal instead


class ProcessHandle:
    """One process, identified by pid + start time and verified when opened.

    On Linux a pidfd is opened *before* the start time is checked, so every
    later signal goes to exactly the process that was checked, even if it exits
    and its PID is reused in between. Elsewhere (or without a pidfd to spare)
    psutil's own check is used, which leaves a window of microseconds.
    """

    def __init__(self, key: ProcessKey, process: psutil.Process, pidfd: int | None) -> None:
        self.key = key
        self.process = process
        self._pidfd = pidfd

    @classmethod
    def open(cls, key: ProcessKey) -> "ProcessHandle":
        """Open ``key``; raises :class:`ProcessGone`, :class:`PidReused` or :class:`IdentityUnknown`.

        The identity is checked on every path, and the pidfd is closed on every failure.
        """
        pidfd = _open_pidfd(key.pid)
        try:
            process = psutil.Process(key.pid)
            started = process.create_time()
        except psutil.NoSuchProcess:
            _close_fd(pidfd)
            raise ProcessGone(key) from None
        except psutil.AccessDenied:
            _close_fd(pidfd)
            raise IdentityUnknown(key) from None
        except BaseException:
            _close_fd(pidfd)
            raise
        if abs(started - key.create_time) > _START_TIME_TOLERANCE_S:
            _close_fd(pidfd)
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

    def _status(self) -> str | None:
        try:
            return self.process.status()
        except psutil.Error:
            return None

    def is_zombie(self) -> bool:
        return self._status() == psutil.STATUS_ZOMBIE

    def is_stopped(self) -> bool:
        """Whether the process is stopped (suspended): a polite end waits until it is resumed."""
        return self._status() == psutil.STATUS_STOPPED

    def reaches_stopped_state(self, stopped: bool, timeout_s: float) -> bool:
        """Wait (off the UI thread) until the process is stopped, or no longer stopped."""
        deadline = time.monotonic() + timeout_s
        while True:
            status = self._status()
            if status is None:  # gone: not stopped any more (a pending End ended it)
                return not stopped
            if (status == psutil.STATUS_STOPPED) == stopped:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)

    def parent(self) -> tuple[str, int] | None:
        """Name and PID of the parent, for messages about zombies."""
        try:
            parent = self.process.parent()
            return None if parent is None else (parent.name(), parent.pid)
        except psutil.Error:
            return None

    def has_exited(self) -> bool:
        """Whether the process has terminated (a zombie has: only its entry remains).

        Without a pidfd, psutil's check of pid + start time tells a reused PID apart.
        """
        if self._pidfd is not None:
            import select  # noqa: PLC0415 - only where pidfds exist

            poller = select.poll()
            poller.register(self._pidfd, select.POLLIN)
            return bool(poller.poll(0))
        try:
            return not self.process.is_running() or self.process.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True
        except psutil.AccessDenied:
            return False

    def close(self) -> None:
        _close_fd(self._pidfd)
        self._pidfd = None

    def fileno(self) -> int | None:
        """The pidfd, readable once the process has exited; ``None`` without one."""
        return self._pidfd


def _close_fd(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)
        _pidfds.give_back()
