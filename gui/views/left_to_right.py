"""Cells and titles that read left to right in a right-to-left layout (Qt's ``-reverse``).

A mirrored window lays a paragraph out right to left, and the Unicode bidi rules then move
the neutral characters at the ends of a path, a size or a time: "/usr/bin/Xvfb" shows as
"usr/bin/Xvfb/", "1.5 MB" as "MB 1.5". The text itself stays untouched (no invisible marks:
screen readers and copy read them): only its layout direction is set, and its alignment
is mirrored first, so the column still aligns as the mirrored window expects.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

_LTR = Qt.LayoutDirection.LeftToRight


def lay_out_left_to_right(
    direction: Qt.LayoutDirection, alignment: Qt.AlignmentFlag
) -> tuple[Qt.LayoutDirection, Qt.AlignmentFlag]:
    """The direction and (absolute) alignment that keep the text's own order where it stood."""
    return _LTR, QStyle.visualAlignment(direction, alignment)


class LeftToRightDelegate(QStyledItemDelegate):
    """Paints a cell's text left to right, aligned as the layout direction wants."""

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction, option.displayAlignment = lay_out_left_to_right(
            option.direction, option.displayAlignment
        )
