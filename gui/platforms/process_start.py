"""A process's start time as the kernel counts it (Linux: clock ticks since boot).

The administrator helper names each process by PID and this exact integer, so a PID
reused in between gets nothing. The reading itself is the helper's own, so both sides
read the same field the same way.
"""

from gui.helper.linux_process import start_and_flags


def start_ticks(pid: int) -> int:
    """Field 22 of ``/proc/<pid>/stat``; raises ``ProcessLookupError`` when it is gone."""
    return start_and_flags(pid)[0]
