"""Setting the nice value of every thread of a process (Linux keeps one per thread).

Shared by the administrator helper and the unprivileged action, so both change a process
the same way; imports nothing beyond the standard library (the helper loads no psutil).
"""

import errno
import os

from gui.core.elevation_protocol import Status


def thread_ids(pid: int) -> list[int]:
    """The ids of the threads of ``pid`` now; raises ``ProcessLookupError`` when it is gone."""
    try:
        return sorted(int(name) for name in os.listdir(f"/proc/{pid}/task"))
    except FileNotFoundError:
        raise ProcessLookupError(pid) from None


def set_nice_of_threads(pid: int, value: int) -> tuple[Status, int]:
    """Give every thread of ``pid`` the nice ``value``: (status, errno).

    The caller has checked the process's identity (and holds a pidfd, so the PID stays
    its own). A thread that ends meanwhile is skipped; a refusal stops at the first
    thread, before the others are changed.
    """
    try:
        tids = thread_ids(pid)
    except ProcessLookupError:
        return Status.GONE, 0
    changed = 0
    for tid in tids:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, value)
        except ProcessLookupError:
            continue
        except PermissionError as error:
            return Status.PERMISSION_DENIED, error.errno or errno.EPERM
        except OSError as error:
            return Status.FAILED, error.errno or 0
        changed += 1
    return (Status.SENT, 0) if changed else (Status.GONE, 0)
