"""Where "a process belongs to its parent's application" stops.

A terminal emulator's children are what the user runs in it (Background processes named
after their scripts), a session manager's children are the session's own programs, and
service managers, login daemons and multiplexer servers adopt or start unrelated programs.
"""

from collections.abc import Iterable

TERMINAL_EMULATORS = frozenset(
    {
        "gnome-terminal-server", "gnome-terminal", "kgx", "ptyxis", "ptyxis-agent", "konsole",
        "yakuake", "xterm", "uxterm", "kitty", "alacritty", "tilix", "xfce4-terminal", "foot",
        "footclient", "wezterm", "wezterm-gui", "wezterm-mux-server", "terminator", "guake",
        "lxterminal", "qterminal", "mate-terminal", "terminology", "urxvt", "urxvtd", "rxvt",
        "st", "sakura", "cool-retro-term", "deepin-terminal", "blackbox", "ghostty", "contour",
        "rio", "tabby", "hyper", "mlterm", "eterm", "roxterm", "cosmic-term", "lxqt-terminal",
    }
)  # fmt: skip
SESSION_MANAGERS = frozenset(
    {
        "gnome-session", "gnome-session-binary", "gnome-session-service", "ksmserver",
        "plasma_session", "startplasma-x11", "startplasma-wayland", "xfce4-session",
        "lxsession", "lxqt-session", "mate-session", "cinnamon-session",
        "cinnamon-session-binary", "budgie-session", "uwsm",
    }
)  # fmt: skip
#: Init and service managers (PID 1 and ``systemd --user``), remote logins, terminal
#: multiplexer servers (tmux names its server ``tmux: server``; screen's is ``SCREEN``).
ADOPTERS = frozenset(
    {
        "systemd", "init", "runit", "runsv", "s6-supervise", "openrc-run", "launchd", "sshd",
        "sshd-session", "dropbear", "mosh-server", "login", "tmux", "tmux: server", "screen",
        "SCREEN", "zellij", "dtach", "abduco", "dbus-daemon", "dbus-broker", "kthreadd",
    }
)  # fmt: skip
BOUNDARIES = TERMINAL_EMULATORS | SESSION_MANAGERS | ADOPTERS


def is_app_boundary(names: Iterable[str | None]) -> bool:
    """Whether a process known by any of ``names`` (its executable's and its script's
    base names, its own name) keeps its children out of its application."""
    return any(name in BOUNDARIES for name in names if name)
