"""The Applications model puts every process under its application or section, through live updates."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from gui.core.app_identity import NO_IDENTITY, AppIdentity, ProcessIdentity
from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.core.disk_rates import REFUSED, DiskRate
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.models.app_group_model import BACKGROUND, SYSTEM, AppGroupModel, app_group
from gui.models.nested_filter_proxy import NestedFilterProxy
from gui.models.roles import SORT_ROLE
from tests.rows import make_test_row

APPS = (
    AppIdentity("org.procpilot.Owl", "Blinking Owl", (), None, None),
    AppIdentity("org.procpilot.Beaver", "Busy Beaver", (), None, None),
)


def row(pid: int, app: int | None, mine: bool, cpu: float) -> ProcessRow:
    identity = NO_IDENTITY if app is None else ProcessIdentity(APPS[app], None)
    return make_test_row(pid, f"p{pid}", mine=mine, cpu=cpu, identity=identity, create_time=float(pid))


def expected_group(r: ProcessRow) -> str:
    if r.identity.app is not None and r.sample.owned_by_me:
        return app_group(r.identity.app)
    return BACKGROUND if r.sample.owned_by_me else SYSTEM


def placement(model: AppGroupModel) -> dict[int, str]:
    found: dict[int, str] = {}
    for top in range(model.rowCount()):
        group_index = model.index(top, 0)
        group = model.node_of(group_index)
        assert isinstance(group, str)
        for r in range(model.rowCount(group_index)):
            node = model.node_of(model.index(r, 0, group_index))
            assert isinstance(node, ProcessKey)
            found[node.pid] = group
    return found


@st.composite
def snapshots(draw: st.DrawFn) -> dict[ProcessKey, ProcessRow]:
    pids = draw(st.sets(st.integers(1, 12), max_size=12))
    rows = [
        row(pid, draw(st.one_of(st.none(), st.integers(0, 1))), draw(st.booleans()), draw(st.floats(0, 100)))
        for pid in pids
    ]
    return {r.key: r for r in rows}


@settings(max_examples=200, deadline=None)
@given(st.lists(snapshots(), min_size=1, max_size=6))
def test_every_process_is_under_its_application_or_section(qapp, sequence) -> None:
    model = AppGroupModel()
    previous: dict[ProcessKey, ProcessRow] = {}
    for current in sequence:
        model.apply_delta(diff_snapshots(previous, current))
        previous = current
    last = sequence[-1]
    assert placement(model) == {key.pid: expected_group(r) for key, r in last.items()}
    groups = {model.node_of(model.index(top, 0)) for top in range(model.rowCount())}
    apps_with_processes = {expected_group(r) for r in last.values()} - {BACKGROUND, SYSTEM}
    assert groups == {BACKGROUND, SYSTEM, *apps_with_processes}, "an application without processes stays"
    for top in range(model.rowCount()):
        index = model.index(top, 0)
        count = model.rowCount(index)
        assert index.data().endswith(f"({count})")
    assert model.rowCount(QModelIndex()) == len(groups)


def test_an_applications_disk_rates_are_its_processes_summed(qapp) -> None:
    identity = ProcessIdentity(APPS[0], None)
    rows = [
        make_test_row(1, "a", identity=identity, create_time=1.0, disk=DiskRate(1024.0, 2048.0)),
        make_test_row(2, "b", identity=identity, create_time=2.0, disk=DiskRate(3072.0, None)),
        make_test_row(3, "c", identity=identity, create_time=3.0, disk=REFUSED),
    ]
    model = AppGroupModel()
    model.apply_delta(diff_snapshots({}, {r.key: r for r in rows}))
    group = app_group(APPS[0])
    assert model.index_of(group, Column.DISK_READ).data() == "4.0 KB/s"
    assert model.index_of(group, Column.DISK_WRITE).data() == "2.0 KB/s"
    assert model.index_of(group, Column.DISK_READ).data(SORT_ROLE) == 4096.0


def shown_groups(proxy: NestedFilterProxy, model: AppGroupModel) -> set[str]:
    groups: set[str] = set()
    for top in range(proxy.rowCount()):
        node = model.node_of(proxy.mapToSource(proxy.index(top, 0)))
        assert isinstance(node, str)
        groups.add(node)
    return groups


@settings(max_examples=150, deadline=None)
@given(st.lists(snapshots(), min_size=1, max_size=6), st.booleans())
def test_a_group_is_shown_while_one_of_its_processes_passes_the_filter(qapp, sequence, only_mine) -> None:
    model = AppGroupModel()
    proxy = NestedFilterProxy(model)
    proxy.set_only_mine(only_mine)
    previous: dict[ProcessKey, ProcessRow] = {}
    for current in sequence:
        model.apply_delta(diff_snapshots(previous, current))
        previous = current
        expected = {expected_group(r) for r in current.values() if r.sample.owned_by_me or not only_mine}
        assert shown_groups(proxy, model) == expected


def helper_row(pid: int, parent_pid: int, mine: bool) -> ProcessRow:
    return make_test_row(
        pid, f"p{pid}", mine=mine, user="alice" if mine else "nobody", parent_pid=parent_pid,
        identity=ProcessIdentity(APPS[0], None), create_time=1.0,
    )  # fmt: skip


def test_another_users_helper_is_in_its_app_when_it_appears_with_its_parent(qapp) -> None:
    """Parent, another user's child and grandchild in one refresh, the children listed
    first: all three are the app's (End app must see them), not System processes."""
    owl = app_group(APPS[0])
    for order in ((12, 11, 10), (10, 11, 12)):
        rows = {10: helper_row(10, 1, True), 11: helper_row(11, 10, False), 12: helper_row(12, 11, False)}
        model = AppGroupModel()
        model.apply_delta(diff_snapshots({}, {rows[pid].key: rows[pid] for pid in order}))
        assert placement(model) == {10: owl, 11: owl, 12: owl}
        assert model.index_of(owl).data() == "Blinking Owl (3)"
        assert model.index_of(SYSTEM).data() == "System processes (0)"
        assert model.index_of(owl, Column.USER).data() == "alice, nobody"  # whose they are, at a glance


