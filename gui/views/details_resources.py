"""The details window's Resources box: CPU, memory, threads, priority and disk, live."""

from PySide6.QtCore import QCoreApplication
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


class ResourcesBox(QGroupBox):
    """Shows each reading with the rates since the previous one (CPU %, disk per second).

    USS and PSS are read only at some readings (``full_memory``); between them the box keeps
    the last values. A field this OS does not have is left out; a refused one says so.
    """

    def __init__(
        self, rows: FieldRows, priority_scheme: PriorityScheme, parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("DetailsWindow", "Resources"), parent)
        self.setObjectName("details_resources")
        self._rows = rows
        self._priority_scheme = priority_scheme
        self._last: ResourceReading | None = None
        form = QFormLayout(self)
        titles = field_titles()
        for field in RESOURCE_FIELDS:
            rows.add(form, field, titles[field], value_label(self, titles[field]))

    def show_reading(self, reading: ResourceReading) -> Rates:
        """Show ``reading``; returns the rates since the previous one."""
        rates = rates_between(self._last, reading)
        self._last = reading
        rows = self._rows
        rows.labels["cpu"].setText(UNKNOWN if rates.cpu_percent is None else f"{rates.cpu_percent:.1f} %")
        seconds = reading.cpu_seconds
        rows.set_reading("cpu_time", seconds if isinstance(seconds, Missing) else cpu_time_text(seconds))
        self._set_bytes("memory", reading.memory_resident)
        if reading.full_memory:
            self._set_bytes("memory_unique", reading.memory_unique)
            self._set_bytes("memory_proportional", reading.memory_proportional)
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
        return rates

    def _set_bytes(self, field: str, value: Reading[int]) -> None:
        self._rows.set_reading(field, value if isinstance(value, Missing) else format_bytes(value))
