"""One row of the process table, with its display strings precomputed off the UI thread."""

from dataclasses import dataclass, field

from gui.core.columns import Column
from gui.core.formatting import (
    UNKNOWN,
    format_bytes,
    format_count,
    format_percent,
    format_started,
    status_word,
)
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample

#: Sort values for a number the OS refused: below every real value. One per
#: number type, so that a column never mixes ints and floats. Memory sorts as a
#: float: Qt does not order a 32-bit int against a 64-bit one reliably.
_MISSING_INT = -1
_MISSING_FLOAT = -1.0

SortValue = int | float | str


@dataclass(frozen=True, slots=True)
class ProcessRow:
    """What the table shows of one process.

    ``display`` and ``sort_values`` are indexed by :class:`Column`, so the model's
    ``data()`` is a tuple lookup. Sort values are raw numbers (bytes, seconds) or
    case-folded text, so sorting never compares formatted strings.
    """

    sample: ProcessSample
    cpu_percent: float | None
    display: tuple[str, ...] = field(compare=False)
    sort_values: tuple[SortValue, ...] = field(compare=False)
    search_text: str = field(compare=False)

    @property
    def key(self) -> ProcessKey:
        return self.sample.key

    @property
    def name(self) -> str:
        return self.sample.name

    @property
    def user(self) -> str | None:
        return self.sample.user


def make_row(sample: ProcessSample, cpu_percent: float | None) -> ProcessRow:
    """Build a row, formatting every cell once."""
    command = sample.command_line
    display = (
        sample.name or UNKNOWN,
        str(sample.key.pid),
        sample.user or UNKNOWN,
        status_word(sample.status),
        format_percent(cpu_percent),
        format_bytes(sample.memory_rss),
        format_count(sample.threads),
        format_started(sample.key.create_time),
        " ".join(command.split()) if command else UNKNOWN,
    )
    sort_values: tuple[SortValue, ...] = (
        sample.name.casefold(),
        sample.key.pid,
        (sample.user or "").casefold(),
        display[Column.STATUS].casefold(),
        _MISSING_FLOAT if cpu_percent is None else cpu_percent,
        _MISSING_FLOAT if sample.memory_rss is None else float(sample.memory_rss),
        _MISSING_INT if sample.threads is None else sample.threads,
        sample.key.create_time,
        (command or "").casefold(),
    )
    search_text = "\n".join((sample.name, command or "", sample.user or "", str(sample.key.pid))).casefold()
    return ProcessRow(sample, cpu_percent, display, sort_values, search_text)
