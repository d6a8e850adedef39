"""Windows: each process opened first, its creation time compared, then terminated through that handle.

``OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION)`` pins the process
the way a pidfd does on Linux: while the helper holds the handle the PID cannot be
given to another process. So if ``GetProcessTimes`` through that handle shows the
creation time of the request (a FILETIME as one integer: 100-ns intervals since 1601,
what ProcPilot sends on Windows), ``TerminateProcess`` on the same handle ends exactly
that process; a PID reused in between gets nothing.

Windows has no polite signal: End (SIGTERM) and Force quit (SIGKILL) both terminate,
with exit code 1. Priorities (``SET_NICE``) are refused per entry for now.

Follow-ups (:mod:`gui.helper.follow_ups`): ``TerminateProcess`` only starts the end, so
a process can outlive it for a while (one stuck in a driver, for long). Waiting opens
each signalled process again and checks its creation time and exit code; a follow-up
(Force quit) goes through exactly the request's path: opened, creation time compared
through the handle, terminated through it. One that exited in between is reported gone.

The kernel32 functions come through :class:`Kernel32`, a table, so the tests run this
on Linux against a fake of it.
"""

import ctypes
import time
from collections.abc import Callable, Sequence
from ctypes import wintypes
from typing import Any, Protocol

from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, Status
from gui.helper.polled_targets import PolledTargets

PROCESS_TERMINATE = 0x0001
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
SYNCHRONIZE = 0x00100000
STILL_ACTIVE = 259
WAIT_OBJECT_0 = 0
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PARAMETER = 87  # OpenProcess: no process with that id
#: The System process (the kernel's); 0 is the idle process, refused by the protocol already.
SYSTEM_PID = 4
#: The exit code a terminated process gets.
TERMINATED_EXIT_CODE = 1
#: The protocol's signal numbers the Windows helper takes; both mean TerminateProcess.
SIGTERM_NUMBER = 15
SIGKILL_NUMBER = 9
WINDOWS_SIGNALS = frozenset({SIGTERM_NUMBER, SIGKILL_NUMBER})


class Kernel32(Protocol):
    """The kernel32 functions the Windows helper calls, with Windows' names and arguments."""

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int: ...  # noqa: N802 - Windows' names
    def GetProcessTimes(self, handle: int, *times: Any) -> int: ...  # noqa: N802
    def TerminateProcess(self, handle: int, exit_code: int) -> int: ...  # noqa: N802
    def GetExitCodeProcess(self, handle: int, code: Any) -> int: ...  # noqa: N802
    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int: ...  # noqa: N802
    def CloseHandle(self, handle: int) -> int: ...  # noqa: N802
    def GetLastError(self) -> int: ...  # noqa: N802


class RealKernel32:
    """The real functions (Windows only)."""

    def __init__(self) -> None:
        kernel32 = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009 - Windows only
        self.OpenProcess = kernel32.OpenProcess
        self.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
        self.OpenProcess.restype = wintypes.HANDLE
        self.GetProcessTimes = kernel32.GetProcessTimes
        self.TerminateProcess = kernel32.TerminateProcess
        self.TerminateProcess.argtypes = [wintypes.HANDLE, wintypes.UINT]
        self.GetExitCodeProcess = kernel32.GetExitCodeProcess
        self.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
        self.WaitForSingleObject = kernel32.WaitForSingleObject
        self.WaitForSingleObject.argtypes = [wintypes.HANDLE, wintypes.DWORD]
        self.WaitForSingleObject.restype = wintypes.DWORD
        self.CloseHandle = kernel32.CloseHandle

    def GetLastError(self) -> int:  # noqa: N802
        return int(getattr(ctypes, "get_last_error")())  # noqa: B009 - Windows only


def filetime_value(value: wintypes.FILETIME) -> int:
    """A FILETIME as one integer: 100-ns intervals since 1601."""
    return (int(value.dwHighDateTime) << 32) | int(value.dwLowDateTime)


def creation_time(kernel32: Kernel32, handle: int) -> int | None:
    """The creation time of the process behind ``handle``, or ``None`` if Windows would not say."""
    created, ended, kernel, user = (wintypes.FILETIME() for _ in range(4))
    if not kernel32.GetProcessTimes(
        handle, ctypes.byref(created), ctypes.byref(ended), ctypes.byref(kernel), ctypes.byref(user)
    ):
        return None
    return filetime_value(created)


