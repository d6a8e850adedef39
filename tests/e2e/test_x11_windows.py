"""X11 windows of real programs (Debian's xmessage, xlogo, xeyes) on a private Xvfb, with
and without a real window manager (xfwm4, openbox): titles, classes, owners, following
changes, polite close and switch to."""

import os
from collections.abc import Callable, Iterator

import pytest

from gui.core.desktop_entry import parse_desktop_entry
from gui.core.window_entry_match import WmClassMatcher
from gui.core.window_info import WindowInfo, WindowList, WindowsUnavailable, WmClass
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms.window_source import WindowSource
from gui.platforms.x11.connection import XConnection
from gui.platforms.x11.tracker import X11Windows, open_x11_windows
from tests.e2e.x11_desktop import WINDOW_MANAGERS, Desktop, missing, wait_until

IN_CI = os.environ.get("CI") == "true"  # .ci/run installs them all: there a missing one fails
NEEDED = missing("Xvfb", "xprop", "xdotool", "xmessage", "xlogo", "xeyes", "dbus-daemon")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(bool(NEEDED) and not IN_CI, reason=f"needs {' '.join(NEEDED)}"),
]

TITLE = "Night owl ✓ — Héllo"


def with_manager(name: str):  # a parameter that skips where that window manager is missing
    skip = bool(missing(name)) and not IN_CI
    return pytest.param(name, marks=pytest.mark.skipif(skip, reason=f"needs {name}"))


MANAGERS = [with_manager(name) for name in WINDOW_MANAGERS]


@pytest.fixture
def desktop(request: pytest.FixtureRequest) -> Iterator[Desktop]:
    """A display with the window manager the test is parametrized with (none by default)."""
    started = Desktop(getattr(request, "param", None))
    yield started
    started.close()


@pytest.fixture
def windows(desktop: Desktop) -> Iterator[X11Windows]:
    source = open_x11_windows(desktop.display)
    assert isinstance(source, X11Windows)
    yield source
    source.shutdown()


def set_net_wm_pid(desktop: Desktop, window: int, pid: int) -> None:
    desktop.run("xprop", "-id", str(window), "-f", "_NET_WM_PID", "32c", "-set", "_NET_WM_PID", str(pid))


def window_of(source: WindowSource, pid: int, condition: Callable[[WindowInfo], bool] = bool) -> WindowInfo:
    def found() -> WindowInfo | None:
        return next((w for w in source.refresh().windows if w.pid == pid and condition(w)), None)

    return wait_until(found, what=f"a window of {pid}")


@pytest.mark.parametrize("desktop", MANAGERS, indirect=True)
def test_real_windows_have_their_titles_classes_and_owners_from_the_server(desktop, windows) -> None:
    message = desktop.start("xmessage", "-title", TITLE, "hoot")
    logo = desktop.start("xlogo")
    eyes = desktop.start("xeyes")

    found = {pid: window_of(windows, pid) for pid in (message.pid, logo.pid, eyes.pid)}

    # xmessage writes this title as COMPOUND_TEXT in WM_NAME (Xt sets no _NET_WM_NAME).
    assert found[message.pid].title == TITLE
    assert found[message.pid].wm_class == WmClass("xmessage", "Xmessage")
    assert found[logo.pid].wm_class == WmClass("xlogo", "XLogo")
    assert found[eyes.pid].title == "xeyes"
    # Xt programs set no _NET_WM_PID: the owner is the X server's answer (XRes).
    assert all(window.pid_from_server for window in found.values())
    assert "not found" in desktop.window_property(found[message.pid].window_id, "_NET_WM_PID")
    listed = desktop.root_property("_NET_CLIENT_LIST")
    assert all(hex(window.window_id) in listed for window in found.values())
    # Nothing changed: the same list object, so the sampler can compare with `is`.
    current = windows.refresh()
    assert windows.refresh() is current

    # A desktop entry that runs xmessage claims its window (the pure rule on real data).
    entry = parse_desktop_entry(
        "[Desktop Entry]\nType=Application\nName=Night Owl\nExec=xmessage hoot\n", "night-owl", "/x"
    )
    assert entry is not None
    assert WmClassMatcher([entry]).match(found[message.pid].wm_class) is entry


class CountingConnection(XConnection):
    """Counts property reads: what a refresh costs in round trips."""

    reads = 0

    def read_property(self, window: int, name: str, max_longs: int = 1024):
        CountingConnection.reads += 1
        return super().read_property(window, name, max_longs)


@pytest.mark.parametrize("desktop", MANAGERS[:1], indirect=True)
def test_a_title_change_is_seen_through_property_notify_and_only_that_title_is_read(desktop) -> None:
    source = X11Windows(CountingConnection(desktop.display))
    try:
        logo = desktop.start("xlogo")
        message = desktop.start("xmessage", "-title", TITLE, "hoot")
        window = window_of(source, logo.pid)
        window_of(source, message.pid)

        before = CountingConnection.reads
        for _ in range(20):
            source.refresh()
        assert CountingConnection.reads == before, "a refresh with no events read a property"

        desktop.run("xdotool", "set_window", "--name", "Renamed ✓", str(window.window_id))
        renamed = window_of(source, logo.pid, lambda w: w.title == "Renamed ✓")
        assert renamed.window_id == window.window_id
        # The renamed window's _NET_WM_NAME (xdotool sets it and WM_NAME): one or two reads.
        assert CountingConnection.reads - before <= 4
        assert window_of(source, message.pid).title == TITLE
    finally:
        source.shutdown()


