"""Windows: one way to end a process, no signals, no process groups; apps by their windows."""

import sys
from collections.abc import Callable, Mapping, Sequence
from functools import partial

import psutil

from gui.core.action_label import ActionLabel
from gui.core.actions import Action, SignalSpec
from gui.core.app_identity import ProcessIdentity
from gui.core.critical import CriticalKind
from gui.core.disk_rates import DiskCounting
from gui.core.elevation_protocol import Entry, Operation
from gui.core.outcomes import Detail
from gui.core.priority import Priority
from gui.core.process_details import PriorityScheme
from gui.core.process_key import ProcessKey
from gui.core.process_kind import SystemSection
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowsUnavailable
from gui.core.windows_processes import is_windows_core
from gui.helper.windows_targets import (
    ERROR_ACCESS_DENIED,
    PROCESS_TERMINATE,
    SIGKILL_NUMBER,
    SIGTERM_NUMBER,
    Kernel32,
    RealKernel32,
    creation_time_of,
)
from gui.platforms.adapter import NotSupportedHere, PlatformAdapter
from gui.platforms.executables import executable_path
from gui.platforms.process_details import ProcessDetailsReader
from gui.platforms.process_handle import IdentityUnknown, ProcessGone, ProcessHandle
from gui.platforms.win32.api import Win32, load
from gui.platforms.win32.process_session import session_reader
from gui.platforms.win32.top_levels import top_levels
from gui.platforms.win32.version_info import file_description
from gui.platforms.win32.window_source import DesktopWindows
from gui.platforms.window_source import NoWindows, WindowSource
from gui.platforms.windows_apps import WindowsAppIdentifier


