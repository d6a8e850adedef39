"""Show ProcPilot in a real X11 window, wait for the list, and screenshot it.

Used by the end-to-end test and by ``make screenshot`` (the README picture)::

    python tests/e2e/drive_window.py --xvfb --out resources/screenshot.png

Prints one JSON line describing what the window showed.
"""

import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCREEN = (1280, 800)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on a free display number; returns the server and ``":N"``."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed (Debian/Ubuntu: apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], 20)
    number = os.read(read_end, 64).decode().strip() if ready else ""
    os.close(read_end)
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not report a display number within 20 s")
    return server, f":{number}"


def show_and_capture(out: Path, settle_refreshes: int) -> dict[str, object]:
    """Run the real main window on the current DISPLAY and save a picture of it."""
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import platforms
    from gui.settings import Settings
    from gui.views.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    config = Path(tempfile.mkdtemp(prefix="procpilot-e2e-")) / "procpilot.conf"
    window = MainWindow(
        platforms.current(), Settings(QSettings(str(config), QSettings.Format.IniFormat)), 1.0
    )
    window.resize(1180, 680)
    window.show()

    refreshes = 0
    waiter = QEventLoop()

    def on_refresh(count: int) -> None:
        nonlocal refreshes
        refreshes += 1 if count > 0 else 0
        if refreshes >= settle_refreshes:
            waiter.quit()

    window.refreshed.connect(on_refresh)
    QTimer.singleShot(20_000, waiter.quit)
    waiter.exec()
    for _ in range(5):  # let the last repaint reach the X server
        app.processEvents()
        QTimer.singleShot(50, waiter.quit)
        waiter.exec()

    view = window.view
    handle = window.windowHandle()
    picture = window.screen().grabWindow(window.winId())
    out.parent.mkdir(parents=True, exist_ok=True)
    saved = picture.save(str(out))
    first_visible = view.indexAt(view.viewport().rect().topLeft())
    last_visible = view.indexAt(view.viewport().rect().bottomLeft())
    visible_rows = (
        (last_visible.row() if last_visible.isValid() else view.model().rowCount() - 1)
        - (first_visible.row() if first_visible.isValid() else 0)
        + 1
    )
    report = {
        "platform": app.platformName(),
        "exposed": bool(handle and handle.isExposed()),
        "refreshes": refreshes,
        "rows": window.model.rowCount(),
        "visible_rows": visible_rows if first_visible.isValid() else 0,
        "screenshot": str(out) if saved else None,
        "size": [picture.width(), picture.height()],
    }
    window.close()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to save the PNG")
    parser.add_argument("--xvfb", action="store_true", help="start a private Xvfb server for the window")
    parser.add_argument("--settle", type=int, default=3, help="populated refreshes to wait for")
    options = parser.parse_args()
    server = None
    if options.xvfb:
        server, os.environ["DISPLAY"] = start_xvfb()
    try:
        report = show_and_capture(options.out, options.settle)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(json.dumps(report), flush=True)
    return 0 if report["screenshot"] and report["visible_rows"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
