"""What a Windows executable calls itself: ``FileDescription`` from its version resource.

Task Manager names apps this way ("Notepad" for ``notepad.exe``). The resource holds one
string table per language and code page; the first listed in ``\\VarFileInfo\\Translation``
is read, then US English in Unicode and in Windows-1252, which most programs carry.
"""

import ctypes
import struct

from gui.platforms.win32.api import Version

_TRANSLATION = "\\VarFileInfo\\Translation"
_FALLBACK_TRANSLATIONS = ((0x0409, 0x04B0), (0x0409, 0x04E4))
#: A version resource is a few kilobytes; a file claiming more is not read.
_MAX_RESOURCE = 1 << 20
_MAX_DESCRIPTION = 256


def file_description(version: Version, path: str) -> str | None:
    """The executable's ``FileDescription``; ``None`` when it has none or cannot be read."""
    size = version.GetFileVersionInfoSizeW(path, None)
    if not 0 < size <= _MAX_RESOURCE:
        return None
    block = ctypes.create_string_buffer(size)
    if not version.GetFileVersionInfoW(path, 0, size, block):
        return None
    for language, code_page in (*_translations(version, block), *_FALLBACK_TRANSLATIONS):
        sub_block = f"\\StringFileInfo\\{language:04x}{code_page:04x}\\FileDescription"
        found = _query(version, block, sub_block)
        if found is None:
            continue
        address, length = found
        characters = min(length, _MAX_DESCRIPTION, _room(block, address) // ctypes.sizeof(ctypes.c_wchar))
        text = ctypes.wstring_at(address, characters).split("\x00", 1)[0].strip()
        if text:
            return text
    return None


def _translations(version: Version, block: ctypes.Array[ctypes.c_char]) -> list[tuple[int, int]]:
    """The (language, code page) pairs the resource lists: 4 bytes each."""
    found = _query(version, block, _TRANSLATION)
    if found is None:
        return []
    address, length = found
    data = ctypes.string_at(address, min(length, 64, _room(block, address)) // 4 * 4)
    return [struct.unpack_from("<HH", data, offset) for offset in range(0, len(data), 4)]


def _query(version: Version, block: ctypes.Array[ctypes.c_char], sub_block: str) -> tuple[int, int] | None:
    """``VerQueryValueW``: where the value lies inside ``block``, and its length (characters
    for a string, bytes otherwise); ``None`` when the resource has no such value."""
    address = ctypes.c_void_p()
    length = ctypes.c_uint(0)
    if not version.VerQueryValueW(block, sub_block, ctypes.pointer(address), ctypes.pointer(length)):
        return None
    if not address.value or not length.value:
        return None
    if _room(block, address.value) <= 0:
        return None  # a pointer outside the copy of the resource: never read
    return address.value, length.value


def _room(block: ctypes.Array[ctypes.c_char], address: int) -> int:
    """How many bytes of ``block`` lie from ``address`` on (nothing outside it is read)."""
    start = ctypes.addressof(block)
    return start + len(block) - address if start <= address < start + len(block) else 0