def test_another_users_process_of_an_app_stays_in_system_without_a_parent_there(qapp) -> None:
    stranger = helper_row(21, 1, mine=False)  # same app by its identity, but no parent of the user's
    model = AppGroupModel()
    model.apply_delta(diff_snapshots({}, {stranger.key: stranger}))
    mine = helper_row(20, 1, mine=True)
    model.apply_delta(diff_snapshots({stranger.key: stranger}, {stranger.key: stranger, mine.key: mine}))
    assert placement(model) == {20: app_group(APPS[0]), 21: SYSTEM}


def top_groups(proxy: NestedFilterProxy, model: AppGroupModel) -> list[str]:
    found = [model.node_of(proxy.mapToSource(proxy.index(top, 0))) for top in range(proxy.rowCount())]
    return [node for node in found if isinstance(node, str)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", list(Column))
def test_the_sections_stay_below_the_apps_background_first_through_live_updates(
    qapp, column: Column, descending: bool
) -> None:
    """Whichever column sorts, either way: the apps, then Background, then System, also after
    a refresh changes the sections' counts (a tie would let the proxy swap them)."""
    model = AppGroupModel()
    proxy = NestedFilterProxy(model)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    proxy.sort(int(column), order)
    first = {r.key: r for r in (row(1, 0, True, 5.0), row(2, None, True, 1.0), row(3, None, False, 2.0))}
    model.apply_delta(diff_snapshots({}, first))
    expected = [app_group(APPS[0]), BACKGROUND, SYSTEM]
    assert top_groups(proxy, model) == expected
    second = {**first, **{r.key: r for r in (row(4, None, True, 0.0), row(5, None, False, 9.0))}}
    model.apply_delta(diff_snapshots(first, second))
    assert top_groups(proxy, model) == expected
    third = {key: r for key, r in second.items() if key.pid not in (4, 3)}  # both counts change again
    model.apply_delta(diff_snapshots(second, third))
    assert top_groups(proxy, model) == expected
