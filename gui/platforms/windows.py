"""Windows."""

from gui.platforms.adapter import PlatformAdapter


class WindowsAdapter(PlatformAdapter):
    """Windows: no kernel threads in the list, always a desktop to draw on."""

    name = "windows"
