"""CPU time one reading costs a shown details window: ``python tests/bench/details_tick_cost.py``.

A real details window (offscreen, General tab) on a child that works a little, with two
minutes of readings in its history already, takes 120 more readings (taken from the child
beforehand, 25 ms apart so that its figures change, one second apart on the graph's clock;
USS and PSS in every tenth, as the feed reads them) and is drawn after each, as the feed
does once a second. Prints the median over ROUNDS of the UI's CPU milliseconds per
reading: what the window costs per second besides reading the process (``read_ms``).
A finer figure than ``details_cost.py``, whose difference of two app-wide CPU readings
drowns in a shared machine's noise.
"""

import dataclasses
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psutil
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.core.process_key import ProcessKey
from gui.platforms import current
from gui.views.details_context import DetailsContext
from gui.views.details_window import DetailsWindow
from tests.bench.details_cost import CHILD

ROUNDS = 5
READINGS = 120


def main() -> None:
    app = QApplication([sys.argv[0]])
    child = subprocess.Popen([sys.executable, "-c", CHILD])
    try:
        time.sleep(0.3)
        key = ProcessKey(child.pid, psutil.Process(child.pid).create_time())
        reader = current().details_reader()
        context = DetailsContext(
            fill_actions=lambda _menu, _key: None,
            identity_of=lambda _key: None,
            icon_for=lambda _app: QIcon(),
            open_details=lambda _key: None,
        )
        started = time.process_time()
        taken = []
        for index in range(READINGS * 2):  # 25 ms apart: the child's figures move between them
            taken.append(reader.resources(key, time.monotonic(), full_memory=index % 10 == 0))
            time.sleep(0.025)
        read_ms = (time.process_time() - started) / len(taken) * 1000
        readings = [dataclasses.replace(r, monotonic=1000.0 + i) for i, r in enumerate(taken)]
        per_reading = []
        for _ in range(ROUNDS):
            window = DetailsWindow(key, context)
            window.show()
            window.show_facts(reader.facts(key))
            for reading in readings[:READINGS]:
                window.show_resources(reading)
            app.processEvents()
            started = time.process_time()
            for reading in readings[READINGS:]:
                window.show_resources(reading)
                app.processEvents()
            per_reading.append((time.process_time() - started) / READINGS * 1000)
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        child.kill()
        child.wait(timeout=10)
    report = {"ui_ms_per_reading": round(statistics.median(per_reading), 2), "read_ms": round(read_ms, 2)}
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
