"""Linux, macOS and the BSDs."""

import os
import signal

import psutil

from gui.core.actions import Action, SignalSpec
from gui.core.process_sample import ProcessSample
from gui.platforms.adapter import PlatformAdapter, ProcessReader
from gui.platforms.linux_proc_reader import LinuxProcReader
from gui.platforms.process_handle import ProcessHandle
from gui.platforms.signal_catalog import posix_signals

#: Linux's kernel thread daemon; every kernel thread is its child.
_KTHREADD_PID = 2

_SIGNAL_OF = {
    Action.END: signal.SIGTERM,
    Action.END_TREE: signal.SIGTERM,
    Action.END_GROUP: signal.SIGTERM,
    Action.FORCE_QUIT: signal.SIGKILL,
    Action.STOP: signal.SIGSTOP,
    Action.CONTINUE: signal.SIGCONT,
    Action.HANG_UP: signal.SIGHUP,
    Action.INTERRUPT: signal.SIGINT,
}

_DISPLAY_SERVERS = frozenset(
    {"Xorg", "X", "Xwayland", "kwin_wayland", "sway", "weston", "Hyprland", "WindowServer"}
)
_LOGIN = frozenset(
    {
        "login",
        "gdm",
        "gdm3",
        "gdm-session-worker",
        "sddm",
        "lightdm",
        "systemd-logind",
        "loginwindow",
    }
)
_DESKTOP_SHELLS = frozenset(
    {
        "gnome-shell",
        "gnome-session-binary",
        "plasmashell",
        "kwin_x11",
        "ksmserver",
        "xfce4-session",
        "xfwm4",
        "cinnamon",
        "mate-session",
        "lxsession",
        "Dock",
    }
)


class PosixAdapter(PlatformAdapter):
    """POSIX systems; ``linux`` enables Linux-only knowledge (kernel threads, X11/Wayland)."""

    name = "posix"

    def __init__(self, *, linux: bool, needs_display_server: bool) -> None:
        self._linux = linux
        self._needs_display_server = needs_display_server
        super().__init__()

    def _make_reader(self) -> ProcessReader | None:
        if self._linux and os.path.exists("/proc/self/stat"):
            return LinuxProcReader(self.is_kernel_thread)
        return None

    def is_kernel_thread(self, pid: int, ppid: int, argv: list[str]) -> bool:
        return self._linux and not argv and _KTHREADD_PID in (pid, ppid)

    def missing_display_reason(self, environ: dict[str, str] | os._Environ[str]) -> str | None:
        if not self._needs_display_server or environ.get("QT_QPA_PLATFORM"):
            return None
        if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
            return None
        return (
            "ProcPilot needs a graphical desktop: neither DISPLAY nor WAYLAND_DISPLAY is set. "
            "Start it from your desktop session."
        )

    def termination_signals(self) -> tuple[int, ...]:
        return (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)

    # What POSIX can do -------------------------------------------------------

    def actions(self) -> tuple[Action, ...]:
        return (
            Action.END,
            Action.FORCE_QUIT,
            Action.STOP,
            Action.CONTINUE,
            Action.HANG_UP,
            Action.INTERRUPT,
            Action.SEND_SIGNAL,
            Action.END_GROUP,
            Action.END_TREE,
        )

    def signals(self) -> tuple[SignalSpec, ...]:
        return posix_signals()

    def critical_reason(self, sample: ProcessSample) -> str | None:
        name = sample.name
        if sample.key.pid == 1:
            return "PID 1 starts and looks after every other process: ending it shuts the system down"
        if name in _DISPLAY_SERVERS:
            return "it is the display server: ending it closes every window and may log you out"
        if name in _LOGIN:
            return "it manages logins: ending it may log you or others out"
        if name in _DESKTOP_SHELLS:
            return "it is part of your desktop: ending it may log you out"
        return None

    def permission_hint(self, owner: str | None, verb: str) -> str:
        if owner is None:
            return f"not allowed: only its owner or an administrator can {verb} it"
        return f"owned by {owner}: only {owner} or an administrator can {verb} it"

    # Doing it ----------------------------------------------------------------

    def deliver(self, handle: ProcessHandle, action: Action, signal: SignalSpec | None = None) -> None:
        number = signal.number if action is Action.SEND_SIGNAL and signal else _SIGNAL_OF[action]
        handle.send_signal(number)

    def may_signal(self, handle: ProcessHandle) -> bool:
        try:
            handle.send_signal(0)
        except PermissionError:
            return False
        except ProcessLookupError:
            return True
        return True

    def process_group(self, handle: ProcessHandle) -> tuple[int, list[psutil.Process]]:
        group_id = os.getpgid(handle.key.pid)
        members = []
        for process in psutil.process_iter():
            try:
                if os.getpgid(process.pid) == group_id:
                    members.append(process)
            except (ProcessLookupError, PermissionError):
                continue
        return group_id, members

    def signal_group(self, group_id: int, action: Action) -> None:
        os.killpg(group_id, _SIGNAL_OF[action])
