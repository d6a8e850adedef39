"""Cost of one sampler pass with and without application identity:
``python -m tests.bench.sampler_pass_cost [SIZES...]`` (default 1000 3000).

Two pipelines side by side in one run, each with its own adapter and builder:
``plain`` reads, builds rows and diffs (the pass before identity was wired in);
``identified`` also calls ``identify_processes`` and hands the mapping to the builder,
as :class:`gui.sampler.Sampler` does. For each crowd size, CPU milliseconds per pass:

- ``idle``: nothing new (median of many passes, interleaved);
- ``burst``: the first pass after 1,000 new processes appeared;
- ``young``: the passes in the next few seconds (new processes are looked at again),
  with how many rows the identified pipeline rebuilt and reported changed there.
"""

import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gui.core.delta import Delta, diff_snapshots
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow
from gui.core.snapshot_builder import SnapshotBuilder
from gui.platforms import current
from gui.platforms.linux_apps import YOUNG_SECONDS
from tests.bench.benchmark import crowd

BURST = 1000
IDLE_PASSES = 30
SLEEPERS = Path(__file__).with_name("sleepers.py")


class Pipeline:
    """One sampler pass's work, without Qt (what ``Sampler.sample`` does)."""

    def __init__(self, identified: bool) -> None:
        self._adapter = current()
        self._builder = SnapshotBuilder(self._adapter.core_count())
        self._identified = identified
        self._previous: dict[ProcessKey, ProcessRow] = {}
        self.rebuilt = 0
        self.count = 0
        self.cpu_ms = 0.0

    def run(self) -> Delta:
        """One pass; records its CPU time, the row count and how many rows were rebuilt."""
        started = time.process_time()
        samples = self._adapter.read_processes()
        wall_now = time.time()
        if self._identified:
            identities = self._adapter.identify_processes(samples, wall_now)
            rows = self._builder.build(samples, time.monotonic(), wall_now, identities)
        else:
            rows = self._builder.build(samples, time.monotonic(), wall_now)
        previous = self._previous
        self.rebuilt = sum(1 for key, row in rows.items() if previous.get(key) is not row)
        delta = diff_snapshots(previous, rows)
        self.cpu_ms = (time.process_time() - started) * 1e3
        self._previous = rows
        self.count = len(rows)
        return delta

    def timed(self) -> float:
        self.run()
        return self.cpu_ms


@contextmanager
def burst(count: int) -> Iterator[None]:
    """``count`` new idle processes of our own, all started when this yields."""
    helper = subprocess.Popen(
        [sys.executable, str(SLEEPERS), str(count)], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        assert helper.stdout is not None
        if not helper.stdout.readline().startswith(b"ready"):
            raise RuntimeError("sleepers did not start")
        yield
    finally:
        helper.terminate()  # it kills and reaps its children
        helper.wait(timeout=60)
        if helper.stdout is not None:
            helper.stdout.close()


def measure(total: int) -> dict[str, float]:
    plain, identified = Pipeline(identified=False), Pipeline(identified=True)
    figures: dict[str, float] = {}
    with crowd(total):
        plain.run(), identified.run()
        time.sleep(YOUNG_SECONDS + 1)  # the crowd is old now: nothing new from here on
        plain.run(), identified.run()
        idle = [(plain.timed(), identified.timed()) for _ in range(IDLE_PASSES)]
        figures["processes"] = float(identified.count)
        figures["idle_plain_ms"] = statistics.median(p for p, _ in idle)
        figures["idle_identified_ms"] = statistics.median(i for _, i in idle)
        with burst(BURST):
            figures["burst_plain_ms"] = plain.timed()
            figures["burst_identified_ms"] = identified.timed()
            young: list[tuple[float, float, int, int, int]] = []
            deadline = time.monotonic() + YOUNG_SECONDS + 1
            while time.monotonic() < deadline:
                time.sleep(1.0)
                plain_changed = len(plain.run().changed)
                changed = len(identified.run().changed)
                young.append((plain.cpu_ms, identified.cpu_ms, identified.rebuilt, changed, plain_changed))
            figures["young_plain_ms"] = statistics.median(y[0] for y in young)
            figures["young_identified_ms"] = statistics.median(y[1] for y in young)
            figures["young_max_rebuilt"] = float(max(y[2] for y in young))
            figures["young_max_changed"] = float(max(y[3] for y in young))
            figures["young_plain_max_changed"] = float(max(y[4] for y in young))
    return figures


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 3000]
    for total in sizes:
        figures = measure(total)
        print(f"crowd {total}: " + " ".join(f"{k}={v:.2f}".removesuffix(".00") for k, v in figures.items()))


if __name__ == "__main__":
    main()
