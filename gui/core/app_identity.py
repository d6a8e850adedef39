"""What application a process belongs to, and what to call a process that has none."""

from dataclasses import dataclass
from enum import Enum

from gui.core.localized_name import localized_name
from gui.core.script_name import ScriptName


class IdentitySource(Enum):
    """How a process's application was found (strongest first)."""

    CGROUP = "cgroup"  # a launcher's systemd unit named it
    FLATPAK = "flatpak"  # Flatpak's sandbox (its unit or /.flatpak-info)
    SNAP = "snap"  # snapd's unit
    DESKTOP_ENTRY = "desktop_entry"  # a desktop entry's Exec/TryExec runs this program or script
    PARENT = "parent"  # its parent's application (browser renderers, a launcher's children)
    WINDOW_CLASS = "window_class"  # its window's WM_CLASS names an entry (nothing above did)
    WINDOW = "window"  # Windows: it shows a visible top-level window (Task Manager's rule)
    BUNDLE = "bundle"  # macOS: its executable lies inside an ``.app`` bundle


class IconSource(Enum):
    """What :attr:`AppIdentity.icon_name` names."""

    ENTRY = "entry"  # a desktop entry's ``Icon``: a theme icon name or an image file's path
    FILE = "file"  # a file whose icon the system's shell shows (a Windows executable's own)


@dataclass(frozen=True, slots=True)
class AppIdentity:
    """One application, the same object for all its processes.

    ``name`` is the entry's ``Name``; ``localized_names`` its ``Name[<locale>]`` values as
    ``(locale, name)`` (see :meth:`name_in`). ``icon_name`` is the entry's ``Icon``: a
    theme icon name or an absolute path. ``desktop_file`` is the entry's path, ``None``
    when the app is known only by its unit (on Windows and macOS: the executable's or the
    bundle's path). ``icon_source`` says how to read ``icon_name``.
    """

    app_id: str
    name: str
    localized_names: tuple[tuple[str, str], ...]
    icon_name: str | None
    desktop_file: str | None
    icon_source: IconSource = IconSource.ENTRY

    def name_in(self, locale: str) -> str:
        """The name for a POSIX locale (``zh_CN.UTF-8``), with the specification's fallbacks."""
        return localized_name(self.name, self.localized_names, locale)


@dataclass(frozen=True, slots=True)
class ProcessIdentity:
    """What a process is, decided once per :class:`ProcessKey`.

    ``app`` is its application and ``source`` how it was found (``None`` without one);
    ``script`` the script an interpreter runs, which names the process in the list.
    ``system_process`` marks a part of the operating system that no ownership rule sees
    (Windows: a critical or service process; macOS: a program under ``/System``).
    """

    app: AppIdentity | None
    script: ScriptName | None
    source: IdentitySource | None = None
    system_process: bool = False

    @property
    def script_label(self) -> str | None:
        """``frozen_editor.py (python3)``: the process's name when it runs a script."""
        if self.script is None:
            return None
        label = f"{self.script.name} ({self.script.interpreter})"
        if len(_shared_labels) >= _SHARED_LABELS_LIMIT:
            _shared_labels.clear()
        return _shared_labels.setdefault(label, label)


NO_IDENTITY = ProcessIdentity(None, None)
#: One label object per script run by many processes (a pool of workers, a crowd of the
#: same script), as rows keep theirs; emptied when it grows past the limit.
_shared_labels: dict[str, str] = {}
_SHARED_LABELS_LIMIT = 4096
