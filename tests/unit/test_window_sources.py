"""Where windows cannot be listed, every platform says why instead of raising."""

import subprocess
import sys

import pytest

from gui.core.window_info import WindowInfo, WindowsUnavailable
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms import PosixAdapter, WindowsAdapter
from gui.platforms.window_source import WindowSource

LINUX = PosixAdapter(linux=True, needs_display_server=True)
SOME_WINDOW = WindowInfo(0x400001, "title", None, 123, True)


def reason(source: WindowSource) -> WindowsUnavailable | None:
    found = source.refresh()
    assert found.windows == ()
    assert source.close(SOME_WINDOW) is CloseOutcome.UNAVAILABLE
    assert source.activate(SOME_WINDOW) is ActivateOutcome.UNAVAILABLE
    source.shutdown()
    return found.unavailable


def test_no_display_or_wayland_only_has_no_x11_windows() -> None:
    assert reason(LINUX.open_windows({})) is WindowsUnavailable.NO_DISPLAY
    assert reason(LINUX.open_windows({"WAYLAND_DISPLAY": "wayland-0"})) is WindowsUnavailable.NO_DISPLAY


def test_python_xlib_is_not_imported_until_a_display_is_there() -> None:
    code = (
        "import sys, gui.app, gui.platforms as p\n"
        "p.PosixAdapter(linux=True, needs_display_server=True).open_windows({}).refresh()\n"
        "print('Xlib' in sys.modules)\n"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_windows_and_macos_have_no_window_source_yet() -> None:
    assert reason(WindowsAdapter().open_windows({"DISPLAY": ":0"})) is WindowsUnavailable.NOT_SUPPORTED
    mac = PosixAdapter(linux=False, needs_display_server=False)
    assert reason(mac.open_windows({"DISPLAY": ":0"})) is WindowsUnavailable.NOT_SUPPORTED


@pytest.mark.parametrize("display", [":65533", "garbage", "/no/such/socket:0", "\x00:0"])
def test_a_display_nobody_serves_or_a_bad_name_is_a_refusal_not_an_exception(display: str) -> None:
    assert reason(LINUX.open_windows({"DISPLAY": display})) is WindowsUnavailable.CANNOT_CONNECT


def test_without_python_xlib_the_answer_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gui.platforms.x11.connection", None)  # import fails
    assert reason(LINUX.open_windows({"DISPLAY": ":0"})) is WindowsUnavailable.NO_CLIENT_LIBRARY
