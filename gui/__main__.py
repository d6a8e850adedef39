"""Allows ``python -m gui``."""

from gui.app import run

run()
