"""X11 text properties decoded as their type says (no X server needed)."""

from gui.platforms.x11.text import decode_compound_text, property_text


def test_compound_text_latin1_and_utf8_segments_as_xt_programs_write_them() -> None:
    # What xmessage -title "Héllo ✓" puts in WM_NAME (read back from a real window).
    assert decode_compound_text(b"H\xe9llo \x1b%G\xe2\x9c\x93\x1b%@") == "Héllo ✓"
    assert decode_compound_text(b"\x1b%G\xe6\x97\xa5\xe6\x9c\xac") == "日本"  # unterminated UTF-8 segment
    assert decode_compound_text(b"a\x1b-Ab\xe9") == "abé"  # Latin-1's right half designated again


def test_other_character_sets_become_replacement_characters_not_garbage() -> None:
    jis = b"\x1b$(B\x46\x7c\x1b(Bok"  # a Japanese character set, then back to ASCII
    assert decode_compound_text(jis) == "\ufffd\ufffdok"
    assert decode_compound_text(b"cut\x1b") == "cut"  # a truncated escape


def test_property_text_by_type() -> None:
    assert property_text("Grüße ✓".encode(), "UTF8_STRING") == "Grüße ✓"
    assert property_text(b"Gr\xfc\xdfe", "STRING") == "Grüße"
    assert property_text(b"bad \xff", "UTF8_STRING") == "bad \ufffd"
    assert property_text(b"one\x00two\x00", "STRING") == "one two"
