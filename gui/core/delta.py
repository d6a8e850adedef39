"""Snapshot diffing: what changed between two sampling passes."""

from collections.abc import Mapping
from dataclasses import dataclass

from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow

Snapshot = Mapping[ProcessKey, ProcessRow]


@dataclass(frozen=True, slots=True)
class Delta:
    """The difference between two snapshots, applied by the model incrementally.

    A PID reused by a new process has a new :class:`ProcessKey`, so it shows up
    as one removal plus one addition, never as a change.
    """

    added: tuple[ProcessRow, ...] = ()
    removed: tuple[ProcessKey, ...] = ()
    changed: tuple[ProcessRow, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def diff_snapshots(previous: Snapshot, current: Snapshot) -> Delta:
    """Rows added, keys removed and rows whose contents changed from ``previous`` to ``current``."""
    added: list[ProcessRow] = []
    changed: list[ProcessRow] = []
    for key, row in current.items():
        old = previous.get(key)
        if old is row:  # reused by the builder: nothing changed
            continue
        if old is None:
            added.append(row)
        elif old != row:
            changed.append(row)
    removed = tuple(key for key in previous if key not in current)
    return Delta(tuple(added), removed, tuple(changed))


def apply_delta(snapshot: Mapping[ProcessKey, ProcessRow], delta: Delta) -> dict[ProcessKey, ProcessRow]:
    """A new snapshot: ``snapshot`` with ``delta`` applied (the reference the model must match)."""
    result = dict(snapshot)
    for key in delta.removed:
        del result[key]
    for row in delta.changed:
        if row.key not in result:
            raise KeyError(f"changed row {row.key} is not in the snapshot")
        result[row.key] = row
    for row in delta.added:
        if row.key in result:
            raise KeyError(f"added row {row.key} is already in the snapshot")
        result[row.key] = row
    return result


def merge_deltas(earlier: Delta, later: Delta) -> Delta:
    """One delta with the effect of ``earlier`` then ``later`` (updates held back while paused).

    A process added and removed in between never shows up; one added then changed
    is added with its newest row; one changed then removed is only removed.
    """
    added = {row.key: row for row in earlier.added}
    changed = {row.key: row for row in earlier.changed}
    removed = dict.fromkeys(earlier.removed)
    for key in later.removed:
        if added.pop(key, None) is None:
            changed.pop(key, None)
            removed[key] = None
    for row in later.changed:
        if row.key in added:
            added[row.key] = row
        else:
            changed[row.key] = row
    for row in later.added:
        added[row.key] = row
    return Delta(tuple(added.values()), tuple(removed), tuple(changed.values()))