class WindowsAdapter(PlatformAdapter):
    """Windows: "End task" (TerminateProcess) on a process or an app, and "End process tree";
    nothing else exists. Apps and their windows come from ``user32`` through ctypes.

    ``win32`` are the DLLs' function tables (the real ones by default, on Windows; the
    tests hand in fakes); without them (this adapter built on another OS) no app or window
    is known. ``executable_of`` reads a process's executable (psutil by default).
    """

    name = "windows"

    def __init__(
        self,
        win32: Win32 | None = None,
        executable_of: Callable[[int], str | None] = executable_path,
        helper_kernel32: Kernel32 | None = None,
    ) -> None:
        self._win32 = win32 if win32 is not None else load()
        #: The calls that read a creation time as the administrator helper compares it.
        self._helper_kernel32 = helper_kernel32
        self._identifier: WindowsAppIdentifier | None = None
        if self._win32 is not None:
            api = self._win32
            self._identifier = WindowsAppIdentifier(
                windowed_pids=lambda: {found.pid for found in top_levels(api.user32, api.dwmapi)},
                executable_of=executable_of,
                session_of=session_reader(api.kernel32),
                describe=partial(file_description, api.version),
            )
        super().__init__()

    def identify_processes(
        self, samples: Sequence[ProcessSample], wall_now: float
    ) -> Mapping[ProcessKey, ProcessIdentity]:
        """Task Manager's rule (``gui.platforms.windows_apps``): a shown window makes an app."""
        if self._identifier is None:
            return super().identify_processes(samples, wall_now)
        return self._identifier.identify(samples)

    def open_windows(self, environ: Mapping[str, str]) -> WindowSource:
        """The desktop's shown top-level windows (``EnumWindows``), read again each refresh."""
        if self._win32 is None:
            return NoWindows(WindowsUnavailable.NOT_SUPPORTED)
        return DesktopWindows(self._win32)

    def system_section(self) -> SystemSection:
        return SystemSection.WINDOWS_PROCESSES

    def actions(self) -> tuple[Action, ...]:
        return (Action.END, Action.END_TREE, Action.END_APP, Action.SET_PRIORITY)

    def action_label(self, action: Action) -> ActionLabel:
        if action is Action.END:
            return ActionLabel.END_TASK
        if action is Action.END_APP:
            return ActionLabel.END_APP_TASK
        return super().action_label(action)

    def priority_scheme(self) -> PriorityScheme:
        return PriorityScheme.WINDOWS_CLASS

    def disk_counting(self) -> DiskCounting:
        """psutil's Windows counters (GetProcessIoCounters) count every read and write the
        process made: files (cached or not), network and devices alike."""
        return DiskCounting.ALL_IO

    def critical_reason(self, sample: ProcessSample) -> CriticalKind | None:
        if is_windows_core(sample.key.pid, sample.name):
            return CriticalKind.WINDOWS_CORE
        return None

    def details_reader(self) -> ProcessDetailsReader:
        """Windows ranks processes by priority class, not by nice value."""
        return ProcessDetailsReader(linux=False, priority=PriorityScheme.WINDOWS_CLASS)

    def permission_detail(self) -> Detail:
        return Detail.NEEDS_ADMINISTRATOR

    def set_priority(self, handle: ProcessHandle, priority: Priority) -> None:
        """A priority class (never Realtime); psutil raises AccessDenied for a refusal."""
        try:
            handle.process.nice(priority.windows_class)
        except psutil.AccessDenied as error:
            raise PermissionError(str(error)) from None
        except psutil.NoSuchProcess:
            raise ProcessLookupError(handle.key.pid) from None

    def deliver(self, handle: ProcessHandle, action: Action, signal: SignalSpec | None = None) -> None:
        if action not in (
            Action.END,
            Action.END_TREE,
            Action.FORCE_QUIT,
            Action.END_APP,
            Action.FORCE_QUIT_APP,
        ):
            return super().deliver(handle, action, signal)
        handle.terminate()
        return None

    def _creation_times(self) -> Kernel32 | None:
        if self._helper_kernel32 is None and sys.platform == "win32":
            self._helper_kernel32 = RealKernel32()
        return self._helper_kernel32

    def can_elevate(self) -> bool:
        """UAC starts the helper (``gui.actions.uac_channel``) wherever kernel32 is there."""
        return self._creation_times() is not None

    def can_elevate_action(self, action: Action) -> bool:
        """The Windows helper terminates; it does not set priority classes (yet)."""
        return self.can_elevate() and action is not Action.SET_PRIORITY

    def may_signal_key(self, key: ProcessKey) -> bool:
        """Whether Windows lets this user terminate the process (asked before sending)."""
        kernel32 = self._creation_times()
        if kernel32 is None:
            return True
        handle = kernel32.OpenProcess(PROCESS_TERMINATE, False, key.pid)
        if handle:
            kernel32.CloseHandle(handle)
            return True
        return kernel32.GetLastError() != ERROR_ACCESS_DENIED  # gone counts as signallable

    def helper_entry(
        self,
        key: ProcessKey,
        action: Action,
        signal: SignalSpec | None = None,
        priority: Priority | None = None,
    ) -> Entry:
        """End and Force quit both terminate on Windows; the creation time is a FILETIME integer.
        (Priority classes are not set as administrator here: NotSupportedHere.)"""
        number = _HELPER_SIGNALS.get(action)
        kernel32 = self._creation_times()
        if number is None or kernel32 is None:
            raise NotSupportedHere(action)
        handle = self.open_process(key)  # the identity, checked against the key
        try:
            try:
                start = creation_time_of(kernel32, key.pid)
            except ProcessLookupError:
                raise ProcessGone(key) from None
            except PermissionError:
                raise IdentityUnknown(key) from None
            if handle.has_exited():  # still the same process: the PID was not reused meanwhile
                raise ProcessGone(key)
        finally:
            handle.close()
        return Entry(Operation.SIGNAL, key.pid, start, number)


#: What the helper is asked to do for each action: its signal numbers, both TerminateProcess.
_HELPER_SIGNALS = {Action.END: SIGTERM_NUMBER, Action.FORCE_QUIT: SIGKILL_NUMBER}
