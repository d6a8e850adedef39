"""Which desktop entry a window belongs to, from its ``WM_CLASS`` (and its owner's executable).

For windows whose process no unit named (a launcher's cgroup, Flatpak, snap). The order
follows GNOME Shell's window tracker (``shell-window-tracker.c``): the entry's
``StartupWMClass`` against the instance, then the class (browsers' web apps share the class
and differ in the instance); then a desktop id equal to the instance or class, ignoring
case (``org.gnome.Maps``, ``firefox``); then the program an entry's ``Exec`` runs, by the
base name of the owner's executable, then by the instance (Xt and GTK name it after
``argv[0]``: it ties a window with no known owner to its app). Among entries that match in
the same way, a shown one wins over a ``NoDisplay`` one, then the smallest id.
"""

from collections.abc import Iterable

from gui.core.app_identity import IdentitySource, ProcessIdentity
from gui.core.desktop_entry import DesktopEntry
from gui.core.exec_match import exec_target
from gui.core.window_info import WindowInfo, WmClass

#: Identities a unit decided: the launcher's own word, which a window's class does not override.
UNIT_SOURCES = frozenset({IdentitySource.CGROUP, IdentitySource.FLATPAK, IdentitySource.SNAP})


def _rank(entry: DesktopEntry) -> tuple[bool, str]:
    return (entry.no_display, entry.desktop_id)


def _add(index: dict[str, DesktopEntry], key: str, entry: DesktopEntry) -> None:
    known = index.get(key)
    if known is None or _rank(entry) < _rank(known):
        index[key] = entry


class WmClassMatcher:
    """Entries indexed by ``StartupWMClass``, by desktop id and by the program they run."""

    def __init__(self, entries: Iterable[DesktopEntry]) -> None:
        self._by_startup_class: dict[str, DesktopEntry] = {}
        self._by_id: dict[str, DesktopEntry] = {}
        self._by_program: dict[str, DesktopEntry] = {}
        for entry in entries:
            if entry.startup_wm_class:
                _add(self._by_startup_class, entry.startup_wm_class, entry)
            _add(self._by_id, entry.desktop_id.casefold(), entry)
            target = exec_target(entry.exec_argv)
            if target is not None and target[1] is None:  # a program, not an interpreter's script
                _add(self._by_program, target[0].rpartition("/")[2], entry)

    def match(self, wm_class: WmClass | None, executable: str | None = None) -> DesktopEntry | None:
        """The entry for a window of class ``wm_class`` owned by a process running ``executable``."""
        names = (wm_class.instance, wm_class.class_name) if wm_class is not None else ()
        for name in names:
            if name in self._by_startup_class:
                return self._by_startup_class[name]
        for name in names:
            if name and name.casefold() in self._by_id:
                return self._by_id[name.casefold()]
        if executable:
            found = self._by_program.get(executable.rpartition("/")[2])
            if found is not None:
                return found
        return self._by_program.get(wm_class.instance) if wm_class is not None else None


def entry_for_window(
    window: WindowInfo,
    identity: ProcessIdentity | None,
    executable: str | None,
    matcher: WmClassMatcher,
) -> DesktopEntry | None:
    """The entry ``window`` names by its class or its owner's executable, when its owner's
    identity came from no unit (``identity`` is ``None`` when the owner is unknown);
    ``None`` when the owner's unit decides, or nothing matches."""
    if identity is not None and identity.source in UNIT_SOURCES:
        return None
    return matcher.match(window.wm_class, executable)
