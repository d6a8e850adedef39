"""Turning raw readings into the numbers a user reads (units and digits, no sentences).

Words and sentences are made by the views and models, through Qt's translation system.
Digits follow the user's locale: the application sets :func:`use_number_style` once at start
(from ``QLocale``), before the first pass is formatted; until then, and in tests, the style is
the C locale's (``1234.5``).
"""

import time
from dataclasses import dataclass

#: Shown for a value the OS refused or that is not measured yet.
UNKNOWN = "\u2014"

_BYTE_UNITS = ("KB", "MB", "GB", "TB", "PB")


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """How the locale writes numbers: ``1,234.5`` (English) or ``1.234,5`` (German)."""

    decimal_point: str = "."
    group_separator: str = ""


_style = NumberStyle()


def use_number_style(style: NumberStyle) -> None:
    """Write every number from now on in ``style`` (called once at start, on the UI thread)."""
    global _style  # noqa: PLW0603 - one setting for the whole process, set before sampling starts
    _style = style


def number_style() -> NumberStyle:
    return _style


def _decimal(text: str) -> str:
    return text if _style.decimal_point == "." else text.replace(".", _style.decimal_point)


def _grouped(value: int) -> str:
    if not _style.group_separator or -1000 < value < 1000:
        return str(value)
    return f"{value:,}".replace(",", _style.group_separator)


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
            return f"{_decimal(f'{value:.1f}')} {unit}"
    raise AssertionError("unreachable")


def format_percent(percent: float | None) -> str:
    """A CPU percentage with one decimal, or the unknown mark."""
    return UNKNOWN if percent is None else _decimal(f"{percent:.1f}")


def format_count(count: int | None) -> str:
    """A whole number (thousands grouped as the locale does), or the unknown mark."""
    return UNKNOWN if count is None else _grouped(count)


def format_started(create_time: float) -> str:
    """A start time as local date and time, ``2026-11-27 14:38:02``.

    ISO 8601 in every language: it reads the same in Chinese and English, and a column of
    such times lines up and sorts by eye.
    """
    if create_time <= 0:
        return UNKNOWN
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(create_time))
