"""Entry script of the packaged binary (PyInstaller needs a file, not ``-m gui``)."""

from gui.entry_point import run

run()
