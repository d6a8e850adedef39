"""Linux, macOS and the BSDs."""

import os

from gui.platforms.adapter import PlatformAdapter

#: Linux's kernel thread daemon; every kernel thread is its child.
_KTHREADD_PID = 2


class PosixAdapter(PlatformAdapter):
    """POSIX systems; ``linux`` enables Linux-only knowledge (kernel threads, X11/Wayland)."""

    name = "posix"

    def __init__(self, *, linux: bool, needs_display_server: bool) -> None:
        self._linux = linux
        self._needs_display_server = needs_display_server
        super().__init__()

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
