"""What Windows tells about a process for its identity: its session."""

import ctypes
from collections.abc import Callable

from gui.platforms.win32.api import Kernel32


def session_reader(kernel32: Kernel32) -> Callable[[int], int | None]:
    """``ProcessIdToSessionId`` as a function: the process's session, ``None`` when unknown."""

    def session_of(pid: int) -> int | None:
        session = ctypes.c_uint32(0)
        if not kernel32.ProcessIdToSessionId(pid, ctypes.pointer(session)):
            return None
        return session.value

    return session_of
