"""Allows ``python -m gui``."""

from gui.entry_point import run

run()
