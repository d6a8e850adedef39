"""A stand-in for the Windows functions ``gui.actions.uac_channel`` calls, on Linux.

``ShellExecuteExW`` reads the real ``SHELLEXECUTEINFOW`` it is given, records it, and
starts ``lpFile`` with ``lpParameters`` as this user (root in the tests), as UAC would
elevate it; like the Windows helper, the program's answer is stored in
``<request>.answer`` (the helper itself writes to standard output on Linux). Handles are
counted, so a test can see each one closed. Processes are looked up for real: a
process's "creation time" is its Linux start time in clock ticks, which is what the
entries carry here.
"""

import os
import shlex
import subprocess
from dataclasses import dataclass, field
from typing import Any

from gui.actions.uac_channel import ERROR_CANCELLED, STILL_ACTIVE
from gui.helper.linux_process import start_and_flags


@dataclass
class FakeWin32:
    cancel: bool = False
    fail_with: int | None = None  # another error of ShellExecuteExW (5: access denied...)
    env: dict[str, str] = field(default_factory=dict)
    calls: list[dict[str, Any]] = field(default_factory=list)
    open_handles: set[int] = field(default_factory=set)
    _last_error: int = 0
    _exit_codes: dict[int, int] = field(default_factory=dict)
    _pids: dict[int, int] = field(default_factory=dict)
    _next: int = 100

    def _handle(self) -> int:
        self._next += 4
        self.open_handles.add(self._next)
        return self._next

    def ShellExecuteExW(self, info_ref: Any) -> int:  # noqa: N802
        info = info_ref._obj
        arguments = shlex.split(info.lpParameters)
        self.calls.append(
            {
                "verb": info.lpVerb,
                "file": info.lpFile,
                "arguments": arguments,
                "mask": info.fMask,
                "show": info.nShow,
            }
        )
        if self.cancel or self.fail_with is not None:
            self._last_error = ERROR_CANCELLED if self.cancel else int(self.fail_with or 0)
            return 0
        done = subprocess.run([info.lpFile, *arguments], capture_output=True, env=self.env, check=False)
        with open(arguments[-1] + ".answer", "xb") as answer:
            answer.write(done.stdout)
        info.hProcess = handle = self._handle()
        self._exit_codes[handle] = done.returncode
        return 1

    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int:  # noqa: N802
        assert handle in self.open_handles
        return 0

    def GetExitCodeProcess(self, handle: int, code_ref: Any) -> int:  # noqa: N802
        if handle in self._pids:  # a process opened by OpenProcess: running unless a zombie
            try:
                with open(f"/proc/{self._pids[handle]}/stat", "rb") as stat:
                    state = stat.read().rsplit(b")", 1)[1].split()[0]
            except FileNotFoundError:
                state = b"X"
            code_ref._obj.value = 0 if state in (b"Z", b"X") else STILL_ACTIVE
        else:
            code_ref._obj.value = self._exit_codes[handle]
        return 1

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # noqa: N802
        if not os.path.exists(f"/proc/{pid}"):
            return 0
        handle = self._handle()
        self._pids[handle] = pid
        return handle

    def GetProcessTimes(self, handle: int, *times: Any) -> int:  # noqa: N802
        try:
            start = start_and_flags(self._pids[handle])[0]
        except ProcessLookupError:
            return 0
        created = times[0]._obj
        created.dwLowDateTime, created.dwHighDateTime = start & 0xFFFFFFFF, start >> 32
        return 1

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        self.open_handles.remove(handle)
        return 1

    def GetLastError(self) -> int:  # noqa: N802
        return self._last_error
