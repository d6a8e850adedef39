"""Naming processes in sentences."""

from PySide6.QtCore import QCoreApplication

from gui.core.process_sample import ProcessSample
from gui.views.message_args import with_args


def process_label(process: ProcessSample) -> str:
    """``“firefox” (PID 4242)``."""
    name = process.name or QCoreApplication.translate("Results", "process")
    return with_args(QCoreApplication.translate("Results", "\u201c%1\u201d (PID %2)"), name, process.key.pid)


def process_list(processes: tuple[ProcessSample, ...], limit: int = 3) -> str:
    """Up to ``limit`` processes by name, then how many more: ``“a” (PID 1), “b” (PID 2) and 3 more``."""
    named = [process_label(p) for p in processes[:limit]]
    if len(processes) > limit:
        named.append(QCoreApplication.translate("Results", "%n more", None, len(processes) - limit))
    if len(named) == 1:
        return named[0]
    separator = QCoreApplication.translate("Results", ", ")
    return with_args(
        QCoreApplication.translate("Results", "%1 and %2"), separator.join(named[:-1]), named[-1]
    )
