"""What following X11 windows costs the app at rest (``benchmark.py``'s row 10).

One app (Applications view, 1 s refresh, its window offscreen) follows the windows of a
private Xvfb with a real window manager (openbox): its CPU with no client window, and
with ``count`` xlogo windows open and settled, alternated twice, ``seconds`` in all for
each. The same app process and the same display throughout, so only the windows differ.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
from Xlib import display as xlib_display
from Xlib.ext import res

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e.x11_desktop import Desktop, missing, wait_until  # noqa: E402

NEEDED = ("Xvfb", "openbox", "dbus-daemon", "xlogo", "xprop")
#: Past start-up, the first full list and the window source's first read.
WARM_UP_S = 5.0
#: After windows opened or closed: the events are handled, the list is at rest again.
SETTLE_S = 3.0
ROUNDS = 2


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _cpu_percent_over(process: psutil.Process, seconds: float) -> float:
    before, started = _cpu_seconds(process), time.monotonic()
    time.sleep(seconds)
    return (_cpu_seconds(process) - before) / (time.monotonic() - started) * 100


def _connected_to(process: psutil.Process, display: str) -> bool:
    """Whether ``process`` is a client of ``display``'s X server (asked through XRes)."""
    connection = xlib_display.Display(display)
    try:
        clients = connection.res_query_clients().clients
        specs = [{"client": client.resource_base, "mask": res.LocalClientPIDMask} for client in clients]
        found = connection.res_query_client_ids(specs).ids
        return any(answer.value and int(answer.value[0]) == process.pid for answer in found)
    finally:
        connection.close()


def _client_count(desktop: Desktop) -> int:
    listed = desktop.root_property("_NET_CLIENT_LIST")
    return listed.count("0x")


def windows_at_rest(
    seconds: float, workdir: Path, app_env: dict[str, str], count: int = 20
) -> dict[str, Any] | None:
    """The app's CPU % of one core with no window and with ``count`` windows; ``None`` when
    Xvfb, openbox or xlogo is missing."""
    if missing(*NEEDED):
        return None
    config = workdir / "config-windows"
    settings_file = config / "ProcPilot" / "ProcPilot.conf"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("[table]\nview=applications\n", encoding="utf-8")
    desktop = Desktop("openbox")
    try:
        env = {**os.environ, **app_env, "XDG_CONFIG_HOME": str(config), "DISPLAY": desktop.display}
        app = subprocess.Popen([sys.executable, "-m", "gui", "--interval", "1"], env=env, cwd=ROOT)
        try:
            watched = psutil.Process(app.pid)
            time.sleep(WARM_UP_S)
            without, with_windows = [], []
            for _ in range(ROUNDS):  # alternated, so a neighbour's load falls on both alike
                without.append(_cpu_percent_over(watched, seconds / ROUNDS))
                clients = [desktop.start("xlogo") for _ in range(count)]
                wait_until(lambda: _client_count(desktop) >= count, 60, f"{count} windows")
                time.sleep(SETTLE_S)  # the app has read them; from here on nothing changes
                with_windows.append(_cpu_percent_over(watched, seconds / ROUNDS))
                tracking = _connected_to(watched, desktop.display)
                for client in clients:
                    client.terminate()
                    client.wait(timeout=10)
                wait_until(lambda: _client_count(desktop) == 0, 60, "the windows to close")
                time.sleep(SETTLE_S)
            rss_mb = watched.memory_info().rss / 1e6
        finally:
            app.terminate()
            app.wait(timeout=30)
    finally:
        desktop.close()
    return {
        "windows": count,
        "without": sum(without) / ROUNDS,
        "with": sum(with_windows) / ROUNDS,
        "rss_mb": rss_mb,
        "tracking": tracking,
    }


def main() -> int:
    """``python -m tests.bench.windows_at_rest``: this row alone, as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="measured time for each case")
    parser.add_argument("--windows", type=int, default=20, help="xlogo windows to open")
    options = parser.parse_args()
    app_env = {
        "QT_QPA_PLATFORM": "offscreen",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/dev/null",
        "PYTHONPATH": str(ROOT),
    }
    with tempfile.TemporaryDirectory(prefix="procpilot-windows-") as temp:
        found = windows_at_rest(options.seconds, Path(temp), app_env, options.windows)
    if found is None:
        print(f"needs {' '.join(missing(*NEEDED))}", file=sys.stderr)
        return 1
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
