"""Which section of the Applications view a process belongs in."""

from enum import Enum

from gui.core.app_identity import ProcessIdentity
from gui.core.process_sample import ProcessSample


class ProcessKind(Enum):
    APPLICATION = "application"  # one of the user's applications
    BACKGROUND = "background"  # the user's own, part of no application
    SYSTEM = "system"  # other users' and the system's
    KERNEL_THREAD = "kernel_thread"  # the kernel's own (hidden unless asked for)


class SystemSection(Enum):
    """What the System section is called here (the views word it)."""

    SYSTEM_PROCESSES = "system_processes"
    WINDOWS_PROCESSES = "windows_processes"  # Task Manager's name for it


def classify(sample: ProcessSample, identity: ProcessIdentity | None) -> ProcessKind:
    """Kernel threads first; then ownership (another user's app is still System: the view
    shows the user's applications) and what the platform knows is part of the OS; then
    whether an application claims the process."""
    if sample.is_kernel_thread:
        return ProcessKind.KERNEL_THREAD
    if not sample.owned_by_me or (identity is not None and identity.system_process):
        return ProcessKind.SYSTEM
    if identity is not None and identity.app is not None:
        return ProcessKind.APPLICATION
    return ProcessKind.BACKGROUND
