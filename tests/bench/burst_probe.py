"""The real main window under bursts and churn of processes, measured from inside.

``python burst_probe.py burst N`` pauses updates, starts N sleeping children
(``sleepers.py``), resumes, and reports the event loop's longest stall until
they are all listed and two more refreshes are applied (the second pass
fills in everyone's CPU %), and the time from resuming until all are listed.

``python burst_probe.py churn RATE SECONDS`` runs ``spawner.py RATE`` (RATE
short-lived children per second) for SECONDS and reports the event loop's
delay (p50, p99, max of a 10 ms heartbeat) and the app's resident memory at
the start and end of the churn.

Each prints one JSON line.
"""

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui import platforms  # noqa: E402
from gui.settings import Settings  # noqa: E402
from gui.views.main_window import MainWindow  # noqa: E402
from tests.bench.ui_probe import Heartbeat, run_for  # noqa: E402


@contextmanager
def helper(script: str, *args: str) -> Iterator[psutil.Process]:
    """A helper process of ours that prints a ``ready`` line; ended with SIGTERM (it reaps its children)."""
    process = subprocess.Popen(
        [sys.executable, str(HERE / script), *args], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode().strip()
        if not line.startswith("ready"):
            raise RuntimeError(f"{script} did not start: {line!r}")
        yield psutil.Process(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=60)


def open_window() -> MainWindow:
    config = Path(os.environ.get("XDG_CONFIG_HOME", "/tmp")) / "burst-probe.conf"
    window = MainWindow(
        platforms.current(), Settings(QSettings(str(config), QSettings.Format.IniFormat)), 1.0
    )
    window.show()
    run_for(3.0)  # first list and the quick second pass
    return window


def burst(count: int) -> dict[str, float | int]:
    window = open_window()
    window.pause_action.setChecked(True)
    with helper("sleepers.py", str(count)) as sleepers:
        pids = {child.pid for child in sleepers.children()}
        run_for(1.0)  # a pass under way when pausing began ends now
        refreshes_since_listed: list[int] = []
        listed_after: list[float] = []

        def on_refresh() -> None:
            if listed_after:
                refreshes_since_listed.append(1)
            elif pids <= {row.key.pid for row in window.model.rows()}:
                listed_after.append(time.perf_counter() - started)

        window.refreshed.connect(on_refresh)
        heartbeat = Heartbeat()
        started = time.perf_counter()
        window.pause_action.setChecked(False)
        while len(refreshes_since_listed) < 2 and time.perf_counter() - started < 90:
            run_for(0.05)
        stalls = heartbeat.summary()
    window.close()
    listed_s = round(listed_after[0], 2) if listed_after else -1.0
    return {"processes": len(pids), "listed_s": listed_s, **stalls}


def churn(rate: float, seconds: float) -> dict[str, float | int]:
    window = open_window()
    me = psutil.Process()
    with helper("spawner.py", str(rate)):
        run_for(min(10.0, seconds / 4))  # the list reaches its churning size
        heartbeat = Heartbeat()
        rss_start = me.memory_info().rss
        readings = [rss_start]
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            run_for(min(5.0, seconds / 10))
            readings.append(me.memory_info().rss)
        delays = heartbeat.summary()
    window.close()
    return {
        "rate_per_s": rate,
        "seconds": seconds,
        "rss_start_mb": round(rss_start / 1e6, 1),
        "rss_end_mb": round(readings[-1] / 1e6, 1),
        "rss_max_mb": round(max(readings) / 1e6, 1),
        **delays,
    }


def main() -> None:
    app = QApplication([sys.argv[0]])
    if sys.argv[1] == "burst":
        report = burst(int(sys.argv[2]))
    else:
        report = churn(float(sys.argv[2]), float(sys.argv[3]))
    print(json.dumps(report), flush=True)
    app.quit()


if __name__ == "__main__":
    main()
