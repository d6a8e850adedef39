"""From one pass of raw samples to the table's rows."""

from collections.abc import Sequence

from gui.core.cpu_usage import CpuUsageTracker
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow, make_row
from gui.core.process_sample import ProcessSample


class SnapshotBuilder:
    """Turns each pass's samples into rows keyed by :class:`ProcessKey`."""

    def __init__(self, core_count: int) -> None:
        self._cpu = CpuUsageTracker(core_count)

    def build(
        self, samples: Sequence[ProcessSample], monotonic_now: float, wall_now: float
    ) -> dict[ProcessKey, ProcessRow]:
        percents = self._cpu.update(samples, monotonic_now, wall_now)
        return {sample.key: make_row(sample, percents[sample.key]) for sample in samples}
