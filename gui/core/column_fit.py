"""Fitting the user's column widths into the width a window has.

The widths a user chose are preferences. When the window is too narrow for
them, columns give way in steps, so what matters most stays readable longest:

1. the other columns shrink towards their *readable* width (values in full),
2. the filler (the column that takes the remaining width) towards its minimum,
3. the other columns towards their *minimum* (the title in full),
4. and when even the titles do not fit, columns step aside: those of the highest
   rank stay as long as their titles fit.

An optional column (negative rank) steps aside before step 1 squeezes anything: it is
worth showing only where every other column is readable.

Each step shrinks columns in proportion to the room they can give. The result
depends only on the preferences and the width, so a window that grows again
shows the preferred widths again.
"""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ColumnNeeds:
    """One shown column: what the user prefers and what it needs, in pixels."""

    id: int
    preferred: int
    readable: int
    minimum: int
    #: Lowest steps aside first when the titles do not fit; None: never.
    squeeze_rank: int | None = None


@dataclass(frozen=True, slots=True)
class ColumnFit:
    """Widths of the columns shown, and the ones that stepped aside for lack of room."""

    widths: dict[int, int]
    stepped_aside: frozenset[int]


def fit_columns(
    columns: Sequence[ColumnNeeds], available: int, filler: int | None, pinned: int | None = None
) -> ColumnFit:
    """Widths for ``columns`` that add up to ``available`` when they can.

    ``filler`` (a column id) takes the remaining width, never less than its
    minimum; without one the columns keep their preferred widths where they fit.
    ``pinned`` is a column the user is resizing now: it keeps its preferred
    width, as far as the others' minimums leave room, and never steps aside.
    """
    shown = _make_room(columns, available, {pinned, filler})
    minimum = {c.id: _least(c) for c in shown}
    readable = {c.id: max(c.readable, minimum[c.id]) for c in shown}
    widths = {c.id: max(c.preferred, minimum[c.id]) for c in shown}
    others = [c.id for c in shown if c.id != filler]
    if pinned in widths:
        room = available - sum(minimum[i] for i in widths if i != pinned)
        widths[pinned] = max(minimum[pinned], min(widths[pinned], room))
    flexible = [i for i in others if i != pinned]

    if filler in widths:
        widths[filler] = readable[filler]
        _shrink(widths, flexible, readable, available)
        _shrink(widths, [filler], minimum, available)
        _shrink(widths, flexible, minimum, available)
        widths[filler] = max(minimum[filler], available - sum(widths[i] for i in others))
    else:
        _shrink(widths, flexible, readable, available)
        _shrink(widths, flexible, minimum, available)
    stepped_aside = frozenset(c.id for c in columns) - frozenset(widths)
    return ColumnFit(widths, stepped_aside)


def _make_room(columns: Sequence[ColumnNeeds], available: int, keep: set[int | None]) -> list[ColumnNeeds]:
    """The columns that stay: all whose titles fit; else, by rank from the highest, those that fit.

    An optional column (a negative rank: often empty, like Window title) steps aside
    already when the others' readable widths do not fit beside it.
    """
    optional = {c.id for c in columns if (c.squeeze_rank or 0) < 0 and c.id not in keep}
    if optional and sum(max(c.readable, _least(c)) for c in columns) > available:
        columns = [c for c in columns if c.id not in optional]
    if sum(_least(c) for c in columns) <= available:
        return list(columns)
    stays = {c.id for c in columns if c.squeeze_rank is None or c.id in keep}
    used = sum(_least(c) for c in columns if c.id in stays)
    for column in sorted((c for c in columns if c.id not in stays), key=lambda c: -(c.squeeze_rank or 0)):
        if used + _least(column) <= available:
            stays.add(column.id)
            used += _least(column)
    return [c for c in columns if c.id in stays]


def _least(column: ColumnNeeds) -> int:
    return max(column.minimum, 1)


def _shrink(widths: dict[int, int], ids: Sequence[int], floor: dict[int, int], available: int) -> None:
    """Shrink ``ids`` towards ``floor`` until ``widths`` add up to ``available`` (or all are at it)."""
    excess = sum(widths.values()) - available
    room = {i: widths[i] - floor[i] for i in ids if widths[i] > floor[i]}
    total = sum(room.values())
    if excess <= 0 or total <= 0:
        return
    for i, give in room.items():
        # Rounded up, so the shares cover the excess; the filler takes back the rest.
        widths[i] -= min(give, -(-excess * give // total))
