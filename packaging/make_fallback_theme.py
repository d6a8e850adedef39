"""Renders the bundled fallback icon theme's PNGs from its SVG sources.

    python packaging/make_fallback_theme.py

The theme (``resources/icons/theme/hicolor``) gives ProcPilot its generic application,
background and system process icons where the system has no icon theme (the packaged
binary on a bare system, Windows, macOS). Its SVGs in ``scalable/apps`` are the sources;
this writes ``<size>x<size>/apps/<name>.png`` for each, and ``index.theme``.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from svg_render import render

THEME = Path(__file__).resolve().parents[1] / "resources" / "icons" / "theme" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
INDEX_HEAD = """\
# ProcPilot's fallback icons, looked up after the system's themes (MIT License, see LICENSE).
# Where the system has a hicolor theme, Qt reads its index.theme and finds these directories
# through it; this index serves systems without one.
[Icon Theme]
Name=Hicolor
Comment=ProcPilot's fallback icons
Hidden=true
"""


def index_text() -> str:
    directories = [f"{size}x{size}/apps" for size in SIZES] + ["scalable/apps"]
    sections = [
        f"[{size}x{size}/apps]\nSize={size}\nContext=Applications\nType=Threshold\n" for size in SIZES
    ]
    sections.append(
        "[scalable/apps]\nSize=128\nMinSize=8\nMaxSize=512\nContext=Applications\nType=Scalable\n"
    )
    return INDEX_HEAD + f"Directories={','.join(directories)}\n\n" + "\n".join(sections)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    sources = sorted((THEME / "scalable" / "apps").glob("*.svg"))
    for source in sources:
        renderer = QSvgRenderer(str(source))
        if not renderer.isValid():
            raise SystemExit(f"{source} does not render")
        for size in SIZES:
            folder = THEME / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True, exist_ok=True)
            render(renderer, size, folder / f"{source.stem}.png")
    (THEME / "index.theme").write_text(index_text(), encoding="utf-8")
    print(f"wrote {len(sources)} icons in {len(SIZES)} sizes and index.theme to {THEME}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
