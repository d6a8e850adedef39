"""Reading a compiled Qt translation (``.qm``) without Qt, for what is said before Qt loads.

``procpilot --help`` and the command line's errors answer without importing Qt (it takes a
while, and needs no display to refuse a bad option), yet should speak the user's language.
This reads the same ``.qm`` files ``QTranslator`` loads, the way ``QTranslator`` looks a
message up: by the ELF hash of its source text and comment, then comparing the context,
source text and comment stored with it. Singular messages only (no ``%n``).
"""

import bisect
import struct
from pathlib import Path

#: The first 16 bytes of every ``.qm`` file.
MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_HASHES, _MESSAGES = 0x42, 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE_TEXT, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
_NULL_TRANSLATION = 0xFFFFFFFF


class QmFileError(ValueError):
    """The file is not a ``.qm`` file this reader understands."""


def _elf_hash(text: bytes) -> int:
    """``QTranslator``'s hash of a message's source text followed by its comment."""
    value = 0
    for byte in text:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
        value &= ~high & 0xFFFFFFFF
    return value or 1


class QmCatalog:
    """The messages of one ``.qm`` file."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(MAGIC):
            raise QmFileError("not a Qt translation file")
        blocks: dict[int, bytes] = {}
        position = len(MAGIC)
        while position + 5 <= len(data):
            tag = data[position]
            (length,) = struct.unpack_from(">I", data, position + 1)
            blocks[tag] = data[position + 5 : position + 5 + length]
            position += 5 + length
        hashes = blocks.get(_HASHES, b"")
        self._messages = blocks.get(_MESSAGES, b"")
        pairs = [struct.unpack_from(">II", hashes, at) for at in range(0, len(hashes) - 7, 8)]
        self._hashes = [hash_value for hash_value, _offset in pairs]
        self._offsets = [offset for _hash, offset in pairs]

    @classmethod
    def load(cls, path: Path) -> "QmCatalog":
        """Raises ``OSError`` when the file cannot be read, :class:`QmFileError` when it is no ``.qm``."""
        return cls(path.read_bytes())

    def translate(self, context: str, source: str, comment: str = "") -> str | None:
        """The translation, or ``None`` where the file has none (as ``QTranslator.translate``)."""
        found = self._find(context, source, comment)
        return found if found is not None or not comment else self._find(context, source, "")

    def _find(self, context: str, source: str, comment: str) -> str | None:
        wanted = (context.encode(), source.encode(), comment.encode())
        hash_value = _elf_hash(wanted[1] + wanted[2])
        index = bisect.bisect_left(self._hashes, hash_value)
        while index < len(self._hashes) and self._hashes[index] == hash_value:
            translation = self._message_at(self._offsets[index], *wanted)
            if translation is not None:
                return translation
            index += 1
        return None

    def _message_at(self, offset: int, context: bytes, source: bytes, comment: bytes) -> str | None:
        """The first translation of the message at ``offset`` if it is the one asked for."""
        messages, position, translation = self._messages, offset, None
        while position < len(messages):
            tag = messages[position]
            position += 1
            if tag == _END:
                return translation
            if tag == _OBSOLETE1:
                position += 4
                continue
            (length,) = struct.unpack_from(">I", messages, position)
            position += 4
            if tag == _TRANSLATION:
                if length == _NULL_TRANSLATION or length % 2:
                    return None
                if translation is None:  # the first form: the only one a singular message has
                    translation = messages[position : position + length].decode("utf-16-be")
            elif length != _NULL_TRANSLATION:
                stored = messages[position : position + length]
                if tag == _SOURCE_TEXT and stored != source:
                    return None
                if tag == _CONTEXT and stored != context:
                    return None
                if tag == _COMMENT and stored and stored != comment:
                    return None
                if tag not in (_SOURCE_TEXT, _CONTEXT, _COMMENT):
                    return None  # a tag this reader does not know: no guess
            else:
                length = 0
            position += length
        return translation
