"""Per-process CPU % between two passes, as top computes it (100 = one full core)."""

from collections.abc import Iterable

from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample

#: Shortest lifetime used when estimating a new process's CPU %, to avoid
#: dividing by almost zero.
_MIN_LIFETIME_S = 0.1


class CpuUsageTracker:
    """Remembers each process's CPU time at the last pass and turns the difference into %.

    A process first seen at the app's first pass has no interval to measure over
    yet (``None``). A process that started after the previous pass is measured
    over its own lifetime, which is exactly the interval it existed in. One the reader
    had left unread for some passes is measured over the time since it was last read.
    """

    def __init__(self, core_count: int) -> None:
        self._core_count = max(1, core_count)
        self._previous_cpu: dict[ProcessKey, float] = {}
        self._previous_pass: tuple[float, float] | None = None  # (monotonic, wall clock)

    def update(
        self, samples: Iterable[ProcessSample], monotonic_now: float, wall_now: float
    ) -> dict[ProcessKey, float | None]:
        """CPU % per process for this pass; forgets processes not in ``samples``."""
        percents: dict[ProcessKey, float | None] = {}
        current_cpu: dict[ProcessKey, float] = {}
        previous = self._previous_pass
        previous_cpu = self._previous_cpu
        elapsed = monotonic_now - previous[0] if previous is not None else 0.0
        for sample in samples:
            key = sample.key
            cpu = sample.cpu_seconds
            if cpu is None:
                percents[key] = None
                continue
            current_cpu[key] = cpu
            before = previous_cpu.get(key)
            if before is not None and previous is not None:
                if cpu == before:  # idle since the last pass, as most processes are
                    percents[key] = 0.0
                    continue
                span = elapsed if sample.read_gap_s is None else sample.read_gap_s
                busy = (cpu - before) / span if span > 0 else 0.0
                percents[key] = self._clamp(busy, sample.threads)
            elif previous is not None and key.create_time >= previous[1] - 1.0:
                lifetime = max(_MIN_LIFETIME_S, wall_now - key.create_time)
                percents[key] = self._clamp(cpu / lifetime, sample.threads)
            else:
                percents[key] = None
        self._previous_cpu = current_cpu
        self._previous_pass = (monotonic_now, wall_now)
        return percents

    def _clamp(self, cores_busy: float, threads: int | None) -> float:
        """0 up to 100 per core the process can use: it cannot run on more cores than it
        has threads, so timing jitter never shows a single thread at 100.4 %."""
        usable = self._core_count if threads is None else min(self._core_count, max(1, threads))
        return min(max(cores_busy * 100.0, 0.0), 100.0 * usable)
