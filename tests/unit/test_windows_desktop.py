"""Windows' top-level windows, polite close and Switch to, with fakes of user32 and dwmapi
that check every call against the real DLLs' ctypes signatures (tests/unit/win32_fakes.py).
End app's close runs for real here: real child processes own the fake windows."""

import ctypes
import dataclasses
import signal
import sys
from typing import Any

import pytest

from gui.actions.runner import ActionRunner, RunOptions, close_windows
from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.display_text import ELLIPSIS
from gui.core.outcomes import Detail, Outcome
from gui.core.process_row import WINDOW_TITLE_LIMIT, titles_of
from gui.core.window_info import WindowInfo, WindowsUnavailable
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms import current
from gui.platforms.win32.api import (
    SW_RESTORE,
    WM_CLOSE,
    WNDENUMPROC,
    WS_EX_APPWINDOW,
    WS_EX_TOOLWINDOW,
)
from gui.platforms.win32.top_levels import TITLE_READ_LIMIT
from gui.platforms.win32.window_source import DesktopWindows
from gui.platforms.windows import WindowsAdapter
from tests.children import Spawn
from tests.unit.win32_fakes import FakeDwmapi, FakeUser32, FakeWindow, fake_win32

DESKTOP = 0x10010


def desktop(*windows: FakeWindow) -> tuple[DesktopWindows, FakeUser32]:
    win32, user32 = fake_win32(list(windows))
    user32.shell_window = DESKTOP
    return DesktopWindows(win32), user32


def test_lists_the_shown_top_level_windows_as_task_manager_counts_them() -> None:
    source, _user32 = desktop(
        FakeWindow(0x101, 500, "report.docx - Word"),
        FakeWindow(DESKTOP, 600, "Program Manager"),  # the desktop itself
        FakeWindow(0x102, 500, "hidden", visible=False),
        FakeWindow(0x103, 500, "Save As", owner=0x101),  # a dialog
        FakeWindow(0x104, 700, "Tools palette", extended_style=WS_EX_TOOLWINDOW),
        FakeWindow(0x105, 800, "Calculator", cloaked=True),  # a suspended UWP app's
        FakeWindow(0x106, 900, "Owned, with a taskbar button", owner=0x101, extended_style=WS_EX_APPWINDOW),
        FakeWindow(0x107, 901, "Untitled"),
        FakeWindow(0x108, 902, ""),
    )
    listed = source.refresh()
    assert listed.available
    assert [(window.window_id, window.pid, window.title) for window in listed.windows] == [
        (0x101, 500, "report.docx - Word"),
        (0x106, 900, "Owned, with a taskbar button"),
        (0x107, 901, "Untitled"),
        (0x108, 902, ""),
    ]
    assert all(window.pid_from_server and window.wm_class is None for window in listed.windows)


def test_a_tool_window_flag_in_a_negative_long_is_still_seen() -> None:
    """GetWindowLongW answers a signed LONG: a style with the top bit set is negative."""
    source, _user32 = desktop(FakeWindow(0x101, 500, "tool", extended_style=0x80000000 | WS_EX_TOOLWINDOW))
    assert source.refresh().windows == ()


def test_the_same_list_object_while_nothing_changed_a_new_one_when_a_title_did() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "one"), FakeWindow(0x102, 501, "two"))
    first = source.refresh()
    assert source.refresh() is first
    user32.windows[1].title = "two (edited)"
    changed = source.refresh()
    assert changed is not first
    assert [window.title for window in changed.windows] == ["one", "two (edited)"]
    user32.windows.pop(0)
    assert [window.window_id for window in source.refresh().windows] == [0x102]


def test_hostile_titles_are_bounded_when_read_and_shown_as_plain_text() -> None:
    huge = "A" * 100_000
    controls = "evil\u202eexe.txt\x1b[31m\r\nnext\x00"
    source, user32 = desktop(FakeWindow(0x101, 500, huge), FakeWindow(0x102, 501, controls))
    windows = source.refresh().windows
    assert len(windows[0].title) == TITLE_READ_LIMIT  # never 100,000 characters in memory per refresh
    shown = titles_of(windows)
    assert shown[0] == "A" * WINDOW_TITLE_LIMIT + ELLIPSIS
    assert "\u202e" not in shown[1] and "\x1b" not in shown[1] and "\n" not in shown[1]
    assert shown[1].startswith("evil\u27e8U+202E\u27e9exe.txt\u27e8U+001B\u27e9[31m")
    assert user32.text_reads == 2


