"""Windows: the helper as administrator through UAC (``ShellExecuteExW`` with "runas").

Windows shows its consent (or credentials) dialog and starts the helper elevated:
``procpilot.exe --elevated-helper FILE``. FILE is in a folder ``tempfile.mkdtemp``
made under the user's profile (``%LOCALAPPDATA%\\Temp``), which only the user, SYSTEM and
Administrators can open. An elevated program gets no pipes from us, so it answers in
``FILE.answer`` and takes its follow-ups from ``FILE.commands``, a file ProcPilot
appends to (:mod:`gui.actions.held_file_session`). ProcPilot watches it through the
process handle ``ShellExecuteExW`` returns (``WaitForSingleObject``,
``GetExitCodeProcess``). Dismissing the dialog is ``ERROR_CANCELLED`` (1223).

The Windows calls go through :class:`Win32`, a table of the functions used, so the tests
can run this code on Linux against a fake of that table.
"""

import ctypes
import subprocess
from collections.abc import Sequence
from ctypes import wintypes
from typing import Any, Protocol

from gui.actions.command_writers import CommandWriter, FileCommands
from gui.actions.helper_failure import HelperError, HelperFailure

SEE_MASK_NOCLOSEPROCESS = 0x00000040
SEE_MASK_NOASYNC = 0x00000100
SEE_MASK_FLAG_NO_UI = 0x00000400
SW_HIDE = 0
INFINITE = 0xFFFFFFFF
WAIT_OBJECT_0 = 0
ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_CANCELLED = 1223
WAIT_TIMEOUT = 258
_LAUNCHER = "UAC"


class SHELLEXECUTEINFOW(ctypes.Structure):
    _fields_ = [
        ("cbSize", wintypes.DWORD),
        ("fMask", wintypes.ULONG),
        ("hwnd", wintypes.HWND),
        ("lpVerb", wintypes.LPCWSTR),
        ("lpFile", wintypes.LPCWSTR),
        ("lpParameters", wintypes.LPCWSTR),
        ("lpDirectory", wintypes.LPCWSTR),
        ("nShow", ctypes.c_int),
        ("hInstApp", wintypes.HINSTANCE),
        ("lpIDList", ctypes.c_void_p),
        ("lpClass", wintypes.LPCWSTR),
        ("hkeyClass", wintypes.HKEY),
        ("dwHotKey", wintypes.DWORD),
        ("hIconOrMonitor", wintypes.HANDLE),
        ("hProcess", wintypes.HANDLE),
    ]


class Win32(Protocol):
    """The Windows functions this channel calls, with their Windows names and arguments."""

    def ShellExecuteExW(self, info: Any) -> int: ...  # noqa: N802 - Windows' names
    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int: ...  # noqa: N802
    def GetExitCodeProcess(self, handle: int, code: Any) -> int: ...  # noqa: N802
    def CloseHandle(self, handle: int) -> int: ...  # noqa: N802
    def GetLastError(self) -> int: ...  # noqa: N802


class _RealWin32:
    """The real functions, from shell32 and kernel32 (Windows only)."""

    def __init__(self) -> None:
        win_dll = getattr(ctypes, "WinDLL")  # noqa: B009 - absent from ctypes off Windows
        shell32 = win_dll("shell32", use_last_error=True)
        kernel32 = win_dll("kernel32", use_last_error=True)
        self.ShellExecuteExW = shell32.ShellExecuteExW
        self.ShellExecuteExW.argtypes = [ctypes.POINTER(SHELLEXECUTEINFOW)]
        self.ShellExecuteExW.restype = wintypes.BOOL
        self.WaitForSingleObject = kernel32.WaitForSingleObject
        self.GetExitCodeProcess = kernel32.GetExitCodeProcess
        self.CloseHandle = kernel32.CloseHandle

    def GetLastError(self) -> int:  # noqa: N802
        return int(getattr(ctypes, "get_last_error")())  # noqa: B009 - Windows only


class UacRun:
    """The elevated helper, through the process handle ``ShellExecuteExW`` gave (:class:`HelperRun`)."""

    stderr = ""  # an elevated program's standard error does not reach us

    def __init__(self, win32: Win32, handle: int) -> None:
        self._win32 = win32
        self._handle = handle
        self._status: int | None = None

    def exited(self, timeout_s: float) -> int | None:
        if self._status is not None:
            return self._status
        if not self._handle:
            raise HelperError(HelperFailure.BROKE_OFF, stderr="no process handle", launcher=_LAUNCHER)
        ms = min(INFINITE - 1, max(0, round(timeout_s * 1000)))
        if self._win32.WaitForSingleObject(self._handle, ms) != WAIT_OBJECT_0:
            return None
        code = wintypes.DWORD()
        if not self._win32.GetExitCodeProcess(self._handle, ctypes.byref(code)):
            error = self._win32.GetLastError()
            raise HelperError(HelperFailure.BROKE_OFF, stderr=f"error {error}", launcher=_LAUNCHER)
        self._status = int(code.value)
        return self._status

    def close(self) -> None:
        if self._handle:
            self._win32.CloseHandle(self._handle)
            self._handle = 0


class UacChannel:
    """A :class:`~gui.actions.held_file_session.RequestFileChannel` for Windows."""

    def __init__(self, helper_command: Sequence[str], win32: Win32 | None = None) -> None:
        self._command = tuple(helper_command)
        self._win32 = win32

    @property
    def win32(self) -> Win32:
        if self._win32 is None:
            self._win32 = _RealWin32()
        return self._win32

    def open_commands(self, path: str) -> CommandWriter:
        return FileCommands(path)

    def launch(self, request_file: str) -> UacRun:
        program, *arguments = self._command
        info = SHELLEXECUTEINFOW()
        info.cbSize = ctypes.sizeof(SHELLEXECUTEINFOW)
        info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI
        info.lpVerb = "runas"
        info.lpFile = program
        info.lpParameters = subprocess.list2cmdline([*arguments, request_file])
        info.nShow = SW_HIDE
        win32 = self.win32
        if not win32.ShellExecuteExW(ctypes.byref(info)):
            error = win32.GetLastError()
            if error == ERROR_CANCELLED:
                raise HelperError(
                    HelperFailure.CANCELLED, exit_status=error, stderr="cancelled", launcher=_LAUNCHER
                )
            failure = (
                HelperFailure.NOT_STARTED
                if error in (ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND)
                else HelperFailure.LAUNCHER_ERROR
            )
            raise HelperError(
                failure,
                exit_status=error,
                stderr=f"ShellExecuteExW failed, error {error}",
                launcher=_LAUNCHER,
            )
        if not info.hProcess:
            raise HelperError(
                HelperFailure.LAUNCHER_ERROR, stderr="no process to wait for", launcher=_LAUNCHER
            )
        return UacRun(win32, info.hProcess)
