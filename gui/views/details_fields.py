"""Rows of a details window's form: a name, a selectable value, and what a missing value shows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QWidget

from gui.core.process_details import Missing, Reading
from gui.views.details_words import missing_text


def value_label(parent: QWidget, accessible_name: str) -> QLabel:
    """A field's value: plain text (it may come from the process), selectable, named for
    assistive technology after its field."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class FieldRows:
    """The rows of one or more forms, by field id: the value labels and their rows' widgets."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        #: Whether each row is shown, as last set (a live window sets them every second).
        self._visible: dict[str, bool] = {}

    def add(
        self, form: QFormLayout, field: str, title: str, label: QLabel, row: QWidget | None = None
    ) -> None:
        """Add ``label`` (or ``row``, a widget holding it with buttons) under ``title``."""
        label.setObjectName(f"details_{field}")
        self.labels[field] = label
        widget = row if row is not None else label
        form.addRow(title, widget)
        self._rows[field] = (form, widget)

    def set_visible(self, field: str, visible: bool) -> None:
        if self._visible.get(field) is visible:
            return
        self._visible[field] = visible
        form, widget = self._rows[field]
        form.setRowVisible(widget, visible)

    def set_reading(self, field: str, value: Reading[str]) -> None:
        """A field's text; a refusal as its sentence; a value this OS lacks hides the row."""
        if value is Missing.NOT_HERE:
            self.set_visible(field, False)
            return
        self.set_visible(field, True)
        text = missing_text(value) if isinstance(value, Missing) else value
        label = self.labels[field]
        if label.text() != text:
            label.setText(text)
