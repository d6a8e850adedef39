"""Naming processes in sentences."""

from PySide6.QtCore import QCoreApplication

from gui.core.display_text import display_text
from gui.core.process_sample import ProcessSample
from gui.views.message_args import with_args
from gui.views.translation_contexts import Results

#: First-strong isolate and its end: a right-to-left name stays one unit and cannot
#: pull the quotes, the PID or the sentence around it into its direction.
_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"


def process_name(process: ProcessSample) -> str:
    """The name as the table shows it (controls made visible), isolated from the text around it."""
    if not process.name:
        return QCoreApplication.translate("Results", "process")
    return f"{_ISOLATE}{display_text(process.name)}{_END_ISOLATE}"


def process_label(process: ProcessSample) -> str:
    """``“firefox” (PID 4242)``."""
    return with_args(
        QCoreApplication.translate("Results", "\u201c%1\u201d (PID %2)"),
        process_name(process),
        process.key.pid,
    )


def process_list(processes: tuple[ProcessSample, ...], limit: int = 3) -> str:
    """Up to ``limit`` processes by name, then how many more: ``“a” (PID 1), “b” (PID 2) and 3 more``."""
    named = [process_label(p) for p in processes[:limit]]
    if len(processes) > limit:
        named.append(Results.tr("%n more", None, len(processes) - limit))
    if len(named) == 1:
        return named[0]
    separator = QCoreApplication.translate("Results", ", ")
    return with_args(
        QCoreApplication.translate("Results", "%1 and %2"), separator.join(named[:-1]), named[-1]
    )
