"""Run by test_live_scheme.py in a real X11 window: the desktop switches light and dark
while ProcPilot runs, and ProcPilot follows each time. Prints one JSON line per step.

The GNOME platform theme (``QT_QPA_PLATFORMTHEME=gnome``) stands in for the desktop: its
``requestColorScheme`` takes the same path as a change announced by the desktop portal
(a theme change, then ``colorSchemeChanged``).
"""

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui import platforms
from gui.settings import Settings
from gui.views.main_window import MainWindow
from gui.views.message_bar import BarKind


def main() -> int:
    app = QApplication(sys.argv[:1])
    config = Path(tempfile.mkdtemp(prefix="procpilot-scheme-")) / "procpilot.conf"
    window = MainWindow(
        platforms.current(), Settings(QSettings(str(config), QSettings.Format.IniFormat)), 1.0
    )
    window.resize(800, 500)
    window.show()
    window.results_bar.show_message("A process could not be ended", BarKind.ERROR)
    hints = app.styleHints()
    changes: list[str] = []
    hints.colorSchemeChanged.connect(lambda scheme: changes.append(scheme.name))

    def settle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(400, loop.quit)
        loop.exec()

    settle()
    for scheme in (Qt.ColorScheme.Dark, Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        hints.setColorScheme(scheme)  # the desktop switches
        settle()
        image = window.grab().toImage()
        view = window.view.viewport()
        centre = view.mapTo(window, view.rect().center())
        background, _, text = window.results_bar.colours()
        print(
            json.dumps(
                {
                    "asked": scheme.name,
                    "scheme": hints.colorScheme().name,
                    "dark": window.appearance.dark,
                    "list_lightness": image.pixelColor(centre).lightness(),
                    "bar_lightness": background.lightness(),
                    "bar_text_lightness": text.lightness(),
                    "signals": list(changes),
                }
            ),
            flush=True,
        )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
