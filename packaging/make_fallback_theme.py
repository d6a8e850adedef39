"""Renders the bundled fallback icon theme's PNGs from its SVG sources.

    python packaging/make_fallback_theme.py

The theme (``resources/icons/theme/hicolor``) gives ProcPilot its generic application,
background and system process icons where the system has no icon theme (the packaged
binary on a bare system, Windows, macOS), and its own End, Force quit and Cancel icons.
Its SVGs in ``scalable/apps`` and ``scalable/actions`` are the sources; this writes
``<size>x<size>/<context>/<name>.png`` for each, and ``index.theme``.
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
#: Each folder under ``scalable``, its context name in ``index.theme``, and its sizes.
CONTEXTS = {"apps": ("Applications", SIZES), "actions": ("Actions", (16, 22, 24, 32, 48))}
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
    directories = []
    sections = []
    for folder, (context, sizes) in CONTEXTS.items():
        directories += [f"{size}x{size}/{folder}" for size in sizes] + [f"scalable/{folder}"]
        sections += [
            f"[{size}x{size}/{folder}]\nSize={size}\nContext={context}\nType=Threshold\n" for size in sizes
        ]
        sections.append(
            f"[scalable/{folder}]\nSize=128\nMinSize=8\nMaxSize=512\nContext={context}\nType=Scalable\n"
        )
    return INDEX_HEAD + f"Directories={','.join(directories)}\n\n" + "\n".join(sections)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    count = 0
    for context, (_, sizes) in CONTEXTS.items():
        for source in sorted((THEME / "scalable" / context).glob("*.svg")):
            renderer = QSvgRenderer(str(source))
            if not renderer.isValid():
                raise SystemExit(f"{source} does not render")
            for size in sizes:
                folder = THEME / f"{size}x{size}" / context
                folder.mkdir(parents=True, exist_ok=True)
                render(renderer, size, folder / f"{source.stem}.png")
            count += 1
    (THEME / "index.theme").write_text(index_text(), encoding="utf-8")
    print(f"wrote {count} icons and index.theme to {THEME}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
