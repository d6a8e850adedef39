"""Reading the process table through psutil, shared by every platform adapter."""

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

import psutil

from gui.core.display_text import COMMAND_LINE_LIMIT, bounded
from gui.core.priority import nice_of_windows_class
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample

T = TypeVar("T")

#: Start times further apart than this are two processes (as ``ProcessHandle`` decides).
_SAME_START_S = 0.01
#: Decides whether the process with this PID (and an empty command line) is a kernel thread.
KernelThreadTest = Callable[[int], bool]


@dataclass(frozen=True, slots=True)
class _StaticFields:
    """Fields that do not change while a process keeps its name (read once per key).

    The parent changes only when it exits (the orphan is re-parented): see
    :meth:`PsutilProcessReader._follow_orphans`.
    """

    name: str
    user: str | None
    command_line: str | None
    is_kernel_thread: bool
    parent_pid: int | None


def command_line_text(name: str, argv: list[str] | None, is_kernel_thread: bool) -> str | None:
    """How the Command line column shows a process: ``[name]`` for a kernel thread (as ps
    does), the arguments joined by spaces, or ``None`` when the OS refused or there are none.

    Only the first :data:`COMMAND_LINE_LIMIT` characters are kept (then "…"): any user can
    start a process with megabytes of arguments, and a sample lives as long as its row.
    """
    if is_kernel_thread:
        return f"[{name}]"
    if not argv:
        return None
    kept: list[str] = []
    length = -1
    for arg in argv:
        kept.append(arg[: COMMAND_LINE_LIMIT + 1])
        length += len(arg) + 1
        if length > COMMAND_LINE_LIMIT:
            break
    return bounded(" ".join(kept), COMMAND_LINE_LIMIT)


def _refused_is_none(read: Callable[[], T]) -> T | None:
    """Call one psutil getter; ``None`` when the OS refuses it or the process is a zombie.

    A process that vanished raises ``NoSuchProcess`` through this, so the whole
    process is skipped rather than shown half-read.
    """
    try:
        return read()
    except (psutil.AccessDenied, psutil.ZombieProcess):
        return None


class PsutilProcessReader:
    """Samples every process, re-reading only the fields that change.

    Name, user, command line and parent are cached per :class:`ProcessKey`; they are
    read again when the name changes, which is what ``exec`` does to a process.
    psutil's ``ppid()`` re-checks the process's identity with one more read each call
    (a third more per process), hence the parent is cached as well.

    The nice value (Windows: the priority class) costs one more system call per process:
    a pass reads it only while the Priority column is shown (:meth:`set_nice_wanted`);
    otherwise samples carry ``None`` and the menu asks for the one process it needs
    (:func:`current_nice`).
    """

    def __init__(self, is_kernel_thread: KernelThreadTest) -> None:
        self._is_kernel_thread = is_kernel_thread
        #: Set from the UI thread while the Priority column is shown.
        self._nice_wanted = threading.Event()
        self._static: dict[ProcessKey, _StaticFields] = {}
        self._my_user = _refused_is_none(psutil.Process().username)

    def set_nice_wanted(self, wanted: bool) -> None:
        """Thread-safe: whether the next passes read every process's nice value."""
        if wanted:
            self._nice_wanted.set()
        else:
            self._nice_wanted.clear()

    @property
    def nice_wanted(self) -> bool:
        return self._nice_wanted.is_set()

    def read_soon(self, pids: Iterable[int]) -> None:
        """Every pass reads every process here: the next one reads these too."""

    def machine_cpu_percent(self) -> float | None:
        """Not read here (the adapter asks psutil)."""
        return None

    def read(self, every_process: bool = True) -> list[ProcessSample]:
        """One pass over all processes, always all of them (psutil has no cheaper way to
        tell that a process did not run); vanished processes are left out silently."""
        samples: list[ProcessSample] = []
        static_seen: dict[ProcessKey, _StaticFields] = {}
        with_nice = self._nice_wanted.is_set()
        for process in psutil.process_iter():
            try:
                sample = self._read_one(process, static_seen, with_nice=with_nice)
            except psutil.NoSuchProcess:
                continue
            samples.append(sample)
        self._static = static_seen
        return self._follow_orphans(samples)

    def _follow_orphans(self, samples: list[ProcessSample]) -> list[ProcessSample]:
        """Re-read the parent of processes whose cached parent is gone: the OS re-parented
        them (to PID 1 or a subreaper). Rare, so a second look costs nothing in a quiet pass."""
        pids = {sample.key.pid for sample in samples}
        for index, sample in enumerate(samples):
            parent = sample.parent_pid
            if parent is None or parent in pids:
                continue
            try:
                parent = _refused_is_none(psutil.Process(sample.key.pid).ppid) or None
            except psutil.NoSuchProcess:
                continue
            static = self._static.get(sample.key)
            if static is not None:
                self._static[sample.key] = replace(static, parent_pid=parent)
            samples[index] = replace(sample, parent_pid=parent)
        return samples

    def read_single(self, process: psutil.Process) -> ProcessSample:
        """One process outside a pass (e.g. a group member named in a message)."""
        return self._read_one(process, {}, with_nice=True)

    def _read_one(
        self, process: psutil.Process, static_seen: dict[ProcessKey, _StaticFields], *, with_nice: bool
    ) -> ProcessSample:
        with process.oneshot():
            key = ProcessKey(process.pid, _refused_is_none(process.create_time) or 0.0)
            name = _refused_is_none(process.name) or ""
            static = self._static.get(key)
            if static is None or static.name != name:
                static = self._read_static(process, name)
            static_seen[key] = static
            cpu = _refused_is_none(process.cpu_times)
            memory = _refused_is_none(process.memory_info)
            return ProcessSample(
                key=key,
                name=name,
                user=static.user,
                status=_refused_is_none(process.status) or "unknown",
                cpu_seconds=None if cpu is None else cpu.user + cpu.system,
                memory_rss=None if memory is None else memory.rss,
                threads=_refused_is_none(process.num_threads),
                command_line=static.command_line,
                owned_by_me=static.user is not None and static.user == self._my_user,
                is_kernel_thread=static.is_kernel_thread,
                parent_pid=static.parent_pid,
                nice=_nice_of(process) if with_nice else None,
            )

    def _read_static(self, process: psutil.Process, name: str) -> _StaticFields:
        argv = _refused_is_none(process.cmdline)
        is_kernel_thread = argv == [] and self._is_kernel_thread(process.pid)
        command_line = command_line_text(name, argv, is_kernel_thread)
        user = _refused_is_none(process.username)
        parent = _refused_is_none(process.ppid) or None
        return _StaticFields(name, user, command_line, is_kernel_thread, parent)


def current_nice(key: ProcessKey) -> int | None:
    """``key``'s nice value now (Windows: its class's step), read for this one process;
    ``None`` when it is gone, refused or its PID now names another process."""
    try:
        process = psutil.Process(key.pid)
        if abs(process.create_time() - key.create_time) > _SAME_START_S:
            return None
        return _nice_of(process)
    except psutil.Error:
        return None


def _nice_of(process: psutil.Process) -> int | None:
    """Its nice value; on Windows that of the step its priority class belongs to."""
    value = _refused_is_none(process.nice)
    if value is None or not psutil.WINDOWS:
        return value
    return nice_of_windows_class(int(value))
