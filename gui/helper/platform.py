"""The per-OS part of the helper, behind one seam: how it checks identities and the request file.

:func:`current` picks it by ``sys.platform``; the modules of Windows and macOS are imported
only there (none of them imports Qt or psutil). Linux: pidfds and ``/proc`` (request on
standard input, or in a file with follow-ups over a FIFO as on macOS). Windows: process
handles and kernel32, the request always in a file, follow-ups in a file that grows
while the helper's parent (ProcPilot) runs. macOS: ``sysctl`` and ``kill``, the request
in a file, follow-ups over a FIFO. Where the request is a file, every answer is a file
too (``FILE.answer``, ``FILE.<n>.answer``; see :mod:`gui.helper.follow_ups`).
"""

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Protocol, runtime_checkable

from gui.core.elevation_protocol import Entry, EntryResult, SignalAgain
from gui.helper.follow_ups import (
    AFTER_EXIT_MARGIN_S,
    IDLE_TIMEOUT_S,
    CommandSource,
    FifoSource,
    GrowingFileSource,
    commands_path,
)
from gui.helper.linux_process import offered_signals, uid_of
from gui.helper.request_file import open_command_fifo, open_request_file
from gui.helper.targets import Targets, has_pidfd

if TYPE_CHECKING:
    from gui.helper.mac_process import Sysctl
    from gui.helper.windows_request_file import SecurityReader
    from gui.helper.windows_targets import Kernel32


class BatchTargets(Protocol):
    """Acts on the entries of one request; :meth:`close` lets go of whatever it holds."""

    def act(self, index: int) -> EntryResult: ...
    def close(self) -> None: ...


@runtime_checkable
class HeldTargets(BatchTargets, Protocol):
    """Targets that take follow-ups for what they signalled (WAIT, SIGNAL again)."""

    def still_running(self, wait_ms: int) -> list[tuple[int, int]]: ...
    def signal_again(self, command: SignalAgain) -> list[EntryResult]: ...


@dataclass(frozen=True, slots=True)
class HelperPlatform:
    """What differs between systems, as plain functions and flags."""

    name: str
    #: Whether the helper runs with administrator rights.
    is_administrator: Callable[[], bool]
    #: Why identities cannot be checked here, or ``None`` when they can.
    identity_problem: Callable[[], str | None]
    #: The signal numbers a request may carry (never 0).
    signals: Callable[[], frozenset[int]]
    #: The targets of one batch.
    targets: Callable[[Sequence[Entry]], BatchTargets]
    #: Opens and checks the request file; raises ``UnsafeRequestFile``.
    open_request: Callable[[str], BinaryIO]
    #: Whether the request must come in a file (no standard input to take it from).
    needs_request_file: bool = False
    #: The follow-up channel next to the request file (path, the open request), checked;
    #: ``None`` when there is none. Raises ``UnsafeRequestFile``.
    open_commands: Callable[[str, BinaryIO], CommandSource | None] = lambda _path, _request: None
    clock: Callable[[], float] = time.monotonic
    idle_timeout_s: float = IDLE_TIMEOUT_S
    after_exit_margin_s: float = AFTER_EXIT_MARGIN_S


def _command_fifo(path: str, request: BinaryIO) -> CommandSource | None:
    fd = open_command_fifo(commands_path(path), os.fstat(request.fileno()).st_uid)
    return None if fd is None else FifoSource(fd)


def _linux() -> HelperPlatform:
    def open_request(path: str) -> BinaryIO:
        owners = {0} | {uid for uid in [uid_of(os.getppid())] if uid is not None}
        return open_request_file(path, owners)

    return HelperPlatform(
        name="linux",
        is_administrator=lambda: os.geteuid() == 0,
        identity_problem=lambda: None if has_pidfd() else "no pidfd",
        signals=offered_signals,
        targets=Targets,
        open_request=open_request,
        open_commands=_command_fifo,
    )


def _windows() -> HelperPlatform:
    import ctypes  # noqa: PLC0415 - per OS

    from gui.helper.windows_request_file import advapi32_security  # noqa: PLC0415
    from gui.helper.windows_targets import RealKernel32  # noqa: PLC0415

    def is_administrator() -> bool:
        shell32 = getattr(ctypes, "WinDLL")("shell32")  # noqa: B009 - Windows only
        return bool(shell32.IsUserAnAdmin())

    return windows_platform(RealKernel32(), advapi32_security, is_administrator)


def windows_platform(
    kernel32: "Kernel32",
    read_security: "SecurityReader",
    is_administrator: Callable[[], bool],
    handle_of: Callable[[int], int] | None = None,
    pause: Callable[[float], None] = time.sleep,
) -> HelperPlatform:
    """The Windows helper over these calls (the real ones on Windows, fakes in the tests)."""
    from gui.helper.windows_request_file import (  # noqa: PLC0415 - per OS
        open_windows_command_file,
        open_windows_request_file,
    )
    from gui.helper.windows_targets import WINDOWS_SIGNALS, WindowsTargets, parent_watch  # noqa: PLC0415

    def open_commands(path: str, request: BinaryIO) -> CommandSource | None:
        fd = open_windows_command_file(commands_path(path), request, read_security, handle_of)
        if fd is None:
            return None
        gone, close = parent_watch(kernel32, os.getppid())
        return GrowingFileSource(fd, gone, close)

    return HelperPlatform(
        name="windows",
        is_administrator=is_administrator,
        identity_problem=lambda: None,
        signals=lambda: WINDOWS_SIGNALS,
        targets=lambda entries: WindowsTargets(entries, kernel32, os.getpid(), os.getppid(), pause=pause),
        open_request=lambda path: open_windows_request_file(path, read_security, handle_of),
        needs_request_file=True,
        open_commands=open_commands,
    )


def macos_platform(
    sysctl: "Sysctl | None" = None,
    kill: Callable[[int, int], None] = os.kill,
    pause: Callable[[float], None] = time.sleep,
) -> HelperPlatform:
    """The macOS helper over ``sysctl`` and ``kill`` (the real ones by default, fakes in the tests)."""
    from gui.helper.mac_process import libc_sysctl  # noqa: PLC0415 - per OS
    from gui.helper.mac_targets import MacTargets  # noqa: PLC0415

    read = sysctl if sysctl is not None else libc_sysctl
    return HelperPlatform(
        name="macos",
        is_administrator=lambda: os.geteuid() == 0,
        identity_problem=lambda: None,
        signals=offered_signals,
        targets=lambda entries: MacTargets(entries, os.getpid(), os.getppid(), read, kill, pause=pause),
        # ``do shell script ... with administrator privileges`` runs the helper under a
        # root shell, so its parent tells nothing about the user: the file must be private
        # to its owner (no group or other bits, one name, not a link), whoever that is.
        open_request=lambda path: open_request_file(path, owners=None),
        needs_request_file=True,
        open_commands=_command_fifo,
    )


def current() -> HelperPlatform:
    if sys.platform == "win32":
        return _windows()
    if sys.platform == "darwin":
        return macos_platform()
    return _linux()
