"""Turning raw readings into the words and numbers a user reads."""

import time

#: Shown for a value the OS refused or that is not measured yet.
UNKNOWN = "\u2014"

_STATUS_WORDS = {
    "running": "Running",
    "sleeping": "Sleeping",
    "disk-sleep": "Waiting (disk)",
    "stopped": "Stopped",
    "tracing-stop": "Stopped (traced)",
    "zombie": "Zombie",
    "dead": "Dead",
    "wake-kill": "Wake kill",
    "waking": "Waking",
    "idle": "Idle",
    "locked": "Locked",
    "waiting": "Waiting",
    "suspended": "Suspended",
    "parked": "Parked",
}

_BYTE_UNITS = ("KB", "MB", "GB", "TB", "PB")


def status_word(status: str) -> str:
    """psutil's status constant as a capitalised word (``"disk-sleep"`` -> ``"Waiting (disk)"``)."""
    return _STATUS_WORDS.get(status, status.replace("-", " ").capitalize() or UNKNOWN)


def format_bytes(size: int | None) -> str:
    """Bytes in 1024-based units with one decimal, as Task Manager shows them: ``12.3 MB``."""
    if size is None:
        return UNKNOWN
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in _BYTE_UNITS:
        value /= 1024.0
        if value < 1024.0 or unit == _BYTE_UNITS[-1]:
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def format_percent(percent: float | None) -> str:
    """A CPU percentage with one decimal, or the unknown mark."""
    return UNKNOWN if percent is None else f"{percent:.1f}"


def format_count(count: int | None) -> str:
    """A whole number, or the unknown mark."""
    return UNKNOWN if count is None else str(count)


def format_started(create_time: float) -> str:
    """A start time as local date and time, ``2026-11-27 14:38:02``."""
    if create_time <= 0:
        return UNKNOWN
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(create_time))


def format_summary(
    shown: int, total: int, cpu_percent: float | None, memory_used: int, memory_total: int
) -> str:
    """The status bar's one line: processes shown, CPU and memory of the machine."""
    cpu = "CPU " + (UNKNOWN if cpu_percent is None else f"{cpu_percent:.1f} %")
    memory = f"Memory {format_bytes(memory_used)} of {format_bytes(memory_total)}"
    return f"{shown} of {total} processes shown    {cpu}    {memory}"
