"""The application icon, wherever ProcPilot runs from (source, wheel or packaged binary)."""

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

_SIZES = (16, 24, 32, 48, 64, 128, 256)
_PLACES = (
    Path(__file__).resolve().parent / "_icons" / "png",  # wheel and packaged binary
    Path(__file__).resolve().parents[1] / "resources" / "icons" / "png",  # source checkout
)


def app_icon() -> QIcon:
    """The icon in every size that exists; empty (Qt's default) when none is found."""
    icon = QIcon()
    for place in _PLACES:
        if place.is_dir():
            for size in _SIZES:
                path = place / f"procpilot-{size}.png"
                if path.exists():
                    icon.addFile(str(path), QSize(size, size))
            break
    return icon
