"""The user's column layout, kept by column id so it survives columns being added or removed.

A layout saved by one version of ProcPilot is fitted to the columns of another: known
columns keep their place, width and visibility; a new column appears at its default place
with its default width; a column that no longer exists is dropped.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace

#: Widths outside this range come from a damaged or hand-edited file.
MIN_WIDTH = 16
MAX_WIDTH = 4000


@dataclass(frozen=True, slots=True)
class ColumnDefault:
    """A column as the current version defines it; ``defaults`` lists them in default order."""

    id: str
    width: int
    can_hide: bool = True
    #: Whether it is shown when it first appears (optional columns wait in the column menu).
    visible: bool = True


@dataclass(frozen=True, slots=True)
class ColumnState:
    """One column as the user left it."""

    id: str
    width: int
    visible: bool = True


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """Columns from left to right, and the sort column and direction."""

    columns: tuple[ColumnState, ...]
    sort_id: str
    sort_descending: bool


def fit_layout(
    saved: ColumnLayout, defaults: Sequence[ColumnDefault], default_sort: tuple[str, bool]
) -> ColumnLayout:
    """``saved`` fitted to the columns in ``defaults`` (whose first column always stays first).

    ``default_sort`` (column id, descending) applies when the saved sort column is gone.
    """
    known = {column.id: column for column in defaults}
    placed: list[ColumnState] = []
    for state in saved.columns:
        spec = known.get(state.id)
        if spec is None or any(other.id == state.id for other in placed):
            continue
        width = state.width if MIN_WIDTH <= state.width <= MAX_WIDTH else spec.width
        placed.append(replace(state, width=width, visible=state.visible or not spec.can_hide))

    for index, spec in enumerate(defaults):
        if any(state.id == spec.id for state in placed):
            continue
        placed.insert(
            _default_place(placed, defaults[:index]), ColumnState(spec.id, spec.width, spec.visible)
        )

    if defaults:
        first = next(i for i, state in enumerate(placed) if state.id == defaults[0].id)
        placed.insert(0, placed.pop(first))

    if saved.sort_id in known:
        return ColumnLayout(tuple(placed), saved.sort_id, saved.sort_descending)
    return ColumnLayout(tuple(placed), *default_sort)


def _default_place(placed: Sequence[ColumnState], before: Sequence[ColumnDefault]) -> int:
    """Right after the nearest column that comes before it by default; first when none."""
    for spec in reversed(before):
        for position, state in enumerate(placed):
            if state.id == spec.id:
                return position + 1
    return 0
