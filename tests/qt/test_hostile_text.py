"""Names and command lines that look like markup or hide text are shown literally."""

import subprocess

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.core.display_text import COMMAND_LINE_LIMIT
from gui.core.process_row import make_row
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.platforms import current
from gui.views.process_view import ProcessView
from tests.long_argv import long_argv_child
from tests.rows import make_test_row

__all__ = ["long_argv_child"]  # the fixture

#: What a local user can put in their own command line today.
HOSTILE = (
    "sleep 600 <img src='/usr/share/pixmaps/debian-logo.png'>"
    "<font color=red>harmless</font><!-- --really-delete-everything -->"
)


def rendered(tooltip: str) -> str:
    """What Qt shows for a tooltip (it renders it as HTML when it might be rich text)."""
    if not QtGui.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def model_with(*rows) -> ProcessTableModel:
    model = ProcessTableModel()
    model.apply_delta(diff_snapshots({}, {row.key: row for row in rows}))
    return model


def test_a_command_line_that_looks_like_html_is_shown_literally(qapp) -> None:
    assert QtGui.mightBeRichText(HOSTILE)
    row = make_test_row(4021, "sleep", command=HOSTILE)
    model = model_with(row)  # kept: an index does not keep its model alive
    index = model.index_of(row.key, Column.COMMAND)
    assert index.data() == HOSTILE
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "<!--" not in tooltip
    assert rendered(tooltip) == HOSTILE


def test_the_tooltip_follows_a_changed_command_line_and_stays_literal(qapp) -> None:
    before = make_test_row(7, "sh", command="sh")
    after = make_test_row(7, "sh", command=HOSTILE + "\u202e")
    model = model_with(before)
    model.apply_delta(diff_snapshots({before.key: before}, {after.key: after}))
    tooltip = model.index_of(after.key, Column.COMMAND).data(Qt.ItemDataRole.ToolTipRole)
    assert rendered(tooltip) == HOSTILE + "\u27e8U+202E\u27e9"


def test_the_views_tooltip_shows_the_command_line_literally(qtbot) -> None:
    row = make_test_row(4021, "sleep", command=HOSTILE)
    model = model_with(row)
    view = ProcessView(ProcessFilterProxy(model))
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    cell = view.visualRect(view.model().index(0, Column.COMMAND)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, cell, view.viewport().mapToGlobal(cell))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert rendered(QToolTip.text()) == HOSTILE
    label = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label")
    assert isinstance(label, QLabel) and label.isVisible()
    assert rendered(label.text()) == HOSTILE
    QToolTip.hideText()


def test_a_900_kb_command_line_gives_a_bounded_row_and_tooltip(
    qapp, long_argv_child: subprocess.Popen[bytes]
) -> None:
    sample = {s.key.pid: s for s in current().read_processes()}[long_argv_child.pid]
    row = make_row(sample, 0.0)
    model = model_with(row)  # kept: an index does not keep its model alive
    index = model.index_of(row.key, Column.COMMAND)
    assert len(index.data()) <= COMMAND_LINE_LIMIT + 1
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert len(tooltip) < COMMAND_LINE_LIMIT + 100
    assert rendered(tooltip) == index.data()
