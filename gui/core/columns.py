"""The table's columns: order, titles, alignment and default widths."""

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


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """How one column is titled, aligned and sized."""

    column: Column
    title: str
    numeric: bool
    default_width: int
    tooltip: str
    can_hide: bool = True
    #: Sorted by a raw value (a number, a time) rather than by its text, ignoring case.
    sorts_by_value: bool = False


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(Column.NAME, "Name", False, 200, "Process name", can_hide=False),
    ColumnSpec(Column.PID, "PID", True, 70, "Process ID", sorts_by_value=True),
    ColumnSpec(Column.USER, "User", False, 100, "User that owns the process"),
    ColumnSpec(Column.STATUS, "Status", False, 110, "What the process is doing now"),
    ColumnSpec(
        Column.CPU,
        "CPU %",
        True,
        70,
        "CPU use since the last refresh; 100 = one full core",
        sorts_by_value=True,
    ),
    ColumnSpec(Column.MEMORY, "Memory", True, 90, "Resident memory (RAM in use)", sorts_by_value=True),
    ColumnSpec(Column.THREADS, "Threads", True, 70, "Number of threads", sorts_by_value=True),
    ColumnSpec(
        Column.STARTED, "Started", False, 150, "When the process started (local time)", sorts_by_value=True
    ),
    ColumnSpec(Column.COMMAND, "Command line", False, 280, "Full command line"),
)

assert [spec.column for spec in COLUMNS] == list(Column), "COLUMNS must follow Column order"