def test_close_posts_wm_close_to_the_same_window_of_the_same_process() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "report.docx - Word"))
    window = source.refresh().windows[0]
    assert source.close(window) is CloseOutcome.ASKED_WINDOW
    assert user32.posted == [(0x101, WM_CLOSE)]


def test_close_skips_a_window_whose_handle_now_belongs_to_another_process() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "report.docx - Word"))
    window = source.refresh().windows[0]
    user32.windows[0] = FakeWindow(0x101, 777, "someone else's window")  # the handle was reused
    assert source.close(window) is CloseOutcome.WINDOW_GONE
    user32.windows.clear()
    assert source.close(window) is CloseOutcome.WINDOW_GONE
    assert user32.posted == []


def test_close_refused_by_an_elevated_window_leaves_only_ending_the_process() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "Administrator: Registry Editor"))
    user32.post_refused.add(0x101)  # User Interface Privilege Isolation
    assert source.close(source.refresh().windows[0]) is CloseOutcome.NO_POLITE_WAY


def test_switch_to_brings_the_chosen_handle_to_the_foreground() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "first"), FakeWindow(0x102, 500, "second"))
    second = source.refresh().windows[1]
    assert source.activate(second) is ActivateOutcome.RAISED_AND_FOCUSED
    assert user32.foreground == [0x102]
    assert user32.shown == []  # not minimised: left as it is


def test_switch_to_restores_a_minimised_window_first() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "minimised", iconic=True))
    assert source.activate(source.refresh().windows[0]) is ActivateOutcome.RAISED_AND_FOCUSED
    assert user32.shown == [(0x101, SW_RESTORE)]
    assert user32.foreground == [0x101]


def test_switch_to_reports_the_foreground_lock_and_a_gone_window() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "window"))
    window = source.refresh().windows[0]
    user32.foreground_locked = True
    assert source.activate(window) is ActivateOutcome.REFUSED
    user32.windows[0].pid = 501
    assert source.activate(window) is ActivateOutcome.WINDOW_GONE
    assert user32.foreground == []


def test_after_shutdown_nothing_is_listed_or_asked() -> None:
    source, user32 = desktop(FakeWindow(0x101, 500, "window"))
    window = source.refresh().windows[0]
    source.shutdown()
    assert source.refresh().unavailable is WindowsUnavailable.CLOSED
    assert source.close(window) is CloseOutcome.UNAVAILABLE
    assert source.activate(window) is ActivateOutcome.UNAVAILABLE
    assert user32.posted == [] and user32.foreground == []


def test_the_fakes_check_calls_as_ctypes_would() -> None:
    """A wrong argument type fails in the fake as it would against the real DLL."""
    _source, user32 = desktop()
    with pytest.raises(TypeError):
        user32.GetWindowThreadProcessId(0x101, ctypes.pointer(ctypes.c_uint64(0)))
    with pytest.raises(TypeError):
        user32.EnumWindows(lambda hwnd, lparam: 1, 0)  # not a WNDENUMPROC
    assert user32.EnumWindows(WNDENUMPROC(lambda hwnd, lparam: 1), 0) == 1


def test_end_app_asks_only_the_confirmed_process_windows_to_close(spawn: Spawn) -> None:
    """Real processes own the fake windows: the runner's close_windows opens each confirmed
    owner, and the source posts WM_CLOSE only to windows still owned by it."""
    confirmed = spawn("winmac-confirmed")
    other = spawn("winmac-other")
    reused = spawn("winmac-reused")
    source, user32 = desktop(
        FakeWindow(0x101, confirmed.pid, "confirmed's window"),
        FakeWindow(0x102, other.pid, "another app's window"),
        FakeWindow(0x103, reused.pid, "a window that will change hands"),
    )
    listed = source.refresh().windows
    user32.windows[2].pid = other.pid  # handle 0x103 now belongs to a process End app did not confirm
    adapter = current()
    request = ActionRequest(
        Action.END_APP,
        (adapter.read_process(confirmed.pid), adapter.read_process(reused.pid)),
        app=AppIdentity("exe:c:\\tools\\word.exe", "Word", (), None, None),
        windows=listed,
    )
    asked = close_windows(adapter, source, request)
    try:
        assert [key.pid for key in asked] == [confirmed.pid]
        assert user32.posted == [(0x101, WM_CLOSE)]
    finally:
        for handle in asked.values():
            handle.close()


