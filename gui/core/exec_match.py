"""Finding the desktop entry whose ``Exec`` (or ``TryExec``) runs a process's program or script.

As Resources (nokyan/resources, ``utils/app.rs``) and Mission Center do it: the program of
``Exec`` (after ``env`` and its ``VAR=value`` assignments) is compared with the process's
executable path, then by base name. An entry whose program is an interpreter is compared by
the script it runs instead (``Exec=python3 /opt/editor/editor.py``), and an entry for a bare
interpreter (Debian's ``python3.11.desktop``) or for a sandbox launcher (``flatpak run``,
whose apps the cgroup and ``/.flatpak-info`` identify) names no process.
"""

from collections.abc import Iterable, Sequence

from gui.core.desktop_entry import DesktopEntry
from gui.core.script_name import ScriptName, interpreter_family, script_of

#: Launchers whose program says nothing about the app they start.
_LAUNCHERS = frozenset({"flatpak", "snap", "gtk-launch", "xdg-open", "kioclient", "kioclient5", "kde-open"})


def _basename(path: str) -> str:
    return path.rpartition("/")[2]


def exec_target(argv: Sequence[str]) -> tuple[str, ScriptName | None] | None:
    """What an ``Exec`` command line runs: its program and, for an interpreter, its script;
    ``None`` when it identifies no process (bare interpreter, ``sh -c``, ``flatpak run``)."""
    args = list(argv)
    if args and _basename(args[0]) == "env":
        args = args[1:]
        while args and (args[0].startswith("-") or "=" in args[0]):
            args = args[1:]
    if not args or _basename(args[0]) in _LAUNCHERS:
        return None
    program = args[0]
    if interpreter_family(program) is None:
        return program, None
    script = script_of(args)
    return (program, script) if script is not None else None


class ExecMatcher:
    """An index of entries by the program or script they run, built once per entry set."""

    def __init__(self, entries: Iterable[DesktopEntry]) -> None:
        self._by_path: dict[str, list[tuple[DesktopEntry, tuple[str, ...]]]] = {}
        self._by_name: dict[str, list[tuple[DesktopEntry, tuple[str, ...]]]] = {}
        for entry in entries:
            self._add(entry)

    def _add(self, entry: DesktopEntry) -> None:
        targets: list[tuple[str, tuple[str, ...]]] = []
        found = exec_target(entry.exec_argv)
        if found is not None:
            program, script = found
            target = script.path or script.name if script is not None else program
            arguments = (
                tuple(entry.exec_argv[entry.exec_argv.index(target) + 1 :])
                if target in entry.exec_argv
                else ()
            )
            targets.append((target, arguments))
        if entry.try_exec and interpreter_family(entry.try_exec) is None:
            targets.append((entry.try_exec, ()))
        for target, arguments in targets:
            if "/" in target:
                self._by_path.setdefault(target, []).append((entry, arguments))
            self._by_name.setdefault(_basename(target), []).append((entry, arguments))

    def match(
        self, executable: str | None, argv: Sequence[str], script: ScriptName | None
    ) -> DesktopEntry | None:
        """The entry for a process: by its script if an interpreter runs one, else by its
        executable's path (``/proc/<pid>/exe``), ``argv[0]``, then their base names.

        Among entries running the same program, the one whose other ``Exec`` arguments the
        process was given wins (``libreoffice --calc``), then a shown one over a
        ``NoDisplay`` one, then the shortest ``Exec``, then the smallest id.
        """
        if script is not None:
            paths = [script.path] if script.path and "/" in script.path else []
            names = [_basename(script.path or script.name)]
        else:
            paths = [path for path in (executable, argv[0] if argv else None) if path and "/" in path]
            names = [_basename(path) for path in (executable, argv[0] if argv else None) if path]
        for index, keys in ((self._by_path, paths), (self._by_name, names)):
            for key in keys:
                candidates = index.get(key)
                if candidates:
                    return _best(candidates, argv)
        return None


def _best(candidates: list[tuple[DesktopEntry, tuple[str, ...]]], argv: Sequence[str]) -> DesktopEntry:
    given = set(argv[1:])

    def rank(candidate: tuple[DesktopEntry, tuple[str, ...]]) -> tuple[int, bool, int, str]:
        entry, arguments = candidate
        agreeing = sum(1 for argument in arguments if argument in given)
        return (-agreeing, entry.no_display, len(entry.exec_argv), entry.desktop_id)

    return min(candidates, key=rank)[0]
