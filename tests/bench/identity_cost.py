"""Cost of the application-identity step per refresh: ``python -m tests.bench.identity_cost``.

For crowds of 1,000 and 3,000 processes: the pass in which a burst of new processes
appears (each looked up once), passes while they are young (their cgroup is read again),
and passes with nothing new (must cost next to nothing). Wall and CPU milliseconds.
"""

import time
from collections.abc import Callable, Sequence

from gui.core.process_sample import ProcessSample
from gui.platforms.linux_apps import YOUNG_SECONDS, LinuxAppIdentifier
from gui.platforms.linux_proc_reader import LinuxProcReader
from tests.bench.benchmark import crowd


def timed(step: Callable[[], object], repeats: int = 1) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeats):
        step()
    return (time.perf_counter() - wall) / repeats * 1e3, (time.process_time() - cpu) / repeats * 1e3


def measure(total: int) -> dict[str, float]:
    reader = LinuxProcReader()
    identifier = LinuxAppIdentifier()
    baseline = reader.read()
    identifier.identify(baseline, time.time() + 2 * YOUNG_SECONDS)  # the machine's own: known
    with crowd(total) as added:
        samples: Sequence[ProcessSample] = reader.read()
        now = time.time()
        burst_wall, burst_cpu = timed(lambda: identifier.identify(samples, now))
        young_wall, young_cpu = timed(lambda: identifier.identify(samples, now), repeats=5)
        later = now + 2 * YOUNG_SECONDS
        identifier.identify(samples, later)
        idle_wall, idle_cpu = timed(lambda: identifier.identify(samples, later), repeats=200)
    return {
        "processes": float(len(samples)),
        "new": float(added),
        "burst_ms": burst_wall,
        "burst_cpu_ms": burst_cpu,
        "burst_us_per_new": burst_wall * 1e3 / max(added, 1),
        "young_pass_ms": young_wall,
        "young_pass_cpu_ms": young_cpu,
        "idle_pass_ms": idle_wall,
        "idle_pass_cpu_ms": idle_cpu,
    }


def main() -> None:
    for total in (1000, 3000):
        figures = measure(total)
        print(" ".join(f"{name}={value:.3f}".removesuffix(".000") for name, value in figures.items()))


if __name__ == "__main__":
    main()
