"""Reading one process's details for its details window (psutil, plus ``/proc`` on Linux).

Every reading names the process by its :class:`ProcessKey` and is checked against it twice:
before reading (the PID may already belong to another process) and after (it may have been
reused meanwhile), so a window never shows a reused PID's data. Blocking: call it off the UI
thread. psutil objects and exceptions stay here.
"""

import socket
from collections.abc import Callable
from typing import TypeVar

import psutil

from gui.core.cgroup_app import CgroupKind, app_from_proc_cgroup, cgroup_paths
from gui.core.container_id import container_of
from gui.core.flatpak_info import flatpak_app_id
from gui.core.process_details import (
    Connection,
    EnvironmentVariable,
    Missing,
    OpenFile,
    PriorityScheme,
    ProcessFacts,
    Reading,
    ResourceReading,
    Tab,
    TabProblem,
    TabReading,
    TabRows,
)
from gui.core.process_key import ProcessKey
from gui.platforms.process_handle import PidReused, ProcessGone

T = TypeVar("T")

#: The same tolerance as the signalling code's: one process always reads the same start time.
_START_TIME_TOLERANCE_S = 0.01
_SMALL_READ = 64 * 1024
_PROTOCOLS = {
    (socket.AF_INET, socket.SOCK_STREAM): "TCP",
    (socket.AF_INET, socket.SOCK_DGRAM): "UDP",
    (socket.AF_INET6, socket.SOCK_STREAM): "TCP6",
    (socket.AF_INET6, socket.SOCK_DGRAM): "UDP6",
}


