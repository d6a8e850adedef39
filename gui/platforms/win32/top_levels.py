"""Which top-level windows Windows shows the user, as Task Manager counts them.

A window counts when it is visible, not the desktop itself, not cloaked (a suspended UWP
app's or another virtual desktop's window is visible but not shown), not a tool window
(floating palettes, the taskbar), and not owned by another window (dialogs), unless it asks
for a taskbar button of its own (``WS_EX_APPWINDOW``). Titles are read without sending the
window a message (``GetWindowTextW`` on another process's window reads what the system
keeps), so a hung program cannot block the refresh.
"""

import ctypes
from dataclasses import dataclass

from gui.platforms.win32.api import (
    DWMWA_CLOAKED,
    GW_OWNER,
    GWL_EXSTYLE,
    S_OK,
    WNDENUMPROC,
    WS_EX_APPWINDOW,
    WS_EX_TOOLWINDOW,
    Dwmapi,
    Handle,
    User32,
)

FRAME_CLASS = "ApplicationFrameWindow"
CORE_WINDOW_CLASS = "Windows.UI.Core.CoreWindow"
_CLASS_NAME_SIZE = 256  # the longest window class name Windows registers

#: Longest title read (in UTF-16 units): the list shows at most a few hundred characters,
#: and a program may set a title of any length.
TITLE_READ_LIMIT = 1024


@dataclass(frozen=True, slots=True)
class TopLevel:
    """A shown top-level window and the process that owns it."""

    hwnd: int
    pid: int


def _every_top_level(user32: User32) -> list[int]:
    """Every top-level window's handle, front to back (``EnumWindows``' Z order)."""
    handles: list[int] = []

    def collect(hwnd: Handle, _lparam: Handle) -> int:
        if hwnd:
            handles.append(hwnd)
        return 1  # go on

    user32.EnumWindows(WNDENUMPROC(collect), 0)
    return handles


def top_levels(user32: User32, dwmapi: Dwmapi | None) -> list[TopLevel]:
    """The shown top-level windows, front to back (``EnumWindows``' Z order)."""
    handles = _every_top_level(user32)
    desktop = user32.GetShellWindow()
    found: list[TopLevel] = []
    for hwnd in handles:
        if hwnd == desktop or not is_shown_top_level(user32, dwmapi, hwnd):
            continue
        pid = window_pid(user32, hwnd)
        if pid is not None:
            found.append(TopLevel(hwnd, pid))
    return found


def shown_windows_of(user32: User32, dwmapi: Dwmapi | None, pids: frozenset[int]) -> list[TopLevel]:
    """Every visible, uncloaked top-level window of ``pids``, owned windows (dialogs) and tool
    windows included, front to back."""
    handles = _every_top_level(user32)
    found: list[TopLevel] = []
    for hwnd in handles:
        if not user32.IsWindowVisible(hwnd) or is_cloaked(dwmapi, hwnd):
            continue
        pid = window_pid(user32, hwnd)
        if pid is not None and pid in pids:
            found.append(TopLevel(hwnd, pid))
    return found


def is_shown_top_level(user32: User32, dwmapi: Dwmapi | None, hwnd: int) -> bool:
    if not user32.IsWindowVisible(hwnd):
        return False
    extended = user32.GetWindowLongW(hwnd, GWL_EXSTYLE)  # a signed LONG: bit tests work on it as is
    if extended & WS_EX_TOOLWINDOW:
        return False
    if user32.GetWindow(hwnd, GW_OWNER) and not extended & WS_EX_APPWINDOW:
        return False
    return not is_cloaked(dwmapi, hwnd)


def is_cloaked(dwmapi: Dwmapi | None, hwnd: int) -> bool:
    """Whether the desktop window manager hides a visible window (``DWMWA_CLOAKED``)."""
    if dwmapi is None:
        return False
    cloaked = ctypes.c_uint32(0)
    result = dwmapi.DwmGetWindowAttribute(
        hwnd, DWMWA_CLOAKED, ctypes.pointer(cloaked), ctypes.sizeof(cloaked)
    )
    return result == S_OK and cloaked.value != 0


def window_pid(user32: User32, hwnd: int) -> int | None:
    """The process the user sees the window as: its owner's, or for a Store app's frame, the
    app's whose core window it holds; ``None`` once the window is gone."""
    pid = owner_pid(user32, hwnd)
    if pid is None or class_name(user32, hwnd) != FRAME_CLASS:
        return pid
    found: list[int] = []

    def look(child: Handle, _lparam: Handle) -> int:
        if child and class_name(user32, child) == CORE_WINDOW_CLASS:
            child_pid = owner_pid(user32, child)
            if child_pid is not None and child_pid != pid:
                found.append(child_pid)
                return 0  # found: stop
        return 1

    user32.EnumChildWindows(hwnd, WNDENUMPROC(look), 0)
    return found[0] if found else pid


def class_name(user32: User32, hwnd: int) -> str:
    buffer = ctypes.create_unicode_buffer(_CLASS_NAME_SIZE)
    copied = user32.GetClassNameW(hwnd, buffer, _CLASS_NAME_SIZE)
    return buffer.value[: max(copied, 0)]


def owner_pid(user32: User32, hwnd: int) -> int | None:
    """The PID of the process whose thread made the window; ``None`` once it is gone."""
    pid = ctypes.c_uint32(0)
    thread = user32.GetWindowThreadProcessId(hwnd, ctypes.pointer(pid))
    return pid.value if thread and pid.value else None


def window_title(user32: User32, hwnd: int) -> str:
    """The window's title, at most :data:`TITLE_READ_LIMIT` UTF-16 units; ``""`` when it has none."""
    length = min(max(user32.GetWindowTextLengthW(hwnd), 0), TITLE_READ_LIMIT)
    if length == 0:
        return ""
    buffer = ctypes.create_unicode_buffer(length + 1)
    copied = user32.GetWindowTextW(hwnd, buffer, length + 1)
    return buffer.value[: max(copied, 0)]
