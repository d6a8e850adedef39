"""The Process tree view's model: each process under its parent."""

from collections.abc import Iterable
from typing import Any

from gui.core.delta import Delta
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.models.nested_process_model import NestedProcessModel, Parent

#: Start times are rounded against boot time: a child can read as started a little
#: before its parent. Beyond this, the parent PID belongs to an older process's reuse.
_START_TOLERANCE_S = 1.0


class ProcessTreeModel(NestedProcessModel):
    """Parents and children; a process whose parent is not listed is at the top."""

    def __init__(self, parent: Any = None) -> None:
        self._by_pid: dict[int, ProcessKey] = {}
        #: Processes shown at the top because their parent PID was not listed, by that PID.
        self._waiting: dict[int, set[ProcessKey]] = {}
        super().__init__(parent)

    def reset_rows(self, rows: Iterable[ProcessRow]) -> None:
        rows = tuple(rows)
        self._by_pid = {row.key.pid: row.key for row in rows}
        self._waiting.clear()
        super().reset_rows(rows)

    def apply_delta(self, delta: Delta) -> None:
        if not self.keep_exited:
            for key in delta.removed:
                if self._by_pid.get(key.pid) == key:
                    del self._by_pid[key.pid]
        for row in delta.added:
            self._by_pid[row.key.pid] = row.key
        super().apply_delta(delta)
        for row in delta.added:  # a parent listed after its children (a read that failed once)
            for child in self._waiting.pop(row.key.pid, ()):
                child_row = self.row_for(child)
                if child_row is not None and self._parent_for(child_row) == row.key:
                    self.place_again(child)

    def set_keep_exited(self, keep: bool) -> None:
        gone = () if keep else tuple(key for key in self._exited)
        super().set_keep_exited(keep)
        for key in gone:
            if self._by_pid.get(key.pid) == key:
                del self._by_pid[key.pid]

    def _parent_for(self, row: ProcessRow) -> Parent:
        parent_pid = row.sample.parent_pid
        if not parent_pid:
            return None
        parent = self._by_pid.get(parent_pid)
        if parent is None:
            self._waiting.setdefault(parent_pid, set()).add(row.key)
            return None
        if parent == row.key:
            return None
        if parent.create_time > row.key.create_time + _START_TOLERANCE_S:
            return None  # the PID was reused by a younger process: not this one's parent
        return parent
