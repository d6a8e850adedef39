"""Linux: which application each process belongs to, without any window information.

Per new :class:`ProcessKey` or program (an exec keeps the key), and again for processes
younger than a few seconds (whose launcher may move them into the app's scope just after
starting them), this reads
``/proc/<pid>/cgroup``, ``/proc/<pid>/exe``, ``/proc/<pid>/cmdline`` and, for Flatpak,
``/proc/<pid>/root/.flatpak-info``; the rules that turn these facts into an identity are
in ``gui.core`` (``cgroup_app``, ``exec_match``, ``script_name``, ``app_boundaries``).

In the issue's order: the unit a launcher put the process in; a desktop entry that runs
the process's program or script; its parent's application, except across terminals,
session managers and service managers (``gui.core.app_boundaries``). A process in the same
cgroup as its parent takes the parent's answer rather than the unit's: what a user starts
in a terminal that lives in its own app scope (Konsole) is not part of the terminal app.
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from gui.core.app_boundaries import is_app_boundary
from gui.core.app_identity import NO_IDENTITY, AppIdentity, IdentitySource, ProcessIdentity
from gui.core.cgroup_app import CgroupApp, CgroupKind, app_from_proc_cgroup, cgroup_paths
from gui.core.desktop_entry import DesktopEntry
from gui.core.flatpak_info import flatpak_app_id
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.script_name import ScriptName, script_of
from gui.platforms.desktop_entries import DesktopEntryIndex

#: Launchers move a new process into its scope within milliseconds; a few seconds of
#: re-reading its cgroup covers a busy machine.
YOUNG_SECONDS = 5.0
_CMDLINE_READ_SIZE = 1 << 16
_SMALL_READ_SIZE = 1 << 14


@dataclass(slots=True)
class _Known:
    """What was read of one process, and what was decided from it."""

    name: str
    #: The command line it was identified by: another one means it ran another program.
    command_line: str | None
    cgroup: str
    cgroup_paths: tuple[str, ...]
    cgroup_app: CgroupApp | None
    flatpak_id: str | None
    entry: DesktopEntry | None
    script: ScriptName | None
    boundary: bool
    identity: ProcessIdentity = NO_IDENTITY


def _ran_another_program(known: _Known, sample: ProcessSample) -> bool:
    """Whether the process exec'd since it was identified (same key, another program)."""
    return known.name != sample.name or known.command_line != sample.command_line


#: A ``/proc/<pid>/cgroup`` text with the paths and the app read from it.
_CgroupFacts = tuple[str, tuple[str, ...], CgroupApp | None]


def _read(path: str, size: int = _SMALL_READ_SIZE) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


