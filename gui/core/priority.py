"""The five priorities the "Change priority" menu offers, as nice values and Windows classes.

Linux and macOS name a priority by its nice value (-20 most favoured .. 19 least);
Windows by a priority class. ProcPilot offers five steps on both and never Realtime,
which can starve the system. Samples carry a nice value; on Windows the reader turns
the class into the nice value of the step it belongs to (:func:`nice_of_windows_class`).
"""

from enum import Enum


class Priority(Enum):
    """One step of "Change priority ▸", from most to least CPU time."""

    VERY_HIGH = "very_high"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"
    VERY_LOW = "very_low"

    @property
    def nice(self) -> int:
        """The nice value this step sets on Linux and macOS."""
        return _NICE[self]

    @property
    def windows_class(self) -> int:
        """The Windows priority class this step sets (psutil's ``*_PRIORITY_CLASS`` values)."""
        return _WINDOWS_CLASS[self]


_NICE = {
    Priority.VERY_HIGH: -10,
    Priority.HIGH: -5,
    Priority.NORMAL: 0,
    Priority.LOW: 5,
    Priority.VERY_LOW: 10,
}
# The values of Windows' HIGH, ABOVE_NORMAL, NORMAL, BELOW_NORMAL and IDLE_PRIORITY_CLASS.
_WINDOWS_CLASS = {
    Priority.VERY_HIGH: 0x80,
    Priority.HIGH: 0x8000,
    Priority.NORMAL: 0x20,
    Priority.LOW: 0x4000,
    Priority.VERY_LOW: 0x40,
}
#: Windows' REALTIME_PRIORITY_CLASS: shown as the highest step, never offered.
_REALTIME_CLASS = 0x100


def nearest_priority(nice: int) -> Priority:
    """The step nearest to ``nice``; halfway between two, the one nearer Normal (as the
    details window names it)."""
    return min(Priority, key=lambda step: (abs(step.nice - nice), abs(step.nice)))


def nice_of_windows_class(priority_class: int) -> int | None:
    """The nice value of the step a Windows priority class belongs to; ``None`` if unknown."""
    if priority_class == _REALTIME_CLASS:
        return -20
    for step, value in _WINDOWS_CLASS.items():
        if value == priority_class:
            return step.nice
    return None
