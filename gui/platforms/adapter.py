"""What every platform adapter offers the rest of the app."""

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Protocol

import psutil

from gui.core.action_label import ActionLabel
from gui.core.actions import Action, SignalSpec
from gui.core.app_identity import ProcessIdentity
from gui.core.critical import CriticalKind
from gui.core.disk_rates import DiskCounting, DiskReadings
from gui.core.elevation_protocol import Entry
from gui.core.outcomes import Detail
from gui.core.priority import Priority
from gui.core.process_details import PriorityScheme
from gui.core.process_key import ProcessKey
from gui.core.process_kind import SystemSection
from gui.core.process_sample import ProcessSample
from gui.core.system_summary import SystemSummary
from gui.core.window_info import WindowInfo, WindowsUnavailable
from gui.platforms.disk_io import ProcDiskReader, PsutilDiskReader, disk_io_available
from gui.platforms.head_start import HeadStart
from gui.platforms.process_details import ProcessDetailsReader
from gui.platforms.process_handle import ProcessGone, ProcessHandle
from gui.platforms.process_table import ProcessTable
from gui.platforms.psutil_reader import PsutilProcessReader, current_nice
from gui.platforms.window_source import NoWindows, WindowSource


class ProcessReader(Protocol):
    """Reads every process in one pass (psutil everywhere, /proc directly on Linux)."""

    def read(self, every_process: bool = True) -> list[ProcessSample]:
        """``every_process=False``: a reader may leave quiet processes unread this pass
        (their last sample stands in), within what its module promises."""
        ...

    def read_soon(self, pids: Iterable[int]) -> None:
        """Thread-safe: the next pass reads these processes, quiet or not."""
        ...

    def machine_cpu_percent(self) -> float | None:
        """The whole machine's CPU % between the last two passes when the reader read it
        anyway, else ``None``."""
        ...


class NotSupportedHere(Exception):
    """The action does not exist on this OS."""


