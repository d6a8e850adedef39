"""Windows: which application each process belongs to, as Task Manager decides it.

A process that shows a top-level window is an app (named by its executable's
``FileDescription``, else the file name without ``.exe``; its icon is the executable's);
the processes it starts belong to it, except across the shell, consoles and service hosts
(``gui.core.windows_processes``). A process Windows cannot run without, and any process in
session 0 (where services run), is a Windows process (the System section). The rest of
the user's processes are background processes.

What is read of a process (its executable, its session) is read once per
:class:`ProcessKey`; whether it shows a window is asked every pass, as apps open and close
windows. A pass with the same processes and the same windowed PIDs costs a lookup per
process and returns the previous mapping.
"""

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from gui.core.app_identity import NO_IDENTITY, AppIdentity, IconSource, IdentitySource, ProcessIdentity
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.windows_processes import SERVICES_SESSION, is_launcher, is_windows_core

WINDOWS_PROCESS = ProcessIdentity(None, None, None, system_process=True)


@dataclass(frozen=True, slots=True)
class _Known:
    name: str
    app: AppIdentity
    system: bool
    launcher: bool


class WindowsAppIdentifier:
    """Identities of processes by key. Not thread-safe: the sampler's thread owns it.

    ``windowed_pids`` lists the PIDs with a shown top-level window now; ``executable_of``
    a process's executable path (``None`` when Windows refuses); ``session_of`` its
    Terminal Services session; ``describe`` an executable's ``FileDescription``.
    """

    def __init__(
        self,
        windowed_pids: Callable[[], Collection[int]],
        executable_of: Callable[[int], str | None],
        session_of: Callable[[int], int | None],
        describe: Callable[[str], str | None],
    ) -> None:
        self._windowed_pids = windowed_pids
        self._executable_of = executable_of
        self._session_of = session_of
        self._describe = describe
        self._known: dict[ProcessKey, _Known] = {}
        self._apps: dict[str, AppIdentity] = {}
        self._identities: dict[AppIdentity, dict[IdentitySource, ProcessIdentity]] = {}
        self._view: Mapping[ProcessKey, ProcessIdentity] = MappingProxyType({})
        self._windowed: frozenset[int] | None = None

    def identify(self, samples: Sequence[ProcessSample]) -> Mapping[ProcessKey, ProcessIdentity]:
        """Every process's identity now; the previous mapping object when nothing changed."""
        windowed = frozenset(self._windowed_pids())
        cache = self._known
        if (
            windowed == self._windowed
            and len(samples) == len(cache)
            and all(sample.key in cache and cache[sample.key].name == sample.name for sample in samples)
        ):
            return self._view  # the same processes, the same windows: the same answers
        self._windowed = windowed
        by_pid = {sample.key.pid: sample for sample in samples}
        decided: dict[ProcessKey, ProcessIdentity] = {}
        for sample in sorted(samples, key=lambda sample: sample.key.create_time):  # parents first
            known = self._facts(sample)
            identity = self._decide(sample, known, windowed, by_pid, decided)
            if identity is not NO_IDENTITY:
                decided[sample.key] = identity
        current = {sample.key for sample in samples}
        for key in [key for key in self._known if key not in current]:
            del self._known[key]
        if decided != self._view:
            self._view = MappingProxyType(decided)
        return self._view

    def _decide(
        self,
        sample: ProcessSample,
        known: _Known,
        windowed: frozenset[int],
        by_pid: Mapping[int, ProcessSample],
        decided: Mapping[ProcessKey, ProcessIdentity],
    ) -> ProcessIdentity:
        if known.system:
            return WINDOWS_PROCESS
        if sample.key.pid in windowed:
            return self._identity(known.app, IdentitySource.WINDOW)
        parent = by_pid.get(sample.parent_pid) if sample.parent_pid is not None else None
        if parent is None or parent.key.create_time > sample.key.create_time:
            return NO_IDENTITY  # no parent, or its PID now names a younger process
        parent_known = self._known.get(parent.key)
        inherited = decided.get(parent.key)
        if parent_known is None or parent_known.launcher or inherited is None or inherited.app is None:
            return NO_IDENTITY
        return self._identity(inherited.app, IdentitySource.PARENT)

    def _identity(self, app: AppIdentity, source: IdentitySource) -> ProcessIdentity:
        """One object per app and source: rows compare identities by ``is``."""
        by_source = self._identities.setdefault(app, {})
        identity = by_source.get(source)
        if identity is None:
            identity = by_source[source] = ProcessIdentity(app, None, source)
        return identity

    def _facts(self, sample: ProcessSample) -> _Known:
        known = self._known.get(sample.key)
        if known is not None and known.name == sample.name:
            return known
        executable = self._executable_of(sample.key.pid)
        system = is_windows_core(sample.key.pid, sample.name) or (
            self._session_of(sample.key.pid) == SERVICES_SESSION
        )
        image = _base_name(executable) if executable else sample.name
        known = _Known(sample.name, self._app_of(executable, sample.name), system, is_launcher(image))
        self._known[sample.key] = known
        return known

    def _app_of(self, executable: str | None, name: str) -> AppIdentity:
        app_id = f"exe:{executable.casefold()}" if executable else f"name:{name.casefold()}"
        app = self._apps.get(app_id)
        if app is None:
            stem = os.path.splitext(_base_name(executable) if executable else name)[0] or name
            description = self._describe(executable) if executable else None
            icon_source = IconSource.FILE if executable else IconSource.ENTRY
            app = AppIdentity(app_id, description or stem, (), executable, executable, icon_source)
            self._apps[app_id] = app
        return app


def _base_name(path: str) -> str:
    """The file name of a Windows path (either separator), on any OS."""
    return path.replace("\\", "/").rpartition("/")[2]
