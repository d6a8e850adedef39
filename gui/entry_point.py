"""The ``procpilot`` command: the privileged helper mode, or the application.

The helper is chosen here, before anything else is imported: it must never load Qt
(nor psutil, nor the platform adapters), and it starts in a few tens of milliseconds.
"""

import sys

HELPER_FLAG = "--elevated-helper"


def run() -> None:
    """Console entry point (``procpilot``, ``python -m gui``, the packaged binary)."""
    if sys.argv[1:2] == [HELPER_FLAG]:
        from gui.helper.main import serve  # noqa: PLC0415 - only in helper mode

        sys.exit(serve(sys.argv[2:]))
    from gui.app import run as run_app  # noqa: PLC0415 - not in helper mode

    run_app()
