"""Cost of following X11 windows per refresh: ``python -m tests.bench.window_refresh_cost``.

On a private Xvfb with xfwm4 and ``--windows`` xlogo windows: the first refresh (every
window read), a refresh with nothing new (what the sampler pays at rest), a refresh after
one title changed, and a full re-read of every window (what polling would pay each time).
Wall and CPU microseconds, medians of the repeats.
"""

import argparse
import json
import statistics
import time
from collections.abc import Callable

from gui.platforms.x11.tracker import X11Windows, open_x11_windows
from tests.e2e.x11_desktop import Desktop, wait_until


def timed(step: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall and CPU microseconds of ``step``."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1e6, statistics.median(cpus) * 1e6


def fresh_read(display: str) -> None:
    source = open_x11_windows(display)
    source.refresh()
    source.shutdown()


def measure(count: int, repeats: int) -> dict[str, tuple[float, float]]:
    desktop = Desktop("xfwm4")
    try:
        for _ in range(count):
            desktop.start("xlogo")
        source = open_x11_windows(desktop.display)
        assert isinstance(source, X11Windows)
        wait_until(lambda: len(source.refresh().windows) == count, 60, f"{count} windows")
        few = max(3, repeats // 100)
        figures = {
            "connect and read every window": timed(lambda: fresh_read(desktop.display), few),
            "refresh, nothing changed": timed(source.refresh, repeats),
        }
        target = source.refresh().windows[0].window_id
        changes = []
        for index in range(few):
            title = f"renamed {index}"
            desktop.run("xdotool", "set_window", "--name", title, str(target))
            time.sleep(0.05)  # the event is on its way; the refresh reads it
            wall, cpu = time.perf_counter(), time.process_time()
            found = source.refresh()
            changes.append((time.perf_counter() - wall, time.process_time() - cpu))
            assert found.windows[0].title == title
        figures["refresh after one title changed"] = (
            statistics.median(c[0] for c in changes) * 1e6,
            statistics.median(c[1] for c in changes) * 1e6,
        )
        source.shutdown()
        return figures
    finally:
        desktop.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--windows", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=2000)
    parser.add_argument("--json")
    args = parser.parse_args()
    figures = measure(args.windows, args.repeats)
    print(f"{args.windows} windows (xlogo, xfwm4, Xvfb)       wall µs    CPU µs")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:<38} {wall:>8.0f}  {cpu:>8.0f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"windows": args.windows, "figures": figures}, out, indent=1)


if __name__ == "__main__":
    main()