def creation_time_of(kernel32: Kernel32, pid: int) -> int:
    """The creation time of ``pid`` (for ProcPilot's request); ``ProcessLookupError`` if gone,
    ``PermissionError`` if Windows will not even tell the time."""
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        if kernel32.GetLastError() == ERROR_ACCESS_DENIED:
            raise PermissionError(pid)
        raise ProcessLookupError(pid)
    try:
        created = creation_time(kernel32, handle)
    finally:
        kernel32.CloseHandle(handle)
    if created is None:
        raise ProcessLookupError(pid)
    return created


class WindowsTargets(PolledTargets):
    """Carries out the entries of one request on Windows, and the follow-ups for those it terminated."""

    def __init__(
        self,
        entries: Sequence[Entry],
        kernel32: Kernel32,
        own_pid: int,
        parent_pid: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(entries, own_pid, parent_pid, clock=clock, pause=pause)
        self._kernel32 = kernel32

    def _runs(self, index: int) -> bool:
        """Whether that very process has not exited yet (same creation time, no exit code)."""
        entry = self._entries[index]
        kernel32 = self._kernel32
        handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, entry.pid)
        if not handle:
            return kernel32.GetLastError() == ERROR_ACCESS_DENIED  # cannot tell: still held
        try:
            if creation_time(kernel32, handle) != entry.start:
                return False
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

    def _check_and_send(self, index: int, number: int, *, follow_up: bool) -> EntryResult:
        """Opened, creation time compared through the handle, terminated through it."""
        entry = self._entries[index]

        def result(status: Status, code: int = 0) -> EntryResult:
            return EntryResult(index, entry.pid, status, code)

        if entry.op is not Operation.SIGNAL or number not in WINDOWS_SIGNALS:
            return result(Status.REFUSED, Refusal.NOT_SUPPORTED)
        if entry.pid == SYSTEM_PID:
            return result(Status.REFUSED, Refusal.KERNEL_THREAD)
        if entry.pid == self._own_pid:
            return result(Status.REFUSED, Refusal.SELF)
        if entry.pid == self._parent_pid:
            return result(Status.REFUSED, Refusal.PARENT)
        kernel32 = self._kernel32
        handle = kernel32.OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION, False, entry.pid)
        if not handle:
            error = kernel32.GetLastError()
            if error == ERROR_INVALID_PARAMETER:
                return result(Status.GONE)
            if error == ERROR_ACCESS_DENIED:
                return result(Status.PERMISSION_DENIED, error)
            return result(Status.FAILED, error)
        try:
            created = creation_time(kernel32, handle)
            if created is None:
                return result(Status.FAILED, kernel32.GetLastError())
            if created != entry.start:  # in a follow-up: the process terminated before has gone
                return result(Status.GONE if follow_up else Status.PID_REUSED)
            if follow_up and not self._runs(index):
                return result(Status.GONE)
            if not kernel32.TerminateProcess(handle, TERMINATED_EXIT_CODE):
                error = kernel32.GetLastError()
                status = Status.PERMISSION_DENIED if error == ERROR_ACCESS_DENIED else Status.FAILED
                return result(status, error)
            return result(Status.SENT)
        finally:
            kernel32.CloseHandle(handle)


def parent_watch(kernel32: Kernel32, parent_pid: int) -> tuple[Callable[[float], bool], Callable[[], None]]:
    """``(gone, close)``: ``gone(timeout_s)`` waits up to ``timeout_s`` for the helper's parent
    (ProcPilot, which UAC makes the parent of the program it elevates) to exit and says
    whether it has. The parent is opened once, now, while it waits for the helper: the handle
    keeps its PID from being given to another process."""
    handle = kernel32.OpenProcess(SYNCHRONIZE, False, parent_pid)

    def gone(timeout_s: float) -> bool:
        if not handle:
            return True
        return kernel32.WaitForSingleObject(handle, max(0, round(timeout_s * 1000))) == WAIT_OBJECT_0

    def close() -> None:
        if handle:
            kernel32.CloseHandle(handle)

    return gone, close
