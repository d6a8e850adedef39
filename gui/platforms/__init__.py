"""Platform adapters: the only package that knows which OS this is."""

import sys

from gui.platforms.adapter import PlatformAdapter
from gui.platforms.posix import PosixAdapter
from gui.platforms.windows import WindowsAdapter

__all__ = ["PlatformAdapter", "PosixAdapter", "WindowsAdapter", "current"]


def current() -> PlatformAdapter:
    """The adapter for the OS this process runs on."""
    if sys.platform == "win32":
        return WindowsAdapter()
    return PosixAdapter(
        linux=sys.platform.startswith("linux"),
        needs_display_server=sys.platform != "darwin",
        macos=sys.platform == "darwin",
    )
