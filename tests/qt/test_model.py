"""The table model and its sort/filter proxy under random incremental updates."""

import random

import pytest
from PySide6.QtCore import Qt

from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.core.disk_rates import REFUSED, DiskRate
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow, with_disk
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.models.roles import KEY_ROLE, SORT_ROLE
from gui.models.status_words import status_text
from tests.rows import make_test_row

NAMES = ["bash", "Firefox", "apache2", "zsh", "Xorg", "python3", "systemd"]


def random_snapshot(rng: random.Random) -> dict[ProcessKey, ProcessRow]:
    rows = [
        make_test_row(
            pid,
            rng.choice(NAMES),
            create_time=float(rng.choice([100, 200])),
            user=rng.choice(["root", "alice", None]),
            status=rng.choice(["running", "sleeping", "stopped", "zombie"]),
            cpu=rng.choice([None, 0.0, rng.uniform(0, 200)]),
            rss=rng.choice([None, rng.randrange(0, 2**36)]),
            threads=rng.choice([None, rng.randrange(1, 300)]),
            nice=rng.choice([None, rng.randrange(-20, 20)]),
            mine=rng.random() < 0.5,
            disk=rng.choice(
                [None, REFUSED, DiskRate(rng.uniform(0, 1e9), rng.choice([None, rng.uniform(0, 1e9)]))]
            ),
        )
        for pid in rng.sample(range(1, 400), rng.randrange(0, 60))
    ]
    return {row.key: row for row in rows}


def drive_random_deltas(
    model: ProcessTableModel, rng: random.Random, passes: int
) -> dict[ProcessKey, ProcessRow]:
    previous = {row.key: row for row in model.rows()}
    for _ in range(passes):
        current = random_snapshot(rng)
        model.apply_delta(diff_snapshots(previous, current))
        assert {row.key: row for row in model.rows()} == current
        previous = current
    return previous


def test_model_passes_the_model_tester_under_random_deltas(qtmodeltester) -> None:
    rng = random.Random(1)
    model = ProcessTableModel()
    drive_random_deltas(model, rng, 3)
    qtmodeltester.check(model, force_py=True)
    drive_random_deltas(model, rng, 30)


def test_proxy_passes_the_model_tester_while_sorted_and_filtered(qtmodeltester) -> None:
    rng = random.Random(2)
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    proxy.sort(Column.CPU, Qt.SortOrder.DescendingOrder)
    drive_random_deltas(model, rng, 3)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_search_text("a")
    drive_random_deltas(model, rng, 15)
    proxy.set_only_mine(True)
    proxy.set_search_text("")
    drive_random_deltas(model, rng, 15)


def cell_contents(model: ProcessTableModel) -> list[list[dict[int, object]]]:
    columns = range(model.columnCount())
    return [[model.itemData(model.index(r, c)) for c in columns] for r in range(model.rowCount())]


def test_rows_kept_in_python_only_come_back_as_the_items_of_the_newest_rows(qtmodeltester) -> None:
    """Another view shown: the rows follow every delta without Qt items; the All processes
    view shown again: its items are those of a table that saw every delta, exited rows grey."""
    rng = random.Random(3)
    model, reference = ProcessTableModel(), ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    proxy.sort(Column.CPU, Qt.SortOrder.DescendingOrder)
    drive_random_deltas(model, rng, 3)
    reference.apply_delta(diff_snapshots({}, {row.key: row for row in model.rows()}))
    model.set_items_kept(False)
    assert model.rowCount() == proxy.rowCount() == 0 and model.process_count == len(reference.rows())
    for _ in range(10):
        previous = {row.key: row for row in model.rows()}
        current = random_snapshot(rng)
        delta = diff_snapshots(previous, current)
        model.apply_delta(delta)
        reference.apply_delta(delta)
        assert model.rows() == reference.rows() and model.rowCount() == 0
        assert all(model.row_for(key) is row for key, row in current.items())
        assert not model.index_of(next(iter(current), ProcessKey(1, 0.0))).isValid()
    leaving = model.rows()[0].key
    model.set_keep_exited(True)
    reference.set_keep_exited(True)
    model.mark_exited([leaving])
    reference.mark_exited([leaving])
    model.set_items_kept(True)
    assert model.rowCount() == model.process_count == proxy.rowCount()
    assert cell_contents(model) == cell_contents(reference)
    qtmodeltester.check(proxy, force_py=True)
    model.set_keep_exited(False)
    assert model.process_count == model.rowCount() == len(reference.rows()) - 1
    drive_random_deltas(model, rng, 5)


