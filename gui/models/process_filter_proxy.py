"""Sorting and filtering the process table (search text, mine or all)."""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from gui.models.process_table_model import ProcessTableModel
from gui.models.roles import SORT_ROLE


class ProcessFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values (SORT_ROLE, all in C++) and filters by search text and owner.

    The filter reads the source row's precomputed, case-folded ``search_text``
    (name, command line, user, PID), so a match is one substring test.
    """

    def __init__(self, source: ProcessTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._needle = ""
        self._only_mine = False
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def search_text(self) -> str:
        return self._needle

    @property
    def only_mine(self) -> bool:
        return self._only_mine

    def set_search_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_only_mine(self, only_mine: bool) -> None:
        if only_mine != self._only_mine:
            self.beginFilterChange()
            self._only_mine = only_mine
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle and not self._only_mine:
            return True
        row = self._source.row_at(source_row)
        if self._only_mine and not row.sample.owned_by_me:
            return False
        return self._needle in row.search_text
