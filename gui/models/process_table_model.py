"""The live process table, updated incrementally from sampler deltas."""

from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui.core.columns import COLUMNS, Column
from gui.core.delta import Delta
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.models.roles import KEY_ROLE, SORT_ROLE

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGNMENTS = tuple(_RIGHT if spec.numeric else _LEFT for spec in COLUMNS)

ModelIndex = QModelIndex | QPersistentModelIndex


def _runs(sorted_rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Contiguous ``(first, last)`` runs of ascending row numbers."""
    first = last = -2
    for row in sorted_rows:
        if row != last + 1:
            if first >= 0:
                yield first, last
            first = row
        last = row
    if first >= 0:
        yield first, last


class ProcessTableModel(QAbstractTableModel):
    """One row per process, in arrival order; the proxy sorts and filters.

    Updates never reset the model: removals are contiguous ``removeRows`` runs,
    additions one ``insertRows`` at the end, changes merged ``dataChanged``
    ranges, so selections and scroll positions survive every refresh.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProcessRow] = []
        self._position: dict[ProcessKey, int] = {}

    # Qt model interface ---------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display[column]
        if role == SORT_ROLE:
            return row.sort_values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENTS[column]
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.COMMAND:
            return row.sample.command_line
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENTS[section]
        return None

    # Lookups ----------------------------------------------------------------

    def row_at(self, row: int) -> ProcessRow:
        return self._rows[row]

    def index_of(self, key: ProcessKey, column: int = 0) -> QModelIndex:
        """The index of a process's row, invalid when the process is not listed."""
        position = self._position.get(key)
        return QModelIndex() if position is None else self.index(position, column)

    def rows(self) -> tuple[ProcessRow, ...]:
        return tuple(self._rows)

    # Updates ----------------------------------------------------------------

    def apply_delta(self, delta: Delta) -> None:
        """Bring the model to the sampler's newest snapshot without a reset."""
        self._remove(delta.removed)
        self._change(delta.changed)
        self._add(delta.added)

    def _remove(self, keys: Iterable[ProcessKey]) -> None:
        positions = sorted(self._position[key] for key in keys if key in self._position)
        if not positions:
            return
        for first, last in reversed(list(_runs(positions))):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._position = {row.key: position for position, row in enumerate(self._rows)}

    def _change(self, rows: Iterable[ProcessRow]) -> None:
        positions = []
        for row in rows:
            position = self._position.get(row.key)
            if position is not None:
                self._rows[position] = row
                positions.append(position)
        last_column = len(COLUMNS) - 1
        for first, last in _runs(sorted(positions)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def _add(self, rows: tuple[ProcessRow, ...]) -> None:
        new_rows = [row for row in rows if row.key not in self._position]
        if not new_rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(new_rows) - 1)
        for offset, row in enumerate(new_rows):
            self._position[row.key] = start + offset
        self._rows.extend(new_rows)
        self.endInsertRows()
