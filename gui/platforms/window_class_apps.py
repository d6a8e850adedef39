"""Applications named by windows: a process whose window's ``WM_CLASS`` (or its executable)
matches a desktop entry belongs to that entry's app, unless its unit or its own ``Exec``
already said which app it is.

After the unit and the entry's ``Exec``, before the parent (``gui.platforms.linux_apps``
names the parent's app; a window's class overrides that): an xeyes started from a terminal,
a Java or AppImage program whose entry says ``StartupWMClass``, a game a launcher app
started that has an entry of its own. The matching itself is pure
(``gui.core.window_entry_match``); this keeps its answers per process between passes.
"""

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from gui.core.app_identity import NO_IDENTITY, AppIdentity, IdentitySource, ProcessIdentity
from gui.core.desktop_entry import DesktopEntry
from gui.core.process_key import ProcessKey
from gui.core.window_entry_match import WmClassMatcher, entry_for_window
from gui.core.window_info import WindowInfo
from gui.platforms.desktop_entries import DesktopEntryIndex

Identities = Mapping[ProcessKey, ProcessIdentity]
#: What a window's class overrides: the app of whatever started the process (a launcher app
#: starting a game, a file manager opening a viewer) is a guess; the window's class is its own.
_OVERRIDDEN = frozenset({None, IdentitySource.PARENT})
WindowsByProcess = Mapping[ProcessKey, tuple[WindowInfo, ...]]


@dataclass(frozen=True, slots=True)
class _Answer:
    """What one process's windows said, and from what (reused while that stays the same)."""

    windows: tuple[WindowInfo, ...]
    base: ProcessIdentity
    generation: int
    identity: ProcessIdentity | None

    def holds_for(self, windows: tuple[WindowInfo, ...], base: ProcessIdentity, generation: int) -> bool:
        return self.base is base and self.generation == generation and self.windows == windows


class WindowClassApps:
    """Completes a pass's identities with what windows' classes say (for processes with no
    identity or only their parent's).

    Returns the identities object itself when no window names an app, and the previous
    result while neither the identities, the windows nor the entries changed, so the
    snapshot builder can skip every row. Not thread-safe: the sampler's thread owns it.
    """

    def __init__(
        self,
        entries: DesktopEntryIndex,
        app_of: Callable[[DesktopEntry], AppIdentity],
        proc: str = "/proc",
    ) -> None:
        self._entries = entries
        self._app_of = app_of
        self._proc = proc
        self._matcher = WmClassMatcher(())
        self._generation = -1
        self._answers: dict[ProcessKey, _Answer] = {}
        self._inputs: tuple[Identities, WindowsByProcess, int] | None = None
        self._result: Identities = MappingProxyType({})
        self._found: dict[ProcessKey, ProcessIdentity] = {}

    def complete(self, identities: Identities, windows: WindowsByProcess) -> Identities:
        """``identities`` with each unidentified windowed process's app from its windows."""
        generation = self._entries.generation
        last = self._inputs
        if last is not None and last[0] is identities and last[1] is windows and last[2] == generation:
            return self._result
        if generation != self._generation:
            self._matcher = WmClassMatcher(self._entries.entries())
            self._generation = generation
        answers: dict[ProcessKey, _Answer] = {}
        found: dict[ProcessKey, ProcessIdentity] = {}
        for key, own in windows.items():
            base = identities.get(key, NO_IDENTITY)
            if not own or (base.app is not None and base.source not in _OVERRIDDEN):
                continue  # the unit or the process's own entry already said
            answer = self._answers.get(key)
            if answer is None or not answer.holds_for(own, base, generation):
                decided = self._decide(key, own, base)
                if answer is not None and decided == answer.identity:
                    decided = answer.identity  # the same answer keeps its object: rows compare it by `is`
                answer = _Answer(own, base, generation, decided)
            answers[key] = answer
            if answer.identity is not None:
                found[key] = answer.identity
        self._answers = answers
        same = last is not None and last[0] is identities and found == self._found
        self._inputs, self._found = (identities, windows, generation), found
        if not same:  # a title that changed elsewhere keeps the mapping: the builder skips its rows
            self._result = MappingProxyType({**identities, **found}) if found else identities
        return self._result

    def _decide(
        self, key: ProcessKey, own: tuple[WindowInfo, ...], base: ProcessIdentity
    ) -> ProcessIdentity | None:
        executable = self._executable(key.pid)
        known = base if base.source is not None else None
        for window in own:
            entry = entry_for_window(window, known, executable, self._matcher)
            if entry is not None:
                return ProcessIdentity(self._app_of(entry), base.script, IdentitySource.WINDOW_CLASS)
        return None

    def _executable(self, pid: int) -> str | None:
        try:
            return os.readlink(f"{self._proc}/{pid}/exe").removesuffix(" (deleted)")
        except OSError:
            return None
