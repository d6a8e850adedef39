"""The three ways the window can list what runs (the views word their names)."""

from enum import Enum


class ViewMode(Enum):
    APPLICATIONS = "applications"  # one row per application, then Background and System processes
    ALL_PROCESSES = "processes"  # the flat list
    PROCESS_TREE = "tree"  # parents and their children

    @property
    def nested(self) -> bool:
        return self is not ViewMode.ALL_PROCESSES
