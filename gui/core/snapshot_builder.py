"""From one pass of raw samples to the table's rows."""

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from gui.core.app_identity import NO_IDENTITY, ProcessIdentity
from gui.core.cpu_usage import CpuUsageTracker
from gui.core.disk_rates import NO_DISK_RATES, DiskRates
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow, make_row, with_disk, with_windows
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo

Identities = Mapping[ProcessKey, ProcessIdentity]
NO_IDENTITIES: Identities = MappingProxyType({})
Windows = Mapping[ProcessKey, tuple[WindowInfo, ...]]
NO_WINDOWS: Windows = MappingProxyType({})


class SnapshotBuilder:
    """Turns each pass's samples into rows keyed by :class:`ProcessKey`.

    A row is rebuilt only when its sample, its CPU % or its identity object changed;
    otherwise the previous row object is reused, so the diff can skip it by identity.
    With thousands of idle processes that is most of them. Identities are compared
    only when the platform handed over a new mapping (it returns the same one when
    nothing was new); so are windows (the sampler regroups them only when they changed).
    """

    def __init__(self, core_count: int) -> None:
        self._cpu = CpuUsageTracker(core_count)
        self._rows: dict[ProcessKey, ProcessRow] = {}
        self._identities: Identities = NO_IDENTITIES
        self._windows: Windows = NO_WINDOWS

    def build(
        self,
        samples: Sequence[ProcessSample],
        monotonic_now: float,
        wall_now: float,
        identities: Identities = NO_IDENTITIES,
        windows: Windows = NO_WINDOWS,
        *,
        disk: DiskRates = NO_DISK_RATES,
    ) -> dict[ProcessKey, ProcessRow]:
        """``disk``: rates while the disk columns are shown (empty otherwise: blank cells)."""
        percents = self._cpu.update(samples, monotonic_now, wall_now)
        previous = self._rows
        new_identities = identities is not self._identities
        new_windows = windows is not self._windows
        rows: dict[ProcessKey, ProcessRow] = {}
        for sample in samples:
            key = sample.key
            percent = percents[key]
            row = previous.get(key)
            if row is None or row.sample is not sample or row.cpu_percent != percent:
                row = make_row(
                    sample,
                    percent,
                    identities.get(key, NO_IDENTITY),
                    windows.get(key, ()),
                    disk.get(key),
                    before=row,
                )
            else:
                if new_identities:
                    identity = identities.get(key, NO_IDENTITY)
                    if identity is not row.identity:
                        row = make_row(sample, percent, identity, row.windows, row.disk)
                if new_windows:
                    own = windows.get(key, ())
                    if own != row.windows:
                        row = with_windows(row, own)
                if row.disk is not None or disk:
                    rate = disk.get(key)
                    if rate is not row.disk and rate != row.disk:
                        row = with_disk(row, rate)
            rows[key] = row
        self._rows = rows
        self._identities = identities
        self._windows = windows
        return rows