class MissingDisplay(Enum):
    """Why no window can be shown (``gui.app`` words it for the user)."""

    #: Linux and the BSDs: neither ``DISPLAY`` (X11) nor ``WAYLAND_DISPLAY`` is set.
    NO_DISPLAY_VARIABLE = "no_display_variable"


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
        #: Made on first use: only while the disk columns are shown.
        self._disk_reader: ProcDiskReader | PsutilDiskReader | None = None
        self._head_start: HeadStart | None = None

    def _make_reader(self) -> "ProcessReader | None":
        """A faster reader for this OS, or ``None`` to use psutil's portable one."""
        return None

    # Reading ----------------------------------------------------------------

    def is_kernel_thread(self, pid: int) -> bool:
        """Whether a process with an empty command line is a kernel thread."""
        return False

    def missing_display_reason(self, environ: dict[str, str] | os._Environ[str]) -> MissingDisplay | None:
        """Why no window can be shown, or ``None`` when one can."""
        return None

    def core_count(self) -> int:
        return psutil.cpu_count() or 1

    def start_head_start(self) -> None:
        """Read and identify every process once on a thread of its own, from now on, so the
        first pass finds them known (see ``gui.platforms.head_start``). Call it once, early,
        before the first :meth:`read_processes`; that call waits for the head start to end."""
        if self._head_start is None:
            self._head_start = HeadStart(self._reader.read, self.identify_processes)

    def read_processes(self, every_process: bool = True) -> list[ProcessSample]:
        """Every process now; blocking, so call it off the UI thread. ``every_process=False``
        (a timer's pass) lets the reader leave quiet processes unread (see ``ProcessReader``)."""
        if self._head_start is not None:
            self._head_start.wait()
        return self._reader.read(every_process)

    def read_soon(self, keys: Iterable[ProcessKey]) -> None:
        """Thread-safe: the next pass reads these processes (the app just acted on them)."""
        self._reader.read_soon(key.pid for key in keys)

    def set_priority_column_shown(self, shown: bool) -> None:
        """Thread-safe: whether passes read every process's priority (an extra system call
        each with psutil; Linux's reader has it in the stat line it reads anyway)."""
        self._portable_reader.set_nice_wanted(shown)

    @property
    def priority_read_in_passes(self) -> bool:
        """Whether psutil's passes read every process's priority now (the column is shown)."""
        return self._portable_reader.nice_wanted

    def current_nice(self, key: ProcessKey) -> int | None:
        """``key``'s nice value now (Windows: its class's step), for a menu to check the
        current step while the Priority column is hidden; ``None`` if unknown."""
        return current_nice(key)

    def has_disk_columns(self) -> bool:
        """Whether this OS gives per-process disk totals (the Disk read/s and write/s columns)."""
        return disk_io_available()

    def disk_counting(self) -> DiskCounting:
        """What the disk figures count here (the column tooltips say it)."""
        return DiskCounting.DEVICE

    def disk_reader(self) -> ProcDiskReader | PsutilDiskReader:
        """Reads the disk totals of given processes: ``/proc/<pid>/io`` on Linux, psutil elsewhere."""
        if self._disk_reader is None:
            linux = sys.platform.startswith("linux") and os.path.isdir("/proc/self")
            self._disk_reader = ProcDiskReader() if linux else PsutilDiskReader()
        return self._disk_reader

    def disk_files_opened(self) -> int:
        """How many disk-counter files (or psutil queries) were opened so far: 0 while hidden."""
        return 0 if self._disk_reader is None else self._disk_reader.opened

    def stop_disk_totals(self) -> None:
        """The disk columns were hidden: let go of what reading them kept open."""
        if self._disk_reader is not None:
            self._disk_reader.close()

    def read_disk_totals(self, samples: Sequence[ProcessSample]) -> DiskReadings:
        """Bytes each process read from and wrote to storage; ``None`` where the OS refused."""
        return self.disk_reader().read(samples)

    def read_process(self, pid: int) -> ProcessSample:
        """One process, as :meth:`read_processes` would show it; raises :class:`ProcessGone`."""
        try:
            return self._portable_reader.read_single(psutil.Process(pid))
        except psutil.NoSuchProcess:
            raise ProcessGone(pid) from None

    def _samples(self, processes: list[psutil.Process]) -> tuple[ProcessSample, ...]:
        samples = []
        for process in processes:
            try:
                samples.append(self._portable_reader.read_single(process))
            except psutil.NoSuchProcess:
                continue
        return tuple(samples)

    def identify_processes(
        self, samples: Sequence[ProcessSample], wall_now: float
    ) -> Mapping[ProcessKey, ProcessIdentity]:
        """Which application each process belongs to and which script it runs, by key.

        Computed once per :class:`ProcessKey` (young processes are looked at again for a
        few seconds) and cached; a key without an identity is absent. Call it off the UI
        thread, with each pass's samples: a pass without new processes costs a lookup per
        process. Here: nothing is known (Linux's answer is in ``gui.platforms.linux_apps``).
        """
        return _NOTHING_KNOWN

    def identify_by_windows(
        self,
        identities: Mapping[ProcessKey, ProcessIdentity],
        windows: Mapping[ProcessKey, tuple[WindowInfo, ...]],
    ) -> Mapping[ProcessKey, ProcessIdentity]:
        """``identities`` (this pass's :meth:`identify_processes`) completed with what the
        processes' windows say (``windows``: each process's own, by key), where nothing else
        named an app. The same object back when the windows add nothing; call it on the
        sampler's thread after each pass's window refresh. Here: windows add nothing.
        """
        return identities

    def open_windows(self, environ: Mapping[str, str]) -> WindowSource:
        """A new source of this session's top-level windows (titles, owners, close, switch to).

        Never raises: where windows cannot be listed its ``refresh()`` says why. Connecting may
        block (a remote ``DISPLAY``): open it off the UI thread, refresh it on the sampler's
        thread each pass, ``shutdown()`` it on quit. Here: none.
        """
        return NoWindows(WindowsUnavailable.NOT_SUPPORTED)

    def read_system(self) -> SystemSummary:
        """Machine-wide CPU % since the previous pass, and memory in use."""
        cpu = self._reader.machine_cpu_percent()
        if cpu is None:
            cpu = psutil.cpu_percent(interval=None)
            primed, self._cpu_primed = self._cpu_primed, True
            if not primed:
                cpu = None
        memory = psutil.virtual_memory()
        return SystemSummary(
            cpu_percent=cpu,
            memory_used=memory.total - memory.available,
            memory_total=memory.total,
        )

    def details_reader(self) -> ProcessDetailsReader:
        """What reads a details window's fields here (call its methods off the UI thread)."""
        return ProcessDetailsReader(linux=False, priority=PriorityScheme.NICE)

    def system_section(self) -> SystemSection:
        """What the Applications view calls its section of the system's processes."""
        return SystemSection.SYSTEM_PROCESSES

    def termination_signals(self) -> tuple[int, ...]:
        """Signals by which the system asks ProcPilot to end (it then quits cleanly)."""
        return ()

    # What this OS can do ----------------------------------------------------

    def actions(self) -> tuple[Action, ...]:
        """The actions that exist here (the views decide where each one sits in the menus)."""
        return (Action.END,)

    def action_label(self, action: Action) -> ActionLabel:
        """Which name this OS gives an action (the views word it: ``gui.views.action_labels``)."""
        return _DEFAULT_LABELS[action]

    def action_signal(self, action: Action) -> SignalSpec | None:
        """The signal ``action`` sends here, for its tooltip; ``None`` where no signal is sent."""
        return None

    def signals(self) -> tuple[SignalSpec, ...]:
        """Signals for the "Send signal" submenu (empty where the OS has none)."""
        return ()

    def priority_scheme(self) -> PriorityScheme:
        """How priorities are named here: nice values, or Windows' priority classes."""
        return PriorityScheme.NICE

    def critical_reason(self, sample: ProcessSample) -> CriticalKind | None:
        """Why ending this process would hurt the system or the session, or ``None``."""
        return None

    def permission_detail(self) -> Detail:
        """Which sentence explains a refusal here: the owner's name, or "run as administrator"."""
        return Detail.NOT_OWNER

    # Doing it ---------------------------------------------------------------

    def open_process(self, key: ProcessKey) -> ProcessHandle:
        """A verified handle; raises ProcessGone or PidReused."""
        return ProcessHandle.open(key)

    def deliver(self, handle: ProcessHandle, action: Action, signal: SignalSpec | None = None) -> None:
        """Perform ``action`` on one process; raises ProcessLookupError or PermissionError."""
        raise NotSupportedHere(action)

    def set_priority(self, handle: ProcessHandle, priority: Priority) -> None:
        """Give one process the priority ``priority`` (every thread of it, where threads have
        their own); raises ProcessLookupError, PermissionError or :class:`NotSupportedHere`."""
        raise NotSupportedHere(Action.SET_PRIORITY)

    def force(self, handle: ProcessHandle) -> None:
        """The escalation after a polite request was ignored."""
        self.deliver(handle, Action.FORCE_QUIT)

    def may_signal(self, handle: ProcessHandle) -> bool:
        """Whether this user may signal the process at all (asked after a group signal)."""
        return True

    def can_elevate(self) -> bool:
        """Whether actions can be carried out as administrator here (the helper exists)."""
        return False

    def can_elevate_action(self, action: Action) -> bool:
        """Whether the helper here carries out ``action`` (Try as administrator is offered)."""
        return self.can_elevate()

    def runs_as_administrator(self) -> bool:
        """Whether ProcPilot itself runs as administrator, so that other users' processes
        are not refused (said before anything is sent). Unknown here: no."""
        return False

    def may_signal_key(self, key: ProcessKey) -> bool:
        """Whether this user may signal the process, asked before sending (menus, batches).

        A quick, non-blocking check; a process that is gone counts as signallable.
        """
        return True

    def helper_entry(
        self,
        key: ProcessKey,
        action: Action,
        signal: SignalSpec | None = None,
        priority: Priority | None = None,
    ) -> Entry:
        """The administrator helper's entry for ``action`` (with its signal or priority) on
        this very process.

        Raises :class:`ProcessGone`, ``PidReused`` or :class:`NotSupportedHere`.
        """
        raise NotSupportedHere(action)

    def group_id(self, key: ProcessKey) -> int:
        """The process group of a process; raises :class:`ProcessGone` or NotSupportedHere."""
        raise NotSupportedHere(Action.END_GROUP)

    def group_members(self, group_id: int) -> tuple[ProcessSample, ...]:
        """Every process in a process group now."""
        raise NotSupportedHere(Action.END_GROUP)

    def signal_group(self, group_id: int, action: Action) -> None:
        """Deliver the polite end to a whole process group."""
        raise NotSupportedHere(Action.END_GROUP)

    def descendants(self, roots: Iterable[ProcessKey]) -> tuple[ProcessSample, ...]:
        """Every descendant of the ``roots`` that are still the same processes, deepest first,
        so a tree is ended from its leaves up. One pass over the process table for all roots."""
        table = ProcessTable()
        return self._samples(list(reversed(table.below(table.still_there(roots)))))

    def descendants_of_each(
        self, roots: Iterable[ProcessKey], limit: int
    ) -> dict[ProcessKey, tuple[ProcessSample, ...]]:
        """Each root's descendants now, nearest first, at most ``limit`` in all.

        For noting what an End may leave running: one pass over the process table, and
        never more than ``limit`` processes read however large the trees are. Roots that
        are no longer the same processes are left out.
        """
        table = ProcessTable()
        found: dict[ProcessKey, tuple[ProcessSample, ...]] = {}
        seen: set[int] = set()
        budget = limit
        for root in table.still_there(roots):
            below = table.below([root], seen, budget)
            budget -= len(below)
            found[root] = self._samples(below)
        return found


_NOTHING_KNOWN: Mapping[ProcessKey, ProcessIdentity] = {}

_DEFAULT_LABELS = {
    Action.END: ActionLabel.END,
    Action.FORCE_QUIT: ActionLabel.FORCE_QUIT,
    Action.STOP: ActionLabel.SUSPEND,
    Action.CONTINUE: ActionLabel.RESUME,
    Action.HANG_UP: ActionLabel.HANG_UP,
    Action.INTERRUPT: ActionLabel.INTERRUPT,
    Action.SEND_SIGNAL: ActionLabel.SEND_SIGNAL,
    Action.END_GROUP: ActionLabel.END_GROUP,
    Action.END_TREE: ActionLabel.END_TREE,
    Action.END_APP: ActionLabel.END_APP,
    Action.FORCE_QUIT_APP: ActionLabel.FORCE_QUIT_APP,
    Action.SET_PRIORITY: ActionLabel.CHANGE_PRIORITY,
}
