"""Which application a cgroup path names, as desktops and sandboxes create them.

Launchers put each app they start into a systemd unit of its own, named after the
app's desktop id (the desktop file's name without ``.desktop``):

- systemd's convention (``docs/DESKTOP_ENVIRONMENTS.md``, "XDG standardization for
  applications"): ``app[-<launcher>]-<ApplicationID>-<RANDOM>.scope`` and
  ``app[-<launcher>]-<ApplicationID>[@<RANDOM>].service``, the id escaped as unit
  names are (``-`` as ``\x2d``). gnome-shell writes ``app-gnome-<id>-<pid>.scope``,
  KDE ``app-<id>-<random>.scope``, ``app-<id>@<random>.service`` and
  ``app-<id>@autostart.service``.
- Flatpak: ``app-flatpak-<app id>-<pid>.scope`` (the launcher part is "flatpak").
- Snap (snapd ``sandbox/cgroup``): ``snap.<snap>.<app>-<uuid>.scope``, formerly
  ``snap.<snap>.<app>.<uuid>.scope``, ``snap.<snap>.<app>.service`` for daemons and
  ``snap.<snap>.hook.<hook>-<uuid>.scope`` for hooks (not an app). Its desktop id is
  ``<snap>_<app>``.

Only the leaf unit decides, unlike KDE libksysguard's ``cgroup.cpp`` (whose pattern is
followed for the app and service forms) which also accepts an enclosing ``.slice``:
gnome-terminal puts each shell into ``app-org.gnome.Terminal.slice/vte-spawn-<uuid>.scope``,
and what runs in a terminal is not part of the terminal app. The scope form takes the
second to last dash-separated part as the id, as Resources (nokyan/resources,
``process_data``) does; the launcher part is optional, as in KDE's pattern.
"""

import re
from dataclasses import dataclass
from enum import Enum

from gui.core.unit_names import unescape_unit_name


class CgroupKind(Enum):
    """Who created the unit."""

    DESKTOP = "desktop"  # a launcher following systemd's app-*.scope/.service convention
    FLATPAK = "flatpak"
    SNAP = "snap"


@dataclass(frozen=True, slots=True)
class CgroupApp:
    """The app a unit name names: its desktop id (unescaped) and who launched it."""

    desktop_id: str
    kind: CgroupKind
    launcher: str | None
    unit: str


_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_SNAP_SCOPE = re.compile(rf"snap\.(?P<snap>[^.]+)\.(?P<app>[^.]+)[-.]{_UUID}\.scope")
_SNAP_SERVICE = re.compile(r"snap\.(?P<snap>[^.]+)\.(?P<app>[^.]+)\.service")
_V2_LINE = re.compile(r"^0::(?P<path>/.*)$", re.MULTILINE)
_SYSTEMD_V1_LINE = re.compile(r"^\d+:name=systemd:(?P<path>/.*)$", re.MULTILINE)


def cgroup_paths(proc_cgroup: str) -> list[str]:
    """The cgroup paths that can name an app, from a ``/proc/<pid>/cgroup`` text, v2 first.

    On a unified (v2) system that is the ``0::`` line; on a hybrid or legacy one systemd
    names its units in the ``name=systemd`` hierarchy (the v2 line may then be ``/``).
    """
    return [
        match.group("path")
        for pattern in (_V2_LINE, _SYSTEMD_V1_LINE)
        for match in pattern.finditer(proc_cgroup)
    ]


def app_from_unit(unit: str) -> CgroupApp | None:
    """The app a unit name stands for, or ``None`` for units that are not an app's."""
    if unit.startswith("snap."):
        return _snap_app(unit)
    if unit.startswith("dbus-:") and unit.endswith(".service"):
        # D-Bus activated apps: dbus-<bus address>-<well-known name>@<n>.service.
        name = unit[: -len(".service")].split("@", 1)[0].split("-", 2)[-1]
        return _desktop_app(name, "dbus", unit)
    if not unit.startswith("app-"):
        return None
    if unit.endswith(".scope"):
        parts = unit[len("app-") : -len(".scope")].split("-")
        if len(parts) < 2:  # the random part is not optional for a scope
            return None
    elif unit.endswith(".service"):
        parts = unit[len("app-") : -len(".service")].split("@", 1)[0].split("-")
        if len(parts) == 1 or not parts[-1].isdigit():
            parts.append("")  # no random part: app[-<launcher>]-<id>[@<random>].service
    else:
        return None
    # Two parts: <id>-<random>; three or more: <launcher>-<id>-<random>.
    launcher, escaped_id = (None, parts[0]) if len(parts) == 2 else (parts[0], parts[1])
    return _desktop_app(escaped_id, launcher, unit)


def _desktop_app(escaped_id: str, launcher: str | None, unit: str) -> CgroupApp | None:
    desktop_id = unescape_unit_name(escaped_id)
    if not desktop_id:
        return None
    kind = CgroupKind.FLATPAK if launcher == "flatpak" else CgroupKind.DESKTOP
    return CgroupApp(desktop_id, kind, launcher, unit)


def _snap_app(unit: str) -> CgroupApp | None:
    match = _SNAP_SCOPE.fullmatch(unit) or _SNAP_SERVICE.fullmatch(unit)
    if match is None or match.group("app") == "hook":
        return None
    snap, app = match.group("snap"), match.group("app")
    return CgroupApp(f"{snap}_{app}", CgroupKind.SNAP, None, unit)


def app_from_cgroup_path(path: str) -> CgroupApp | None:
    """The app of the unit a process's cgroup path ends in (its leaf), if any."""
    return app_from_unit(path.rstrip("/").rpartition("/")[2])


def app_from_proc_cgroup(proc_cgroup: str) -> CgroupApp | None:
    """The app named by the process's systemd cgroup lines, the v2 one first."""
    for path in cgroup_paths(proc_cgroup):
        app = app_from_cgroup_path(path)
        if app is not None:
            return app
    return None
