"""A stand-in for the kernel32 calls of the Windows helper over real Linux processes.

A handle is a pidfd: like a Windows process handle, it pins the process (its PID cannot
go to another process while it is open) and can be waited on. The "creation time" is the
Linux start time in clock ticks, which is what the tests' entries carry. The exit code
is 1 once the process has exited (a zombie has), ``STILL_ACTIVE`` before.

``TerminateProcess`` sends SIGTERM the first time a process gets it and SIGKILL after:
a child that ignores SIGTERM stands for a Windows process that outlives its first
TerminateProcess for a while (one stuck in a driver), so End leaves a survivor for
Force quit as it can on Windows.
"""

import contextlib
import errno
import os
import select
import signal
from dataclasses import dataclass, field
from typing import Any

from gui.helper.linux_process import start_and_flags
from gui.helper.windows_targets import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_PARAMETER,
    STILL_ACTIVE,
    WAIT_OBJECT_0,
)

WAIT_TIMEOUT = 258


@dataclass
class ProcKernel32:
    open_handles: dict[int, int] = field(default_factory=dict)  # pidfd -> pid
    terminated: list[tuple[int, int]] = field(default_factory=list)  # (pid, signal sent)
    _last_error: int = 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # noqa: N802
        try:
            pidfd = os.pidfd_open(pid)
        except ProcessLookupError:
            self._last_error = ERROR_INVALID_PARAMETER
            return 0
        except OSError as error:
            self._last_error = ERROR_ACCESS_DENIED if error.errno == errno.EPERM else ERROR_INVALID_PARAMETER
            return 0
        self.open_handles[pidfd] = pid
        return pidfd

    def GetProcessTimes(self, handle: int, created: Any, ended: Any, kernel: Any, user: Any) -> int:  # noqa: N802
        try:
            start = start_and_flags(self.open_handles[handle])[0]
        except ProcessLookupError:
            return 0
        created._obj.dwLowDateTime, created._obj.dwHighDateTime = start & 0xFFFFFFFF, start >> 32
        return 1

    def TerminateProcess(self, handle: int, exit_code: int) -> int:  # noqa: N802
        pid = self.open_handles[handle]
        number = signal.SIGKILL if any(p == pid for p, _n in self.terminated) else signal.SIGTERM
        with contextlib.suppress(ProcessLookupError):  # Windows terminates an exited process quietly
            signal.pidfd_send_signal(handle, number)
        self.terminated.append((pid, int(number)))
        return 1

    def _exited(self, handle: int, timeout_ms: int) -> bool:
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        return bool(poller.poll(timeout_ms))

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:  # noqa: N802
        code._obj.value = 1 if self._exited(handle, 0) else STILL_ACTIVE
        return 1

    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int:  # noqa: N802
        return WAIT_OBJECT_0 if self._exited(handle, milliseconds) else WAIT_TIMEOUT

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        del self.open_handles[handle]
        os.close(handle)
        return 1

    def GetLastError(self) -> int:  # noqa: N802
        return self._last_error
