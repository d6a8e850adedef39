"""Windows attached to the processes that own them and to their applications."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gui.core.app_identity import AppIdentity, ProcessIdentity
from gui.core.process_key import ProcessKey
from gui.core.window_info import WindowInfo


@dataclass(frozen=True, slots=True)
class WindowGroups:
    """Windows by owning process and by application, each in the window list's order.

    ``unowned`` holds windows whose owner is unknown or not among the processes, and no
    class rule named an app for them.
    """

    by_process: Mapping[ProcessKey, tuple[WindowInfo, ...]]
    by_app: Mapping[AppIdentity, tuple[WindowInfo, ...]]
    unowned: tuple[WindowInfo, ...]


def group_windows(
    windows: Iterable[WindowInfo],
    processes: Iterable[ProcessKey],
    identities: Mapping[ProcessKey, ProcessIdentity],
    apps_by_window: Mapping[int, AppIdentity] | None = None,
) -> WindowGroups:
    """Attach each window to its owner (by PID among ``processes``) and to an application:
    the one ``apps_by_window`` names for it (by window id, from its class: see
    ``gui.core.window_entry_match``), else its owner's."""
    keys = {key.pid: key for key in processes}
    overrides = apps_by_window or {}
    by_process: dict[ProcessKey, list[WindowInfo]] = {}
    by_app: dict[AppIdentity, list[WindowInfo]] = {}
    unowned: list[WindowInfo] = []
    for window in windows:
        key = keys.get(window.pid) if window.pid is not None else None
        if key is not None:
            by_process.setdefault(key, []).append(window)
        app = overrides.get(window.window_id)
        if app is None and key is not None:
            identity = identities.get(key)
            app = identity.app if identity is not None else None
        if app is not None:
            by_app.setdefault(app, []).append(window)
        elif key is None:
            unowned.append(window)
    return WindowGroups(
        {key: tuple(found) for key, found in by_process.items()},
        {app: tuple(found) for app, found in by_app.items()},
        tuple(unowned),
    )
