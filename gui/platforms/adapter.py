"""What every platform adapter offers the rest of the app."""

import os

import psutil

from gui.core.process_sample import ProcessSample
from gui.core.system_summary import SystemSummary
from gui.platforms.psutil_reader import PsutilProcessReader


class PlatformAdapter:
    """The one place that knows which OS ProcPilot runs on.

    Subclasses say what their OS can do; the UI asks and never checks the OS
    itself. Reading processes is the same psutil code everywhere.
    """

    #: Short name shown in logs and tests ("posix", "windows").
    name = "generic"

    def __init__(self) -> None:
        self._reader = PsutilProcessReader(self.is_kernel_thread)
        self._cpu_primed = False

    def is_kernel_thread(self, pid: int, ppid: int, argv: list[str]) -> bool:
        """Whether a process with an empty command line is a kernel thread."""
        return False

    def missing_display_reason(self, environ: dict[str, str] | os._Environ[str]) -> str | None:
        """A sentence explaining why no window can be shown, or ``None`` when one can."""
        return None

    def core_count(self) -> int:
        return psutil.cpu_count() or 1

    def read_processes(self) -> list[ProcessSample]:
        """Every process now; blocking, so call it off the UI thread."""
        return self._reader.read()

    def read_system(self) -> SystemSummary:
        """Machine-wide CPU % since the previous call, and memory in use."""
        cpu = psutil.cpu_percent(interval=None)
        memory = psutil.virtual_memory()
        primed, self._cpu_primed = self._cpu_primed, True
        return SystemSummary(
            cpu_percent=cpu if primed else None,
            memory_used=memory.total - memory.available,
            memory_total=memory.total,
        )
