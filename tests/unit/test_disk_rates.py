"""Disk rates from two passes' totals, and the /proc/<pid>/io parsing."""

from gui.core.columns import Column
from gui.core.disk_rates import FIRST_PASS, REFUSED, DiskRate, DiskRateTracker, DiskTotals
from gui.core.process_key import ProcessKey
from gui.core.process_row import format_rate, with_disk
from gui.platforms.disk_io import parse_proc_io
from tests.rows import make_test_row

A, B = ProcessKey(10, 1.0), ProcessKey(11, 2.0)

PROC_IO = b"""rchar: 52364
wchar: 4096
syscr: 120
syscw: 3
read_bytes: 8192
write_bytes: 1048576
cancelled_write_bytes: 0
"""


def test_the_first_pass_has_no_rate_then_bytes_per_second() -> None:
    tracker = DiskRateTracker()
    assert tracker.update({A: DiskTotals(0, 100)}, 10.0) == {A: FIRST_PASS}
    rates = tracker.update({A: DiskTotals(4096, 100 + 2 * 1024**2)}, 12.0)
    assert rates[A] == DiskRate(2048.0, 1024.0**2)


def test_a_refused_process_is_marked_and_a_new_one_starts_afresh() -> None:
    tracker = DiskRateTracker()
    tracker.update({A: DiskTotals(0, 0)}, 1.0)
    rates = tracker.update({A: None, B: DiskTotals(5, 5)}, 2.0)
    assert rates == {A: REFUSED, B: FIRST_PASS}


def test_hiding_the_columns_forgets_the_totals() -> None:
    tracker = DiskRateTracker()
    tracker.update({A: DiskTotals(0, 0)}, 1.0)
    tracker.reset()
    assert tracker.update({A: DiskTotals(10, 10)}, 2.0) == {A: FIRST_PASS}


def test_counters_that_went_back_give_no_rate() -> None:
    tracker = DiskRateTracker()
    tracker.update({A: DiskTotals(100, 100)}, 1.0)
    assert tracker.update({A: DiskTotals(50, 200)}, 2.0)[A] == DiskRate(None, 100.0)


def test_rates_read_like_sizes() -> None:
    assert format_rate(None) == ""
    assert format_rate(1.2 * 1024**2) == "1.2 MB/s"
    assert format_rate(0.0) == "0 B/s"


def test_proc_io_gives_the_storage_figures_not_the_syscall_ones() -> None:
    assert parse_proc_io(PROC_IO) == DiskTotals(8192, 1048576)


def test_new_rates_keep_every_other_column() -> None:
    row = make_test_row(42, nice=5)
    updated = with_disk(row, DiskRate(2048.0, 1024.0))
    assert len(updated.display) == len(updated.sort_values) == len(Column)
    assert updated.display[Column.DISK_READ] == format_rate(2048.0)
    assert updated.display[Column.PRIORITY] == row.display[Column.PRIORITY] == "5"
    assert updated.sort_values[Column.PRIORITY] == 5
