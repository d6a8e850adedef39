"""Windows through ctypes: its top-level windows, and what its executables call themselves.

Imported on every OS (the tests run it on Linux with fakes of the DLLs); only
:func:`gui.platforms.win32.api.load` touches the real ones, and only on Windows.
"""
