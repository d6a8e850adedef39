"""Desktop entries (``.desktop`` files) as the freedesktop.org Desktop Entry Specification
defines them: the fields that tell which program an app runs and how to show it."""

from dataclasses import dataclass

_GROUP = "[Desktop Entry]"
_FIELD_CODES = frozenset("fFuUdDnNickvm")
_TRUE = "true"


@dataclass(frozen=True, slots=True)
class DesktopEntry:
    """One application's entry.

    ``desktop_id`` is the file's path below an ``applications`` folder, ``/`` written as
    ``-`` and without ``.desktop`` (``kde4/foo.desktop`` is ``kde4-foo``), the name systemd
    units and Flatpak use. ``localized_names`` holds each ``Name[<locale>]`` as
    ``(locale, name)``. ``exec_argv`` is ``Exec`` split as the specification says, field
    codes (``%U``...) removed.
    """

    desktop_id: str
    path: str
    name: str
    localized_names: tuple[tuple[str, str], ...]
    icon: str | None
    exec_argv: tuple[str, ...]
    try_exec: str | None
    startup_wm_class: str | None
    no_display: bool
    terminal: bool


def desktop_id_of(relative_path: str) -> str:
    """``org.gnome.Maps.desktop`` → ``org.gnome.Maps``; ``kde4/dolphin.desktop`` → ``kde4-dolphin``."""
    stem = relative_path.removesuffix(".desktop")
    return stem.replace("/", "-")


def _unescape_value(value: str) -> str:
    """The specification's escapes in string values: ``\\s \\n \\t \\r \\\\``."""
    if "\\" not in value:
        return value
    out = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(
                {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(following, "\\" + following)
            )
        else:
            out.append(char)
    return "".join(out)


def split_exec(exec_value: str) -> tuple[str, ...]:
    """An ``Exec`` value as arguments: double quotes group, ``\\`` escapes ``" ` $ \\`` inside
    them, and field codes (``%f``, ``%U``, ...) are dropped (``%%`` is a ``%``)."""
    argv: list[str] = []
    current: list[str] = []
    started = quoted = False
    chars = iter(exec_value)
    for char in chars:
        if quoted:
            if char == '"':
                quoted = False
            elif char == "\\":
                current.append(next(chars, ""))
            else:
                current.append(char)
        elif char == '"':
            quoted = started = True
        elif char in " \t":
            if started:
                argv.append("".join(current))
                current, started = [], False
        else:
            current.append(char)
            started = True
    if started:
        argv.append("".join(current))
    kept = []
    for arg in argv:
        if len(arg) == 2 and arg[0] == "%" and arg[1] in _FIELD_CODES:
            continue
        kept.append(arg.replace("%%", "%"))
    return tuple(kept)


def parse_desktop_entry(text: str, desktop_id: str, path: str) -> DesktopEntry | None:
    """The entry in a ``.desktop`` file's text; ``None`` unless it is a visible-or-hidden
    application (``Type=Application``) that was not deleted (``Hidden=true``)."""
    fields: dict[str, str] = {}
    localized: list[tuple[str, str]] = []
    in_group = False
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            if in_group:
                break  # only the first group is the entry; actions follow it
            in_group = line == _GROUP
            continue
        if not in_group:
            continue
        key, separator, value = line.partition("=")
        if not separator:
            continue
        key, value = key.strip(), _unescape_value(value.strip())
        if key.startswith("Name[") and key.endswith("]"):
            localized.append((key[len("Name[") : -1], value))
        else:
            fields.setdefault(key, value)
    if fields.get("Type") != "Application" or fields.get("Hidden") == _TRUE or "Name" not in fields:
        return None
    return DesktopEntry(
        desktop_id=desktop_id,
        path=path,
        name=fields["Name"],
        localized_names=tuple(localized),
        icon=fields.get("Icon") or None,
        exec_argv=split_exec(fields.get("Exec", "")),
        try_exec=fields.get("TryExec") or None,
        startup_wm_class=fields.get("StartupWMClass") or None,
        no_display=fields.get("NoDisplay") == _TRUE,
        terminal=fields.get("Terminal") == _TRUE,
    )
