"""Processes placed under parents (other processes, or groups such as applications), updated live."""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

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
from gui.models.roles import KEY_ROLE
from gui.models.status_words import forget_status_words

#: A row of the model: a process (its key) or a group (an id such as ``"app:firefox"``).
Node = ProcessKey | str
#: Where a node sits: under another node, or at the top (``None``).
Parent = Node | None


class NestedProcessModel(QStandardItemModel):
    """The live processes as a tree whose shape a subclass decides (``_parent_for``).

    Like the flat table, cells live in C++ (QStandardItemModel: painting and
    sorting never call Python) and are written with ``setItemData``; Python
    mirrors each parent's children in order (``_children``) to find rows fast.
    A process that moves (its parent changed, or it joined an application) is
    taken out with its subtree and put back under its new parent. The columns the user
    hides hold no items (``set_unfilled_columns``), as in the flat table.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, COLUMN_COUNT, parent)
        forget_status_words()
        set_headers(self)
        self._rows: dict[ProcessKey, ProcessRow] = {}
        self._parent: dict[Node, Parent] = {}
        self._children: dict[Parent, list[Node]] = {None: []}
        self._positions: dict[Parent, dict[Node, int]] = {}
        self._keep_exited = False
        self._exited: set[ProcessKey] = set()
        self._unfilled: frozenset[int] = frozenset()

    # What subclasses decide ------------------------------------------------------

    def _parent_for(self, row: ProcessRow) -> Parent:
        """Where a process goes; a group id returned here must exist (see ``_ensure_group``)."""
        raise NotImplementedError

    def _ensure_group(self, group: str) -> None:
        """Create the row of a group a process is about to be placed under, if missing."""

    def _groups_touched(self, groups: set[str]) -> None:
        """Members of these groups changed: update their totals (or remove empty ones)."""

    def _group_cells_now(self, group: str) -> list[dict[int, Any]] | None:
        """The cells a group's row shows now (to fill a column shown again)."""
        return None

    # Columns without items ----------------------------------------------------------

    def set_unfilled_columns(self, columns: frozenset[int]) -> None:
        """Leave ``columns`` without items (the user hides them); a column no longer among
        them is filled from the rows and groups as they are now."""
        if columns == self._unfilled:
            return
        emptied, filled = columns - self._unfilled, self._unfilled - columns
        self._unfilled = columns
        if not self._parent:
            return
        self.blockSignals(True)
        try:
            for parent, children in self._children.items():
                parent_item = self._item(parent)
                for position, node in enumerate(children):
                    for column in emptied:
                        parent_item.takeChild(position, column)  # its Python owner deletes it
                    if filled:
                        self._fill(parent, position, node, filled)
        finally:
            self.blockSignals(False)
        for parent, children in self._children.items():
            if children:
                parent_index = QModelIndex() if parent is None else self.index_of(parent)
                for column in emptied | filled:
                    last = self.index(len(children) - 1, column, parent_index)
                    self.dataChanged.emit(self.index(0, column, parent_index), last)

    def _fill(self, parent: Parent, position: int, node: Node, columns: frozenset[int]) -> None:
        parent_index = QModelIndex() if parent is None else self.index_of(parent)
        if isinstance(node, ProcessKey):
            row_cells: list[dict[int, Any]] | None = cells(self._rows[node], text_sort_values=True)
        else:
            row_cells = self._group_cells_now(node)
        if row_cells is None:
            return
        grey = exited_colour() if node in self._exited else None
        for column in columns:
            index = self.index(position, column, parent_index)
            self.setItemData(index, row_cells[column])
            if grey is not None:
                self.setData(index, grey, FOREGROUND)
                if column == STATUS:
                    self.setData(index, exited_word(), DISPLAY)

    # Lookups ----------------------------------------------------------------------

    def row_for(self, key: ProcessKey) -> ProcessRow | None:
        return self._rows.get(key)

    def rows(self) -> tuple[ProcessRow, ...]:
        return tuple(self._rows.values())

    def node_at(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> Node | None:
        """The node shown at ``row`` under ``parent`` (a source index)."""
        siblings = self._children.get(self.node_of(parent))
        return siblings[row] if siblings is not None and 0 <= row < len(siblings) else None

    def node_of(self, index: QModelIndex | QPersistentModelIndex) -> Parent:
        """The node of a source index (``None`` for the invisible root)."""
        if not index.isValid():
            return None
        return self.node_at(index.row(), index.parent())

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The index of a process or group, invalid when it is not listed."""
        if node not in self._parent:
            return QModelIndex()
        parent = self._parent[node]
        parent_index = QModelIndex() if parent is None else self.index_of(parent)
        return self.index(self._position(parent, node), column, parent_index)

    def members(self, node: Node) -> list[ProcessKey]:
        """The processes under a node, at any depth."""
        found: list[ProcessKey] = []
        pending = list(self._children.get(node, ()))
        while pending:
            child = pending.pop()
            if isinstance(child, ProcessKey):
                found.append(child)
            pending.extend(self._children.get(child, ()))
        return found

    def is_exited(self, key: ProcessKey) -> bool:
        return key in self._exited

    def _position(self, parent: Parent, node: Node) -> int:
        positions = self._positions.get(parent)
        if positions is None:
            positions = {child: n for n, child in enumerate(self._children[parent])}
            self._positions[parent] = positions
        return positions[node]

    def _item(self, node: Parent) -> QStandardItem:
        if node is None:
            return self.invisibleRootItem()
        return self.itemFromIndex(self.index_of(node))

    # Building ---------------------------------------------------------------------

    def reset_rows(self, rows: Iterable[ProcessRow]) -> None:
        """Start over from a full list (when the view that shows this model is chosen)."""
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            self._rows.clear()
            self._parent.clear()
            self._children = {None: []}
            self._positions.clear()
            self._exited.clear()
            self._reset_groups()
        finally:
            self.blockSignals(False)
        self.endResetModel()
        self._add(tuple(rows))

    def _reset_groups(self) -> None:
        """Forget the groups (their rows are already gone)."""

    # Keeping exited rows (the list holds still) --------------------------------------

    @property
    def keep_exited(self) -> bool:
        return self._keep_exited

    def set_keep_exited(self, keep: bool) -> None:
        self._keep_exited = keep
        if not keep and self._exited:
            self._remove(tuple(self._exited))

    def mark_exited(self, keys: Iterable[ProcessKey]) -> list[ProcessKey]:
        marked = [key for key in keys if key in self._rows and key not in self._exited]
        grey, word = exited_colour(), exited_word()
        filled = filled_columns(self._unfilled)
        for key in marked:
            self._exited.add(key)
            for column in filled:
                self.setData(self.index_of(key, column), grey, FOREGROUND)
            if STATUS in filled:
                self.setData(self.index_of(key, STATUS), word, DISPLAY)
        return marked

    def recolour_exited(self) -> None:
        """Grey the exited rows again in the palette's colour (light or dark changed)."""
        grey, filled = exited_colour(), filled_columns(self._unfilled)
        for key in self._exited:
            for column in filled:
                self.setData(self.index_of(key, column), grey, FOREGROUND)

    # Updates ------------------------------------------------------------------------

    def apply_delta(self, delta: Delta) -> None:
        self._remove(delta.removed)
        waiting = self._change(delta.changed)
        self._add(delta.added)
        for key in waiting:  # their new parent came in this same delta, or is not listed
            self.place_again(key)

    def _remove(self, keys: Iterable[ProcessKey]) -> None:
        """Remove processes: their children move first, then each parent loses its rows in
        contiguous runs (200 exits under one section are a few ``removeRows``, not 200)."""
        if self._keep_exited:
            self.mark_exited(keys)
            return
        gone = [key for key in dict.fromkeys(keys) if key in self._rows]
        if not gone:
            return
        leaving = set(gone)
        for key in gone:
            for child in list(self._children.get(key, ())):
                if child not in leaving:
                    self._move(child, self._new_place(child, key))
        by_parent: dict[Parent, list[ProcessKey]] = {}
        for key in gone:
            by_parent.setdefault(self._parent[key], []).append(key)
        # Deepest parents first: a parent that is itself leaving is still in place meanwhile.
        for parent in sorted(by_parent, key=self._depth, reverse=True):
            keys_here = by_parent[parent]
            positions = sorted(self._position(parent, key) for key in keys_here)
            parent_index = QModelIndex() if parent is None else self.index_of(parent)
            siblings = self._children[parent]
            self._positions.pop(parent, None)
            for first, last in reversed(list(runs(positions))):
                del siblings[first : last + 1]  # the mirror changes with the model, run by run
                self.removeRows(first, last - first + 1, parent_index)
        touched: set[str] = set()
        for key in gone:
            touched.update(self._groups_above(self._parent.pop(key)))
            self._children.pop(key, None)
            self._positions.pop(key, None)
            del self._rows[key]
            self._exited.discard(key)
        if touched:
            self._groups_touched(touched)

    def _depth(self, node: Parent) -> int:
        depth = 0
        while node is not None:
            node = self._parent.get(node)
            depth += 1
        return depth

    def _change(self, rows: Iterable[ProcessRow]) -> list[ProcessKey]:
        """Update cells, and move processes whose place changed; returns those whose
        new parent is not listed yet."""
        touched: set[str] = set()
        waiting: list[ProcessKey] = []
        for row in rows:
            key = row.key
            old = self._rows.get(key)
            if old is None or key in self._exited:
                continue
            self._rows[key] = row
            unfilled = self._unfilled
            changed = [c for c in changed_cells(old, row, text_sort_values=True) if c[0] not in unfilled]
            if changed:
                row_index = self.index_of(key)
                for column, roles in changed:
                    self.setItemData(row_index.siblingAtColumn(column), roles)
            wanted = self._parent_for(row)
            if isinstance(wanted, ProcessKey) and wanted not in self._parent:
                waiting.append(key)
            elif wanted != self._parent[key] and not self._is_above(key, wanted):
                touched.update(self._groups_above(self._parent[key]))
                if isinstance(wanted, str):
                    self._ensure_group(wanted)
                self._move(key, wanted)
            touched.update(self._groups_above(self._parent[key]))
        if touched:
            self._groups_touched(touched)
        return waiting

    def place_again(self, key: ProcessKey) -> None:
        """Move a process to where ``_parent_for`` says it belongs now, if that is listed."""
        wanted = self._parent_for(self._rows[key])
        if wanted is not None and (wanted not in self._parent or self._is_above(key, wanted)):
            wanted = None
        if wanted != self._parent[key]:
            self._move(key, wanted)

    def _new_place(self, orphan: Node, gone: ProcessKey) -> Parent:
        """Where a child of a removed process goes: where it belongs now, or at the top."""
        if not isinstance(orphan, ProcessKey):
            return None
        wanted = self._parent_for(self._rows[orphan])
        if wanted == gone or wanted not in self._parent or self._is_above(orphan, wanted):
            return None
        return wanted

    def _is_above(self, node: Node, other: Parent) -> bool:
        """Whether ``node`` is ``other`` or one of its ancestors (a move would make a cycle)."""
        while other is not None:
            if other == node:
                return True
            other = self._parent.get(other)
        return False

    def _add(self, rows: tuple[ProcessRow, ...]) -> None:
        """Insert new processes, parents before their children, one insertion per parent."""
        new = {row.key: row for row in rows if row.key not in self._rows}
        if not new:
            return
        self._rows.update(new)
        wanted = {key: self._parent_for(row) for key, row in new.items()}
        touched: set[str] = set()
        placed: set[ProcessKey] = set()
        for key, parent in wanted.items():
            unlisted = isinstance(parent, ProcessKey) and parent not in new and parent not in self._parent
            if unlisted or (parent in new and self._is_cycle(key, wanted)):
                wanted[key] = None  # its parent is not listed (yet): at the top
        while len(placed) < len(new):
            by_parent: dict[Parent, list[ProcessKey]] = {}
            for key, parent in wanted.items():
                if key in placed or (parent in new and parent not in placed):
                    continue  # placed already, or after its parent
                by_parent.setdefault(parent, []).append(key)
            for parent, keys in by_parent.items():
                if isinstance(parent, str):
                    self._ensure_group(parent)
                self._insert(parent, keys)
                placed.update(keys)
                touched.update(self._groups_above(parent))
        if touched:
            self._groups_touched(touched)

    @staticmethod
    def _is_cycle(key: ProcessKey, wanted: dict[ProcessKey, Parent]) -> bool:
        seen = {key}
        parent = wanted.get(key)
        while isinstance(parent, ProcessKey) and parent in wanted:
            if parent in seen:
                return True
            seen.add(parent)
            parent = wanted[parent]
        return False

    def _groups_above(self, node: Parent) -> list[str]:
        groups = []
        while node is not None:
            if isinstance(node, str):
                groups.append(node)
            node = self._parent.get(node)
        return groups

    # Row surgery --------------------------------------------------------------------

    def _insert(self, parent: Parent, keys: list[ProcessKey]) -> None:
        """Append processes under ``parent`` in one insertion, cells filled with signals held."""
        parent_index = QModelIndex() if parent is None else self.index_of(parent)
        siblings = self._children.setdefault(parent, [])
        start = len(siblings)
        for key in keys:
            self._parent[key] = parent
        siblings.extend(keys)
        self._positions.pop(parent, None)
        if self.columnCount(parent_index) < COLUMN_COUNT:
            self.insertColumns(0, COLUMN_COUNT - self.columnCount(parent_index), parent_index)
        self.insertRows(start, len(keys), parent_index)
        self.blockSignals(True)
        try:
            unfilled = self._unfilled
            for offset, key in enumerate(keys):
                for column, roles in enumerate(cells(self._rows[key], text_sort_values=True)):
                    if column not in unfilled:
                        self.setItemData(self.index(start + offset, column, parent_index), roles)
        finally:
            self.blockSignals(False)
        last = start + len(keys) - 1
        self.dataChanged.emit(
            self.index(start, 0, parent_index), self.index(last, COLUMN_COUNT - 1, parent_index)
        )

    def insert_group(self, group: str, parent: Parent, roles_by_column: list[dict[int, Any]]) -> None:
        """Add a group row (an application, a section) under ``parent``."""
        parent_index = QModelIndex() if parent is None else self.index_of(parent)
        siblings = self._children.setdefault(parent, [])
        self._parent[group] = parent
        siblings.append(group)
        self._positions.pop(parent, None)
        self._children[group] = []
        row = len(siblings) - 1
        self.insertRows(row, 1, parent_index)
        self.blockSignals(True)
        try:
            for column, roles in enumerate(roles_by_column):
                if column not in self._unfilled:
                    self.setItemData(self.index(row, column, parent_index), roles)
        finally:
            self.blockSignals(False)
        last_column = self.index(row, COLUMN_COUNT - 1, parent_index)
        self.dataChanged.emit(self.index(row, 0, parent_index), last_column)

    def remove_group(self, group: str) -> None:
        """Remove an empty group row."""
        if group in self._parent and not self._children.get(group):
            self._take(group)
            self._children.pop(group, None)

    def _take(self, node: Node) -> None:
        """Remove a childless node's row."""
        parent = self._parent.pop(node)
        position = self._position(parent, node)
        parent_index = QModelIndex() if parent is None else self.index_of(parent)
        self._children[parent].pop(position)
        self._positions.pop(parent, None)
        self._children.pop(node, None)
        self.removeRows(position, 1, parent_index)

    def _move(self, node: Node, parent: Parent) -> None:
        """Put a node (with everything under it) under another parent."""
        old_parent = self._parent[node]
        if old_parent == parent:
            return
        source = self._item(old_parent)
        position = self._position(old_parent, node)
        taken = source.takeRow(position)
        self._children[old_parent].pop(position)
        self._positions.pop(old_parent, None)
        target = self._item(parent)
        siblings = self._children.setdefault(parent, [])
        siblings.append(node)
        self._positions.pop(parent, None)
        self._parent[node] = parent
        target.appendRow([item if item is not None else QStandardItem() for item in taken])


__all__ = ["KEY_ROLE", "NestedProcessModel", "Node", "Parent"]
