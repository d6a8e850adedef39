"""The column headers' titles and tooltips, in the user's language."""

from PySide6.QtCore import QCoreApplication

from gui.core.columns import Column


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
    }


def column_tooltips() -> dict[Column, str]:
    """What each column shows, one line per column for the header's tooltip."""
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
        Column.DISK_READ: QCoreApplication.translate(
            "Columns",
            "Bytes read from the storage device per second (reads served from the page cache or "
            "tmpfs do not count)",
        ),
        Column.DISK_WRITE: QCoreApplication.translate(
            "Columns",
            "Bytes written to the storage device per second (counted when the data is queued for "
            "the disk; files in tmpfs do not count)",
        ),
    }


def column_title(column: Column) -> str:
    """One column's title (``"CPU %"``)."""
    return column_titles()[column]


def column_tooltip(column: Column) -> str:
    """One column's tooltip."""
    return column_tooltips()[column]
