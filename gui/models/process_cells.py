"""What a process row's cells hold, role by role: shared by the flat, tree and grouped models."""

from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from gui.core.columns import COLUMNS, Column
from gui.core.process_row import ProcessRow
from gui.models.column_titles import column_titles, column_tooltips
from gui.models.plain_tooltip import plain_tooltip
from gui.models.platform_wording import priority_cell_text
from gui.models.roles import KEY_ROLE, SORT_ROLE
from gui.models.status_words import status_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
NUMERIC = tuple(spec.column for spec in COLUMNS if spec.numeric)
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
COLUMN_COUNT = len(COLUMNS)
#: The status id of a process that exited while its row was kept (see ``keep_exited``).
EXITED = "exited"
#: The row holds a status id there; the cell shows it as a word.
STATUS = int(Column.STATUS)
WINDOW_TITLE = int(Column.WINDOW_TITLE)
DISK = (int(Column.DISK_READ), int(Column.DISK_WRITE))
#: The row holds a nice value there; on Windows the cell shows its class's name.
PRIORITY = int(Column.PRIORITY)


def runs(sorted_rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Contiguous ``(first, last)`` runs of ascending row numbers."""
    first = last = -2
    for row in sorted_rows:
        if row != last + 1:
            if first >= 0:
                yield first, last
            first = row
        last = row
    if first >= 0:
        yield first, last


def set_headers(model: QStandardItemModel) -> None:
    """Column titles, tooltips, alignment, and which way the first click sorts."""
    titles, tooltips = column_titles(), column_tooltips()
    for spec in COLUMNS:
        header = QStandardItem(titles[spec.column])
        header.setToolTip(tooltips[spec.column])
        header.setTextAlignment(RIGHT if spec.numeric else LEFT)
        # The header's first click on a column: biggest (or newest) first, text A to Z.
        first = Qt.SortOrder.DescendingOrder if spec.sorts_by_value else Qt.SortOrder.AscendingOrder
        header.setData(first, Qt.ItemDataRole.InitialSortOrderRole)
        model.setHorizontalHeaderItem(spec.column, header)


def cells(row: ProcessRow, *, text_sort_values: bool = False) -> list[dict[int, Any]]:
    """Every role of each of a row's cells: text, raw sort value, alignment, key, tooltip.

    With ``text_sort_values``, text columns sort by their case-folded text in
    ``SORT_ROLE`` too (the nested models sort every column by that role).
    """
    result: list[dict[int, Any]] = [
        {DISPLAY: text} if sort_value is None else {DISPLAY: text, SORT_ROLE: sort_value}
        for text, sort_value in zip(row.display, row.sort_values, strict=True)
    ]
    if text_sort_values:
        for column, sort_value in enumerate(row.sort_values):
            if sort_value is None:
                shown = result[column][DISPLAY] if column != STATUS else status_text(row.display[STATUS])
                result[column][SORT_ROLE] = shown.casefold()
    for column in NUMERIC:
        result[column][ALIGNMENT] = RIGHT
    result[STATUS][DISPLAY] = status_text(row.display[STATUS])
    result[PRIORITY][DISPLAY] = priority_cell_text(row.display[PRIORITY])
    result[Column.NAME][KEY_ROLE] = row.key
    result[Column.COMMAND][TOOLTIP] = command_tooltip(row)
    if row.window_titles:
        result[Column.NAME][TOOLTIP] = result[WINDOW_TITLE][TOOLTIP] = windows_tooltip(row.window_titles)
    if _disk_refused(row):
        for column in DISK:
            result[column][TOOLTIP] = disk_tooltip(row)
    for column in DISK:
        if is_blank(row, column):
            result[column] = {DISPLAY: "", ALIGNMENT: RIGHT}
    return result


def filled_columns(unfilled: frozenset[int]) -> list[int]:
    """The columns that hold items: all but those the user hides (see the models'
    ``set_unfilled_columns``)."""
    return [column for column in range(COLUMN_COUNT) if column not in unfilled]


def is_blank(row: ProcessRow, column: int) -> bool:
    """Whether a disk cell has nothing to show (its columns are hidden): it holds its text and
    alignment but no sort value, which sorts it after every value. A Qt item with two roles
    costs about 290 bytes, with three about 450: at thousands of processes that adds up."""
    return column in DISK and row.disk is None


def _disk_refused(row: ProcessRow) -> bool:
    return row.disk is not None and row.disk.refused


def disk_tooltip(row: ProcessRow) -> str:
    """Why a disk cell is blank when the OS refused its counters; empty otherwise."""
    if not _disk_refused(row):
        return ""
    return QCoreApplication.translate(
        "ProcessCells", "Needs administrator rights to read another user's disk activity"
    )


def windows_tooltip(titles: tuple[str, ...]) -> str:
    """``Windows:`` and one title per line, as plain text (titles are the programs' own words)."""
    if not titles:
        return ""
    heading = QCoreApplication.translate("ProcessCells", "Windows:")
    return plain_tooltip("\n".join((heading, *titles)))


def command_tooltip(row: ProcessRow) -> str:
    """The command line as the cell shows it (bounded, controls made visible), as plain text."""
    return plain_tooltip(row.display[Column.COMMAND]) if row.sample.command_line else ""


def changed_cells(
    old: ProcessRow, row: ProcessRow, *, text_sort_values: bool = False
) -> list[tuple[int, dict[int, Any]]]:
    """The cells whose text or value changed, with the roles to write, by ascending column
    (a role set to ``None`` is removed)."""
    changed: list[tuple[int, dict[int, Any]]] = []
    for column, (text, sort_value) in enumerate(zip(row.display, row.sort_values, strict=True)):
        if text != old.display[column] or sort_value != old.sort_values[column]:
            shown = status_text(text) if column == STATUS else text
            if column == PRIORITY:
                shown = priority_cell_text(text)
            roles: dict[int, Any] = {DISPLAY: shown}
            if sort_value is not None:
                roles[SORT_ROLE] = sort_value
            elif text_sort_values:
                roles[SORT_ROLE] = shown.casefold()
            if column == Column.COMMAND:
                roles[TOOLTIP] = command_tooltip(row)
            changed.append((column, roles))
    if row.sample.command_line != old.sample.command_line and not any(
        column == Column.COMMAND for column, _ in changed
    ):
        changed.append((int(Column.COMMAND), {TOOLTIP: command_tooltip(row)}))
    if row.window_titles != old.window_titles:
        tooltip = windows_tooltip(row.window_titles)
        name = next((roles for column, roles in changed if column == Column.NAME), None)
        if name is None:
            changed.insert(0, (int(Column.NAME), {}))  # the first column: the order stays ascending
            name = changed[0][1]
        name[TOOLTIP] = tooltip
        title = next((roles for column, roles in changed if column == WINDOW_TITLE), None)
        if title is None:
            title = {}
            changed.append((WINDOW_TITLE, title))
        title[TOOLTIP] = tooltip
    if _disk_refused(row) != _disk_refused(old):
        _set_disk_tooltips(changed, disk_tooltip(row))
    changed = _follow_blankness(changed, old, row)
    changed.sort(key=lambda change: change[0])  # columns in ascending order, as callers expect
    return changed


def _follow_blankness(
    changed: list[tuple[int, dict[int, Any]]], old: ProcessRow, row: ProcessRow
) -> list[tuple[int, dict[int, Any]]]:
    """A disk cell that became blank loses its sort value (``None`` removes a role), as a blank
    cell of a new row has none; one that is no longer blank gets it, even when its text
    stays empty (a refused reading)."""
    for column in DISK:
        blank_now, blank_before = is_blank(row, column), is_blank(old, column)
        if blank_now and not blank_before:
            changed = [change for change in changed if change[0] != column]
            changed.append((column, {DISPLAY: "", SORT_ROLE: None}))
        elif blank_before and not blank_now:
            roles = next((roles for changed_column, roles in changed if changed_column == column), None)
            if roles is None:
                roles = {}
                changed.append((column, roles))
            roles[SORT_ROLE] = row.sort_values[column]
    return changed


def _set_disk_tooltips(changed: list[tuple[int, dict[int, Any]]], tooltip: str) -> None:
    """Add the disk cells' tooltip to ``changed``, keeping it in ascending column order."""
    for column in DISK:
        for changed_column, roles in changed:
            if changed_column == column:
                roles[TOOLTIP] = tooltip
                break
        else:
            changed.append((column, {TOOLTIP: tooltip}))
    changed.sort(key=lambda change: change[0])


def exited_colour() -> QColor:
    """The text colour of rows whose process exited (the palette's disabled text)."""
    return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def exited_word() -> str:
    return status_text(EXITED)
