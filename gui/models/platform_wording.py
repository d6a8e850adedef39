"""What this OS's figures mean, for the words the list uses about them.

The app tells the models once, before it makes them (the adapter knows the OS; the
models do not): what the disk columns count, and whether priorities are nice values
or Windows' priority classes.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.core.disk_rates import DiskCounting
from gui.core.priority import nearest_priority
from gui.core.process_details import PriorityScheme


@dataclass(frozen=True, slots=True)
class PlatformWording:
    disk: DiskCounting = DiskCounting.DEVICE
    priority: PriorityScheme = PriorityScheme.NICE


_current = PlatformWording()


def use_platform_wording(wording: PlatformWording) -> None:
    """Word the columns for this OS from now on (models made later take it)."""
    global _current  # noqa: PLW0603 - one answer per run, set before the models exist
    _current = wording


def platform_wording() -> PlatformWording:
    return _current


# The nice value the Windows reader gives a Realtime process (the highest there is).
_REALTIME_NICE = -20


def priority_cell_text(text: str, scheme: PriorityScheme | None = None) -> str:
    """The Priority cell: the nice value as the row holds it, or on Windows the name of its
    priority class (the row holds the nice value of the class's step)."""
    scheme = _current.priority if scheme is None else scheme
    if scheme is PriorityScheme.NICE or not text.lstrip("-").isdigit():
        return text
    nice = int(text)
    translate = QCoreApplication.translate
    if nice <= _REALTIME_NICE:
        return translate("DetailsWindow", "Realtime")
    return {
        -10: translate("DetailsWindow", "High"),
        -5: translate("DetailsWindow", "Above normal"),
        0: translate("DetailsWindow", "Normal"),
        5: translate("DetailsWindow", "Below normal"),
        10: translate("DetailsWindow", "Idle"),
    }[nearest_priority(nice).nice]
