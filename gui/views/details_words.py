"""The details window's field names and the sentences for values it cannot show."""

import time

from PySide6.QtCore import QCoreApplication

from gui.core.formatting import UNKNOWN, format_bytes, format_date_time
from gui.core.process_details import Missing, PriorityScheme
from gui.views.message_args import with_args


def field_titles() -> dict[str, str]:
    """Each field's name, by field id (the form's labels and the values' accessible names)."""
    return {
        "name": QCoreApplication.translate("DetailsWindow", "Name"),
        "pid": QCoreApplication.translate("DetailsWindow", "PID"),
        "parent": QCoreApplication.translate("DetailsWindow", "Parent"),
        "user": QCoreApplication.translate("DetailsWindow", "User"),
        "started": QCoreApplication.translate("DetailsWindow", "Started"),
        "status": QCoreApplication.translate("DetailsWindow", "Status"),
        "application": QCoreApplication.translate("DetailsWindow", "Application"),
        "windows": QCoreApplication.translate("DetailsWindow", "Windows"),
        "executable": QCoreApplication.translate("DetailsWindow", "Executable"),
        "working_directory": QCoreApplication.translate("DetailsWindow", "Working directory"),
        "command_line": QCoreApplication.translate("DetailsWindow", "Command line"),
        "cgroup": QCoreApplication.translate("DetailsWindow", "Control group"),
        "container": QCoreApplication.translate("DetailsWindow", "Container"),
        "flatpak": QCoreApplication.translate("DetailsWindow", "Flatpak app"),
        "cpu": QCoreApplication.translate("DetailsWindow", "CPU"),
        "cpu_time": QCoreApplication.translate("DetailsWindow", "CPU time"),
        "memory": QCoreApplication.translate("DetailsWindow", "Memory (resident)"),
        "memory_unique": QCoreApplication.translate("DetailsWindow", "Memory (unique)"),
        "memory_proportional": QCoreApplication.translate("DetailsWindow", "Memory (proportional)"),
        "threads": QCoreApplication.translate("DetailsWindow", "Threads"),
        "priority": QCoreApplication.translate("DetailsWindow", "Priority"),
        "disk_read": QCoreApplication.translate("DetailsWindow", "Disk read"),
        "disk_written": QCoreApplication.translate("DetailsWindow", "Disk written"),
    }


def refused_text() -> str:
    return QCoreApplication.translate("DetailsWindow", "Needs administrator rights to read")


def missing_text(missing: Missing) -> str:
    """A refused value's sentence (a value this OS does not have is left out, not worded)."""
    if missing is Missing.REFUSED:
        return refused_text()
    return UNKNOWN


def started_text(create_time: float) -> str:
    """A start time written as the list's Started column writes it (the user's locale)."""
    if create_time <= 0:
        return UNKNOWN
    return format_date_time(time.localtime(create_time))


def cpu_time_text(seconds: float) -> str:
    """``1:02:03.45`` (hours only when there are any)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    fraction = f"{seconds - whole:.2f}"[1:]
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}{fraction}"
    return f"{minutes}:{secs:02d}{fraction}"


def total_and_rate_text(total: int, per_second: float | None) -> str:
    """``12.3 MB (45.6 KB/s)``."""
    if per_second is None:
        return format_bytes(total)
    return with_args(
        QCoreApplication.translate("DetailsWindow", "%1 (%2/s)"),
        format_bytes(total),
        format_bytes(round(per_second)),
    )


#: Nice values with a plain name, as the Change priority menu will offer them.
_NICE_STEPS = (-10, -5, 0, 5, 10)
#: psutil's Windows priority class constants.
_WINDOWS_CLASSES = (64, 16384, 32, 32768, 128, 256)


def priority_text(scheme: PriorityScheme, value: int) -> str:
    """``Normal (nice 0)``, ``Low (nice 7)``; on Windows the class's name."""
    if scheme is PriorityScheme.WINDOWS_CLASS:
        names = {
            64: QCoreApplication.translate("DetailsWindow", "Idle"),
            16384: QCoreApplication.translate("DetailsWindow", "Below normal"),
            32: QCoreApplication.translate("DetailsWindow", "Normal"),
            32768: QCoreApplication.translate("DetailsWindow", "Above normal"),
            128: QCoreApplication.translate("DetailsWindow", "High"),
            256: QCoreApplication.translate("DetailsWindow", "Realtime"),
        }
        return names.get(value, str(value))
    names = {
        -10: QCoreApplication.translate("DetailsWindow", "Very high"),
        -5: QCoreApplication.translate("DetailsWindow", "High"),
        0: QCoreApplication.translate("DetailsWindow", "Normal"),
        5: QCoreApplication.translate("DetailsWindow", "Low"),
        10: QCoreApplication.translate("DetailsWindow", "Very low"),
    }
    nearest = min(_NICE_STEPS, key=lambda step: (abs(step - value), abs(step)))
    return with_args(QCoreApplication.translate("DetailsWindow", "%1 (nice %2)"), names[nearest], value)


def window_title(name: str, pid: int, *, exited: bool) -> str:
    if exited:
        return with_args(
            QCoreApplication.translate("DetailsWindow", "%1 (PID %2, exited) \u2014 Properties"), name, pid
        )
    return with_args(QCoreApplication.translate("DetailsWindow", "%1 (PID %2) \u2014 Properties"), name, pid)


def exited_text(when: str) -> str:
    return with_args(
        QCoreApplication.translate(
            "DetailsWindow", "This process has exited (noticed at %1). What is shown is how it was last seen."
        ),
        when,
    )