class LinuxAppIdentifier:
    """Identities of processes, computed once per key and cached until the process ends.

    Not thread-safe: the sampler's thread owns it.
    """

    def __init__(
        self,
        proc: str = "/proc",
        entries: DesktopEntryIndex | None = None,
        young_seconds: float = YOUNG_SECONDS,
    ) -> None:
        self._proc = proc
        self._entries = entries or DesktopEntryIndex()
        self._young_seconds = young_seconds
        self._known: dict[ProcessKey, _Known] = {}
        self._identities: dict[ProcessKey, ProcessIdentity] = {}
        self._view: Mapping[ProcessKey, ProcessIdentity] = MappingProxyType(self._identities)
        self._apps: dict[str, AppIdentity] = {}
        self._entries_generation = -1
        #: Thousands of processes share a few cgroups: one text, parsed once (see ``_cgroup``).
        self._cgroups: dict[str, _CgroupFacts] = {}

    def identify(
        self, samples: Sequence[ProcessSample], wall_now: float
    ) -> Mapping[ProcessKey, ProcessIdentity]:
        """The identity of every process in ``samples`` (kernel threads have none).

        A pass where every process is known and old costs one dict lookup per process and
        returns the same mapping object as before.
        """
        known = self._known
        young_before = wall_now - self._young_seconds
        work: list[ProcessSample] = []
        hits = 0
        for sample in samples:
            entry = known.get(sample.key)
            if entry is None or _ran_another_program(entry, sample) or sample.key.create_time > young_before:
                work.append(sample)
            else:
                hits += 1
        if not work and hits == len(known):
            return self._view
        self._refresh_entries()
        current = {sample.key for sample in samples}
        by_pid = {sample.key.pid: sample for sample in samples}
        work.sort(key=lambda sample: sample.key.create_time)  # parents before their children
        pending = {sample.key for sample in work}
        for sample in work:
            self._resolve(sample, by_pid, pending)
        for key in [key for key in known if key not in current]:
            del known[key]
        if len(self._cgroups) > 2 * len(known) + 64:  # let the ended processes' cgroups go
            self._cgroups = {entry.cgroup: self._cgroup(entry.cgroup) for entry in known.values()}
        self._identities = {key: entry.identity for key, entry in known.items()}
        self._view = MappingProxyType(self._identities)
        return self._view

    # Deciding -----------------------------------------------------------------

    def _resolve(
        self, sample: ProcessSample, by_pid: dict[int, ProcessSample], pending: set[ProcessKey]
    ) -> None:
        pending.discard(sample.key)
        parent_sample = by_pid.get(sample.parent_pid) if sample.parent_pid else None
        if parent_sample is not None and parent_sample.key in pending:
            self._resolve(parent_sample, by_pid, pending)  # a parent that started in the same instant
        entry = self._facts(sample)
        if entry is None:
            self._known.pop(sample.key, None)
            return
        parent = self._known.get(parent_sample.key) if parent_sample is not None else None
        decided = self._decide(entry, parent)
        if decided != entry.identity:  # the same answer keeps its object: rows compare it by `is`
            entry.identity = decided
        self._known[sample.key] = entry

    def _decide(self, entry: _Known, parent: _Known | None) -> ProcessIdentity:
        same_unit = parent is not None and parent.cgroup_paths == entry.cgroup_paths
        if entry.flatpak_id and not (parent is not None and parent.flatpak_id == entry.flatpak_id):
            return ProcessIdentity(
                self._app_by_id(entry.flatpak_id, CgroupKind.FLATPAK), entry.script, IdentitySource.FLATPAK
            )
        if entry.cgroup_app is not None and not same_unit:
            source = {CgroupKind.SNAP: IdentitySource.SNAP, CgroupKind.FLATPAK: IdentitySource.FLATPAK}.get(
                entry.cgroup_app.kind, IdentitySource.CGROUP
            )
            app = self._app_by_id(entry.cgroup_app.desktop_id, entry.cgroup_app.kind)
            return ProcessIdentity(app, entry.script, source)
        if entry.entry is not None:
            return ProcessIdentity(self._app_of(entry.entry), entry.script, IdentitySource.DESKTOP_ENTRY)
        if (
            parent is not None
            and not parent.boundary
            and not entry.boundary
            and parent.identity.app is not None
        ):
            return ProcessIdentity(parent.identity.app, entry.script, IdentitySource.PARENT)
        return ProcessIdentity(None, entry.script)

    def _app_by_id(self, desktop_id: str, kind: CgroupKind) -> AppIdentity:
        app = self._apps.get(desktop_id)
        if app is not None:
            return app
        found = self._entries.by_id(desktop_id)
        if found is not None:
            return self._app_of(found)
        # Known only by its unit: a snap by its name, a Flatpak by its id (its icon's name too).
        name = desktop_id.partition("_")[0] if kind is CgroupKind.SNAP else desktop_id
        icon = desktop_id if kind is CgroupKind.FLATPAK else None
        app = AppIdentity(desktop_id, name, (), icon, None)
        self._apps[desktop_id] = app
        return app

    @property
    def entries(self) -> DesktopEntryIndex:
        """The desktop entries it matches against (re-read by each pass with newcomers)."""
        return self._entries

    def app_of(self, found: DesktopEntry) -> AppIdentity:
        """The one :class:`AppIdentity` of an entry (the same object for all its processes)."""
        return self._app_of(found)

    def _app_of(self, found: DesktopEntry) -> AppIdentity:
        app = self._apps.get(found.desktop_id)
        if app is None:
            app = AppIdentity(found.desktop_id, found.name, found.localized_names, found.icon, found.path)
            self._apps[found.desktop_id] = app
        return app

    def _refresh_entries(self) -> None:
        self._entries.refresh()
        if self._entries.generation != self._entries_generation:
            self._entries_generation = self._entries.generation
            self._apps.clear()

    # Reading ------------------------------------------------------------------

    def _facts(self, sample: ProcessSample) -> _Known | None:
        """What the OS says about the process; a known one of the same name re-reads only its
        cgroup. ``None`` once the process is gone."""
        if sample.is_kernel_thread:
            return _Known(sample.name, sample.command_line, "", (), None, None, None, None, True)
        base = f"{self._proc}/{sample.key.pid}"
        try:
            text = _read(f"{base}/cgroup").decode("utf-8", "surrogateescape")
        except FileNotFoundError:
            return None
        except OSError:
            text = ""
        cgroup, paths, cgroup_app = self._cgroup(text)
        known = self._known.get(sample.key)
        if known is not None and not _ran_another_program(known, sample):
            if known.cgroup != cgroup:
                known.cgroup, known.cgroup_paths, known.cgroup_app = cgroup, paths, cgroup_app
                known.flatpak_id = self._flatpak_id(base, known.cgroup_app)
            return known
        executable = self._readlink(f"{base}/exe")
        argv = self._argv(base)
        script = script_of(argv, executable)
        names = (
            os.path.basename(executable) if executable else None,
            os.path.basename(argv[0]) if argv else None,
            script.name if script else None,
            sample.name,
        )
        return _Known(
            name=sample.name,
            command_line=sample.command_line,
            cgroup=cgroup,
            cgroup_paths=paths,
            cgroup_app=cgroup_app,
            flatpak_id=self._flatpak_id(base, cgroup_app),
            entry=self._entries.matcher.match(executable, argv, script),
            script=script,
            boundary=sample.parent_pid is None or is_app_boundary(names),
        )

    def _cgroup(self, text: str) -> _CgroupFacts:
        """``text`` with its paths and app, the same objects for every process in that cgroup
        (each would otherwise keep its own copies, about 300 bytes, and parse them again)."""
        facts = self._cgroups.get(text)
        if facts is None:
            facts = (text, tuple(cgroup_paths(text)), app_from_proc_cgroup(text))
            self._cgroups[text] = facts
        return facts

    def _flatpak_id(self, base: str, cgroup_app: CgroupApp | None) -> str | None:
        """Flatpak's own word on the app, read only where a unit says Flatpak or none says
        anything (a sandbox started without systemd)."""
        if cgroup_app is not None and cgroup_app.kind is not CgroupKind.FLATPAK:
            return None
        try:
            text = _read(f"{base}/root/.flatpak-info")
        except OSError:
            return None
        return flatpak_app_id(text.decode("utf-8", "replace"))

    @staticmethod
    def _readlink(path: str) -> str | None:
        try:
            target = os.readlink(path)
        except OSError:
            return None
        return target.removesuffix(" (deleted)")

    @staticmethod
    def _argv(base: str) -> list[str]:
        try:
            raw = _read(f"{base}/cmdline", _CMDLINE_READ_SIZE)
        except OSError:
            return []
        return raw.decode("utf-8", "surrogateescape").rstrip("\x00").split("\x00") if raw else []
