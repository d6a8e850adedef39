"""Linux, macOS and the BSDs."""

import os
import signal
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import psutil

from gui.core.actions import Action, SignalSpec
from gui.core.app_identity import ProcessIdentity
from gui.core.critical import CriticalKind
from gui.core.elevation_protocol import Entry, Operation
from gui.core.priority import Priority
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo, WindowsUnavailable
from gui.platforms.adapter import MissingDisplay, NotSupportedHere, PlatformAdapter, ProcessReader
from gui.platforms.executables import executable_path
from gui.platforms.linux_apps import LinuxAppIdentifier
from gui.platforms.linux_proc_reader import LinuxProcReader, is_kernel_thread_stat
from gui.platforms.posix_critical import critical_kind
from gui.platforms.priority_setting import set_nice
from gui.platforms.process_details import ProcessDetailsReader
from gui.platforms.process_handle import ProcessGone, ProcessHandle
from gui.platforms.process_start import start_ticks
from gui.platforms.signal_catalog import posix_signals
from gui.platforms.window_class_apps import WindowClassApps
from gui.platforms.window_source import NoWindows, WindowSource
from gui.platforms.x11.tracker import open_x11_windows

if TYPE_CHECKING:
    from gui.platforms.mac_apps import MacAppIdentifier

_SIGNAL_OF = {
    Action.END: signal.SIGTERM,
    Action.END_TREE: signal.SIGTERM,
    Action.END_GROUP: signal.SIGTERM,
    Action.FORCE_QUIT: signal.SIGKILL,
    Action.STOP: signal.SIGSTOP,
    Action.CONTINUE: signal.SIGCONT,
    Action.HANG_UP: signal.SIGHUP,
    Action.INTERRUPT: signal.SIGINT,
    Action.END_APP: signal.SIGTERM,
    Action.FORCE_QUIT_APP: signal.SIGKILL,
}


