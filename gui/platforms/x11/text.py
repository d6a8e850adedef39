"""Text properties of X11 windows as Python strings.

``_NET_WM_NAME`` is UTF-8 by definition; ``WM_NAME`` may be ``STRING`` (Latin-1),
``UTF8_STRING`` or ``COMPOUND_TEXT`` (ISO 2022: Latin-1 by default, with UTF-8 and other
character sets switched in by escape sequences). Xt programs such as ``xmessage`` write
non-Latin-1 titles as ``COMPOUND_TEXT`` with UTF-8 segments (``ESC % G`` ... ``ESC % @``).
Undecodable bytes become U+FFFD: a title is shown, never trusted.
"""

_ESC = 0x1B
_UTF8_START = b"\x1b%G"
_UTF8_END = b"\x1b%@"
#: Designations of Latin-1's two halves (ASCII left, ISO 8859-1 right): the default state.
_LATIN1_DESIGNATIONS = (b"\x1b(B", b"\x1b-A")


def property_text(data: bytes, type_name: str) -> str:
    """A text property's value; NULs (list separators) become spaces, the end is trimmed."""
    if type_name == "COMPOUND_TEXT":
        text = decode_compound_text(data)
    elif type_name == "STRING":
        text = data.decode("latin-1")
    else:  # UTF8_STRING, and what else a client may have put there
        text = data.decode("utf-8", "replace")
    return text.replace("\x00", " ").rstrip()


def decode_compound_text(data: bytes) -> str:
    """``COMPOUND_TEXT``: Latin-1 and UTF-8 segments decoded, other character sets replaced."""
    parts: list[str] = []
    position = 0
    latin1 = True
    while position < len(data):
        if data.startswith(_UTF8_START, position):
            end = data.find(_UTF8_END, position + len(_UTF8_START))
            stop = len(data) if end < 0 else end
            parts.append(data[position + len(_UTF8_START) : stop].decode("utf-8", "replace"))
            position = stop if end < 0 else end + len(_UTF8_END)
            continue
        if data[position] == _ESC:
            sequence_end = _escape_end(data, position)
            latin1 = data[position:sequence_end] in _LATIN1_DESIGNATIONS
            position = sequence_end
            continue
        following = data.find(b"\x1b", position)
        stop = len(data) if following < 0 else following
        chunk = data[position:stop]
        parts.append(chunk.decode("latin-1") if latin1 else "\ufffd" * len(chunk))
        position = stop
    return "".join(parts)


def _escape_end(data: bytes, start: int) -> int:
    """The end of an ISO 2022 escape sequence: intermediate bytes 0x20-0x2F, then a final byte."""
    position = start + 1
    while position < len(data) and 0x20 <= data[position] <= 0x2F:
        position += 1
    return min(position + 1, len(data))
