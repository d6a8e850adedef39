"""Sorting and filtering the process table (search text, mine or all)."""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from gui.core.columns import COLUMNS
from gui.models.process_table_model import ProcessTableModel
from gui.models.roles import SORT_ROLE
from gui.models.search_filter import SearchFilterProxy


class ProcessFilterProxy(SearchFilterProxy):
    """Sorts in C++ and filters by search text and owner.

    Columns with a raw value (numbers, start time) sort by ``SORT_ROLE``; text
    columns by their text, ignoring case. The filter asks the source row whether
    it matches, so only rows that change or a new search text cost Python time.
    """

    def __init__(self, source: ProcessTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's raw value or by its text, whichever it sorts by."""
        by_value = 0 <= column < len(COLUMNS) and COLUMNS[column].sorts_by_value
        self.setSortRole(SORT_ROLE if by_value else Qt.ItemDataRole.DisplayRole)
        super().sort(column, order)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle and not self._only_mine:
            return True
        row = self._source.row_at(source_row)
        if self._only_mine and not row.sample.owned_by_me:
            return False
        return row.matches(self._needle)
