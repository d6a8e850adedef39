"""Looks up icons the way ProcPilot does, in a fresh process on the platform and with the
XDG folders the caller set, and prints what it found as JSON (for test_app_icons.py).

    python tests/qt/app_icons_probe.py ICON_NAME...
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QGuiApplication, QIcon

from gui.core.app_identity import AppIdentity
from gui.core.process_kind import ProcessKind
from gui.views.app_icons import AppIcons


def centre(icon: QIcon) -> str | None:
    """The colour at the middle of the icon's 48 px pixmap, ``None`` when it is empty."""
    image = icon.pixmap(48).toImage()
    return None if image.isNull() else image.pixelColor(image.width() // 2, image.height() // 2).name()


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    icons = AppIcons()
    generic = icons.generic()
    apps = {}
    for name in sys.argv[1:]:
        icon = icons.application(AppIdentity(f"app-{name}", name, (), name, None))
        apps[name] = {"centre": centre(icon), "generic": icon.cacheKey() == generic.cacheKey()}
    report = {
        "platform": app.platformName(),
        "builtin": {
            "generic": centre(generic),
            "background": centre(icons.section(ProcessKind.BACKGROUND)),
            "system": centre(icons.section(ProcessKind.SYSTEM)),
        },
        "apps": apps,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
