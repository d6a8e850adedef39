"""What a details window shows of one process: plain data read by ``gui.platforms``.

A value the OS does not have at all is :data:`Missing.NOT_HERE` (the window leaves its field
out); one it refused to tell is :data:`Missing.REFUSED` (the window says so in a short
sentence). Nothing here knows Qt or the OS.
"""

from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias, TypeVar

from gui.core.process_key import ProcessKey


class Missing(Enum):
    """Why a value is not there."""

    NOT_HERE = "not_here"  # this OS has no such thing (macOS: per-process disk counters)
    REFUSED = "refused"  # the OS keeps it from this user (another user's process)


T = TypeVar("T")
#: A value, or why it is not there.
Reading: TypeAlias = T | Missing


class PriorityScheme(Enum):
    """How this OS ranks processes for the scheduler."""

    NICE = "nice"  # POSIX: -20 (most favoured) to 19
    WINDOWS_CLASS = "windows_class"  # Windows: Idle ... Realtime


@dataclass(frozen=True, slots=True)
class ProcessFacts:
    """What a process is and where it lives: read once when its window opens.

    ``parent`` is the parent's key (``None`` without one or when it is not readable),
    ``container`` a container's short id (Docker, Podman, Kubernetes), ``flatpak_id`` a
    Flatpak app's id; the cgroup fields are absent off Linux.
    """

    key: ProcessKey
    name: str
    user: Reading[str]
    parent: ProcessKey | None
    parent_name: str | None
    executable: Reading[str]
    working_directory: Reading[str]
    command_line: Reading[tuple[str, ...]]
    cgroup: Reading[str]
    container: str | None
    flatpak_id: str | None


@dataclass(frozen=True, slots=True)
class ResourceReading:
    """A process's resources at one moment (``monotonic`` is when, for rates).

    ``cpu_seconds`` is user + system time; ``memory_unique`` and ``memory_proportional``
    are USS and PSS (Linux), ``priority`` a nice value or a Windows priority class id
    (see :class:`PriorityScheme`); ``disk_read``/``disk_written`` are bytes that reached
    the storage device since the process started. ``full_memory`` says whether USS and
    PSS were read this time (they are read less often: they walk the memory map).
    """

    key: ProcessKey
    monotonic: float
    status: str
    cpu_seconds: Reading[float]
    memory_resident: Reading[int]
    memory_unique: Reading[int]
    memory_proportional: Reading[int]
    threads: Reading[int]
    priority: Reading[int]
    disk_read: Reading[int]
    disk_written: Reading[int]
    full_memory: bool = True


@dataclass(frozen=True, slots=True)
class OpenFile:
    path: str
    fd: int | None


@dataclass(frozen=True, slots=True)
class Connection:
    """One socket: ``protocol`` is ``TCP``, ``UDP``, ``TCP6``, ``UDP6`` or ``UNIX``;
    addresses as ``host:port`` (``[host]:port`` for IPv6), empty when there is none;
    ``state`` psutil's id (``LISTEN``, ``ESTABLISHED``...; ``NONE`` for UDP)."""

    protocol: str
    local: str
    remote: str
    state: str


@dataclass(frozen=True, slots=True)
class EnvironmentVariable:
    name: str
    value: str


class Tab(Enum):
    """The tabs read on demand."""

    OPEN_FILES = "open_files"
    CONNECTIONS = "connections"
    ENVIRONMENT = "environment"


class TabProblem(Enum):
    """Why a tab has no rows to show."""

    REFUSED = "refused"  # needs administrator rights (reading is never done as one)
    NOT_HERE = "not_here"  # this OS does not tell
    GONE = "gone"  # the process exited


#: A tab's rows, of the kind the tab lists.
TabRows: TypeAlias = tuple[OpenFile, ...] | tuple[Connection, ...] | tuple[EnvironmentVariable, ...]


@dataclass(frozen=True, slots=True)
class TabReading:
    """One tab's rows as read now, or why there are none."""

    key: ProcessKey
    tab: Tab
    rows: TabRows
    problem: TabProblem | None = None
