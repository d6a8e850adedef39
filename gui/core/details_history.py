"""A details window's history of CPU % and memory, and the rates between two readings."""

import math
from collections import deque
from dataclasses import dataclass

from gui.core.process_details import Missing, Reading, ResourceReading

#: How long the history graph remembers (the issue asks for at least two minutes).
HISTORY_SECONDS = 300.0
#: The graph's time axis spans at least this much (then grows with the history, up to all of it).
SHORTEST_SPAN_SECONDS = 120.0


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """One reading on the graph: when (monotonic seconds), CPU % (100 = one core), memory."""

    monotonic: float
    cpu_percent: float | None
    memory: int | None


@dataclass(frozen=True, slots=True)
class Rates:
    """What changed per second between two readings; ``None`` where it cannot be told."""

    cpu_percent: float | None
    disk_read_per_s: float | None
    disk_written_per_s: float | None


def _per_second(
    before: Reading[int] | Reading[float], after: Reading[int] | Reading[float], elapsed: float
) -> float | None:
    if isinstance(before, Missing) or isinstance(after, Missing) or elapsed <= 0:
        return None
    return max(0.0, (after - before) / elapsed)


def rates_between(before: ResourceReading | None, after: ResourceReading) -> Rates:
    """CPU % and disk rates from ``before`` to ``after`` (the same process)."""
    if before is None or before.key != after.key:
        return Rates(None, None, None)
    elapsed = after.monotonic - before.monotonic
    cpu = _per_second(before.cpu_seconds, after.cpu_seconds, elapsed)
    return Rates(
        None if cpu is None else cpu * 100.0,
        _per_second(before.disk_read, after.disk_read, elapsed),
        _per_second(before.disk_written, after.disk_written, elapsed),
    )


class History:
    """The last :data:`HISTORY_SECONDS` of readings, oldest first."""

    def __init__(self, seconds: float = HISTORY_SECONDS) -> None:
        self.seconds = seconds
        self._points: deque[HistoryPoint] = deque()

    def add(self, point: HistoryPoint) -> None:
        self._points.append(point)
        while self._points and point.monotonic - self._points[0].monotonic > self.seconds:
            self._points.popleft()

    def span(self) -> float:
        """The time the graph's axis shows: two minutes, or as much as is kept once older."""
        if not self._points:
            return SHORTEST_SPAN_SECONDS
        age = self._points[-1].monotonic - self._points[0].monotonic
        return min(self.seconds, max(SHORTEST_SPAN_SECONDS, age))

    def points(self) -> tuple[HistoryPoint, ...]:
        return tuple(self._points)

    def __len__(self) -> int:
        return len(self._points)

    def peak_memory(self) -> int:
        return max((p.memory for p in self._points if p.memory is not None), default=0)

    def peak_cpu(self) -> float:
        return max((p.cpu_percent for p in self._points if p.cpu_percent is not None), default=0.0)


#: A chart's top is rounded up to one of these (times a power of 1024 for memory).
_ROUND_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1024)


def cpu_scale_top(peak_percent: float) -> float:
    """The CPU chart's top: 100 % (one core), or whole cores above the peak when it used more."""
    return max(100.0, math.ceil(peak_percent / 100.0) * 100.0)


def memory_scale_top(peak_bytes: int) -> int:
    """The memory chart's top: a round figure above the peak (``50 MB``, ``2 GB``), so the
    line never touches the top and the scale written in its corner reads at a glance."""
    wanted = max(1024, int(peak_bytes * 1.1))
    unit = 1
    while wanted / unit >= 1024:
        unit *= 1024
    return next(step for step in _ROUND_STEPS if step * unit >= wanted) * unit
