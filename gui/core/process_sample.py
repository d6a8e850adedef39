"""One process as the platform layer read it, before anything is derived from it."""

from dataclasses import dataclass

from gui.core.process_key import ProcessKey


@dataclass(frozen=True, slots=True)
class ProcessSample:
    """Raw readings of one process in one sampling pass.

    ``None`` means the OS refused the field (another user's process, a zombie).
    ``status`` is psutil's status string (``"running"``, ``"sleeping"``, ...).
    ``cpu_seconds`` is user + system CPU time consumed since the process started.
    ``parent_pid`` is the parent's PID now (an orphan's is its new reaper's), ``None`` for a
    process without one (PID 1, the kernel's own roots) or when it could not be read; it has
    a default so that code building samples by hand need not know it. ``nice`` is its
    priority as a nice value (-20 .. 19; on Windows that of its priority class's step, see
    :mod:`gui.core.priority`), ``None`` when unknown. ``read_gap_s`` is set when the reader
    had left the process unread for some passes (it was quiet): the seconds its CPU time
    moved over since the reading before, instead of since the last pass.
    """

    key: ProcessKey
    name: str
    user: str | None
    status: str
    cpu_seconds: float | None
    memory_rss: int | None
    threads: int | None
    command_line: str | None
    owned_by_me: bool
    is_kernel_thread: bool
    parent_pid: int | None = None
    nice: int | None = None
    read_gap_s: float | None = None
