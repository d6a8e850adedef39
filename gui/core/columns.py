"""The table's columns: order, alignment, sorting and default widths.

Their titles and tooltips are words, so the models turn them into text
(``gui.models.column_titles``) through Qt's translation system.
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


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """How one column is aligned, sorted and sized."""

    column: Column
    numeric: bool
    default_width: int
    can_hide: bool = True
    #: Sorted by a raw value (a number, a time) rather than by its text, ignoring case.
    sorts_by_value: bool = False


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(Column.NAME, False, 200, can_hide=False),
    ColumnSpec(Column.PID, True, 70, sorts_by_value=True),
    ColumnSpec(Column.USER, False, 100),
    ColumnSpec(Column.STATUS, False, 110),
    ColumnSpec(Column.CPU, True, 70, sorts_by_value=True),
    ColumnSpec(Column.MEMORY, True, 90, sorts_by_value=True),
    ColumnSpec(Column.THREADS, True, 70, sorts_by_value=True),
    ColumnSpec(Column.STARTED, False, 150, sorts_by_value=True),
    ColumnSpec(Column.COMMAND, False, 280),
)

assert [spec.column for spec in COLUMNS] == list(Column), "COLUMNS must follow Column order"
