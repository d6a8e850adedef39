"""One row of the process table, with its display strings precomputed off the UI thread."""

import dataclasses
from dataclasses import dataclass, field

from gui.core.app_identity import NO_IDENTITY, ProcessIdentity
from gui.core.columns import Column
from gui.core.disk_rates import DiskRate
from gui.core.display_text import COMMAND_LINE_LIMIT, display_text
from gui.core.formatting import (
    UNKNOWN,
    format_bytes,
    format_count,
    format_percent,
    format_started,
)
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind, classify
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo

#: A window title as a tooltip or cell shows it: titles are set by programs (hostile data).
WINDOW_TITLE_LIMIT = 300

#: Sort values for a number the OS refused: below every real value. One per
#: number type, so that a column never mixes ints and floats. Memory sorts as a
#: float: Qt does not order a 32-bit int against a 64-bit one reliably.
_MISSING_INT = -1
#: Below every nice value (-20 .. 19): an unknown priority sorts like the missing numbers.
_MISSING_NICE = -100
_MISSING_FLOAT = -1.0
#: Nice values as text, one object each (every row holds one, most of them "0").
_NICE_TEXTS = {nice: str(nice) for nice in range(-20, 20)}

SortValue = int | float


@dataclass(frozen=True, slots=True)
class ProcessRow:
    """What the table shows of one process.

    ``display`` is indexed by :class:`Column`, so filling a cell is a tuple
    lookup. ``sort_values`` holds the raw number (bytes, seconds) of the columns
    that sort by value and ``None`` for the text columns, which sort by their
    text ignoring case: nothing is sorted by formatted numbers.

    ``identity`` is what the platform decided the process is (its app, its script) and
    ``kind`` the section it belongs in, derived from the sample and the identity. Two rows
    are equal when their sample, CPU % and windows are, and their identity is the same object:
    identities are decided once per process and kept, so a new object means a new answer.

    ``windows`` are the process's own top-level windows (X11), ``window_titles`` their
    titles made displayable (controls shown, length bounded), in the same order; the
    Window title cell shows the first.
    """

    sample: ProcessSample
    cpu_percent: float | None
    display: tuple[str, ...] = field(compare=False)
    sort_values: tuple[SortValue | None, ...] = field(compare=False)
    kind: ProcessKind = field(compare=False)
    identity: ProcessIdentity = field(default=NO_IDENTITY, compare=False)
    windows: tuple[WindowInfo, ...] = field(default=(), compare=False)
    window_titles: tuple[str, ...] = field(default=(), compare=False)
    #: Disk rates, while the disk columns are shown; ``None`` otherwise (blank cells).
    disk: DiskRate | None = field(default=None, compare=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ProcessRow):
            return NotImplemented
        return (
            self.identity is other.identity
            and self.cpu_percent == other.cpu_percent
            and self.sample == other.sample
            and self.windows == other.windows
            and self.disk == other.disk
        )

    def __hash__(self) -> int:
        return hash(self.sample.key)

    @property
    def key(self) -> ProcessKey:
        return self.sample.key

    @property
    def named_sample(self) -> ProcessSample:
        """The sample under the name the list shows: ``frozen_editor.py (python3)`` for a script,
        so confirmations and results name what the user saw, not the interpreter."""
        label = self.identity.script_label
        return self.sample if label is None else dataclasses.replace(self.sample, name=label)

    @property
    def name(self) -> str:
        return self.sample.name

    @property
    def user(self) -> str | None:
        return self.sample.user

    def matches(self, needle: str) -> bool:
        """Whether a case-folded search text occurs in the name (a script's label included),
        command line, user, PID or a window's title as the table shows them (``⟨U+202E⟩`` is
        found by typing it).

        Computed on demand rather than stored: searching is rare, rows are many.
        """
        display = self.display
        return (
            needle in display[Column.NAME].casefold()
            or needle in display[Column.COMMAND].casefold()
            or needle in display[Column.USER].casefold()
            or needle in display[Column.PID]
            or any(needle in title.casefold() for title in self.window_titles)
        )


def _same_words(before: ProcessRow, sample: ProcessSample, identity: ProcessIdentity) -> bool:
    """Whether ``before`` was made from the same process's same name, user and command line
    (a reader hands the same text objects while they stay the same)."""
    was = before.sample
    return (
        before.identity is identity
        and was.key == sample.key
        and was.name is sample.name
        and was.user is sample.user
        and was.command_line is sample.command_line
    )


