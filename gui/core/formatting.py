"""Turning raw readings into the numbers a user reads (units and digits, no sentences).

Words and sentences are made by the views and models, through Qt's translation system.
Digits follow the user's locale: the application sets :func:`use_number_style` once at start
(from ``QLocale``), before the first pass is formatted; until then, and in tests, the style is
the C locale's (``1234.5``).
"""

import re
import time
from dataclasses import dataclass

#: Shown for a value the OS refused or that is not measured yet.
UNKNOWN = "\u2014"

_BYTE_UNITS = ("KB", "MB", "GB", "TB", "PB")


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """How the locale writes numbers (``1,234.5`` or ``1.234,5``) and start times.

    ``date_time`` is a Qt date-time pattern (``yyyy/M/d HH:mm:ss``, ``M/d/yy h:mm:ss AP``).
    """

    decimal_point: str = "."
    group_separator: str = ""
    date_time: str = "yyyy-MM-dd HH:mm:ss"
    am_pm: tuple[str, str] = ("AM", "PM")


_style = NumberStyle()
#: One text object for each of the few values most processes share (0.0 % CPU, 1 thread):
#: thousands of rows hold the same object rather than a copy each. Bounded by the callers.
_shared_texts: dict[str, str] = {}
#: The last start time written (to the second, in the time zone then) and its text:
#: processes started together (at boot, a browser's) share it.
_last_started: tuple[tuple[int, int, int], str] = ((-1, 0, 0), "")


def use_number_style(style: NumberStyle) -> None:
    """Write every number from now on in ``style`` (called once at start, on the UI thread)."""
    global _style, _last_started  # noqa: PLW0603 - one setting for the whole process, set before sampling starts
    _style = style
    _shared_texts.clear()
    _last_started = ((-1, 0, 0), "")


def _shared(text: str) -> str:
    return _shared_texts.setdefault(text, text)


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
    if percent is None:
        return UNKNOWN
    text = _decimal(f"{percent:.1f}")
    return _shared(text) if percent < 10 else text


def format_count(count: int | None) -> str:
    """A whole number (thousands grouped as the locale does), or the unknown mark."""
    if count is None:
        return UNKNOWN
    return _shared(str(count)) if 0 <= count < 1000 else _grouped(count)


def format_started(create_time: float) -> str:
    """A start time as local date and time in the locale's way: ``2026/11/27 14:38:02``."""
    global _last_started  # noqa: PLW0603 - a one-entry memo (a tuple: replaced whole, thread-safe)
    if create_time <= 0:
        return UNKNOWN
    moment = (int(create_time), time.timezone, time.altzone)  # a new TZ (tzset) writes it anew
    last, text = _last_started
    if moment != last:
        text = format_date_time(time.localtime(create_time))
        _last_started = (moment, text)
    return text


#: The fields of a Qt date-time pattern ProcPilot's locales use, and quoted literal text.
_FIELDS = re.compile(r"'(?:[^']|'')+'|''|yyyy|yy|MM?|dd?|HH?|hh?|mm?|ss?|[Aa][Pp]?")


def format_date_time(moment: time.struct_time, style: NumberStyle | None = None) -> str:
    """``moment`` written with the style's Qt date-time pattern (``QLocale.dateTimeFormat``'s syntax).

    Done here rather than by Qt because rows are formatted on the sampling thread, without Qt.
    """
    style = style or _style
    hour12 = moment.tm_hour % 12 or 12
    am_pm = style.am_pm[0] if moment.tm_hour < 12 else style.am_pm[1]
    values = {
        "yyyy": f"{moment.tm_year:04d}",
        "yy": f"{moment.tm_year % 100:02d}",
        "MM": f"{moment.tm_mon:02d}",
        "M": str(moment.tm_mon),
        "dd": f"{moment.tm_mday:02d}",
        "d": str(moment.tm_mday),
        "HH": f"{moment.tm_hour:02d}",
        "H": str(moment.tm_hour),
        "hh": f"{hour12:02d}",
        "h": str(hour12),
        "mm": f"{moment.tm_min:02d}",
        "m": str(moment.tm_min),
        "ss": f"{moment.tm_sec:02d}",
        "s": str(moment.tm_sec),
    }

    def field(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("'"):  # quoted text; two quotes stand for one
            return "'" if token == "''" else token[1:-1].replace("''", "'")
        if token[0] in "Aa":
            return am_pm if token[0] == "A" else am_pm.lower()
        return values[token]

    return _FIELDS.sub(field, style.date_time)
