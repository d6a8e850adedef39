"""Applies a sampler delta to the table model in time-bounded slices."""

import time
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from gui.core.delta import Delta
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.models.process_table_model import ProcessTableModel

#: Work per slice. The model's signals make the proxy and the view do their share
#: inside the slice, so this leaves room under the 50 ms a user would notice.
SLICE_BUDGET_S = 0.02
#: The first guess of a row's cost (measured: 40-80 µs for an added row with the
#: proxy sorting); refined after every chunk.
_FIRST_GUESS_S_PER_ROW = 100e-6
#: Smaller chunks would cost more in per-chunk proxy and view work than they save.
_MIN_CHUNK = 16


class DeltaSink(Protocol):
    """A model that follows the sampler's deltas."""

    def apply_delta(self, delta: Delta) -> None: ...


class DeltaApplier(QObject):
    """Brings the model to the newest snapshot without stalling the event loop.

    Removals are applied at once (contiguous runs, cheap). Changes and
    additions go in chunks sized from the measured cost per row, up to
    ``budget_s`` per slice; the next slice runs from a zero-timer, so input
    and painting are served in between. ``finished`` is emitted when the whole
    delta is in the model. The next delta must wait for it (the sampling loop
    does), so no change or removal can overtake a row still waiting for its
    slice.
    """

    #: Before and after each slice (the view keeps its scroll anchor across it).
    slice_starting = Signal()
    slice_finished = Signal()
    #: The whole delta is applied.
    finished = Signal()

    def __init__(
        self, model: ProcessTableModel, budget_s: float = SLICE_BUDGET_S, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        #: A second model fed the same slices: the tree or Applications view while shown.
        self.follower: DeltaSink | None = None
        self._budget_s = budget_s
        self._changed: list[ProcessRow] = []
        self._added: list[ProcessRow] = []
        self._s_per_row = {"changed": _FIRST_GUESS_S_PER_ROW, "added": _FIRST_GUESS_S_PER_ROW}
        self._busy = False
        self.slices = 0  # slices of the current (or last) delta
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._apply_slice)

    @property
    def busy(self) -> bool:
        """Whether part of the last delta still waits for its slice."""
        return self._busy

    def apply(self, delta: Delta) -> None:
        """Apply the removals and the first slice now, the rest in later slices."""
        if self._busy:
            raise RuntimeError("the previous delta is still being applied")
        self._busy = True
        self.slices = 0
        self._changed = list(delta.changed)
        self._added = list(delta.added)
        self._apply_slice(delta.removed)

    @Slot()
    def _apply_slice(self, removed: tuple[ProcessKey, ...] = ()) -> None:
        deadline = time.perf_counter() + self._budget_s
        self.slices += 1
        self.slice_starting.emit()
        if removed:
            self._feed(Delta(removed=removed))
        while self._changed and self._apply_chunk("changed", self._changed, deadline):
            pass
        while not self._changed and self._added and self._apply_chunk("added", self._added, deadline):
            pass
        self.slice_finished.emit()
        if self._changed or self._added:
            self._next_slice.start()
        else:
            self._busy = False
            self.finished.emit()

    def _feed(self, delta: Delta) -> None:
        self._model.apply_delta(delta)
        if self.follower is not None:
            self.follower.apply_delta(delta)

    def _apply_chunk(self, kind: str, pending: list[ProcessRow], deadline: float) -> bool:
        """Apply as many rows as fit before ``deadline`` (at least a few); False when out of time."""
        started = time.perf_counter()
        left_s = deadline - started
        if left_s <= 0:
            return False
        count = max(_MIN_CHUNK, int(left_s / self._s_per_row[kind]))
        chunk = tuple(pending[:count])
        del pending[:count]
        self._feed(Delta(changed=chunk) if kind == "changed" else Delta(added=chunk))
        per_row = (time.perf_counter() - started) / len(chunk)
        # Lean towards the slower estimate: an overrun stalls, an underrun only adds a slice.
        self._s_per_row[kind] = max(per_row, 0.5 * self._s_per_row[kind] + 0.5 * per_row)
        return True
