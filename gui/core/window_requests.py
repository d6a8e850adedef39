"""What became of a request to a window ("close, please", "come to the front").

Both are requests: whether the window really closed (an editor may ask "Save changes?")
is seen later, in the window list and in the process's exit.
"""

from enum import Enum


class CloseOutcome(Enum):
    ASKED_WINDOW_MANAGER = "asked_window_manager"  # _NET_CLOSE_WINDOW: the manager asks the window
    ASKED_WINDOW = "asked_window"  # WM_DELETE_WINDOW (X11) or WM_CLOSE (Windows) sent to the window
    NO_POLITE_WAY = "no_polite_way"  # the window does not take close requests; only a signal ends it
    WINDOW_GONE = "window_gone"  # closed already, or no longer the same window
    UNAVAILABLE = "unavailable"  # no connection to the display


class ActivateOutcome(Enum):
    ASKED_WINDOW_MANAGER = "asked_window_manager"  # _NET_ACTIVE_WINDOW: the manager switches
    RAISED_AND_FOCUSED = "raised_and_focused"  # no window manager: raised and given the focus
    NOT_SHOWN = "not_shown"  # no window manager and the window is not mapped: nothing to focus
    REFUSED = "refused"  # Windows kept the foreground elsewhere (its focus-stealing lock)
    WINDOW_GONE = "window_gone"
    UNAVAILABLE = "unavailable"
