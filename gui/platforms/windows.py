"""Windows: one way to end a process, no signals, no process groups."""

from gui.core.action_label import ActionLabel
from gui.core.actions import Action, SignalSpec
from gui.core.critical import CriticalKind
from gui.core.outcomes import Detail
from gui.core.process_details import PriorityScheme
from gui.core.process_sample import ProcessSample
from gui.platforms.adapter import PlatformAdapter
from gui.platforms.process_details import ProcessDetailsReader
from gui.platforms.process_handle import ProcessHandle

#: Processes Windows cannot run without (lower-case image names).
_CRITICAL = frozenset(
    {
        "system",
        "system idle process",
        "registry",
        "csrss.exe",
        "wininit.exe",
        "winlogon.exe",
        "services.exe",
        "lsass.exe",
        "smss.exe",
    }
)
#: PID 0 is the idle process, PID 4 the kernel ("System").
_KERNEL_PIDS = frozenset({0, 4})


class WindowsAdapter(PlatformAdapter):
    """Windows: "End task" (TerminateProcess) on a process or an app, and "End process tree";
    nothing else exists."""

    name = "windows"

    def actions(self) -> tuple[Action, ...]:
        return (Action.END, Action.END_TREE, Action.END_APP)

    def action_label(self, action: Action) -> ActionLabel:
        if action is Action.END:
            return ActionLabel.END_TASK
        if action is Action.END_APP:
            return ActionLabel.END_APP_TASK
        return super().action_label(action)

    def critical_reason(self, sample: ProcessSample) -> CriticalKind | None:
        if sample.key.pid in _KERNEL_PIDS or sample.name.casefold() in _CRITICAL:
            return CriticalKind.WINDOWS_CORE
        return None

    def details_reader(self) -> ProcessDetailsReader:
        """Windows ranks processes by priority class, not by nice value."""
        return ProcessDetailsReader(linux=False, priority=PriorityScheme.WINDOWS_CLASS)

    def permission_detail(self) -> Detail:
        return Detail.NEEDS_ADMINISTRATOR

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