def proxy_rows(proxy: ProcessFilterProxy, model: ProcessTableModel) -> list[ProcessRow]:
    by_key = {row.key: row for row in model.rows()}
    return [by_key[proxy.index(r, 0).data(KEY_ROLE)] for r in range(proxy.rowCount())]


EXPECTED_ORDER = {  # text columns: by their text, ignoring case; the others by raw value
    Column.NAME: lambda row: row.display[Column.NAME].casefold(),
    Column.PID: lambda row: row.key.pid,
    Column.USER: lambda row: row.display[Column.USER].casefold(),
    Column.STATUS: lambda row: status_text(row.display[Column.STATUS]).casefold(),
    Column.CPU: lambda row: -1.0 if row.cpu_percent is None else row.cpu_percent,
    Column.MEMORY: lambda row: -1.0 if row.sample.memory_rss is None else row.sample.memory_rss,
    Column.THREADS: lambda row: -1 if row.sample.threads is None else row.sample.threads,
    Column.STARTED: lambda row: row.key.create_time,
    Column.COMMAND: lambda row: row.display[Column.COMMAND].casefold(),
    Column.WINDOW_TITLE: lambda row: row.display[Column.WINDOW_TITLE].casefold(),
    # No disk rates (the columns hidden): no item, which sorts after every value (Qt's rule).
    Column.DISK_READ: lambda row: (
        row.disk is None,
        -1.0 if row.disk is None or row.disk.read_per_second is None else row.disk.read_per_second,
    ),
    Column.DISK_WRITE: lambda row: (
        row.disk is None,
        -1.0 if row.disk is None or row.disk.write_per_second is None else row.disk.write_per_second,
    ),
    Column.PRIORITY: lambda row: -100 if row.sample.nice is None else row.sample.nice,
}


@pytest.mark.parametrize("column", list(Column))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_by_every_column_orders_raw_values(column: Column, order: Qt.SortOrder) -> None:
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    drive_random_deltas(model, random.Random(int(column)), 4)
    proxy.sort(column, order)
    values = [EXPECTED_ORDER[column](row) for row in proxy_rows(proxy, model)]
    assert values == sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)


def test_numbers_sort_as_numbers_not_text() -> None:
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    rows = [make_test_row(pid, rss=rss) for pid, rss in [(10, 900), (9, 5 * 1024**2), (100, 2048)]]
    model.apply_delta(diff_snapshots({}, {row.key: row for row in rows}))
    proxy.sort(Column.PID, Qt.SortOrder.AscendingOrder)
    assert [row.key.pid for row in proxy_rows(proxy, model)] == [9, 10, 100]
    proxy.sort(Column.MEMORY, Qt.SortOrder.AscendingOrder)
    assert [row.display[Column.MEMORY] for row in proxy_rows(proxy, model)] == [
        "900 B",
        "2.0 KB",
        "5.0 MB",
    ]


def filtered_pids(proxy: ProcessFilterProxy, model: ProcessTableModel, text: str) -> set[int]:
    proxy.set_search_text(text)
    return {row.key.pid for row in proxy_rows(proxy, model)}


def test_search_matches_name_command_line_user_and_pid_ignoring_case() -> None:
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    rows = [
        make_test_row(101, "Firefox", user="alice", command="/usr/lib/firefox/firefox -P work"),
        make_test_row(202, "bash", user="root", command="-bash"),
        make_test_row(303, "python3", user="bob", command="python3 /srv/ServeWeb.py"),
    ]
    model.apply_delta(diff_snapshots({}, {row.key: row for row in rows}))

    assert filtered_pids(proxy, model, "FIREFOX") == {101}
    assert filtered_pids(proxy, model, "serveweb") == {303}
    assert filtered_pids(proxy, model, "ROOT") == {202}
    assert filtered_pids(proxy, model, "202") == {202}
    assert filtered_pids(proxy, model, "  ") == {101, 202, 303}
    assert filtered_pids(proxy, model, "nothing-like-this") == set()


