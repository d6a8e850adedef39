"""A stand-in for the Windows functions ``gui.actions.uac_channel`` calls, on Linux.

``ShellExecuteExW`` reads the real ``SHELLEXECUTEINFOW`` it is given, records it, and
starts the program as UAC would elevate it, without waiting for it: with ``helper``
set, that function runs in a thread with the program's arguments (the Windows helper
over fakes of kernel32, in the tests); otherwise ``lpFile`` runs with ``lpParameters``
as a process, as this user. ``WaitForSingleObject`` waits on that thread or process for
at most the time given, and ``GetExitCodeProcess`` reads its exit status. Handles are
counted, so a test can see each one closed.
"""

import shlex
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gui.actions.uac_channel import ERROR_CANCELLED, WAIT_OBJECT_0, WAIT_TIMEOUT


class _Started:
    """A program started by the fake: a thread running ``helper``, or a process."""

    def __init__(self, command: list[str], env: dict[str, str], helper: Callable[[list[str]], int] | None):
        self.status: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        if helper is None:
            self._process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        else:
            self._thread = threading.Thread(target=self._run, args=(helper, command[1:]), daemon=True)
            self._thread.start()

    def _run(self, helper: Callable[[list[str]], int], arguments: list[str]) -> None:
        self.status = helper(arguments)

    def wait(self, seconds: float) -> bool:
        if self._process is not None:
            try:
                self.status = self._process.wait(seconds)
            except subprocess.TimeoutExpired:
                return False
            return True
        assert self._thread is not None
        self._thread.join(seconds)
        return not self._thread.is_alive()


@dataclass
class FakeWin32:
    cancel: bool = False
    fail_with: int | None = None  # another error of ShellExecuteExW (5: access denied...)
    env: dict[str, str] = field(default_factory=dict)
    #: Runs the elevated program's arguments in a thread instead of starting ``lpFile``.
    helper: Callable[[list[str]], int] | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)
    open_handles: set[int] = field(default_factory=set)
    started: dict[int, _Started] = field(default_factory=dict)
    _last_error: int = 0
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
        info.hProcess = handle = self._handle()
        self.started[handle] = _Started([info.lpFile, *arguments], self.env, self.helper)
        return 1

    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int:  # noqa: N802
        assert handle in self.open_handles
        return WAIT_OBJECT_0 if self.started[handle].wait(milliseconds / 1000) else WAIT_TIMEOUT

    def GetExitCodeProcess(self, handle: int, code_ref: Any) -> int:  # noqa: N802
        status = self.started[handle].status
        assert status is not None, "asked for the exit code of a program still running"
        code_ref._obj.value = status
        return 1

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        self.open_handles.remove(handle)
        return 1

    def GetLastError(self) -> int:  # noqa: N802
        return self._last_error