class ProcessDetailsReader:
    """Reads what a details window shows; ``linux`` adds cgroups and the Flatpak id."""

    def __init__(self, *, linux: bool, priority: PriorityScheme = PriorityScheme.NICE) -> None:
        self._linux = linux
        self.priority_scheme = priority
        self._has_io = hasattr(psutil.Process, "io_counters")  # absent on macOS
        self._has_environ = hasattr(psutil.Process, "environ")

    # Identity -------------------------------------------------------------------

    @staticmethod
    def _open(key: ProcessKey) -> psutil.Process:
        """The process ``key`` names; raises ProcessGone or PidReused."""
        try:
            process = psutil.Process(key.pid)
            started = process.create_time()
        except psutil.NoSuchProcess:
            raise ProcessGone(key) from None
        except psutil.AccessDenied:
            raise PidReused(key) from None  # no start time, no telling it apart: show nothing
        if abs(started - key.create_time) > _START_TIME_TOLERANCE_S:
            raise PidReused(key)
        return process

    @staticmethod
    def _still_same(process: psutil.Process, key: ProcessKey) -> None:
        """After reading: raise ProcessGone if the PID was let go (and perhaps reused) meanwhile."""
        if not process.is_running() or process.status() == psutil.STATUS_ZOMBIE:
            raise ProcessGone(key)

    @staticmethod
    def _read(read: Callable[[], T]) -> Reading[T]:
        try:
            return read()
        except psutil.AccessDenied:
            return Missing.REFUSED
        except psutil.ZombieProcess:
            return Missing.REFUSED
        except (NotImplementedError, AttributeError):
            return Missing.NOT_HERE

    # What it is -------------------------------------------------------------------

    def facts(self, key: ProcessKey) -> ProcessFacts:
        """Name, owner, parent, paths, command line, cgroup; raises ProcessGone or PidReused."""
        process = self._open(key)
        try:
            name = process.name()
        except psutil.NoSuchProcess:
            raise ProcessGone(key) from None
        except psutil.AccessDenied:
            name = str(key.pid)
        user = self._read(process.username)
        executable = self._read(process.exe)
        if executable == "":
            executable = Missing.REFUSED  # Linux: a link psutil could not follow
        command = self._read(lambda: tuple(process.cmdline()))
        cgroup: Reading[str] = Missing.NOT_HERE
        container = flatpak = None
        if self._linux:
            cgroup_text = self._read_text(key.pid, "cgroup")
            if isinstance(cgroup_text, str):
                paths = cgroup_paths(cgroup_text)
                cgroup = paths[0] if paths else (cgroup_text.splitlines() or [""])[0].split(":", 2)[-1]
                container = container_of(cgroup_text)
                app = app_from_proc_cgroup(cgroup_text)
                flatpak = app.desktop_id if app is not None and app.kind is CgroupKind.FLATPAK else None
            else:
                cgroup = cgroup_text
            if flatpak is None:
                info = self._read_text(key.pid, "root/.flatpak-info")
                flatpak = flatpak_app_id(info) if isinstance(info, str) else None
        parent, parent_name = self._parent(process)
        facts = ProcessFacts(
            key=key,
            name=name,
            user=user,
            parent=parent,
            parent_name=parent_name,
            executable=executable,
            working_directory=self._read(process.cwd),
            command_line=command,
            cgroup=cgroup,
            container=container,
            flatpak_id=flatpak,
        )
        self._still_same(process, key)
        return facts

    @staticmethod
    def _parent(process: psutil.Process) -> tuple[ProcessKey | None, str | None]:
        try:
            parent = process.parent()
            if parent is None:
                return None, None
            return ProcessKey(parent.pid, parent.create_time()), parent.name()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return None, None

    @staticmethod
    def _read_text(pid: int, name: str) -> Reading[str]:
        try:
            with open(f"/proc/{pid}/{name}", "rb") as file:
                return file.read(_SMALL_READ).decode("utf-8", "replace")
        except PermissionError:
            return Missing.REFUSED
        except OSError:
            return Missing.NOT_HERE

    # How it does --------------------------------------------------------------------

    def resources(self, key: ProcessKey, monotonic: float, *, full_memory: bool) -> ResourceReading:
        """CPU time, memory, threads, priority and disk totals now; USS/PSS only with
        ``full_memory`` (they cost a walk over the process's memory map).
        Raises ProcessGone or PidReused."""
        process = self._open(key)
        try:
            with process.oneshot():
                status = process.status()
                if status == psutil.STATUS_ZOMBIE:
                    raise ProcessGone(key)
                times = self._read(process.cpu_times)
                memory = self._read(process.memory_info)
                threads = self._read(process.num_threads)
                priority = self._read(process.nice)
                io = self._read(process.io_counters) if self._has_io else Missing.NOT_HERE
        except psutil.NoSuchProcess:
            raise ProcessGone(key) from None
        unique: Reading[int] = Missing.NOT_HERE
        proportional: Reading[int] = Missing.NOT_HERE
        if full_memory:
            full = self._read(process.memory_full_info)
            if isinstance(full, Missing):
                unique = proportional = full
            else:
                unique = getattr(full, "uss", Missing.NOT_HERE)
                proportional = getattr(full, "pss", Missing.NOT_HERE)
        reading = ResourceReading(
            key=key,
            monotonic=monotonic,
            status=status,
            cpu_seconds=times if isinstance(times, Missing) else times.user + times.system,
            memory_resident=memory if isinstance(memory, Missing) else memory.rss,
            memory_unique=unique,
            memory_proportional=proportional,
            threads=threads,
            priority=priority,
            disk_read=io if isinstance(io, Missing) else io.read_bytes,
            disk_written=io if isinstance(io, Missing) else io.write_bytes,
            full_memory=full_memory,
        )
        self._still_same(process, key)
        return reading

    # The tabs ------------------------------------------------------------------------

    def tab(self, key: ProcessKey, tab: Tab) -> TabReading:
        """One tab's rows now; a refusal or an exit is told in ``problem``, never raised."""
        try:
            process = self._open(key)
        except (ProcessGone, PidReused):
            return TabReading(key, tab, (), TabProblem.GONE)
        readers: dict[Tab, Callable[[psutil.Process], TabRows]] = {
            Tab.OPEN_FILES: self._open_files,
            Tab.CONNECTIONS: self._connections,
            Tab.ENVIRONMENT: self._environment,
        }
        try:
            rows = readers[tab](process)
        except psutil.AccessDenied:
            return TabReading(key, tab, (), TabProblem.REFUSED)
        except psutil.NoSuchProcess:  # a zombie too: it holds nothing any more
            return TabReading(key, tab, (), TabProblem.GONE)
        except (NotImplementedError, AttributeError):
            return TabReading(key, tab, (), TabProblem.NOT_HERE)
        try:
            self._still_same(process, key)
        except ProcessGone:
            return TabReading(key, tab, (), TabProblem.GONE)
        return TabReading(key, tab, rows)

    @staticmethod
    def _open_files(process: psutil.Process) -> tuple[OpenFile, ...]:
        files = (OpenFile(entry.path, entry.fd if entry.fd >= 0 else None) for entry in process.open_files())
        return tuple(sorted(files, key=lambda f: (f.fd is None, f.fd or 0, f.path)))

    @staticmethod
    def _connections(process: psutil.Process) -> tuple[Connection, ...]:
        found = []
        for entry in process.net_connections(kind="all"):
            protocol = _PROTOCOLS.get((entry.family, entry.type))
            if protocol is None:
                if entry.family != getattr(socket, "AF_UNIX", None):
                    continue
                protocol = "UNIX"
            found.append(
                Connection(
                    protocol,
                    _address(entry.laddr, entry.family),
                    _address(entry.raddr, entry.family),
                    entry.status,
                )
            )
        return tuple(sorted(found, key=lambda c: (c.protocol == "UNIX", c.protocol, c.local, c.remote)))

    def _environment(self, process: psutil.Process) -> tuple[EnvironmentVariable, ...]:
        if not self._has_environ:
            raise NotImplementedError
        environment = process.environ()
        return tuple(EnvironmentVariable(name, environment[name]) for name in sorted(environment))


def _address(address: object, family: int) -> str:
    """``127.0.0.1:8080``, ``[::1]:8080``, a UNIX socket's path, or empty."""
    if not address:
        return ""
    if isinstance(address, str):
        return address
    host, port = getattr(address, "ip", ""), getattr(address, "port", "")
    if family == socket.AF_INET6:
        return f"[{host}]:{port}"
    return f"{host}:{port}"
