"""Top-level windows as the platform layer reports them: plain, immutable data.

Titles and classes are set by the programs themselves: they are data to show as plain
text, never markup, and never enough on their own to decide anything.
"""

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, slots=True)
class WmClass:
    """X11's ``WM_CLASS``: the instance (usually the program's name) and the class."""

    instance: str
    class_name: str


@dataclass(frozen=True, slots=True)
class WindowInfo:
    """One top-level window.

    ``pid`` is the owning process, ``None`` when nobody could tell. ``pid_from_server``
    says the display server named it (X11's XRes extension); otherwise it is what the
    client claims about itself (``_NET_WM_PID``), which is wrong inside a sandbox's PID
    namespace and may be a lie.
    """

    window_id: int
    title: str
    wm_class: WmClass | None
    pid: int | None
    pid_from_server: bool


class WindowsUnavailable(Enum):
    """Why no windows can be listed (the views word it, if they mention it at all)."""

    NOT_SUPPORTED = "not_supported"  # this platform has no window source (yet)
    NO_DISPLAY = "no_display"  # no X11 display to connect to (none at all, or Wayland only)
    NO_CLIENT_LIBRARY = "no_client_library"  # python-xlib is not installed
    CANNOT_CONNECT = "cannot_connect"  # the display refused us (authorisation, gone)
    CONNECTION_LOST = "connection_lost"  # the display server went away
    CLOSED = "closed"  # this source was shut down


@dataclass(frozen=True, slots=True)
class WindowList:
    """The windows at one moment, or why there are none.

    A source returns the same object for as long as nothing changed, so a caller can
    compare with ``is``.
    """

    windows: tuple[WindowInfo, ...]
    unavailable: WindowsUnavailable | None = None

    @property
    def available(self) -> bool:
        return self.unavailable is None


def unavailable_list(reason: WindowsUnavailable) -> WindowList:
    return WindowList((), reason)
