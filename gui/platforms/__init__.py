"""Platform adapters: the only package that knows which OS this is.

Each OS's adapter is imported when asked for: Linux never loads Windows' modules (ctypes
bindings, the Windows helper), nor Windows the POSIX ones.
"""

import sys
from typing import TYPE_CHECKING

from gui.platforms.adapter import PlatformAdapter

if TYPE_CHECKING:
    from gui.platforms.posix import PosixAdapter
    from gui.platforms.windows import WindowsAdapter

__all__ = ["PlatformAdapter", "PosixAdapter", "WindowsAdapter", "current"]


def __getattr__(name: str) -> object:
    """``PosixAdapter`` and ``WindowsAdapter``, imported on first use."""
    if name == "PosixAdapter":
        from gui.platforms.posix import PosixAdapter  # noqa: PLC0415 - per OS

        return PosixAdapter
    if name == "WindowsAdapter":
        from gui.platforms.windows import WindowsAdapter  # noqa: PLC0415 - per OS

        return WindowsAdapter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def current() -> PlatformAdapter:
    """The adapter for the OS this process runs on."""
    if sys.platform == "win32":
        from gui.platforms.windows import WindowsAdapter  # noqa: PLC0415 - per OS

        return WindowsAdapter()
    from gui.platforms.posix import PosixAdapter  # noqa: PLC0415 - per OS

    return PosixAdapter(
        linux=sys.platform.startswith("linux"),
        needs_display_server=sys.platform != "darwin",
        macos=sys.platform == "darwin",
    )
