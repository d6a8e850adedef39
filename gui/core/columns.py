"""The table's columns: order, alignment, sorting, and what their widths must show.

Their titles and tooltips are words, so the models turn them into text
(``gui.models.column_titles``) through Qt's translation system. Widths are given
as sample text, not pixels: the views measure it in the font in use, so a larger
font gets wider columns.
"""

from dataclasses import dataclass
from enum import IntEnum


class Column(IntEnum):
    """Column positions in the process table (logical order)."""

    NAME = 0
    PID = 1
    USER = 2
    STATUS = 3
    CPU = 4
    MEMORY = 5
    THREADS = 6
    STARTED = 7
    COMMAND = 8
    WINDOW_TITLE = 9
    DISK_READ = 10
    DISK_WRITE = 11
    PRIORITY = 12


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """How one column is aligned, sorted and sized."""

    column: Column
    numeric: bool
    #: A wide typical cell: the default width shows it in full (the title always fits too).
    sample: str
    #: The shortest text worth keeping in a narrow window before titles are all that fit.
    readable: str = ""
    #: Text cut short still says something; a number or time cut short does not, so such a
    #: column is never narrower than its readable sample (it steps aside instead).
    elidable: bool = True
    can_hide: bool = True
    #: Sorted by a raw value (a number, a time) rather than by its text, ignoring case.
    sorts_by_value: bool = False
    #: When even the titles do not fit, the lowest rank steps aside first; None: always shown.
    squeeze_rank: int | None = None
    #: Shown in a new window and after Reset columns; the others wait in the column menu.
    shown_by_default: bool = True

    @property
    def readable_text(self) -> str:
        return self.readable or self.sample


COLUMNS: tuple[ColumnSpec, ...] = (
    # A script is named after it, with its interpreter: "update_checker.py (python3)". The name
    # is what a user finds a process by: in a narrow window the other columns give way or step
    # aside before it is cut below its readable width.
    ColumnSpec(
        Column.NAME, False, "update_checker.py (python3)", "gnome-shell", elidable=False, can_hide=False
    ),
    ColumnSpec(Column.PID, True, "4194304", elidable=False, sorts_by_value=True, squeeze_rank=4),
    ColumnSpec(Column.USER, False, "messagebus", "username", squeeze_rank=3),
    ColumnSpec(Column.STATUS, False, "Waiting (disk)", "Sleeping", squeeze_rank=2),
    ColumnSpec(Column.CPU, True, "100.0", elidable=False, sorts_by_value=True, squeeze_rank=6),
    ColumnSpec(Column.MEMORY, True, "1023.9 MB", elidable=False, sorts_by_value=True, squeeze_rank=5),
    ColumnSpec(Column.THREADS, True, "12345", elidable=False, sorts_by_value=True, squeeze_rank=0),
    ColumnSpec(
        Column.STARTED, False, "2026-11-29 12:19:02", elidable=False, sorts_by_value=True, squeeze_rank=1
    ),
    ColumnSpec(Column.COMMAND, False, "/usr/bin/python3 -m procpilot --interval 1.5", "/usr/bin/python3 -m"),
    # The first of a process's (or an app's) windows' titles; empty for most processes, so
    # the first to step aside in a narrow window rather than squeeze the names (the tooltips
    # keep the titles). A title cut to a few letters says nothing: not elided below "readable".
    ColumnSpec(
        Column.WINDOW_TITLE,
        False,
        "report.docx \u2014 LibreOffice Writer",
        "report.docx \u2014 Libre",
        elidable=False,
        squeeze_rank=-1,
    ),
    # What reached the storage device, per second: read only while shown (an extra file per process).
    # Shown only when asked for, so not "optional" (negative rank): they keep their room like Started.
    ColumnSpec(
        Column.DISK_READ,
        True,
        "1023.9 MB/s",
        "1023.9 KB/s",
        elidable=False,
        sorts_by_value=True,
        squeeze_rank=1,
        shown_by_default=False,
    ),
    ColumnSpec(
        Column.DISK_WRITE,
        True,
        "1023.9 MB/s",
        "1023.9 KB/s",
        elidable=False,
        sorts_by_value=True,
        squeeze_rank=1,
        shown_by_default=False,
    ),
    # The nice value (Windows: that of its priority class's step); hidden until asked for.
    ColumnSpec(
        Column.PRIORITY,
        True,
        "-20",
        elidable=False,
        sorts_by_value=True,
        squeeze_rank=-2,
        shown_by_default=False,
    ),
)

assert [spec.column for spec in COLUMNS] == list(Column), "COLUMNS must follow Column order"

#: Left to right, as a new window (or Reset columns) shows them: the window title just before
#: the command line, which takes the remaining width.
#: The disk columns (hidden by default) come right after Memory when shown, Priority (hidden
#: by default too) before the window title.
DEFAULT_ORDER: tuple[Column, ...] = (
    *[column for column in Column if column <= Column.MEMORY],
    Column.DISK_READ,
    Column.DISK_WRITE,
    *[column for column in Column if Column.MEMORY < column < Column.COMMAND],
    Column.PRIORITY,
    Column.WINDOW_TITLE,
    Column.COMMAND,
)

#: Columns whose values cost extra system calls: read only while shown (as KDE does).
DISK_COLUMNS: frozenset[Column] = frozenset((Column.DISK_READ, Column.DISK_WRITE))
#: Columns a new window leaves hidden (the header's menu shows them).
HIDDEN_BY_DEFAULT: frozenset[Column] = frozenset(spec.column for spec in COLUMNS if not spec.shown_by_default)

#: Columns that read left to right in every language: numbers, sizes, rates, times and command
#: lines (paths). A right-to-left layout mirrors where they stand, never the order within them
#: ("/usr/bin/Xvfb", "1.5 MB", "CPU %", "2026/11/29 11:29:13").
LEFT_TO_RIGHT_COLUMNS: frozenset[Column] = frozenset(
    {*(spec.column for spec in COLUMNS if spec.numeric), Column.STARTED, Column.COMMAND}
)
