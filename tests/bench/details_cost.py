"""What an open details window adds to the app's CPU, in % of one core.

``python tests/bench/details_cost.py SECONDS`` runs the real main window offscreen (1 s
refresh, All processes) with a child of its own that works a little and holds a file and a
port open, then measures the app's own CPU time over SECONDS without a details window and
over SECONDS with the child's window open (its General tab: live fields and the graph),
alternating twice so that drift on a shared machine hits both alike. Prints one JSON line.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui import platforms  # noqa: E402
from gui.settings import Settings  # noqa: E402
from gui.views.main_window import MainWindow  # noqa: E402

#: The same child as the README's picture: a little busy, a file open, a port listening.
CHILD = """\
import socket, tempfile, time
held = tempfile.TemporaryFile()
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
while True:
    started = time.monotonic()
    while time.monotonic() - started < 0.02:
        pass
    time.sleep(0.08)
"""


def run_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def measure(seconds: float) -> float:
    """The app's CPU over ``seconds`` of its event loop, in % of one core."""
    cpu, wall = own_cpu(), time.monotonic()
    run_for(seconds)
    return (own_cpu() - cpu) / (time.monotonic() - wall) * 100


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    app = QApplication([sys.argv[0]])
    config = Path(os.environ.get("XDG_CONFIG_HOME", "/tmp")) / "details-cost.conf"
    window = MainWindow(
        platforms.current(), Settings(QSettings(str(config), QSettings.Format.IniFormat)), 1.0
    )
    window.show()
    child = subprocess.Popen([sys.executable, "-c", CHILD])
    try:
        run_for(4.0)  # first list, and the child in it
        key = next(row.key for row in window.model.rows() if row.key.pid == child.pid)
        without, with_window = [], []
        for _ in range(2):
            without.append(measure(seconds / 2))
            details = window.details.open(key)
            run_for(1.5)  # the facts and first readings
            with_window.append(measure(seconds / 2))
            details.close()
            run_for(0.5)
        closed_threads = window.details.feed.watched == ()
    finally:
        child.kill()
        child.wait(timeout=10)
        window.close()
    base = sum(without) / len(without)
    opened = sum(with_window) / len(with_window)
    report = {
        "without_pct": round(base, 2),
        "with_details_pct": round(opened, 2),
        "added_pct": round(opened - base, 2),
        "feed_idle_after_close": closed_threads,
        "seconds_each": seconds,
    }
    print(json.dumps(report), flush=True)
    app.quit()


if __name__ == "__main__":
    main()
