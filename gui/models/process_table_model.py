"""The live process table, updated incrementally from sampler deltas."""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QStandardItemModel

from gui.core.delta import Delta
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.models.process_cells import (
    COLUMN_COUNT,
    DISPLAY,
    FOREGROUND,
    STATUS,
    cells,
    changed_cells,
    exited_colour,
    exited_word,
    filled_columns,
    runs,
    set_headers,
)
from gui.models.status_words import forget_status_words


class ProcessTableModel(QStandardItemModel):
    """One row per process, in arrival order; the proxy sorts and filters.

    The cells live in C++ (QStandardItemModel): painting and sorting then never
    call into Python, which measured 2x faster per repaint and 7x faster per
    sort than a Python ``data()`` with precomputed strings. Python keeps the
    rows in the same order to know what to update.

    Updates never reset the model: removals are contiguous ``removeRows`` runs,
    additions one ``insertRows`` at the end, changes ``setItemData`` on the
    cells that changed only, so selections and scroll positions survive every
    refresh.

    While another view is shown the rows are kept in Python only (``set_items_kept``):
    the items (about 5 KB a process) and the sorting of a list nobody sees would cost
    memory and CPU at every refresh. So do the columns the user hides: their cells hold
    no items (``set_unfilled_columns``) until they are shown again.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, COLUMN_COUNT, parent)
        forget_status_words()  # the words follow the translators installed when the table is built
        set_headers(self)
        self._rows: list[ProcessRow] = []
        self._position: dict[ProcessKey, int] = {}
        self._keep_exited = False
        self._exited: set[ProcessKey] = set()
        self._items_kept = True
        self._unfilled: frozenset[int] = frozenset()

    # Lookups ----------------------------------------------------------------

    def row_at(self, row: int) -> ProcessRow:
        return self._rows[row]

    def row_for(self, key: ProcessKey) -> ProcessRow | None:
        """The newest row of a listed process (exited ones while kept), whichever view is shown."""
        position = self._position.get(key)
        return None if position is None else self._rows[position]

    def index_of(self, key: ProcessKey | str, column: int = 0) -> QModelIndex:
        """The index of a process's row, invalid when the process is not listed (or a group),
        or while the items are not kept (another view is shown)."""
        position = self._position.get(key) if isinstance(key, ProcessKey) and self._items_kept else None
        return QModelIndex() if position is None else self.index(position, column)

    def rows(self) -> tuple[ProcessRow, ...]:
        return tuple(self._rows)

    @property
    def process_count(self) -> int:
        """How many processes are listed (exited ones while kept), whichever view is shown."""
        return len(self._rows)

    # Items kept or not ----------------------------------------------------------

    def set_items_kept(self, kept: bool) -> None:
        """Keep the rows as Qt items (the All processes view shows them) or in Python only."""
        if kept == self._items_kept:
            return
        self._items_kept = kept
        if not kept:
            self.setRowCount(0)
            return
        self._insert_items(0, self._rows)
        self._grey(list(self._exited))

    def set_unfilled_columns(self, columns: frozenset[int]) -> None:
        """Leave ``columns`` without items (the user hides them; at 3,000 processes the three
        hidden by default would hold about 3 MB); a column no longer among them is filled
        from the rows."""
        if columns == self._unfilled:
            return
        emptied, filled = columns - self._unfilled, self._unfilled - columns
        self._unfilled = columns
        if not self._items_kept or not self._rows:
            return
        self.blockSignals(True)
        try:
            for column in emptied:
                for position in range(len(self._rows)):
                    self.takeItem(position, column)  # its Python owner deletes it at once
            for position, row in enumerate(self._rows if filled else ()):
                all_cells = cells(row)
                for column in filled:
                    self.setItemData(self.index(position, column), all_cells[column])
        finally:
            self.blockSignals(False)
        self._grey(list(self._exited), filled)
        for column in emptied | filled:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def is_exited(self, key: ProcessKey) -> bool:
        """Whether the process exited while its row was kept, greyed (see ``keep_exited``)."""
        return key in self._exited

    @property
    def exited_count(self) -> int:
        return len(self._exited)

    # Keeping exited rows ------------------------------------------------------

    @property
    def keep_exited(self) -> bool:
        return self._keep_exited

    def set_keep_exited(self, keep: bool) -> None:
        """While kept, a process that exits stays in its place, greyed and marked "Exited"
        (the list holds still under the pointer); when no longer kept, those rows go."""
        self._keep_exited = keep
        if not keep and self._exited:
            self._remove(tuple(self._exited))

    def mark_exited(self, keys: Iterable[ProcessKey]) -> list[ProcessKey]:
        """Grey the rows of processes known to have exited; returns the newly marked keys."""
        marked = [key for key in keys if key in self._position and key not in self._exited]
        self._exited.update(marked)
        self._grey(marked)
        return marked

    def _grey(self, keys: list[ProcessKey], columns: Iterable[int] | None = None) -> None:
        """Show exited rows greyed and marked "Exited" (when the items are kept), in every
        filled column or in ``columns``."""
        if not keys or not self._items_kept:
            return
        grey, word = exited_colour(), exited_word()
        greyed = filled_columns(self._unfilled) if columns is None else list(columns)
        self.blockSignals(True)
        try:
            for key in keys:
                position = self._position[key]
                for column in greyed:
                    self.setData(self.index(position, column), grey, FOREGROUND)
                if STATUS in greyed:
                    self.setData(self.index(position, STATUS), word, DISPLAY)
        finally:
            self.blockSignals(False)
        for first, last in runs(sorted(self._position[key] for key in keys)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1))

    def recolour_exited(self) -> None:
        """Grey the exited rows again in the palette's colour (light or dark changed)."""
        if not self._items_kept:
            return
        grey, filled = exited_colour(), filled_columns(self._unfilled)
        for key in self._exited:
            position = self._position[key]
            for column in filled:
                self.setData(self.index(position, column), grey, FOREGROUND)

    # Updates ----------------------------------------------------------------

    def apply_delta(self, delta: Delta) -> None:
        """Bring the model to the sampler's newest snapshot without a reset."""
        self._remove(delta.removed)
        self._change(delta.changed)
        self._add(delta.added)

    def _remove(self, keys: Iterable[ProcessKey]) -> None:
        if self._keep_exited:
            self.mark_exited(keys)
            return
        gone = [key for key in keys if key in self._position]
        self._exited.difference_update(gone)
        positions = sorted(self._position[key] for key in gone)
        if not positions:
            return
        for first, last in reversed(list(runs(positions))):
            del self._rows[first : last + 1]
            if self._items_kept:
                self.removeRows(first, last - first + 1)
        self._position = {row.key: position for position, row in enumerate(self._rows)}

    def _change(self, rows: Iterable[ProcessRow]) -> None:
        """Update only the cells whose text or value changed, then announce each run of
        consecutive rows with one ``dataChanged`` (200 zombies at once are one signal)."""
        if not self._items_kept:
            for row in rows:
                position = self._position.get(row.key)
                if position is not None and row.key not in self._exited:
                    self._rows[position] = row
            return
        touched: dict[int, tuple[int, int]] = {}  # row -> (first, last) changed column
        self.blockSignals(True)
        try:
            for row in rows:
                position = self._position.get(row.key)
                if position is None or row.key in self._exited:
                    continue
                columns = self._update_cells(position, self._rows[position], row)
                self._rows[position] = row
                if columns:
                    touched[position] = (columns[0], columns[-1])
        finally:
            self.blockSignals(False)
        for first, last in runs(sorted(touched)):
            spans = [touched[position] for position in range(first, last + 1)]
            left, right = min(span[0] for span in spans), max(span[1] for span in spans)
            self.dataChanged.emit(self.index(first, left), self.index(last, right))

    def _update_cells(self, position: int, old: ProcessRow, row: ProcessRow) -> list[int]:
        """Write the changed cells of one row (signals held back); returns their columns."""
        unfilled = self._unfilled
        changed = [change for change in changed_cells(old, row) if change[0] not in unfilled]
        for column, roles in changed:
            self.setItemData(self.index(position, column), roles)
        return [column for column, _ in changed]

    def _add(self, rows: tuple[ProcessRow, ...]) -> None:
        """Append new rows in one insertion, then fill them in one ``dataChanged``.

        The cells are filled through ``setItemData`` with signals held back:
        QStandardItems created from Python would each keep a Python wrapper
        alive (10 MB per 3,000 processes, measured).
        """
        new_rows = [row for row in rows if row.key not in self._position]
        if not new_rows:
            return
        start = len(self._rows)
        for offset, row in enumerate(new_rows):
            self._position[row.key] = start + offset
        self._rows.extend(new_rows)  # before the insertion: the proxy's filter reads them
        if self._items_kept:
            self._insert_items(start, new_rows)

    def _insert_items(self, start: int, rows: list[ProcessRow]) -> None:
        """Items for ``rows`` (already in ``_rows`` from ``start``): one insertion, one ``dataChanged``."""
        if not rows:
            return
        self.insertRows(start, len(rows))
        unfilled = self._unfilled
        self.blockSignals(True)
        try:
            for offset, row in enumerate(rows):
                for column, roles in enumerate(cells(row)):
                    if column not in unfilled:
                        self.setItemData(self.index(start + offset, column), roles)
        finally:
            self.blockSignals(False)
        self.dataChanged.emit(self.index(start, 0), self.index(start + len(rows) - 1, COLUMN_COUNT - 1))
