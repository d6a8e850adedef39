"""Which colour scheme the user wants: the system's, or always light or dark (View → Theme)."""

from enum import Enum


class ThemeChoice(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
