"""macOS application bundles: which ``.app`` holds an executable, and what it calls itself.

A bundle is a directory ``Name.app`` with ``Contents/Info.plist`` (XML or binary; plistlib
reads both). Helpers live in bundles inside the app's (``Contents/Frameworks/*.app``,
``Contents/XPCServices/*.xpc``) and belong to the outermost one. Its name is
``CFBundleDisplayName``, else ``CFBundleName``, else the directory's; translations come from
``Contents/Resources/<language>.lproj/InfoPlist.strings``; its icon is ``CFBundleIconFile``
(an ``.icns`` in ``Contents/Resources``). ``LSUIElement`` and ``LSBackgroundOnly`` mark
agents: bundles without a Dock icon or menu bar (the Dock itself, menu bar extras).

Every file here is written by whoever installed the app: sizes are bounded, and a file
that does not parse gives no answer rather than an error.
"""

import os
import plistlib
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass

_MAX_PLIST = 1 << 20
_MAX_STRINGS = 1 << 16
_MAX_NAME = 200
_MAX_LANGUAGES = 300
_NAME_KEYS = ("CFBundleDisplayName", "CFBundleName")

#: Folder names older bundles use instead of language codes, and scripts for their regions.
_LEGACY_LANGUAGES = {
    "English": "en",
    "French": "fr",
    "German": "de",
    "Japanese": "ja",
    "Spanish": "es",
    "Italian": "it",
    "Dutch": "nl",
    "zh-Hans": "zh_CN",
    "zh-Hant": "zh_TW",
    "zh_Hans": "zh_CN",
    "zh_Hant": "zh_TW",
}
_SCRIPT_MODIFIERS = {"Latn": "latin", "Cyrl": "cyrillic"}
#: ``"key" = "value";`` or ``key = "value";`` in an old-style strings file.
_STRINGS_ENTRY = re.compile(r'(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_.]+))\s*=\s*"((?:[^"\\]|\\.)*)"\s*;')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass(frozen=True, slots=True)
class Bundle:
    """What an application bundle says about itself."""

    path: str
    identifier: str | None
    name: str
    localized_names: tuple[tuple[str, str], ...]
    icon_path: str | None
    agent: bool


def outermost_app(executable: str) -> str | None:
    """The outermost ``*.app`` directory on ``executable``'s path, or ``None``."""
    parts = executable.split("/")
    for end in range(2, len(parts)):
        candidate = "/".join(parts[:end])
        if parts[end - 1].lower().endswith(".app") and os.path.isdir(candidate):
            return candidate
    return None


def read_bundle(path: str) -> Bundle | None:
    """The bundle at ``path``; ``None`` when its ``Info.plist`` is missing or unreadable."""
    info = _read_plist(os.path.join(path, "Contents", "Info.plist"), _MAX_PLIST)
    if info is None:
        return None
    folder = os.path.basename(path.rstrip("/"))
    name = _first_text(info, _NAME_KEYS) or folder.removesuffix(".app") or folder
    identifier = info.get("CFBundleIdentifier")
    return Bundle(
        path=path,
        identifier=identifier if isinstance(identifier, str) and identifier else None,
        name=name,
        localized_names=_localized_names(os.path.join(path, "Contents", "Resources")),
        icon_path=_icon_path(path, info.get("CFBundleIconFile")),
        agent=_is_true(info.get("LSUIElement")) or _is_true(info.get("LSBackgroundOnly")),
    )


def lproj_locale(folder: str) -> str | None:
    """The POSIX locale of an ``.lproj`` folder's name (``pt-BR`` → ``pt_BR``,
    ``zh-Hans`` → ``zh_CN``, ``sr-Latn`` → ``sr@latin``); ``None`` for ``Base``."""
    language = folder.removesuffix(".lproj")
    if language in _LEGACY_LANGUAGES:
        return _LEGACY_LANGUAGES[language]
    if not language or language == "Base":
        return None
    parts = language.replace("_", "-").split("-")
    lang, rest = parts[0], parts[1:]
    modifier = next((_SCRIPT_MODIFIERS[part] for part in rest if part in _SCRIPT_MODIFIERS), None)
    country = next((part for part in rest if len(part) == 2 and part.isalpha()), None)
    locale = f"{lang}_{country.upper()}" if country else lang
    return f"{locale}@{modifier}" if modifier else locale


def parse_strings(data: bytes) -> dict[str, str]:
    """A ``.strings`` file: a binary or XML property list, or the old ``"key" = "value";``
    text in UTF-16 (with its byte order mark) or UTF-8."""
    if data.startswith((b"bplist", b"<?xml")):
        try:
            loaded = plistlib.loads(data)
        except Exception:  # noqa: BLE001 (a broken file is no answer; plistlib raises many kinds)
            return {}
        return (
            {key: value for key, value in loaded.items() if isinstance(value, str)}
            if isinstance(loaded, dict)
            else {}
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", "replace")
    else:
        text = data.decode("utf-8-sig", "replace")
    text = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.DOTALL)
    return {
        _unescape(quoted if quoted else bare): _unescape(value)
        for quoted, bare, value in _STRINGS_ENTRY.findall(text)
    }


def _unescape(text: str) -> str:
    return re.sub(r"\\(U[0-9A-Fa-f]{4}|.)", _unescaped_char, text)


def _unescaped_char(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("U") and len(code) == 5:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


def _localized_names(resources: str) -> tuple[tuple[str, str], ...]:
    try:
        folders = sorted(entry for entry in os.listdir(resources) if entry.endswith(".lproj"))
    except OSError:
        return ()
    names: list[tuple[str, str]] = []
    for folder in folders[:_MAX_LANGUAGES]:
        locale = lproj_locale(folder)
        if locale is None:
            continue
        data = _read_bytes(os.path.join(resources, folder, "InfoPlist.strings"), _MAX_STRINGS)
        if data is None:
            continue
        name = _first_text(parse_strings(data), _NAME_KEYS)
        if name:
            names.append((locale, name))
    return tuple(names)


def _icon_path(bundle: str, icon_file: object) -> str | None:
    if not isinstance(icon_file, str) or not icon_file or "/" in icon_file:
        return None
    if not os.path.splitext(icon_file)[1]:
        icon_file += ".icns"
    path = os.path.join(bundle, "Contents", "Resources", icon_file)
    return path if os.path.isfile(path) else None


def _first_text(values: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = values.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:_MAX_NAME]
    return None


def _is_true(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "yes", "true"}
    return bool(value) if isinstance(value, bool | int) else False


def _read_plist(path: str, limit: int) -> dict[str, object] | None:
    data = _read_bytes(path, limit)
    if data is None:
        return None
    try:
        loaded = plistlib.loads(data)
    except Exception:  # noqa: BLE001 (plistlib raises many kinds for a broken file)
        return None
    return loaded if isinstance(loaded, dict) else None


def _read_bytes(path: str, limit: int) -> bytes | None:
    """The file's bytes, or ``None`` when it is missing, unreadable, larger than ``limit`` or
    not a regular file (a FIFO named ``Info.plist`` would block the reader forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None
