"""Setting a process's nice value as this user, the way the administrator helper does as root.

On Linux each thread has its own nice value, so every thread in ``/proc/<pid>/task`` is
changed (:mod:`gui.helper.thread_nice`, shared with the helper); macOS and the BSDs keep
one per process.
"""

import errno
import os

from gui.core.elevation_protocol import Status
from gui.helper.thread_nice import set_nice_of_threads


def set_nice(pid: int, value: int, *, per_thread: bool) -> None:
    """Give ``pid`` (each of its threads with ``per_thread``) the nice ``value``.

    The caller holds a verified handle of the process. Raises ``ProcessLookupError``,
    ``PermissionError`` (raising a priority, or another user's process) or ``OSError``.
    """
    if not per_thread:
        os.setpriority(os.PRIO_PROCESS, pid, value)
        return
    status, code = set_nice_of_threads(pid, value)
    if status is Status.GONE:
        raise ProcessLookupError(errno.ESRCH, os.strerror(errno.ESRCH))
    if status is Status.PERMISSION_DENIED:
        raise PermissionError(code, os.strerror(code))
    if status is not Status.SENT:
        raise OSError(code, os.strerror(code))
