"""systemd's escaping of unit names, which desktops use to put an app id into a unit name."""

import re

_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


def unescape_unit_name(text: str) -> str:
    r"""Undo systemd's ``\xNN`` escapes: ``org.gnome.Text\x2dEditor`` → ``org.gnome.Text-Editor``.

    systemd (``unit_name_escape`` in ``src/basic/unit-name.c``) and gnome-shell's
    ``escape_unit_name`` keep ASCII letters, digits, ``:``, ``_`` and ``.`` and write every
    other byte as ``\xNN``, ``-`` included, since ``-`` separates the parts of the name.
    Escaped bytes are decoded as UTF-8 (a malformed sequence stays as written).
    """
    if "\\x" not in text:
        return text
    raw = bytearray()
    position = 0
    for match in _ESCAPE.finditer(text):
        raw += text[position : match.start()].encode()
        raw.append(int(match.group(1), 16))
        position = match.end()
    raw += text[position:].encode()
    return raw.decode("utf-8", "surrogateescape")


def escape_unit_name(text: str) -> str:
    r"""The inverse, as gnome-shell writes ``app-gnome-<escaped id>-<pid>.scope``."""
    kept = []
    for byte in text.encode():
        char = chr(byte)
        if char.isascii() and (char.isalnum() or char in ":_."):
            kept.append(char)
        else:
            kept.append(f"\\x{byte:02x}")
    return "".join(kept)
