"""A long command line is painted from its ends only, and looks the same as the whole of it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from gui.views.middle_elide_delegate import _NARROWEST_GLYPH_PX, ends_only

LONG = (
    "/opt/browser/browser --type=renderer " + " ".join(f"--flag-{n}=value{n}" for n in range(300)) + " end.py"
)


def test_ends_only_keeps_short_text_and_both_ends_of_long_text() -> None:
    assert ends_only("sleep 60", 10) == "sleep 60"
    shortened = ends_only(LONG, 40)
    assert len(shortened) == 81
    assert shortened.startswith(LONG[:40]) and shortened.endswith(LONG[-40:])
    assert "\u2026" in shortened


def test_the_elided_cell_reads_the_same_from_the_ends_only(qapp: QApplication) -> None:
    metrics = QFontMetrics(qapp.font())
    for width in (40, 120, 363, 800, 1600):
        whole = metrics.elidedText(LONG, Qt.TextElideMode.ElideMiddle, width)
        ends = metrics.elidedText(
            ends_only(LONG, width // _NARROWEST_GLYPH_PX), Qt.TextElideMode.ElideMiddle, width
        )
        assert ends == whole, width
