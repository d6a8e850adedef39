"""Entry script of the packaged binary (PyInstaller needs a file, not ``-m gui``)."""

from gui.app import run

run()
