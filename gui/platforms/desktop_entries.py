"""The desktop entries installed for this user, found through the XDG base directories.

Indexed once, when first needed; re-read only when one of the folders changed (its
modification time moves whenever an entry is added, removed or replaced).
"""

import os
from collections.abc import Mapping

from gui.core.desktop_entry import DesktopEntry, desktop_id_of, parse_desktop_entry
from gui.core.exec_match import ExecMatcher

_MAX_ENTRY_BYTES = 1 << 20


def application_dirs(environ: Mapping[str, str]) -> list[str]:
    """``$XDG_DATA_HOME/applications`` then each ``$XDG_DATA_DIRS/applications``, most
    important first (the base directory specification's defaults when unset or empty)."""
    data_home = environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    data_dirs = environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    bases = [data_home, *(folder for folder in data_dirs.split(":") if folder)]
    return [os.path.join(base, "applications") for base in dict.fromkeys(bases)]


class DesktopEntryIndex:
    """Entries by desktop id (the first folder that has an id wins) and by what they run."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = environ
        self._stamps: tuple[tuple[str, int], ...] | None = None
        self._by_id: dict[str, DesktopEntry] = {}
        self._matcher = ExecMatcher(())
        #: Bumped at each re-read, so callers can drop what they derived from older entries.
        self.generation = 0

    def refresh(self) -> bool:
        """Re-read the entries if any folder changed (or on first use); whether it did."""
        stamps = self._folder_stamps(self._folders())
        if stamps == self._stamps:
            return False
        self._scan(self._folders())
        self._stamps = self._folder_stamps(self._folders())
        self.generation += 1
        return True

    def by_id(self, desktop_id: str) -> DesktopEntry | None:
        return self._by_id.get(desktop_id)

    def entries(self) -> tuple[DesktopEntry, ...]:
        """Every entry found, by desktop id."""
        return tuple(self._by_id.values())

    @property
    def matcher(self) -> ExecMatcher:
        return self._matcher

    def _folders(self) -> list[str]:
        return application_dirs(os.environ if self._environ is None else self._environ)

    @staticmethod
    def _folder_stamps(roots: list[str]) -> tuple[tuple[str, int], ...]:
        """Each existing folder's (and subfolder's) modification time."""
        stamps = []
        for root in roots:
            for folder, subfolders, _ in os.walk(root):
                subfolders.sort()
                try:
                    stamps.append((folder, os.stat(folder).st_mtime_ns))
                except OSError:
                    continue
        return tuple(stamps)

    def _scan(self, roots: list[str]) -> None:
        by_id: dict[str, DesktopEntry] = {}
        taken: set[str] = set()  # an earlier folder's entry, even a Hidden one, hides later ones
        for root in roots:
            for folder, subfolders, files in os.walk(root):
                subfolders.sort()
                for file_name in sorted(files):
                    if not file_name.endswith(".desktop"):
                        continue
                    path = os.path.join(folder, file_name)
                    desktop_id = desktop_id_of(os.path.relpath(path, root))
                    if desktop_id in taken:
                        continue
                    taken.add(desktop_id)
                    entry = _read_entry(path, desktop_id)
                    if entry is not None:
                        by_id[desktop_id] = entry
        self._by_id = by_id
        self._matcher = ExecMatcher(by_id.values())


def _read_entry(path: str, desktop_id: str) -> DesktopEntry | None:
    try:
        with open(path, "rb") as file:
            raw = file.read(_MAX_ENTRY_BYTES)
    except OSError:
        return None
    return parse_desktop_entry(raw.decode("utf-8", "replace"), desktop_id, path)
