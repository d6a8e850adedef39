"""Runs the real main window offscreen and measures what only the app itself can see.

``python ui_probe.py SECONDS`` prints one JSON line: the event loop's lateness
(10 ms heartbeat), the same during a 200-process End batch, the CPU % shown for
a child kept busy at 100 % of a core, and how many refreshes happen while the
window is minimized.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gui import platforms
from gui.core.actions import Action, ActionRequest
from gui.core.columns import Column
from gui.settings import Settings
from gui.views.main_window import MainWindow

HEARTBEAT_MS = 10


class Heartbeat:
    """Records how late each 10 ms tick fires: the event loop's delay."""

    def __init__(self) -> None:
        self.delays_ms: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(self._timer.timerType().PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start(HEARTBEAT_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays_ms.append(max(0.0, (now - self._last) * 1000 - HEARTBEAT_MS))
        self._last = now

    def reset(self) -> None:
        self.delays_ms = []
        self._last = time.perf_counter()

    def summary(self) -> dict[str, float]:
        ordered = sorted(self.delays_ms) or [0.0]
        return {
            "max_ms": round(ordered[-1], 1),
            "p50_ms": round(ordered[len(ordered) // 2], 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1),
            "ticks": len(ordered),
        }


def run_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    app = QApplication([sys.argv[0]])
    config = Path(os.environ.get("XDG_CONFIG_HOME", "/tmp")) / "probe.conf"
    window = MainWindow(
        platforms.current(), Settings(QSettings(str(config), QSettings.Format.IniFormat)), 1.0
    )
    window.show()
    heartbeat = Heartbeat()
    run_for(3.0)  # first list and the quick second pass
    heartbeat.reset()
    run_for(seconds)
    steady = heartbeat.summary()

    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    run_for(4.0)
    key = next(row.key for row in window.model.rows() if row.key.pid == busy.pid)
    busy_percent = float(window.view.index_for(key).siblingAtColumn(Column.CPU).data())  # as shown
    busy.kill()
    busy.wait()

    sleepers = [subprocess.Popen(["sleep", "600"]) for _ in range(200)]
    targets = tuple(platforms.current().read_process(s.pid) for s in sleepers)
    finished: list[object] = []
    window.controller.batch_finished.connect(finished.append)
    heartbeat.reset()
    window.controller.submit(ActionRequest(Action.END, targets))
    while not finished:
        run_for(0.05)
    run_for(1.0)
    batch = heartbeat.summary()
    for sleeper in sleepers:
        sleeper.wait()

    refreshes: list[int] = []
    window.refreshed.connect(refreshes.append)
    window.showMinimized()
    run_for(0.5)
    refreshes.clear()
    run_for(5.0)
    minimized_refreshes = len(refreshes)
    window.showNormal()
    run_for(1.5)
    restored_refreshes = len(refreshes) - minimized_refreshes

    window.close()
    print(
        json.dumps(
            {
                "steady": steady,
                "batch": batch,
                "busy_cpu_percent": busy_percent,
                "minimized_refreshes": minimized_refreshes,
                "restored_refreshes": restored_refreshes,
                "processes": window.model.process_count,
            }
        ),
        flush=True,
    )
    app.quit()


if __name__ == "__main__":
    main()
