"""The per-OS part of the helper, behind one seam: how it checks identities and the request file.

:func:`current` picks it by ``sys.platform``; the modules of Windows and macOS are imported
only there (none of them imports Qt or psutil). Linux: pidfds and ``/proc`` (request on
standard input or in a file). Windows: process handles and kernel32, the request always
in a file and the answer in ``FILE.answer``. macOS: ``sysctl`` and ``kill``, the request
in a file, the answer on standard output (``osascript`` returns it).
"""

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Protocol, runtime_checkable

from gui.core.elevation_protocol import Entry, EntryResult, SignalAgain
from gui.helper.linux_process import offered_signals, uid_of
from gui.helper.request_file import open_request_file
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
    """Targets that hold what they signalled for follow-ups (Linux's pidfds, over a pipe)."""

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
    #: Whether the answer goes to ``FILE.answer`` instead of standard output.
    answers_in_file: bool = False


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
) -> HelperPlatform:
    """The Windows helper over these calls (the real ones on Windows, fakes in the tests)."""
    from gui.helper.windows_request_file import open_windows_request_file  # noqa: PLC0415 - per OS
    from gui.helper.windows_targets import WINDOWS_SIGNALS, WindowsTargets  # noqa: PLC0415

    return HelperPlatform(
        name="windows",
        is_administrator=is_administrator,
        identity_problem=lambda: None,
        signals=lambda: WINDOWS_SIGNALS,
        targets=lambda entries: WindowsTargets(entries, kernel32, os.getpid(), os.getppid()),
        open_request=lambda path: open_windows_request_file(path, read_security, handle_of),
        needs_request_file=True,
        answers_in_file=True,
    )


def macos_platform(
    sysctl: "Sysctl | None" = None,
    kill: Callable[[int, int], None] = os.kill,
    set_nice: Callable[[int, int], None] | None = None,
) -> HelperPlatform:
    """The macOS helper over ``sysctl``, ``kill`` and ``setpriority`` (the real ones by
    default, fakes in the tests)."""
    from gui.helper.mac_process import libc_sysctl  # noqa: PLC0415 - per OS
    from gui.helper.mac_targets import MacTargets, set_process_nice  # noqa: PLC0415

    read = sysctl if sysctl is not None else libc_sysctl
    nice = set_nice if set_nice is not None else set_process_nice
    return HelperPlatform(
        name="macos",
        is_administrator=lambda: os.geteuid() == 0,
        identity_problem=lambda: None,
        signals=offered_signals,
        targets=lambda entries: MacTargets(entries, os.getpid(), os.getppid(), read, kill, set_nice=nice),
        # ``do shell script ... with administrator privileges`` runs the helper under a
        # root shell, so its parent tells nothing about the user: the file must be private
        # to its owner (no group or other bits, one name, not a link), whoever that is.
        open_request=lambda path: open_request_file(path, owners=None),
        needs_request_file=True,
    )


def current() -> HelperPlatform:
    if sys.platform == "win32":
        return _windows()
    if sys.platform == "darwin":
        return macos_platform()
    return _linux()
