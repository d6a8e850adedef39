"""What every platform adapter offers the rest of the app."""

import os
from typing import Protocol

import psutil

from gui.core.actions import Action, SignalSpec
from gui.core.critical import CriticalKind
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.system_summary import SystemSummary
from gui.platforms.process_handle import ProcessHandle
from gui.platforms.psutil_reader import PsutilProcessReader


class ProcessReader(Protocol):
    """Reads every process in one pass (psutil everywhere, /proc directly on Linux)."""

    def read(self) -> list[ProcessSample]: ...


class NotSupportedHere(Exception):
    """The action does not exist on this OS."""


class PlatformAdapter:
    """The one place that knows which OS ProcPilot runs on.

    Subclasses say what their OS can do (actions, signals, process groups,
    critical processes, hint texts) and do it; the UI asks and never checks the
    OS itself. Reading processes is the same psutil code everywhere.
    """

    #: Short name shown in logs and tests ("posix", "windows").
    name = "generic"

    def __init__(self) -> None:
        self._portable_reader = PsutilProcessReader(self.is_kernel_thread)
        self._reader: ProcessReader = self._make_reader() or self._portable_reader
        self._cpu_primed = False

    def _make_reader(self) -> "ProcessReader | None":
        """A faster reader for this OS, or ``None`` to use psutil's portable one."""
        return None

    # Reading ----------------------------------------------------------------

    def is_kernel_thread(self, pid: int) -> bool:
        """Whether a process with an empty command line is a kernel thread."""
        return False

    def missing_display_reason(self, environ: dict[str, str] | os._Environ[str]) -> str | None:
        """A sentence explaining why no window can be shown, or ``None`` when one can."""
        return None

    def core_count(self) -> int:
        return psutil.cpu_count() or 1

    def read_processes(self) -> list[ProcessSample]:
        """Every process now; blocking, so call it off the UI thread."""
        return self._reader.read()

    def read_process(self, process: psutil.Process) -> ProcessSample:
        """One process, as :meth:`read_processes` would show it; raises NoSuchProcess."""
        return self._portable_reader.read_single(process)

    def read_system(self) -> SystemSummary:
        """Machine-wide CPU % since the previous call, and memory in use."""
        cpu = psutil.cpu_percent(interval=None)
        memory = psutil.virtual_memory()
        primed, self._cpu_primed = self._cpu_primed, True
        return SystemSummary(
            cpu_percent=cpu if primed else None,
            memory_used=memory.total - memory.available,
            memory_total=memory.total,
        )

    def termination_signals(self) -> tuple[int, ...]:
        """Signals by which the system asks ProcPilot to end (it then quits cleanly)."""
        return ()

    # What this OS can do ----------------------------------------------------

    def actions(self) -> tuple[Action, ...]:
        """The actions that exist here, in menu order."""
        return (Action.END,)

    def action_label(self, action: Action) -> str:
        """The menu text of an action, with its mnemonic."""
        return _DEFAULT_LABELS[action]

    def signals(self) -> tuple[SignalSpec, ...]:
        """Signals for the "Send signal" submenu (empty where the OS has none)."""
        return ()

    def critical_reason(self, sample: ProcessSample) -> CriticalKind | None:
        """Why ending this process would hurt the system or the session, or ``None``."""
        return None

    def permission_hint(self, owner: str | None, verb: str) -> str:
        """What to tell the user when the OS refused, e.g. ``owned by root: ...``."""
        return "access denied"

    # Doing it ---------------------------------------------------------------

    def open_process(self, key: ProcessKey) -> ProcessHandle:
        """A verified handle; raises ProcessGone or PidReused."""
        return ProcessHandle.open(key)

    def deliver(self, handle: ProcessHandle, action: Action, signal: SignalSpec | None = None) -> None:
        """Perform ``action`` on one process; raises ProcessLookupError or PermissionError."""
        raise NotSupportedHere(action)

    def force(self, handle: ProcessHandle) -> None:
        """The escalation after a polite request was ignored."""
        self.deliver(handle, Action.FORCE_QUIT)

    def may_signal(self, handle: ProcessHandle) -> bool:
        """Whether this user may signal the process at all (asked after a group signal)."""
        return True

    def process_group(self, handle: ProcessHandle) -> tuple[int, list[psutil.Process]]:
        """The process group id of a process and every member of that group."""
        raise NotSupportedHere(Action.END_GROUP)

    def signal_group(self, group_id: int, action: Action) -> None:
        """Deliver the polite end to a whole process group."""
        raise NotSupportedHere(Action.END_GROUP)

    def descendants(self, handle: ProcessHandle) -> list[psutil.Process]:
        """Every descendant, deepest first, so a tree is ended from its leaves up."""
        try:
            return list(reversed(handle.process.children(recursive=True)))
        except psutil.NoSuchProcess:
            return []


_DEFAULT_LABELS = {
    Action.END: "&End",
    Action.FORCE_QUIT: "&Force quit",
    Action.STOP: "&Stop",
    Action.CONTINUE: "&Continue",
    Action.HANG_UP: "&Hang up (reload configuration)",
    Action.INTERRUPT: "&Interrupt",
    Action.SEND_SIGNAL: "Send si&gnal",
    Action.END_GROUP: "End process &group",
    Action.END_TREE: "End process &tree",
}
