"""Windows' top-level windows as a :class:`~gui.platforms.window_source.WindowSource`.

Windows offers no event stream without a hook DLL in every process, so each refresh lists
the windows again and reads their titles (``EnumWindows`` and a few calls per window,
microseconds each). The list object stays the same while nothing changed, so the sampler's
regrouping is skipped.

Polite close is ``WM_CLOSE`` posted to the window, as its title bar's close button does (an
editor may ask to save first); Switch to is ``SetForegroundWindow``, restoring a minimised
window first. Both re-check that the handle still names a window of the same process:
window handles are reused.
"""

import threading

from gui.core.window_info import WindowInfo, WindowList, WindowsUnavailable, unavailable_list
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms.win32.api import SW_RESTORE, WM_CLOSE, User32, Win32
from gui.platforms.win32.top_levels import shown_windows_of, top_levels, window_pid, window_title


class DesktopWindows:
    """The signed-in user's shown top-level windows on this desktop. Thread-safe."""

    def __init__(self, win32: Win32) -> None:
        self._win32: Win32 | None = win32
        self._lock = threading.Lock()
        self._list = WindowList(())

    def refresh(self) -> WindowList:
        with self._lock:
            win32 = self._win32
            if win32 is None:
                return self._list
            user32 = win32.user32
            windows = tuple(
                WindowInfo(found.hwnd, window_title(user32, found.hwnd), None, found.pid, True)
                for found in top_levels(user32, win32.dwmapi)
            )
            if windows != self._list.windows:
                self._list = WindowList(windows)
            return self._list

    def windows_of(self, pids: frozenset[int]) -> tuple[WindowInfo, ...]:
        """Shown windows of ``pids``, owned ones too: a "Save changes?" box is owned by the
        window that asks, so :meth:`refresh` (the taskbar's list) leaves it out."""
        with self._lock:
            win32 = self._win32
            if win32 is None:
                return ()
            user32 = win32.user32
            return tuple(
                WindowInfo(found.hwnd, window_title(user32, found.hwnd), None, found.pid, True)
                for found in shown_windows_of(user32, win32.dwmapi, pids)
            )

    def close(self, window: WindowInfo) -> CloseOutcome:
        """``WM_CLOSE`` to the window, if it is still the same process's. Posting fails when
        the window belongs to a process running as administrator and ProcPilot does not
        (User Interface Privilege Isolation): then only ending the process is left."""
        with self._lock:
            if self._win32 is None:
                return CloseOutcome.UNAVAILABLE
            user32 = self._win32.user32
            if not _same_window(user32, window):
                return CloseOutcome.WINDOW_GONE
            if not user32.PostMessageW(window.window_id, WM_CLOSE, 0, 0):
                return CloseOutcome.NO_POLITE_WAY
            return CloseOutcome.ASKED_WINDOW

    def activate(self, window: WindowInfo) -> ActivateOutcome:
        """``SetForegroundWindow``, after ``ShowWindowAsync(SW_RESTORE)`` for a minimised window.

        Windows lets a process take the foreground only while it is the foreground process
        itself (or was allowed with ``AllowSetForegroundWindow``): ProcPilot is, right after
        the user's double-click or menu choice. Otherwise the system flashes the window's
        taskbar button and the call fails: reported as refused.
        """
        with self._lock:
            if self._win32 is None:
                return ActivateOutcome.UNAVAILABLE
            user32 = self._win32.user32
            if not _same_window(user32, window):
                return ActivateOutcome.WINDOW_GONE
            if user32.IsIconic(window.window_id):
                user32.ShowWindowAsync(window.window_id, SW_RESTORE)  # async: a hung window cannot block us
            if not user32.SetForegroundWindow(window.window_id):
                return ActivateOutcome.REFUSED
            return ActivateOutcome.RAISED_AND_FOCUSED

    def shutdown(self) -> None:
        with self._lock:
            self._win32 = None
            self._list = unavailable_list(WindowsUnavailable.CLOSED)


def _same_window(user32: User32, window: WindowInfo) -> bool:
    """Whether the handle still names a window of the process it was listed for."""
    if window.pid is None or not user32.IsWindow(window.window_id):
        return False
    return window_pid(user32, window.window_id) == window.pid
