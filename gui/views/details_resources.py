"""The details window's Resources box: CPU, memory, threads, priority and disk, live."""

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from gui.core.details_history import Rates, rates_between
from gui.core.formatting import UNKNOWN, format_bytes, format_count
from gui.core.process_details import Missing, PriorityScheme, Reading, ResourceReading
from gui.views.details_fields import FieldRows, value_label
from gui.views.details_words import cpu_time_text, field_titles, priority_text, total_and_rate_text

#: The box's rows, in order (a Priority change and disk columns reuse these words).
RESOURCE_FIELDS = (
    "cpu", "cpu_time", "memory", "memory_unique", "memory_proportional",
    "threads", "priority", "disk_read", "disk_written",
)  # fmt: skip

#: As wide as the box's figures get (a disk total with its rate), with room to spare.
_WIDEST = "9,999.9 MB (999.9 MB/s) "


class ResourcesBox(QGroupBox):
    """Shows each reading with the rates since the previous one (CPU %, disk per second).

    USS and PSS are read only at some readings (``full_memory``); between them the box keeps
    the last values. Readings are taken every second but drawn only while the box can be
    seen (:meth:`take`, then :meth:`show_latest`). A field this OS does not have is left
    out; a refused one says so.
    """

    def __init__(
        self, rows: FieldRows, priority_scheme: PriorityScheme, parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("DetailsWindow", "Resources"), parent)
        self.setObjectName("details_resources")
        self._rows = rows
        self._priority_scheme = priority_scheme
        self._last: ResourceReading | None = None
        self._rates: Rates | None = None
        #: USS and PSS as last read (not every reading has them).
        self._full_memory: tuple[Reading[int], Reading[int]] | None = None
        form = QFormLayout(self)
        titles = field_titles()
        # One line each, of a fixed size: a label of fixed size does not ask its layouts to
        # be redone when its text changes, which would repaint the whole tab every second.
        metrics = self.fontMetrics()
        size = QSize(metrics.horizontalAdvance(_WIDEST), metrics.height())
        for field in RESOURCE_FIELDS:
            label = value_label(self, titles[field])
            label.setWordWrap(False)
            label.setFixedSize(size)
            rows.add(form, field, titles[field], label)

    @property
    def latest(self) -> ResourceReading | None:
        """The newest reading taken (shown or not yet)."""
        return self._last

    def take(self, reading: ResourceReading) -> Rates:
        """Keep ``reading`` as the newest; returns the rates since the previous one.

        Nothing is drawn: :meth:`show_latest` does, when the box can be seen.
        """
        rates = rates_between(self._last, reading)
        self._last, self._rates = reading, rates
        if reading.full_memory:
            self._full_memory = (reading.memory_unique, reading.memory_proportional)
        return rates

    def show_latest(self) -> None:
        """Show the newest reading taken (labels whose text did not change are left alone)."""
        reading, rates = self._last, self._rates
        if reading is None or rates is None:
            return
        rows = self._rows
        rows.set_reading("cpu", UNKNOWN if rates.cpu_percent is None else f"{rates.cpu_percent:.1f} %")
        seconds = reading.cpu_seconds
        rows.set_reading("cpu_time", seconds if isinstance(seconds, Missing) else cpu_time_text(seconds))
        self._set_bytes("memory", reading.memory_resident)
        if self._full_memory is not None:
            self._set_bytes("memory_unique", self._full_memory[0])
            self._set_bytes("memory_proportional", self._full_memory[1])
        threads = reading.threads
        rows.set_reading("threads", threads if isinstance(threads, Missing) else format_count(threads))
        priority = reading.priority
        rows.set_reading(
            "priority",
            priority if isinstance(priority, Missing) else priority_text(self._priority_scheme, priority),
        )
        for field, total, rate in (
            ("disk_read", reading.disk_read, rates.disk_read_per_s),
            ("disk_written", reading.disk_written, rates.disk_written_per_s),
        ):
            rows.set_reading(field, total if isinstance(total, Missing) else total_and_rate_text(total, rate))

    def _set_bytes(self, field: str, value: Reading[int]) -> None:
        self._rows.set_reading(field, value if isinstance(value, Missing) else format_bytes(value))
