"""From one pass of raw samples to the table's rows."""

from collections.abc import Sequence

from gui.core.cpu_usage import CpuUsageTracker
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow, make_row
from gui.core.process_sample import ProcessSample


class SnapshotBuilder:
    """Turns each pass's samples into rows keyed by :class:`ProcessKey`.

    A row is rebuilt only when its sample or its CPU % changed; otherwise the
    previous row object is reused, so the diff can skip it by identity. With
    thousands of idle processes that is most of them.
    """

    def __init__(self, core_count: int) -> None:
        self._cpu = CpuUsageTracker(core_count)
        self._rows: dict[ProcessKey, ProcessRow] = {}

    def build(
        self, samples: Sequence[ProcessSample], monotonic_now: float, wall_now: float
    ) -> dict[ProcessKey, ProcessRow]:
        percents = self._cpu.update(samples, monotonic_now, wall_now)
        previous = self._rows
        rows: dict[ProcessKey, ProcessRow] = {}
        for sample in samples:
            key = sample.key
            percent = percents[key]
            row = previous.get(key)
            if row is None or row.sample is not sample or row.cpu_percent != percent:
                row = make_row(sample, percent)
            rows[key] = row
        self._rows = rows
        return rows
