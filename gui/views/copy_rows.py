"""Rows of the process table as plain text: one line per process, columns as shown, tab-separated.

Each cell is copied as it is displayed: the text of process names and command lines
is already made safe for display (tabs, line breaks and other control characters
appear as ``⟨U+0009⟩``), so a process cannot add lines or columns to the copy.
"""

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTreeView


def visible_columns(header: QHeaderView) -> list[int]:
    """The logical indexes of the shown columns, in the order the user sees them."""
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [column for column in logical if not header.isSectionHidden(column)]


def cell_text(index: QModelIndex) -> str:
    """A cell's display text."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    return text if isinstance(text, str) else ""


def rows_text(header: QHeaderView, rows: Iterable[QModelIndex]) -> str:
    """``rows`` (any index of each row) as lines of tab-separated visible cells."""
    columns = visible_columns(header)
    return "\n".join("\t".join(cell_text(row.siblingAtColumn(column)) for column in columns) for row in rows)


def selected_rows_text(view: QTreeView) -> str:
    """The selected rows of ``view``, top to bottom; empty when nothing is selected."""
    rows = sorted(view.selectionModel().selectedRows(), key=QModelIndex.row)
    return rows_text(view.header(), rows)
