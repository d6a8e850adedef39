"""Cells as the user reads them."""

import time

import pytest

from gui.core.columns import COLUMNS, Column
from gui.core.formatting import (
    UNKNOWN,
    format_bytes,
    format_percent,
    format_started,
)
from tests.rows import make_test_row


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (12_897_485, "12.3 MB"),
        (3 * 1024**3, "3.0 GB"),
        (None, UNKNOWN),
    ],
)
def test_memory_in_human_units(size: int | None, text: str) -> None:
    assert format_bytes(size) == text


def test_status_stays_an_id_for_the_table_to_word() -> None:
    assert make_test_row(7, status="disk-sleep").display[Column.STATUS] == "disk-sleep"


def test_started_is_local_date_and_time() -> None:
    moment = 1_800_000_000.0
    assert format_started(moment) == time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(moment))
    assert format_started(0.0) == UNKNOWN


def test_refused_fields_show_a_dash() -> None:
    row = make_test_row(7, user=None, cpu=None, rss=None, threads=None, command="")
    for column in (Column.USER, Column.CPU, Column.MEMORY, Column.THREADS, Column.COMMAND):
        assert row.display[column] == UNKNOWN
    assert format_percent(None) == UNKNOWN


def test_command_line_shows_on_one_line_with_its_line_breaks_and_tabs_visible() -> None:
    row = make_test_row(7, command="python -c 'a\nb'\tx")
    assert row.display[Column.COMMAND] == "python -c 'a\u27e8U+000A\u27e9b'\u27e8U+0009\u27e9x"


def test_value_columns_carry_raw_sort_values_and_text_columns_sort_by_text() -> None:

    row = make_test_row(7, user="bob", cpu=12.5, rss=2048, threads=3)
    for spec in COLUMNS:
        assert (row.sort_values[spec.column] is not None) == spec.sorts_by_value, spec.column.name
