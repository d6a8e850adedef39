"""Text a process chose is shown literally: nothing in it can hide or reorder other text."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gui.core.columns import Column
from gui.core.display_text import COMMAND_LINE_LIMIT, ELLIPSIS, bounded, display_text
from tests.rows import make_test_row

RLO = "\u202e"


def test_plain_text_is_returned_unchanged() -> None:
    text = "python3 -m http.server 8000 --bind ::1 \u00e9t\u00e9 \u4e2d\u6587 \u05e9\u05dc\u05d5\u05dd"
    assert display_text(text) is text


def test_a_right_to_left_override_is_shown_as_its_code_point() -> None:
    assert display_text(f"evil{RLO}gpj.exe") == "evil\u27e8U+202E\u27e9gpj.exe"


def test_every_bidi_control_and_invisible_format_character_is_made_visible() -> None:
    controls = [0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    invisible = [0x200B, 0x200D, 0xFEFF, 0x00AD, 0xE0041, 0x2028, 0x2029]
    for code in controls + invisible:
        assert display_text(f"a{chr(code)}b") == f"a\u27e8U+{code:04X}\u27e9b"


def test_c0_c1_and_delete_are_made_visible() -> None:
    assert display_text("a\x00b\x1bc\x7fd\x85e\x9bf") == (
        "a\u27e8U+0000\u27e9b\u27e8U+001B\u27e9c\u27e8U+007F\u27e9d\u27e8U+0085\u27e9e\u27e8U+009B\u27e9f"
    )


def test_undecodable_bytes_show_as_replacement_characters() -> None:
    raw = b"caf\xe9 \xff\xfe ok".decode("utf-8", "surrogateescape")
    assert display_text(raw) == "caf\ufffd \ufffd\ufffd ok"


def test_the_limit_cuts_with_an_ellipsis_and_counts_the_shown_text() -> None:
    assert bounded("abcdef", 4) == "abcd" + ELLIPSIS
    assert bounded("abcd", 4) == "abcd"
    assert display_text("x" * 50, 10) == "x" * 10 + ELLIPSIS
    assert display_text(RLO * 50, 20) == ("\u27e8U+202E\u27e9" * 3)[:20] + ELLIPSIS


@given(st.text())
def test_nothing_that_can_reorder_or_hide_text_survives(raw: str) -> None:
    shown = display_text(raw)
    for char in shown:
        assert unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Zl", "Zp"}


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_the_limit_bounds_the_result(raw: str, limit: int) -> None:
    assert len(display_text(raw, limit)) <= limit + len(ELLIPSIS)


def test_rows_show_and_search_the_visible_form() -> None:
    row = make_test_row(4021, f"a{RLO}b", user=f"u{RLO}", command=f"run {RLO}x")
    assert row.display[Column.NAME] == "a\u27e8U+202E\u27e9b"
    assert row.display[Column.USER] == "u\u27e8U+202E\u27e9"
    assert row.display[Column.COMMAND] == "run \u27e8U+202E\u27e9x"
    assert row.matches("\u27e8u+202e\u27e9b")
    assert row.matches("u+202e")
    assert not row.matches(RLO)


def test_a_row_keeps_a_bounded_command_line() -> None:
    row = make_test_row(7, command="x" * 900_000)
    assert row.display[Column.COMMAND] == "x" * COMMAND_LINE_LIMIT + ELLIPSIS