def test_my_processes_hides_other_users_and_keeps_filtering_live() -> None:
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    mine = make_test_row(1, "mine", mine=True)
    theirs = make_test_row(2, "theirs", mine=False)
    model.apply_delta(diff_snapshots({}, {mine.key: mine, theirs.key: theirs}))
    proxy.set_only_mine(True)
    assert [row.key for row in proxy_rows(proxy, model)] == [mine.key]

    newcomer = make_test_row(3, "newcomer", mine=True)
    model.apply_delta(
        diff_snapshots({mine.key: mine, theirs.key: theirs}, {mine.key: mine, newcomer.key: newcomer})
    )
    assert {row.key for row in proxy_rows(proxy, model)} == {mine.key, newcomer.key}


def test_numbers_are_right_aligned_and_keep_it_after_an_update() -> None:
    model = ProcessTableModel()
    before = make_test_row(7, "cat", cpu=1.0, command="cat /etc/hosts")
    model.apply_delta(diff_snapshots({}, {before.key: before}))
    after = make_test_row(7, "cat", cpu=55.5, command="cat /etc/hosts")
    model.apply_delta(diff_snapshots({before.key: before}, {after.key: after}))

    cpu = model.index_of(after.key, Column.CPU)
    assert cpu.data().strip() == "55.5"
    assert cpu.data(SORT_ROLE) == 55.5
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert Qt.AlignmentFlag(cpu.data(Qt.ItemDataRole.TextAlignmentRole)) == right
    assert model.index_of(after.key, Column.NAME).data(Qt.ItemDataRole.TextAlignmentRole) is None
    tooltip = model.index_of(after.key, Column.COMMAND).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "<p style='white-space:pre-wrap'>cat /etc/hosts</p>"
    header = model.headerData(Column.PID, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(header) == right


def test_status_cells_show_words_for_the_row_status_ids() -> None:
    model = ProcessTableModel()
    row = make_test_row(5, status="disk-sleep")
    model.apply_delta(diff_snapshots({}, {row.key: row}))
    assert model.index_of(row.key, Column.STATUS).data() == "Waiting (disk)"
    stopped = make_test_row(5, status="stopped")
    model.apply_delta(diff_snapshots({row.key: row}, {row.key: stopped}))
    assert model.index_of(row.key, Column.STATUS).data() == "Suspended"
    odd = make_test_row(5, status="new-state")
    model.apply_delta(diff_snapshots({row.key: stopped}, {row.key: odd}))
    assert model.index_of(row.key, Column.STATUS).data() == "new-state"  # an id psutil adds later


def test_disk_cells_have_no_sort_value_until_they_have_rates() -> None:
    """Two roles a cell cost about 290 bytes, three 450: the hidden disk columns hold no value."""
    model = ProcessTableModel()
    hidden = make_test_row(10)
    model.apply_delta(diff_snapshots({}, {hidden.key: hidden}))
    cell = model.index(0, Column.DISK_WRITE)
    assert cell.data() == ""
    assert cell.data(SORT_ROLE) is None
    assert cell.data(Qt.ItemDataRole.TextAlignmentRole) == model.index(0, Column.CPU).data(
        Qt.ItemDataRole.TextAlignmentRole
    )
    refused = with_disk(hidden, REFUSED)  # another user's: no text, yet it sorts as "none"
    model.apply_delta(diff_snapshots({hidden.key: hidden}, {refused.key: refused}))
    assert cell.data() == "" and cell.data(SORT_ROLE) == refused.sort_values[Column.DISK_WRITE]
    shown = with_disk(hidden, DiskRate(100.0, 2048.0))
    model.apply_delta(diff_snapshots({refused.key: refused}, {shown.key: shown}))
    assert cell.data() == shown.display[Column.DISK_WRITE]
    assert cell.data(SORT_ROLE) == 2048.0
    hidden_again = with_disk(shown, None)
    model.apply_delta(diff_snapshots({shown.key: shown}, {hidden_again.key: hidden_again}))
    assert cell.data() == "" and cell.data(SORT_ROLE) is None
