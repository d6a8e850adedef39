"""Cells that elide in the middle: a command line keeps its script, at the end, visible."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from gui.core.display_text import ELLIPSIS
from gui.views.left_to_right import LeftToRightDelegate

#: No glyph of a usual font is narrower than this (pixels): a cell this many pixels wide
#: shows at most that many characters. Zero-width marks aside, which only shorten the part
#: shown around the ellipsis a little: the tooltip keeps the whole command line.
_NARROWEST_GLYPH_PX = 2


class MiddleElideDelegate(LeftToRightDelegate):
    """``/usr/bin/python3 -u /home/…/frozen_editor.py`` rather than ``/usr/bin/python3 -u /ho…``.

    Qt shapes a cell's whole text before eliding it, at every repaint: for a command line
    of thousands of characters (a browser's) that is most of the row's painting. So the
    painted text keeps only as many characters at each end as the cell could ever show;
    Qt's middle elision then gives the same result (the model's text stays whole). A command
    line reads left to right in a right-to-left layout too (see LeftToRightDelegate).
    """

    def initStyleOption(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
        width = option.rect.width()
        if width > 0:  # painting (a size hint measures the whole text)
            option.text = ends_only(option.text, width // _NARROWEST_GLYPH_PX)


def ends_only(text: str, keep: int) -> str:
    """``text`` with at most ``keep`` characters at each end around an ellipsis."""
    keep = max(keep, 1)
    if len(text) <= 2 * keep + 1:
        return text
    return text[:keep] + ELLIPSIS + text[-keep:]
