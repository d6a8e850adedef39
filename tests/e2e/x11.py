"""The shared Xvfb and xdotool helpers of ``packaging/xvfb.py``, for tests."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "packaging") not in sys.path:
    sys.path.insert(0, str(ROOT / "packaging"))

from xvfb import click_only_row, confirm_dialog, start_xvfb, wait_window, xdotool  # noqa: E402

__all__ = ["ROOT", "click_only_row", "confirm_dialog", "start_xvfb", "wait_window", "xdotool"]
