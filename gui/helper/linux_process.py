"""What the helper reads about a process on Linux: one ``/proc/<pid>/stat`` line.

Deliberately not :mod:`gui.platforms.linux_proc_reader`: importing ``gui.platforms``
loads psutil and every adapter, which the helper neither needs nor wants to trust.
The tests check both readers agree.
"""

import os
import signal

#: The kernel's "this is a kernel thread" bit in the flags field of the stat line.
PF_KTHREAD = 0x00200000
# Positions in the fields after "(comm) ", per proc(5) minus 3.
_FLAGS, _START = 6, 19
_STAT_READ_SIZE = 4096


def start_and_flags(pid: int) -> tuple[int, int]:
    """The start time (clock ticks since boot) and flags of ``pid``.

    Raises ``ProcessLookupError`` when there is no such process. The name before the
    fields may hold spaces and parentheses: fields count from its last ``)``.
    """
    try:
        fd = os.open(f"/proc/{pid}/stat", os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ProcessLookupError(pid) from None
    try:
        line = os.read(fd, _STAT_READ_SIZE)  # ProcessLookupError once it has been reaped
    finally:
        os.close(fd)
    fields = line[line.rfind(b")") + 2 :].split()
    return int(fields[_START]), int(fields[_FLAGS])


def uid_of(pid: int) -> int | None:
    """The real uid of ``pid`` (from ``/proc/<pid>/status``), or ``None`` if it is gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"Uid:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def offered_signals() -> frozenset[int]:
    """The signals ProcPilot's menus offer here: every named one and the real-time range.

    The same set as ``gui.platforms.signal_catalog.posix_signals()`` (a test holds them
    together); never 0, which sends nothing and only probes.
    """
    numbers = {int(sig) for sig in signal.Signals}
    rt_min = getattr(signal, "SIGRTMIN", None)
    rt_max = getattr(signal, "SIGRTMAX", None)
    if rt_min is not None and rt_max is not None:
        numbers.update(range(int(rt_min), int(rt_max) + 1))
    numbers.discard(0)
    return frozenset(numbers)
