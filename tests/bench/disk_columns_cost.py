"""Cost of one sampler pass with the disk columns hidden and shown:
``python -m tests.bench.disk_columns_cost [SIZES...]`` (default 1000 3000).

Two real :class:`gui.sampler.Sampler` objects (no window, no event loop), one with the
disk columns hidden (the pass as before they existed: no ``/proc/<pid>/io`` opened), one
with them shown (each pass reads every process's ``/proc/<pid>/io`` and computes rates).
A third sampler had them shown while it warmed, then hidden: its pass must cost what the
never-shown one's does (nothing of the disk reading is left behind). The three are warmed,
then their passes alternate; the figures are the median CPU milliseconds of a pass
(``time.process_time``) at about SIZE processes on the machine.

While nothing reaches a storage device, a shown pass reads only new processes' counters
(``gui/platforms/device_activity.py``); the "busy" figures are taken again while a child
writes 4 KB with ``fsync`` every 50 ms, so that every pass reads every process's file.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gui.platforms import current
from gui.platforms.linux_apps import YOUNG_SECONDS
from gui.sampler import Sampler
from tests.bench.benchmark import crowd

PASSES = 21
#: Writes 4 KB to its file with fsync every 50 ms until its stdin closes.
_WRITER = """\
import os, sys, threading, time
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
with open(sys.argv[1], "wb") as out:
    print("ready", flush=True)
    while True:
        out.seek(0)
        out.write(os.urandom(4096))
        out.flush()
        os.fsync(out.fileno())
        time.sleep(0.05)
"""


@contextmanager
def busy_disk() -> Iterator[None]:
    """A child that keeps the system's device counters moving (a file on disk, not tmpfs)."""
    with tempfile.NamedTemporaryFile(prefix="procpilot-bench-", dir="/var/tmp") as target:
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, target.name], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        try:
            assert writer.stdout is not None
            writer.stdout.readline()
            yield
        finally:
            assert writer.stdin is not None
            writer.stdin.close()
            writer.wait(timeout=10)
            assert writer.stdout is not None
            writer.stdout.close()


def _timed(sampler: Sampler) -> float:
    started = time.process_time()
    sampler.sample()
    return (time.process_time() - started) * 1e3


def disk_pass_costs(passes: int = PASSES) -> dict[str, Any]:
    """Median CPU ms of a pass with the disk columns hidden and shown, at today's process count."""
    hidden, shown, was_shown = Sampler(current()), Sampler(current()), Sampler(current())
    shown.set_disk_columns_shown(True)
    was_shown.set_disk_columns_shown(True)
    counts: list[int] = []
    shown.sampled.connect(lambda result: counts.append(result.process_count))
    for sampler in (hidden, shown, was_shown, hidden, shown, was_shown):  # warm: caches, rates
        sampler.sample()
    was_shown.set_disk_columns_shown(False)
    was_shown.sample()  # the pass that lets go of the kept descriptors
    hidden_ms, shown_ms, was_shown_ms = [], [], []
    for _ in range(passes):
        hidden_ms.append(_timed(hidden))
        shown_ms.append(_timed(shown))
        was_shown_ms.append(_timed(was_shown))
    hidden_median, shown_median = statistics.median(hidden_ms), statistics.median(shown_ms)
    was_shown_median = statistics.median(was_shown_ms)
    busy_hidden_ms, busy_shown_ms = [], []
    with busy_disk():
        for _ in range(passes):
            busy_hidden_ms.append(_timed(hidden))
            time.sleep(0.06)  # the writer's next fsync falls between the two
            busy_shown_ms.append(_timed(shown))
    busy_hidden, busy_shown = statistics.median(busy_hidden_ms), statistics.median(busy_shown_ms)
    return {
        "busy_hidden_ms": busy_hidden,
        "busy_shown_ms": busy_shown,
        "busy_ratio": busy_shown / busy_hidden,
        "processes": counts[-1],
        "hidden_ms": hidden_median,
        "shown_ms": shown_median,
        "ratio": shown_median / hidden_median,
        "hidden_after_shown_ms": was_shown_median,
        "hidden_after_shown_ratio": was_shown_median / hidden_median,
    }


def main(sizes: list[int]) -> None:
    print(
        "| processes | pass, disk columns hidden | pass, disk columns shown | shown / hidden "
        "| pass, hidden after being shown | that / hidden | while a process writes: hidden → shown |"
    )
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        with crowd(size):
            time.sleep(YOUNG_SECONDS + 1)  # past the window in which a new process's app is re-read
            found = disk_pass_costs()
        print(
            f"| {found['processes']} | {found['hidden_ms']:.1f} ms | {found['shown_ms']:.1f} ms "
            f"| {found['ratio']:.2f}x | {found['hidden_after_shown_ms']:.1f} ms "
            f"| {found['hidden_after_shown_ratio']:.2f}x | {found['busy_hidden_ms']:.1f} → "
            f"{found['busy_shown_ms']:.1f} ms ({found['busy_ratio']:.2f}x) |",
            flush=True,
        )


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [1000, 3000])