def test_the_windows_adapter_opens_its_desktop_windows() -> None:
    win32, _user32 = fake_win32([FakeWindow(0x101, 500, "Notepad")])
    source = WindowsAdapter(win32, executable_of=lambda pid: None).open_windows({})
    assert [window.title for window in source.refresh().windows] == ["Notepad"]
    source.shutdown()


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the adapter loads the real DLLs")
def test_the_windows_adapter_off_windows_has_no_windows() -> None:
    assert WindowsAdapter().open_windows({}).refresh().unavailable is WindowsUnavailable.NOT_SUPPORTED


def window_info(hwnd: int, pid: int) -> WindowInfo:
    return WindowInfo(hwnd, "", None, pid, True)


def store_app_frame(frame_host: int, app: int | None) -> FakeWindow:
    """Application Frame Host's frame around a Store app's core window (none: suspended)."""
    children = [FakeWindow(0x201, frame_host, "", class_name="ApplicationFrameInputSinkWindow")]
    if app is not None:
        children.append(FakeWindow(0x202, app, "Calculator", class_name="Windows.UI.Core.CoreWindow"))
    return FakeWindow(0x101, frame_host, "Calculator", class_name="ApplicationFrameWindow", children=children)


def test_a_store_app_frame_is_the_app_process_window() -> None:
    source, user32 = desktop(store_app_frame(frame_host=3000, app=3100))
    window = source.refresh().windows[0]
    assert (window.window_id, window.pid, window.title) == (0x101, 3100, "Calculator")
    assert source.close(window) is CloseOutcome.ASKED_WINDOW  # the frame, re-checked as the app's
    assert user32.posted == [(0x101, WM_CLOSE)]


def test_a_frame_without_a_core_window_stays_the_frame_host_window() -> None:
    source, _user32 = desktop(store_app_frame(frame_host=3000, app=None))
    assert source.refresh().windows[0].pid == 3000


class AskingUser32(FakeUser32):
    """A desktop whose window 0x101 answers WM_CLOSE as an editor with unsaved work does: it
    opens its owned "Save changes?" box (which the taskbar, and so refresh(), leaves out)."""

    def PostMessageW(self, hwnd: Any, message: int, wparam: int, lparam: int) -> int:  # noqa: N802
        posted = super().PostMessageW(hwnd, message, wparam, lparam)
        if posted and hwnd == 0x101 and message == WM_CLOSE:
            editor = self.window(hwnd)
            assert editor is not None
            self.windows.insert(0, FakeWindow(0x201, editor.pid, "Save changes? - Notepad", owner=0x101))
        return posted


@pytest.mark.parametrize("asks", [True, False])
def test_end_app_waits_while_the_app_asks_in_an_owned_dialog(spawn: Spawn, asks: bool) -> None:
    """A real process owns the fake windows. With a new owned dialog after WM_CLOSE it is left
    running, unsignalled; with the same dialog open before End app, it is no answer: SIGTERM."""
    editor = spawn("winmac-asking-editor")
    win32, _plain = fake_win32()
    user32 = AskingUser32([FakeWindow(0x101, editor.pid, "notes.txt - Notepad")])
    if not asks:
        user32.windows.insert(0, FakeWindow(0x201, editor.pid, "Save changes? - Notepad", owner=0x101))
    source = DesktopWindows(dataclasses.replace(win32, user32=user32, dwmapi=FakeDwmapi(user32)))
    listed = source.refresh().windows
    assert [w.window_id for w in listed] == [0x101], "the taskbar's list: no owned dialog"
    adapter = current()
    request = ActionRequest(
        Action.END_APP,
        (adapter.read_process(editor.pid),),
        app=AppIdentity("exe:c:\\windows\\notepad.exe", "Notepad", (), None, None),
        windows=listed,
    )
    report = ActionRunner(adapter, windows=source).run_and_wait(request, RunOptions(grace_s=0.5))
    (result,) = report.results
    if asks:
        assert (result.outcome, result.detail) == (Outcome.ASKING, Detail.ASKING_IN_WINDOW)
        assert result.value("title") == "Save changes? - Notepad"
        assert [w.window_id for w in report.questions] == [0x201]
        assert editor.poll() is None, "nothing was sent"
    else:
        assert result.outcome is Outcome.ENDED
        assert editor.wait(timeout=5) == -signal.SIGTERM
