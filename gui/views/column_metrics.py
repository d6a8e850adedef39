"""Column widths measured in the fonts in use, so larger fonts get wider columns."""

import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTreeView

from gui.core.columns import COLUMNS, Column, ColumnSpec
from gui.core.formatting import format_date_time

#: Start times with every field at its widest (two-digit month and day), morning and evening.
_WIDE_MOMENTS = (
    time.struct_time((2026, 12, 28, 10, 58, 58, 0, 362, 0)),
    time.struct_time((2026, 12, 28, 22, 58, 58, 0, 362, 0)),
)


@dataclass(frozen=True, slots=True)
class ColumnWidths:
    """What one column needs, in pixels."""

    #: The title in full, with the header's margins.
    minimum: int
    #: What the sort arrow adds to the minimum when the column is the sorted one.
    arrow: int
    #: The column's short sample in full (and the title).
    readable: int
    #: The column's wide sample in full, and the title with its arrow: the width it starts with.
    default: int


def measure_columns(view: QTreeView, *, name_icons: bool = False) -> dict[int, ColumnWidths]:
    """Every column's widths, by logical index, in ``view``'s header and cell fonts
    (``name_icons``: rows show an icon before their name)."""
    header = view.header()
    # Fractional: the cell lays its text out with fractional advances, and elides
    # a text 0.3 px wider than a whole-pixel measure promised.
    metrics = QFontMetricsF(view.font())
    # QStyledItemDelegate keeps this margin on each side of a cell's text.
    padding = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    icon = view.iconSize().width()
    small_icon = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    icon_room = (icon if icon > 0 else small_icon) + padding if name_icons else 0
    measured = {}
    for spec in COLUMNS:
        # Qt's own measure (as for "resize to contents"), which reserves the arrow in every section.
        with_arrow = header.sectionSizeFromContents(spec.column).width()
        arrow = max(0, _title_width(header, spec.column, sorted_by=True) - _title_width(header, spec.column))
        title = with_arrow - arrow
        readable_text, sample = _samples(spec, metrics)
        readable = max(title, math.ceil(metrics.horizontalAdvance(readable_text)) + padding)
        default = max(readable, with_arrow, math.ceil(metrics.horizontalAdvance(sample)) + padding)
        if spec.column == Column.NAME:
            # An app's icon sits before its name (none elsewhere: icon_room is 0).
            readable += icon_room
            default += icon_room
        if spec.column == Column.NAME and view.rootIsDecorated():
            # The tree's branches take their room from the Name column: two levels deep.
            readable += 2 * view.indentation()
            default += 2 * view.indentation()
        measured[int(spec.column)] = ColumnWidths(title, arrow, readable, default)
    return measured


def _samples(spec: ColumnSpec, metrics: QFontMetricsF) -> tuple[str, str]:
    """The column's readable and wide samples; a start time as the user's locale writes it."""
    if spec.column != Column.STARTED:
        return spec.readable_text, spec.sample
    shown = max((format_date_time(moment) for moment in _WIDE_MOMENTS), key=metrics.horizontalAdvance)
    return shown, shown


def _title_width(header: QHeaderView, logical: int, *, sorted_by: bool = False) -> int:
    """The section's width for its title, with or without the sort arrow, as the style measures it.

    The style draws the arrow, and takes its room from the title, only in the sorted section.
    """
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.orientation = Qt.Orientation.Horizontal
    option.section = logical
    model = header.model()
    option.text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "") if model else ""
    option.sortIndicator = (
        QStyleOptionHeader.SortIndicator.SortDown if sorted_by else QStyleOptionHeader.SortIndicator.None_
    )
    style = header.style()
    return style.sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header).width()
