"""Fakes of the Win32 DLLs ProcPilot calls, for running the Windows code on Linux.

Each fake function has the real one's name, checks its arguments against the same ctypes
signature the real DLL is declared with (``gui.platforms.win32.api.SIGNATURES``: a wrong
type raises as ctypes would on Windows), and answers through the same out-pointers.
"""

import ctypes
from dataclasses import dataclass, field
from typing import Any

from gui.platforms.win32.api import (
    DWMWA_CLOAKED,
    GW_OWNER,
    GWL_EXSTYLE,
    S_OK,
    SIGNATURES,
    Win32,
)

E_INVALIDARG = -2147024809


class _Checked:
    """Checks every call of a public method against the DLL's declared argument types."""

    dll = ""

    def __getattribute__(self, name: str) -> Any:
        attribute = object.__getattribute__(self, name)
        signatures = SIGNATURES.get(object.__getattribute__(self, "dll"), {})
        if name not in signatures:
            return attribute
        _result, argument_types = signatures[name]

        def checked(*arguments: Any) -> Any:
            assert len(arguments) == len(argument_types), f"{name}: {len(arguments)} arguments"
            for argument_type, argument in zip(argument_types, arguments, strict=True):
                argument_type.from_param(argument)  # raises ctypes.ArgumentError-like TypeError
            return attribute(*arguments)

        return checked


@dataclass
class FakeWindow:
    hwnd: int
    pid: int
    title: str = ""
    visible: bool = True
    owner: int | None = None
    extended_style: int = 0
    iconic: bool = False
    cloaked: bool = False
    thread: int = 1
    class_name: str = "Notepad"
    children: list["FakeWindow"] = field(default_factory=list)


@dataclass
class FakeUser32(_Checked):
    """A desktop: windows in Z order (front first)."""

    windows: list[FakeWindow] = field(default_factory=list)
    shell_window: int | None = None
    foreground_locked: bool = False
    post_refused: set[int] = field(default_factory=set)
    posted: list[tuple[int, int]] = field(default_factory=list)
    foreground: list[int] = field(default_factory=list)
    shown: list[tuple[int, int]] = field(default_factory=list)
    text_reads: int = 0
    dll = "user32"

    def window(self, hwnd: Any) -> FakeWindow | None:
        """A top-level window or a child of one, by handle."""
        for window in self.windows:
            if window.hwnd == hwnd:
                return window
            child = next((child for child in window.children if child.hwnd == hwnd), None)
            if child is not None:
                return child
        return None

    def EnumWindows(self, callback: Any, lparam: Any) -> int:
        for window in list(self.windows):
            if not callback(window.hwnd, lparam):
                break
        return 1

    def EnumChildWindows(self, parent: Any, callback: Any, lparam: Any) -> int:
        window = self.window(parent)
        for child in list(window.children) if window is not None else []:
            if not callback(child.hwnd, lparam):
                break
        return 1

    def GetClassNameW(self, hwnd: Any, buffer: Any, size: int) -> int:
        window = self.window(hwnd)
        if window is None or size <= 0:
            return 0
        text = window.class_name[: size - 1]
        ctypes.memmove(
            buffer, ctypes.create_unicode_buffer(text), (len(text) + 1) * ctypes.sizeof(ctypes.c_wchar)
        )
        return len(text)

    def IsWindow(self, hwnd: Any) -> int:
        return int(self.window(hwnd) is not None)

    def IsWindowVisible(self, hwnd: Any) -> int:
        window = self.window(hwnd)
        return int(window is not None and window.visible)

    def IsIconic(self, hwnd: Any) -> int:
        window = self.window(hwnd)
        return int(window is not None and window.iconic)

    def GetWindow(self, hwnd: Any, command: int) -> int | None:
        assert command == GW_OWNER
        window = self.window(hwnd)
        return window.owner if window is not None else None

    def GetShellWindow(self) -> int | None:
        return self.shell_window

    def GetWindowLongW(self, hwnd: Any, index: int) -> int:
        assert index == GWL_EXSTYLE
        window = self.window(hwnd)
        style = window.extended_style if window is not None else 0
        return ctypes.c_int32(style).value  # a signed LONG, as Windows returns it

    def GetWindowThreadProcessId(self, hwnd: Any, pid: Any) -> int:
        window = self.window(hwnd)
        if window is None:
            return 0
        pid.contents.value = window.pid
        return window.thread

    def GetWindowTextLengthW(self, hwnd: Any) -> int:
        window = self.window(hwnd)
        return len(window.title.encode("utf-16-le")) // 2 if window is not None else 0

    def GetWindowTextW(self, hwnd: Any, buffer: Any, size: int) -> int:
        self.text_reads += 1
        window = self.window(hwnd)
        if window is None or size <= 0:
            return 0
        text = window.title[: size - 1]
        ctypes.memmove(
            buffer, ctypes.create_unicode_buffer(text), (len(text) + 1) * ctypes.sizeof(ctypes.c_wchar)
        )
        return len(text)

    def PostMessageW(self, hwnd: Any, message: int, wparam: int, lparam: int) -> int:
        if self.window(hwnd) is None or hwnd in self.post_refused:
            return 0
        self.posted.append((hwnd, message))
        return 1

    def SetForegroundWindow(self, hwnd: Any) -> int:
        if self.foreground_locked or self.window(hwnd) is None:
            return 0
        self.foreground.append(hwnd)
        return 1

    def ShowWindowAsync(self, hwnd: Any, command: int) -> int:
        window = self.window(hwnd)
        if window is None:
            return 0
        self.shown.append((hwnd, command))
        window.iconic = False
        return 1


