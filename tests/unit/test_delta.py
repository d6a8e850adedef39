"""Snapshot diffing, including PID reuse, checked against random sequences."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.delta import Delta, apply_delta, diff_snapshots, merge_deltas
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from tests.rows import make_test_row


def snapshot(*rows: ProcessRow) -> dict[ProcessKey, ProcessRow]:
    return {row.key: row for row in rows}


def test_added_removed_and_changed_rows() -> None:
    kept = make_test_row(1, "init")
    gone = make_test_row(2, "gone")
    busy_before = make_test_row(3, "busy", cpu=1.0)
    busy_after = make_test_row(3, "busy", cpu=55.0)
    new = make_test_row(4, "new")

    delta = diff_snapshots(snapshot(kept, gone, busy_before), snapshot(kept, busy_after, new))

    assert delta.added == (new,)
    assert delta.removed == (gone.key,)
    assert delta.changed == (busy_after,)


def test_identical_snapshots_give_an_empty_delta() -> None:
    rows = snapshot(make_test_row(1), make_test_row(2))
    delta = diff_snapshots(rows, dict(rows))
    assert not delta
    assert delta == Delta()


def test_reused_pid_is_a_removal_plus_an_addition() -> None:
    old = make_test_row(42, "old", create_time=100.0)
    new = make_test_row(42, "new", create_time=200.0)

    delta = diff_snapshots(snapshot(old), snapshot(new))

    assert delta.removed == (old.key,)
    assert delta.added == (new,)
    assert delta.changed == ()


_rows = st.builds(
    make_test_row,
    pid=st.integers(1, 12),
    name=st.sampled_from(["a", "b", "Zed"]),
    create_time=st.sampled_from([10.0, 20.0]),
    cpu=st.one_of(st.none(), st.floats(0, 200, allow_nan=False)),
    rss=st.one_of(st.none(), st.integers(0, 2**40)),
)
_snapshots = st.lists(_rows, max_size=15).map(lambda rows: snapshot(*rows))


@settings(max_examples=300)
@given(st.lists(_snapshots, min_size=1, max_size=8))
def test_applying_deltas_in_order_reproduces_the_last_snapshot(
    sequence: list[dict[ProcessKey, ProcessRow]],
) -> None:
    shown: dict[ProcessKey, ProcessRow] = {}
    previous: dict[ProcessKey, ProcessRow] = {}
    for current in sequence:
        shown = apply_delta(shown, diff_snapshots(previous, current))
        previous = current
    assert shown == sequence[-1]


@settings(max_examples=300)
@given(_snapshots, st.lists(_snapshots, min_size=1, max_size=8))
def test_merged_deltas_held_back_while_paused_reproduce_the_last_snapshot(
    shown: dict[ProcessKey, ProcessRow], sequence: list[dict[ProcessKey, ProcessRow]]
) -> None:
    merged = Delta()
    previous = shown
    for current in sequence:
        merged = merge_deltas(merged, diff_snapshots(previous, current))
        previous = current
    assert apply_delta(shown, merged) == sequence[-1]


def test_a_process_that_came_and_went_while_paused_never_shows() -> None:
    brief = make_test_row(7, "brief")
    merged = merge_deltas(Delta(added=(brief,)), Delta(removed=(brief.key,)))
    assert merged == Delta()
