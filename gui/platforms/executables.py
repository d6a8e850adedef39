"""A process's executable file, on any OS."""

import psutil


def executable_path(pid: int) -> str | None:
    """The process's executable (psutil: ``QueryFullProcessImageNameW`` on Windows,
    ``proc_pidpath`` on macOS); ``None`` when it is gone or the OS refuses."""
    try:
        return psutil.Process(pid).exe() or None
    except psutil.Error:
        return None
