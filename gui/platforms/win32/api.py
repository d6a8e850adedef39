"""The Win32 functions ProcPilot calls, as typed tables, and the real DLLs behind them.

The tables are :class:`~typing.Protocol`\\ s with the functions' own names and ctypes'
calling convention (handles as ``int`` or ``None``, out-parameters as ``ctypes.pointer``s),
so the tests hand in fakes that fill the same pointers.
"""

import ctypes
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

#: ``HWND``, ``LPARAM``: a handle as ctypes returns it (``None`` for NULL).
Handle = int | None

# Constants from WinUser.h and dwmapi.h.
GW_OWNER = 4
GWL_EXSTYLE = -20
WS_EX_TOOLWINDOW = 0x00000080
WS_EX_APPWINDOW = 0x00040000
WM_CLOSE = 0x0010
SW_RESTORE = 9
DWMWA_CLOAKED = 14
S_OK = 0

if sys.platform == "win32":
    _FUNCTION_TYPE = ctypes.WINFUNCTYPE
else:  # the same signature, for the tests' fakes (Windows uses stdcall only on 32-bit x86)
    _FUNCTION_TYPE = ctypes.CFUNCTYPE

#: ``WNDENUMPROC``: ``BOOL CALLBACK (HWND, LPARAM)``.
WNDENUMPROC = _FUNCTION_TYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
EnumCallback = Callable[[Handle, Handle], int]


class User32(Protocol):
    def EnumWindows(self, callback: Any, lparam: Handle) -> int: ...
    def EnumChildWindows(self, parent: Handle, callback: Any, lparam: Handle) -> int: ...
    def GetClassNameW(self, hwnd: Handle, buffer: Any, size: int) -> int: ...
    def IsWindow(self, hwnd: Handle) -> int: ...
    def IsWindowVisible(self, hwnd: Handle) -> int: ...
    def IsIconic(self, hwnd: Handle) -> int: ...
    def GetWindow(self, hwnd: Handle, command: int) -> Handle: ...
    def GetShellWindow(self) -> Handle: ...
    def GetWindowLongW(self, hwnd: Handle, index: int) -> int: ...
    def GetWindowThreadProcessId(self, hwnd: Handle, pid: Any) -> int: ...
    def GetWindowTextLengthW(self, hwnd: Handle) -> int: ...
    def GetWindowTextW(self, hwnd: Handle, buffer: Any, size: int) -> int: ...
    def PostMessageW(self, hwnd: Handle, message: int, wparam: int, lparam: int) -> int: ...
    def SetForegroundWindow(self, hwnd: Handle) -> int: ...
    def ShowWindowAsync(self, hwnd: Handle, command: int) -> int: ...


class Kernel32(Protocol):
    def ProcessIdToSessionId(self, pid: int, session: Any) -> int: ...


class Dwmapi(Protocol):
    def DwmGetWindowAttribute(self, hwnd: Handle, attribute: int, value: Any, size: int) -> int: ...


class Version(Protocol):
    def GetFileVersionInfoSizeW(self, path: str, handle: Any) -> int: ...
    def GetFileVersionInfoW(self, path: str, handle: int, size: int, data: Any) -> int: ...
    def VerQueryValueW(self, block: Any, sub_block: str, pointer: Any, length: Any) -> int: ...


@dataclass(frozen=True, slots=True)
class Win32:
    """The DLLs' function tables; ``dwmapi`` is ``None`` where it cannot be loaded."""

    user32: User32
    kernel32: Kernel32
    dwmapi: Dwmapi | None
    version: Version


# Portable spellings of the Windows types (``ctypes.wintypes`` uses C ``long`` for ``DWORD``,
# which is 64 bits off Windows): the same sizes, so the tests check calls as Windows would.
_HANDLE = ctypes.c_void_p
_BOOL = ctypes.c_int
_DWORD = ctypes.c_uint32
_UINT = ctypes.c_uint
_LONG = ctypes.c_int32
_WPARAM = ctypes.c_size_t
_LPARAM = ctypes.c_ssize_t
_LPWSTR = ctypes.c_wchar_p

#: Each function's result type and argument types, by DLL: what :func:`load` declares,
#: and what the tests' fakes check every call against.
SIGNATURES: dict[str, dict[str, tuple[Any, tuple[Any, ...]]]] = {
    "user32": {
        "EnumWindows": (_BOOL, (WNDENUMPROC, _HANDLE)),
        "EnumChildWindows": (_BOOL, (_HANDLE, WNDENUMPROC, _HANDLE)),
        "GetClassNameW": (ctypes.c_int, (_HANDLE, _LPWSTR, ctypes.c_int)),
        "IsWindow": (_BOOL, (_HANDLE,)),
        "IsWindowVisible": (_BOOL, (_HANDLE,)),
        "IsIconic": (_BOOL, (_HANDLE,)),
        "GetWindow": (_HANDLE, (_HANDLE, _UINT)),
        "GetShellWindow": (_HANDLE, ()),
        "GetWindowLongW": (_LONG, (_HANDLE, ctypes.c_int)),
        "GetWindowThreadProcessId": (_DWORD, (_HANDLE, ctypes.POINTER(_DWORD))),
        "GetWindowTextLengthW": (ctypes.c_int, (_HANDLE,)),
        "GetWindowTextW": (ctypes.c_int, (_HANDLE, _LPWSTR, ctypes.c_int)),
        "PostMessageW": (_BOOL, (_HANDLE, _UINT, _WPARAM, _LPARAM)),
        "SetForegroundWindow": (_BOOL, (_HANDLE,)),
        "ShowWindowAsync": (_BOOL, (_HANDLE, ctypes.c_int)),
    },
    "kernel32": {
        "ProcessIdToSessionId": (_BOOL, (_DWORD, ctypes.POINTER(_DWORD))),
    },
    "dwmapi": {
        "DwmGetWindowAttribute": (ctypes.c_long, (_HANDLE, _DWORD, ctypes.c_void_p, _DWORD)),
    },
    "version": {
        "GetFileVersionInfoSizeW": (_DWORD, (_LPWSTR, ctypes.POINTER(_DWORD))),
        "GetFileVersionInfoW": (_BOOL, (_LPWSTR, _DWORD, _DWORD, ctypes.c_void_p)),
        "VerQueryValueW": (
            _BOOL,
            (ctypes.c_void_p, _LPWSTR, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(_UINT)),
        ),
    },
}


def load() -> Win32 | None:
    """The real DLLs with their functions' argument and result types; ``None`` off Windows."""
    if sys.platform != "win32":
        return None
    libraries: dict[str, Any] = {}
    for name in ("user32", "kernel32", "version"):
        libraries[name] = ctypes.WinDLL(name, use_last_error=True)
    try:
        libraries["dwmapi"] = ctypes.WinDLL("dwmapi")
    except OSError:  # Windows Server Core has no desktop window manager
        libraries["dwmapi"] = None
    for name, library in libraries.items():
        if library is not None:
            for function, (result, arguments) in SIGNATURES[name].items():
                declared = getattr(library, function)
                declared.restype = result
                declared.argtypes = arguments
    return Win32(libraries["user32"], libraries["kernel32"], libraries["dwmapi"], libraries["version"])
