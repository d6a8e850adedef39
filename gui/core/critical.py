"""Why ending a process would hurt the system or the session (the views word it)."""

from enum import Enum


class CriticalKind(Enum):
    """What a critical process is to the system; each has its own warning."""

    #: The init process: everything else runs under it.
    PID_ONE = "pid-one"
    #: The X server or Wayland compositor: every window is drawn by it.
    DISPLAY_SERVER = "display-server"
    #: A login manager or session tracker.
    LOGIN = "login"
    #: The desktop shell, session manager or window manager.
    DESKTOP = "desktop"
    #: A process Windows cannot run without.
    WINDOWS_CORE = "windows-core"
