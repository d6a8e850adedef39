"""A stand-in for the kernel32 calls of the Windows helper (``gui.helper.windows_targets``), on Linux.

Processes are a table of PID -> creation time (a FILETIME integer); ``OpenProcess`` hands
out numbered handles, each pinned to the process it opened, and every call is recorded so
a test can see what went through which handle and that each handle was closed.
``GetProcessTimes`` writes into the real ``FILETIME`` structures it is given.

``TerminateProcess`` ends a process (its exit code is then 1, and waiting on it returns
at once) unless it is in ``outlives_terminate``: such a process (one stuck in a driver,
say) survives its first TerminateProcess and ends at the second.
"""

import time
from dataclasses import dataclass, field
from typing import Any

from gui.helper.windows_targets import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_PARAMETER,
    STILL_ACTIVE,
    WAIT_OBJECT_0,
)

WAIT_TIMEOUT = 258


@dataclass
class FakeKernel32:
    created: dict[int, int] = field(default_factory=dict)  # pid -> creation time
    denied: set[int] = field(default_factory=set)  # PIDs OpenProcess refuses (ERROR_ACCESS_DENIED)
    opened: list[tuple[int, int, int]] = field(default_factory=list)  # (handle, access, pid)
    open_handles: dict[int, int] = field(default_factory=dict)  # handle -> pid
    terminated: list[tuple[int, int, int]] = field(default_factory=list)  # (handle, pid, exit code)
    #: Runs just after OpenProcess succeeds: a test makes the PID be reused there.
    after_open: Any = None
    exited: set[int] = field(default_factory=set)
    outlives_terminate: set[int] = field(default_factory=set)
    _last_error: int = 0
    _next: int = 0x100

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # noqa: N802
        if pid in self.denied:
            self._last_error = ERROR_ACCESS_DENIED
            return 0
        if pid not in self.created:
            self._last_error = ERROR_INVALID_PARAMETER
            return 0
        self._next += 4
        self.open_handles[self._next] = pid
        self.opened.append((self._next, access, pid))
        if self.after_open is not None:
            self.after_open(pid)
        return self._next

    def GetProcessTimes(self, handle: int, created: Any, ended: Any, kernel: Any, user: Any) -> int:  # noqa: N802
        pid = self.open_handles[handle]
        value = self.created[pid]
        created._obj.dwLowDateTime = value & 0xFFFFFFFF
        created._obj.dwHighDateTime = value >> 32
        return 1

    def TerminateProcess(self, handle: int, exit_code: int) -> int:  # noqa: N802
        pid = self.open_handles[handle]
        self.terminated.append((handle, pid, exit_code))
        if pid in self.outlives_terminate:
            self.outlives_terminate.discard(pid)
        else:
            self.exited.add(pid)
        return 1

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:  # noqa: N802
        code._obj.value = 1 if self.open_handles[handle] in self.exited else STILL_ACTIVE
        return 1

    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int:  # noqa: N802
        if self.open_handles[handle] in self.exited:
            return WAIT_OBJECT_0
        time.sleep(min(milliseconds, 5) / 1000)  # a short real pause: the caller loops
        return WAIT_TIMEOUT

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        del self.open_handles[handle]
        return 1

    def GetLastError(self) -> int:  # noqa: N802
        return self._last_error
