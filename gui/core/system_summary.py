"""Machine-wide figures shown in the status bar."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SystemSummary:
    """Whole-machine CPU and memory use at one sampling pass.

    ``cpu_percent`` is 0-100 over all cores; ``None`` until a second pass
    gives an interval to measure over.
    """

    cpu_percent: float | None
    memory_used: int
    memory_total: int