class PosixAdapter(PlatformAdapter):
    """POSIX systems; ``linux`` enables Linux-only knowledge (kernel threads, X11/Wayland),
    ``macos`` the Mac's (application bundles; ``executable_of`` reads a process's executable)."""

    name = "posix"

    def __init__(
        self,
        *,
        linux: bool,
        needs_display_server: bool,
        macos: bool = False,
        executable_of: Callable[[int], str | None] = executable_path,
        mac_start: Callable[[int], int] | None = None,
    ) -> None:
        self._linux = linux
        #: The start time the macOS helper compares (microseconds, from sysctl), or None off macOS.
        self._mac_start = mac_start
        self._needs_display_server = needs_display_server
        self._identifier: LinuxAppIdentifier | None = None
        self._window_classes: WindowClassApps | None = None
        self._mac_identifier: MacAppIdentifier | None = None
        if macos:  # the Mac's modules load on the Mac only
            from gui.helper.mac_process import start_microseconds  # noqa: PLC0415 - per OS
            from gui.platforms import mac_apps  # noqa: PLC0415 - per OS

            self._mac_start = mac_start if mac_start is not None else start_microseconds
            self._mac_identifier = mac_apps.MacAppIdentifier(executable_of)
        super().__init__()

    def _make_reader(self) -> ProcessReader | None:
        if self._linux and os.path.exists("/proc/self/stat"):
            return LinuxProcReader()
        return None

    def is_kernel_thread(self, pid: int) -> bool:
        """Linux: the kernel's PF_KTHREAD flag in ``/proc/<pid>/stat``; elsewhere never."""
        if not self._linux:
            return False
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                return is_kernel_thread_stat(stat.read())
        except (OSError, ValueError, IndexError):  # gone, hidden, or no procfs
            return False

    def identify_processes(
        self, samples: Sequence[ProcessSample], wall_now: float
    ) -> Mapping[ProcessKey, ProcessIdentity]:
        """Linux: cgroups, desktop entries and parents (``gui.platforms.linux_apps``);
        macOS: application bundles (``gui.platforms.mac_apps``); the BSDs: not yet."""
        if self._mac_identifier is not None:
            return self._mac_identifier.identify(samples)
        if not self._linux:
            return super().identify_processes(samples, wall_now)
        return self._linux_identifier().identify(samples, wall_now)

    def identify_by_windows(
        self,
        identities: Mapping[ProcessKey, ProcessIdentity],
        windows: Mapping[ProcessKey, tuple[WindowInfo, ...]],
    ) -> Mapping[ProcessKey, ProcessIdentity]:
        """Linux: a window's ``WM_CLASS`` (or its owner's executable) against the desktop
        entries' ``StartupWMClass``, ids and programs (``gui.platforms.window_class_apps``)."""
        if not self._linux or not windows:
            return identities
        if self._window_classes is None:
            identifier = self._linux_identifier()
            self._window_classes = WindowClassApps(identifier.entries, identifier.app_of)
        return self._window_classes.complete(identities, windows)

    def _linux_identifier(self) -> LinuxAppIdentifier:
        if self._identifier is None:
            self._identifier = LinuxAppIdentifier()
        return self._identifier

    def open_windows(self, environ: Mapping[str, str]) -> WindowSource:
        """Linux and the BSDs: the X11 display's windows (XWayland's too, under Wayland);
        a Wayland session without ``DISPLAY`` has none to offer. macOS: none (its window list
        names windows only with the Screen Recording permission; see the README)."""
        if not self._needs_display_server:
            return NoWindows(WindowsUnavailable.NOT_SUPPORTED)
        return open_x11_windows(environ.get("DISPLAY"))

    def missing_display_reason(self, environ: dict[str, str] | os._Environ[str]) -> MissingDisplay | None:
        if not self._needs_display_server or environ.get("QT_QPA_PLATFORM"):
            return None
        if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
            return None
        return MissingDisplay.NO_DISPLAY_VARIABLE

    def details_reader(self) -> ProcessDetailsReader:
        """Linux adds the cgroup, container and Flatpak id."""
        return ProcessDetailsReader(linux=self._linux)

    def termination_signals(self) -> tuple[int, ...]:
        return (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)

    # What POSIX can do -------------------------------------------------------

    def actions(self) -> tuple[Action, ...]:
        return (
            Action.END,
            Action.FORCE_QUIT,
            Action.STOP,
            Action.CONTINUE,
            Action.HANG_UP,
            Action.INTERRUPT,
            Action.SEND_SIGNAL,
            Action.END_GROUP,
            Action.END_TREE,
            Action.END_APP,
            Action.FORCE_QUIT_APP,
            Action.SET_PRIORITY,
        )

    def action_signal(self, action: Action) -> SignalSpec | None:
        number = _SIGNAL_OF.get(action)
        return None if number is None else SignalSpec(number.name, int(number))

    def signals(self) -> tuple[SignalSpec, ...]:
        return posix_signals()

    def critical_reason(self, sample: ProcessSample) -> CriticalKind | None:
        """Decided by the program the process runs, never by its name (see posix_critical)."""
        return critical_kind(sample.key, linux=self._linux)

    # Doing it ----------------------------------------------------------------

    def deliver(self, handle: ProcessHandle, action: Action, signal: SignalSpec | None = None) -> None:
        number = signal.number if action is Action.SEND_SIGNAL and signal else _SIGNAL_OF[action]
        handle.send_signal(number)

    def set_priority(self, handle: ProcessHandle, priority: Priority) -> None:
        set_nice(handle.key.pid, priority.nice, per_thread=self._linux)

    def may_signal(self, handle: ProcessHandle) -> bool:
        try:
            handle.send_signal(0)
        except PermissionError:
            return False
        except ProcessLookupError:
            return True
        return True

    def can_elevate(self) -> bool:
        """Linux: the helper names processes by start ticks from /proc; macOS: by sysctl's start."""
        return self._mac_start is not None or os.path.exists("/proc/self/stat")

    def runs_as_administrator(self) -> bool:
        return os.geteuid() == 0

    def may_signal_key(self, key: ProcessKey) -> bool:
        try:
            os.kill(key.pid, 0)  # signal 0: the permission check alone
        except PermissionError:
            return False
        except ProcessLookupError:
            return True
        return True

    def helper_entry(
        self,
        key: ProcessKey,
        action: Action,
        signal: SignalSpec | None = None,
        priority: Priority | None = None,
    ) -> Entry:
        operation = Operation.SET_NICE if action is Action.SET_PRIORITY else Operation.SIGNAL
        if action is Action.SET_PRIORITY:
            number = priority.nice if priority is not None else None
        else:
            number = signal.number if action is Action.SEND_SIGNAL and signal else _SIGNAL_OF.get(action)
        if number is None:
            raise NotSupportedHere(action)
        handle = self.open_process(key)  # the identity, checked against the key
        try:
            try:
                start = self._mac_start(key.pid) if self._mac_start is not None else start_ticks(key.pid)
            except ProcessLookupError:
                raise ProcessGone(key) from None
            if handle.has_exited():  # still alive: the PID was not reused while being read
                raise ProcessGone(key)
        finally:
            handle.close()
        return Entry(operation, key.pid, start, int(number))

    def group_id(self, key: ProcessKey) -> int:
        try:
            return os.getpgid(key.pid)
        except ProcessLookupError:
            raise ProcessGone(key) from None

    def group_members(self, group_id: int) -> tuple[ProcessSample, ...]:
        members = []
        for process in psutil.process_iter():
            try:
                if os.getpgid(process.pid) == group_id:
                    members.append(process)
            except (ProcessLookupError, PermissionError):
                continue
        return self._samples(members)

    def signal_group(self, group_id: int, action: Action) -> None:
        os.killpg(group_id, _SIGNAL_OF[action])
