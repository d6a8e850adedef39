"""Naming processes in sentences, and filling values into translated texts."""

from PySide6.QtCore import QCoreApplication

from gui.core.process_sample import ProcessSample


def process_label(process: ProcessSample) -> str:
    """``“firefox” (PID 4242)``."""
    name = process.name or QCoreApplication.translate("Results", "process")
    return fill(QCoreApplication.translate("Results", "\u201c%1\u201d (PID %2)"), name, process.key.pid)


def process_list(processes: tuple[ProcessSample, ...], limit: int = 3) -> str:
    """Up to ``limit`` processes by name, then how many more: ``“a” (PID 1), “b” (PID 2) and 3 more``."""
    named = [process_label(p) for p in processes[:limit]]
    if len(processes) > limit:
        named.append(QCoreApplication.translate("Results", "%n more", None, len(processes) - limit))
    if len(named) == 1:
        return named[0]
    separator = QCoreApplication.translate("Results", ", ")
    return fill(QCoreApplication.translate("Results", "%1 and %2"), separator.join(named[:-1]), named[-1])


def fill(text: str, *values: object) -> str:
    """Fill ``%1``, ``%2``... at once, so a value that contains ``%2`` is never filled again."""
    parts = text.split("%")
    out = [parts[0]]
    for part in parts[1:]:
        if part[:1].isdigit() and 1 <= int(part[0]) <= len(values):
            out.append(f"{values[int(part[0]) - 1]}{part[1:]}")
        else:
            out.append("%" + part)
    return "".join(out)
