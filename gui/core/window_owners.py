"""Which windows each process of a pass owns, regrouped only when something changed.

A pass with the same window list and no newcomer that could own a waiting window hands
back the previous mapping object, so the snapshot builder skips every row.
"""

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.window_groups import group_windows
from gui.core.window_info import WindowInfo, WindowList

WindowsByProcess = Mapping[ProcessKey, tuple[WindowInfo, ...]]
_NONE: WindowsByProcess = MappingProxyType({})


class WindowOwners:
    """Attaches windows to the pass's :class:`ProcessKey`\\ s (``group_windows``: by PID among
    the processes listed in the same pass, so a reused PID never inherits an old window).

    A window whose owner was not listed yet (it started between the process read and the
    window read) waits in ``_waiting``; a later pass that lists a process with that PID
    regroups. Windows whose owner is never listed (another PID namespace) cost one set
    lookup per process per pass, only while such windows exist.
    """

    def __init__(self) -> None:
        self._list: WindowList | None = None
        self._owners: WindowsByProcess = _NONE
        self._waiting: frozenset[int] = frozenset()

    def update(self, windows: WindowList, samples: Sequence[ProcessSample]) -> WindowsByProcess:
        """The windows of each process in ``samples``: the previous object when unchanged."""
        if windows is self._list and not self._newcomer_owns_waiting(samples):
            return self._owners
        self._list = windows
        if not windows.windows:
            self._owners, self._waiting = _NONE, frozenset()
            return self._owners
        keys = [sample.key for sample in samples]
        groups = group_windows(windows.windows, keys, {})
        owners = MappingProxyType(dict(groups.by_process))
        matched = {key.pid for key in owners}
        self._waiting = frozenset(
            window.pid for window in windows.windows if window.pid is not None and window.pid not in matched
        )
        if owners != self._owners:
            self._owners = owners
        return self._owners

    def _newcomer_owns_waiting(self, samples: Sequence[ProcessSample]) -> bool:
        waiting = self._waiting
        return bool(waiting) and any(sample.key.pid in waiting for sample in samples)
