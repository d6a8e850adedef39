"""Cells as the user reads them."""

import time
from collections.abc import Callable, Iterator

import pytest

from gui.core.columns import COLUMNS, Column
from gui.core.formatting import (
    UNKNOWN,
    NumberStyle,
    format_bytes,
    format_count,
    format_date_time,
    format_percent,
    format_started,
    number_style,
    use_number_style,
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


@pytest.fixture
def time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch this process's local time zone (TZ + tzset); the old one is back afterwards."""

    def switch(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("zone", "text"),
    [
        # POSIX TZ strings: no time zone database needed (a fresh Debian may lack tzdata).
        ("UTC0", "2027-01-15 08:00:00"),
        ("JST-9", "2027-01-15 17:00:00"),  # UTC+9
        ("EST5", "2027-01-15 03:00:00"),  # UTC-5
        ("<+0530>-5:30", "2027-01-15 13:30:00"),
        ("<-11>11", "2027-01-14 21:00:00"),  # the day before
    ],
)
def test_started_is_local_date_and_time(time_zone, zone: str, text: str) -> None:
    time_zone(zone)
    assert format_started(1_800_000_000.0) == text
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


# The locale's way with numbers and times -------------------------------------------------


GERMAN = NumberStyle(",", ".", "dd.MM.yy HH:mm:ss")
AMERICAN = NumberStyle(".", ",", "M/d/yy h:mm:ss AP")
CHINESE = NumberStyle(".", ",", "yyyy/M/d HH:mm:ss")
#: 2026-03-04 07:08:09 and 19:08:09, local time.
MORNING = time.struct_time((2026, 3, 4, 7, 8, 9, 2, 63, -1))
EVENING = time.struct_time((2026, 3, 4, 19, 8, 9, 2, 63, -1))


@pytest.fixture
def german() -> Iterator[None]:
    before = number_style()
    use_number_style(GERMAN)
    yield
    use_number_style(before)


def test_numbers_follow_the_locale(german: None) -> None:
    assert format_bytes(12_897_485) == "12,3 MB"
    assert format_percent(3.25) == "3,2"
    assert format_count(12345) == "12.345"
    assert format_count(999) == "999"


def test_the_default_style_has_no_grouping() -> None:
    assert format_count(12345) == "12345"


@pytest.mark.parametrize(
    ("style", "moment", "text"),
    [
        (NumberStyle(), MORNING, "2026-03-04 07:08:09"),
        (CHINESE, MORNING, "2026/3/4 07:08:09"),
        (GERMAN, EVENING, "04.03.26 19:08:09"),
        (AMERICAN, MORNING, "3/4/26 7:08:09 AM"),
        (AMERICAN, EVENING, "3/4/26 7:08:09 PM"),
        (NumberStyle(date_time="H'h'mm 'o''clock'"), EVENING, "19h08 o'clock"),
    ],
)
def test_start_times_follow_the_locale(style: NumberStyle, moment: time.struct_time, text: str) -> None:
    assert format_date_time(moment, style) == text
