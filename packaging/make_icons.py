"""Renders the app icon from its SVG source into every size and format the platforms need.

    python packaging/make_icons.py

Writes ``resources/icons/png/procpilot-<size>.png`` (window and Linux desktop icons),
``resources/icons/procpilot.ico`` (Windows) and ``resources/icons/procpilot.icns``
(macOS). Needs PySide6 (QtSvg) and Pillow (the ``package`` extra).
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from svg_render import render

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "procpilot.svg"))
    if not renderer.isValid():
        raise SystemExit("the SVG icon does not render")
    png_dir = ICONS / "png"
    png_dir.mkdir(exist_ok=True)
    for size in SIZES:
        render(renderer, size, png_dir / f"procpilot-{size}.png")
    largest = Image.open(png_dir / "procpilot-512.png")
    largest.save(ICONS / "procpilot.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(ICONS / "procpilot.icns")
    print(f"wrote {len(SIZES)} PNGs, procpilot.ico and procpilot.icns to {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