@pytest.mark.parametrize("desktop", MANAGERS, indirect=True)
def test_close_asks_the_window_manager_and_xmessage_exits(desktop, windows) -> None:
    message = desktop.start("xmessage", "-title", TITLE, "hoot")
    window = window_of(windows, message.pid)

    assert windows.close(window) is CloseOutcome.ASKED_WINDOW_MANAGER

    assert message.wait(timeout=10) is not None  # xmessage ends on WM_DELETE_WINDOW
    wait_until(lambda: window.window_id not in {w.window_id for w in windows.refresh().windows}, what="gone")
    assert windows.close(window) is CloseOutcome.WINDOW_GONE
    assert windows.activate(window) is ActivateOutcome.WINDOW_GONE


@pytest.mark.parametrize("desktop", MANAGERS, indirect=True)
def test_activate_makes_the_window_the_active_one(desktop, windows) -> None:
    logo = window_of(windows, desktop.start("xlogo").pid)
    message = window_of(windows, desktop.start("xmessage", "hoot").pid)
    wait_until(lambda: desktop.active_window() == message.window_id, what="the newest window to be active")

    assert windows.activate(logo) is ActivateOutcome.ASKED_WINDOW_MANAGER
    wait_until(lambda: desktop.active_window() == logo.window_id, what="xlogo to be active")
    assert windows.activate(message) is ActivateOutcome.ASKED_WINDOW_MANAGER
    wait_until(lambda: desktop.active_window() == message.window_id, what="xmessage to be active")


def test_without_a_window_manager_the_root_children_are_the_list_and_requests_go_to_the_window(
    desktop, windows
) -> None:
    assert "window id" not in desktop.root_property("_NET_SUPPORTING_WM_CHECK")
    message = desktop.start("xmessage", "-title", TITLE, "hoot")
    logo = desktop.start("xlogo")
    window = window_of(windows, message.pid)
    logo_window = window_of(windows, logo.pid)
    assert window.title == TITLE

    assert windows.activate(logo_window) is ActivateOutcome.RAISED_AND_FOCUSED
    wait_until(lambda: int(desktop.run("xdotool", "getwindowfocus")) == logo_window.window_id, what="focus")

    assert windows.close(window) is CloseOutcome.ASKED_WINDOW  # WM_DELETE_WINDOW, straight to it
    assert message.wait(timeout=10) is not None
    wait_until(lambda: [w.pid for w in windows.refresh().windows] == [logo.pid], what="xmessage to leave")


@pytest.mark.parametrize("desktop", MANAGERS[:1], indirect=True)
def test_a_lying_net_wm_pid_does_not_move_the_window_to_another_process(desktop, windows) -> None:
    message = desktop.start("xmessage", "hoot")
    logo = desktop.start("xlogo")
    window = window_of(windows, message.pid)
    logo_window = window_of(windows, logo.pid)
    # xmessage's window claims to be xlogo's (another real process with a window of its own).
    set_net_wm_pid(desktop, window.window_id, logo.pid)
    claim = f"= {logo.pid}"
    wait_until(lambda: claim in desktop.window_property(window.window_id, "_NET_WM_PID"), what="the lie")
    # A title set after the lie: once it is seen, so was every event before it (X keeps their order).
    desktop.run("xdotool", "set_window", "--name", "After the lie", str(window.window_id))
    wait_until(lambda: any(w.title == "After the lie" for w in windows.refresh().windows), what="the title")
    for _ in range(5):
        listed = windows.refresh().windows
        assert [w.window_id for w in listed if w.pid == message.pid] == [window.window_id]
        assert [w.window_id for w in listed if w.pid == logo.pid] == [logo_window.window_id]
        assert all(w.pid_from_server for w in listed)


def test_without_xres_the_owner_is_what_net_wm_pid_claims() -> None:
    desktop = Desktop(server_args=["-extension", "X-Resource"])
    source = open_x11_windows(desktop.display)
    try:
        message = desktop.start("xmessage", "hoot")
        window = wait_until(lambda: next(iter(source.refresh().windows), None), what="xmessage's window")
        assert window.pid is None  # Xt sets no _NET_WM_PID, and the server cannot tell
        set_net_wm_pid(desktop, window.window_id, message.pid)
        claimed = window_of(source, message.pid)  # seen through PropertyNotify on _NET_WM_PID
        assert not claimed.pid_from_server
    finally:
        source.shutdown()
        desktop.close()


def test_a_display_that_goes_away_makes_the_list_unavailable(desktop, windows) -> None:
    window_of(windows, desktop.start("xlogo").pid)
    desktop.server.terminate()
    desktop.server.wait(timeout=10)

    def lost() -> WindowList | None:
        found = windows.refresh()
        return found if not found.available else None

    found = wait_until(lost, what="the connection to be lost")
    assert found.unavailable is WindowsUnavailable.CONNECTION_LOST
    assert found.windows == ()
