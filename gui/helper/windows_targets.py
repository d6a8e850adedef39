"""Windows: each process opened first, its creation time compared, then terminated through that handle.

``OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION)`` pins the process
the way a pidfd does on Linux: while the helper holds the handle the PID cannot be
given to another process. So if ``GetProcessTimes`` through that handle shows the
creation time of the request (a FILETIME as one integer: 100-ns intervals since 1601,
what ProcPilot sends on Windows), ``TerminateProcess`` on the same handle ends exactly
that process; a PID reused in between gets nothing.

Windows has no polite signal: End (SIGTERM) and Force quit (SIGKILL) both terminate,
with exit code 1. Priorities (``SET_NICE``) are refused per entry for now.

The kernel32 functions come through :class:`Kernel32`, a table, so the tests run this
on Linux against a fake of it.
"""

import ctypes
from collections.abc import Sequence
from ctypes import wintypes
from typing import Any, Protocol

from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, Status

PROCESS_TERMINATE = 0x0001
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
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


class WindowsTargets:
    """Carries out the entries of one request on Windows (one run: no follow-ups)."""

    def __init__(self, entries: Sequence[Entry], kernel32: Kernel32, own_pid: int, parent_pid: int) -> None:
        self._entries = tuple(entries)
        self._kernel32 = kernel32
        self._own_pid = own_pid
        self._parent_pid = parent_pid

    def act(self, index: int) -> EntryResult:
        entry = self._entries[index]

        def result(status: Status, code: int = 0) -> EntryResult:
            return EntryResult(index, entry.pid, status, code)

        if entry.op is not Operation.SIGNAL or entry.value not in WINDOWS_SIGNALS:
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
            if created != entry.start:
                return result(Status.PID_REUSED)
            if not kernel32.TerminateProcess(handle, TERMINATED_EXIT_CODE):
                error = kernel32.GetLastError()
                status = Status.PERMISSION_DENIED if error == ERROR_ACCESS_DENIED else Status.FAILED
                return result(status, error)
            return result(Status.SENT)
        finally:
            kernel32.CloseHandle(handle)

    def close(self) -> None:
        """Nothing is held: each handle is closed as soon as its entry is done."""