@dataclass
class FakeKernel32(_Checked):
    sessions: dict[int, int] = field(default_factory=dict)
    dll = "kernel32"

    def ProcessIdToSessionId(self, pid: int, session: Any) -> int:
        if pid not in self.sessions:
            return 0
        session.contents.value = self.sessions[pid]
        return 1


@dataclass
class FakeDwmapi(_Checked):
    user32: FakeUser32
    dll = "dwmapi"

    def DwmGetWindowAttribute(self, hwnd: Any, attribute: int, value: Any, size: int) -> int:
        window = self.user32.window(hwnd)
        if window is None or attribute != DWMWA_CLOAKED or size != 4:
            return E_INVALIDARG
        value.contents.value = 2 if window.cloaked else 0  # DWM_CLOAKED_SHELL
        return S_OK


_HEADER = 512  # where the fake's block starts holding values (the path is written before)


def _encoded(value: str | bytes) -> tuple[bytes, int]:
    """A value as it lies in a resource block, and the length VerQueryValueW reports for it:
    characters with the terminator for a string, bytes for binary data."""
    if isinstance(value, str):
        return bytes(ctypes.create_unicode_buffer(value)), len(value) + 1
    return value, len(value)


@dataclass
class FakeVersion(_Checked):
    """Version resources by executable path: ``{path: {sub_block: value}}``, where a value is
    a ``str`` (a string) or ``bytes`` (binary, such as the translation table). As in the real
    DLL, the block the caller allocates holds every value, and VerQueryValueW points into it."""

    resources: dict[str, dict[str, str | bytes]] = field(default_factory=dict)
    dll = "version"

    def _layout(self, path: str) -> tuple[bytes, dict[str, tuple[int, int]]]:
        block = bytearray(path.encode().ljust(_HEADER, b"\x00"))
        places: dict[str, tuple[int, int]] = {}
        for sub_block, value in self.resources[path].items():
            raw, length = _encoded(value)
            places[sub_block] = (len(block), length)
            block += raw
        return bytes(block), places

    def GetFileVersionInfoSizeW(self, path: str, handle: Any) -> int:
        return len(self._layout(path)[0]) if path in self.resources else 0

    def GetFileVersionInfoW(self, path: str, handle: int, size: int, data: Any) -> int:
        if path not in self.resources:
            return 0
        block = self._layout(path)[0]
        assert size >= len(block), "the caller allocated less than GetFileVersionInfoSizeW said"
        ctypes.memmove(data, block, len(block))
        return 1

    def VerQueryValueW(self, block: Any, sub_block: str, pointer: Any, length: Any) -> int:
        path = block.raw[:_HEADER].split(b"\x00", 1)[0].decode()
        place = self._layout(path)[1].get(sub_block) if path in self.resources else None
        if place is None:
            return 0
        pointer.contents.value = ctypes.addressof(block) + place[0]
        length.contents.value = place[1]
        return 1


def fake_win32(
    windows: list[FakeWindow] | None = None,
    sessions: dict[int, int] | None = None,
    resources: dict[str, dict[str, str | bytes]] | None = None,
) -> tuple[Win32, FakeUser32]:
    user32 = FakeUser32(windows or [])
    return (
        Win32(user32, FakeKernel32(sessions or {}), FakeDwmapi(user32), FakeVersion(resources or {})),
        user32,
    )
