"""The priority steps in words: plain names for sentences, menu texts with mnemonics.

Linux and macOS name the steps and their nice values (``Low (nice 5)``); Windows its
priority classes (``Below normal``). The plain names are the details window's, so a
translation serves both.
"""

import sys

from PySide6.QtCore import QCoreApplication

from gui.core.priority import Priority
from gui.core.process_details import PriorityScheme


def priority_names(scheme: PriorityScheme) -> dict[Priority, str]:
    """Each step's plain name: ``Very high`` .. ``Very low``, or Windows' class names."""
    translate = QCoreApplication.translate
    if scheme is PriorityScheme.WINDOWS_CLASS:
        return {
            Priority.VERY_HIGH: translate("DetailsWindow", "High"),
            Priority.HIGH: translate("DetailsWindow", "Above normal"),
            Priority.NORMAL: translate("DetailsWindow", "Normal"),
            Priority.LOW: translate("DetailsWindow", "Below normal"),
            Priority.VERY_LOW: translate("DetailsWindow", "Idle"),
        }
    return {
        Priority.VERY_HIGH: translate("DetailsWindow", "Very high"),
        Priority.HIGH: translate("DetailsWindow", "High"),
        Priority.NORMAL: translate("DetailsWindow", "Normal"),
        Priority.LOW: translate("DetailsWindow", "Low"),
        Priority.VERY_LOW: translate("DetailsWindow", "Very low"),
    }


def priority_entry_texts(scheme: PriorityScheme) -> dict[Priority, str]:
    """The "Change priority ▸" entries, each with its own mnemonic."""
    translate = QCoreApplication.translate
    if scheme is PriorityScheme.WINDOWS_CLASS:
        return {
            Priority.VERY_HIGH: translate("ProcessMenu", "&High"),
            Priority.HIGH: translate("ProcessMenu", "&Above normal"),
            Priority.NORMAL: translate("ProcessMenu", "&Normal"),
            Priority.LOW: translate("ProcessMenu", "&Below normal"),
            Priority.VERY_LOW: translate("ProcessMenu", "&Idle"),
        }
    return {
        Priority.VERY_HIGH: translate("ProcessMenu", "&Very high (nice -10)"),
        Priority.HIGH: translate("ProcessMenu", "&High (nice -5)"),
        Priority.NORMAL: translate("ProcessMenu", "&Normal (nice 0)"),
        Priority.LOW: translate("ProcessMenu", "&Low (nice 5)"),
        Priority.VERY_LOW: translate("ProcessMenu", "Very l&ow (nice 10)"),
    }


def local_scheme() -> PriorityScheme:
    """How this system names priorities, for sentences about results (made without an adapter)."""
    return PriorityScheme.WINDOWS_CLASS if sys.platform == "win32" else PriorityScheme.NICE


def priority_name(value: object) -> str:
    """The plain name of the step whose :class:`Priority` value is ``value`` (``"low"``: ``Low``)."""
    try:
        step = Priority(value)
    except ValueError:
        return "?"
    return priority_names(local_scheme())[step]
