"""The Process tree model follows parents and children through live updates."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex

from gui.core.delta import Delta, diff_snapshots
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.models.process_tree_model import ProcessTreeModel
from tests.rows import make_test_row


def row(pid: int, parent: int | None, cpu: float = 0.0) -> ProcessRow:
    return make_test_row(pid, f"p{pid}", parent_pid=parent, cpu=cpu, create_time=float(pid))


def shape(model: ProcessTreeModel) -> dict[int, int | None]:
    """Each process's PID and its parent's PID as the model shows them."""
    found: dict[int, int | None] = {}

    def walk(parent_index, parent_pid: int | None) -> None:
        for r in range(model.rowCount(parent_index)):
            index = model.index(r, 0, parent_index)
            node = model.node_of(index)
            assert isinstance(node, ProcessKey)
            assert index.data().startswith(f"p{node.pid}")
            found[node.pid] = parent_pid
            walk(index, node.pid)

    walk(QModelIndex(), None)
    return found


def expected(rows: list[ProcessRow]) -> dict[int, int | None]:
    pids = {r.key.pid for r in rows}
    return {r.key.pid: r.sample.parent_pid if r.sample.parent_pid in pids else None for r in rows}


def test_children_sit_under_their_parents_and_move_when_reparented(qtmodeltester) -> None:
    model = ProcessTreeModel()
    qtmodeltester.check(model, force_py=True)  # and it keeps checking every update below
    first = [row(1, None), row(10, 1), row(11, 10), row(12, 10), row(20, 1)]
    model.apply_delta(Delta(added=tuple(reversed(first))))  # children before parents
    assert shape(model) == expected(first)
    # 10 exits: its children go to 1 (what the kernel does), in the next pass
    second = [row(1, None), row(11, 1), row(12, 1), row(20, 1), row(30, 11)]
    model.apply_delta(diff_snapshots({r.key: r for r in first}, {r.key: r for r in second}))
    assert shape(model) == expected(second)


@st.composite
def snapshots(draw: st.DrawFn) -> dict[ProcessKey, ProcessRow]:
    """Processes 1-15, each with an older parent or none (as real ones are)."""
    pids = draw(st.sets(st.integers(1, 15), max_size=15))
    parents = {pid: draw(st.one_of(st.none(), st.integers(1, pid - 1))) if pid > 1 else None for pid in pids}
    rows = [row(pid, parent) for pid, parent in parents.items()]
    return {r.key: r for r in rows}


@settings(max_examples=200, deadline=None)
@given(st.lists(snapshots(), min_size=1, max_size=6))
def test_any_sequence_of_passes_gives_the_tree_of_the_last(qapp, sequence) -> None:
    model = ProcessTreeModel()
    previous: dict[ProcessKey, ProcessRow] = {}
    for current in sequence:
        model.apply_delta(diff_snapshots(previous, current))
        previous = current
    assert shape(model) == expected(list(sequence[-1].values()))