def make_row(
    sample: ProcessSample,
    cpu_percent: float | None,
    identity: ProcessIdentity = NO_IDENTITY,
    windows: tuple[WindowInfo, ...] = (),
    disk: DiskRate | None = None,
    *,
    before: "ProcessRow | None" = None,
) -> ProcessRow:
    """Build a row, formatting every cell once; text from the process goes through
    :func:`display_text`, and the command line is cut to a bounded length.

    A process running a script is named after it: ``frozen_editor.py (python3)``.
    ``before``: the same process's previous row, whose texts for what did not change
    (name, PID, user, start, command line) are taken as they are.
    """
    command = sample.command_line
    if before is not None and _same_words(before, sample, identity):
        name_text, pid_text, user_text = before.display[Column.NAME : Column.STATUS]
        started_text, command_text = before.display[Column.STARTED : Column.WINDOW_TITLE]
    else:
        name = identity.script_label or sample.name
        name_text = display_text(name) if name else UNKNOWN
        pid_text = str(sample.key.pid)
        user_text = display_text(sample.user) if sample.user else UNKNOWN
        started_text = format_started(sample.key.create_time)
        command_text = display_text(command, COMMAND_LINE_LIMIT) if command else UNKNOWN
    display: tuple[str, ...] = (
        name_text,
        pid_text,
        user_text,
        sample.status,  # an id: the table shows it as a word in the user's language
        format_percent(cpu_percent),
        format_bytes(sample.memory_rss),
        format_count(sample.threads),
        started_text,
        command_text,
        "",  # the window title: see below
        format_rate(disk.read_per_second if disk else None),
        format_rate(disk.write_per_second if disk else None),
        "" if sample.nice is None else _NICE_TEXTS.get(sample.nice) or str(sample.nice),
    )
    sort_values: tuple[SortValue | None, ...] = (
        None,
        sample.key.pid,
        None,
        None,
        _MISSING_FLOAT if cpu_percent is None else cpu_percent,
        _MISSING_FLOAT if sample.memory_rss is None else float(sample.memory_rss),
        _MISSING_INT if sample.threads is None else sample.threads,
        sample.key.create_time,
        None,
        None,
        _rate_sort_value(disk.read_per_second if disk else None),
        _rate_sort_value(disk.write_per_second if disk else None),
        _MISSING_NICE if sample.nice is None else sample.nice,
    )
    titles = titles_of(windows)
    if titles:
        display = (*display[: Column.WINDOW_TITLE], titles[0], *display[Column.WINDOW_TITLE + 1 :])
    return ProcessRow(
        sample,
        cpu_percent,
        display,
        sort_values,
        classify(sample, identity),
        identity,
        windows,
        titles,
        disk,
    )


def format_rate(per_second: float | None) -> str:
    """A byte rate as sizes are shown, per second (``1.2 MB/s``); blank when there is none."""
    return "" if per_second is None else f"{format_bytes(round(per_second))}/s"


def _rate_sort_value(per_second: float | None) -> float:
    return _MISSING_FLOAT if per_second is None else float(per_second)


def with_disk(row: ProcessRow, disk: DiskRate | None) -> ProcessRow:
    """``row`` with other disk rates."""
    read = disk.read_per_second if disk else None
    write = disk.write_per_second if disk else None
    after = Column.DISK_WRITE + 1  # the columns that follow keep their values
    display = (*row.display[: Column.DISK_READ], format_rate(read), format_rate(write), *row.display[after:])
    sort_values = (
        *row.sort_values[: Column.DISK_READ],
        _rate_sort_value(read),
        _rate_sort_value(write),
        *row.sort_values[after:],
    )
    return dataclasses.replace(row, display=display, sort_values=sort_values, disk=disk)


def with_windows(row: ProcessRow, windows: tuple[WindowInfo, ...]) -> ProcessRow:
    """``row`` with other windows: its Window title cell shows the first one's."""
    titles = titles_of(windows)
    display = (
        *row.display[: Column.WINDOW_TITLE],
        titles[0] if titles else "",
        *row.display[Column.WINDOW_TITLE + 1 :],
    )
    return dataclasses.replace(row, display=display, windows=windows, window_titles=titles)


def titles_of(windows: tuple[WindowInfo, ...]) -> tuple[str, ...]:
    """The windows' titles as plain, displayable text; untitled windows are left out."""
    return tuple(display_text(window.title, WINDOW_TITLE_LIMIT) for window in windows if window.title)
