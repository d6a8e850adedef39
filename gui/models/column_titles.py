"""The column headers' titles and tooltips, in the user's language."""

from PySide6.QtCore import QCoreApplication

from gui.core.columns import Column
from gui.core.disk_rates import DiskCounting
from gui.core.process_details import PriorityScheme
from gui.models.platform_wording import PlatformWording, platform_wording


def column_titles() -> dict[Column, str]:
    """Every column's title, translated with the translators installed now."""
    return {
        Column.NAME: QCoreApplication.translate("Columns", "Name"),
        Column.PID: QCoreApplication.translate("Columns", "PID"),
        Column.USER: QCoreApplication.translate("Columns", "User"),
        Column.STATUS: QCoreApplication.translate("Columns", "Status"),
        Column.CPU: QCoreApplication.translate("Columns", "CPU %"),
        Column.MEMORY: QCoreApplication.translate("Columns", "Memory"),
        Column.THREADS: QCoreApplication.translate("Columns", "Threads"),
        Column.STARTED: QCoreApplication.translate("Columns", "Started"),
        Column.COMMAND: QCoreApplication.translate("Columns", "Command line"),
        Column.WINDOW_TITLE: QCoreApplication.translate("Columns", "Window title"),
        Column.DISK_READ: QCoreApplication.translate("Columns", "Disk read/s"),
        Column.DISK_WRITE: QCoreApplication.translate("Columns", "Disk write/s"),
        Column.PRIORITY: QCoreApplication.translate("Columns", "Priority"),
    }


def column_tooltips(wording: PlatformWording | None = None) -> dict[Column, str]:
    """What each column shows, one line per column for the header's tooltip, in the words
    that are true on this OS (what the disk figures count, what a priority is)."""
    wording = platform_wording() if wording is None else wording
    return {
        Column.NAME: QCoreApplication.translate("Columns", "Process name"),
        Column.PID: QCoreApplication.translate("Columns", "Process ID"),
        Column.USER: QCoreApplication.translate("Columns", "User that owns the process"),
        Column.STATUS: QCoreApplication.translate("Columns", "What the process is doing now"),
        Column.CPU: QCoreApplication.translate(
            "Columns", "CPU use since the last refresh; 100 = one full core"
        ),
        Column.MEMORY: QCoreApplication.translate("Columns", "Resident memory (RAM in use)"),
        Column.THREADS: QCoreApplication.translate("Columns", "Number of threads"),
        Column.STARTED: QCoreApplication.translate("Columns", "When the process started (local time)"),
        Column.COMMAND: QCoreApplication.translate("Columns", "Full command line"),
        Column.WINDOW_TITLE: QCoreApplication.translate(
            "Columns", "The title of its first window (all of them in the cell's tooltip)"
        ),
        Column.DISK_READ: _disk_tooltips(wording.disk)[0],
        Column.DISK_WRITE: _disk_tooltips(wording.disk)[1],
        Column.PRIORITY: _priority_tooltip(wording.priority),
    }


def _disk_tooltips(counting: DiskCounting) -> tuple[str, str]:
    """Disk read/s and Disk write/s: what this OS's counters count."""
    if counting is DiskCounting.ALL_IO:
        return (
            QCoreApplication.translate(
                "Columns",
                "Bytes read per second by all the process's reads: files (also those served "
                "from the cache), network and devices, which Windows counts together",
            ),
            QCoreApplication.translate(
                "Columns",
                "Bytes written per second by all the process's writes: files (also those still "
                "in the cache), network and devices, which Windows counts together",
            ),
        )
    return (
        QCoreApplication.translate(
            "Columns",
            "Bytes read from the storage device per second (reads served from the page cache or "
            "tmpfs do not count)",
        ),
        QCoreApplication.translate(
            "Columns",
            "Bytes written to the storage device per second (counted when the data is queued for "
            "the disk; files in tmpfs do not count)",
        ),
    )


def _priority_tooltip(scheme: PriorityScheme) -> str:
    if scheme is PriorityScheme.WINDOWS_CLASS:
        return QCoreApplication.translate(
            "Columns",
            "Priority class: a higher class runs first when the processor is busy (Normal by default)",
        )
    return QCoreApplication.translate(
        "Columns", "Nice value: lower runs first when the processor is busy (Normal is 0)"
    )


def column_title(column: Column) -> str:
    """One column's title (``"CPU %"``)."""
    return column_titles()[column]


def column_tooltip(column: Column) -> str:
    """One column's tooltip."""
    return column_tooltips()[column]
