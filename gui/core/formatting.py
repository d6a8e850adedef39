"""Turning raw readings into the numbers a user reads (units and digits, no sentences).

Words and sentences are made by the views and models, through Qt's translation system.
"""

import time

#: Shown for a value the OS refused or that is not measured yet.
UNKNOWN = "\u2014"

_BYTE_UNITS = ("KB", "MB", "GB", "TB", "PB")


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
