"""Names and command lines that look like markup or hide text are shown literally."""

import os
import subprocess
import sys

import psutil
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from gui.core.actions import Action, ActionRequest
from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.core.display_text import COMMAND_LINE_LIMIT
from gui.core.process_row import make_row
from gui.core.process_sample import ProcessSample
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.platforms import current
from gui.views.confirm_dialog import ConfirmDialog
from gui.views.confirmation_text import confirmation_for
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


#: Renames itself to "gpj\u202etxt.sh" (16 bytes at most, as PR_SET_NAME allows) and waits.
RENAMED_RLO = (
    "import ctypes, time; ctypes.CDLL(None).prctl(15, 'gpj\\u202etxt.sh'.encode(), 0, 0, 0); time.sleep(600)"
)


def confirm_dialog_for(process: ProcessSample) -> ConfirmDialog:
    text = confirmation_for(ActionRequest(Action.END, (process,)), "End", 5.0)
    return ConfirmDialog(
        None,
        title=text.title,
        heading=text.heading,
        message=text.message,
        processes=(process,),
        confirm_text=text.confirm,
        skip_text=text.skip,
    )


def test_a_right_to_left_override_in_a_real_name_cannot_reorder_the_heading(qtbot, spawn) -> None:
    child = spawn("rlo-name", RENAMED_RLO)
    qtbot.waitUntil(lambda: "\u202e" in psutil.Process(child.pid).name(), timeout=10_000)
    process = current().read_process(child.pid)
    dialog = confirm_dialog_for(process)
    qtbot.addWidget(dialog)
    heading = dialog.heading_label.text()
    assert "gpj\u27e8U+202E\u27e9txt.sh" in heading
    assert f"(PID {child.pid})?" in heading
    assert "\u202e" not in heading
    assert dialog.heading_label.textFormat() == Qt.TextFormat.PlainText


def test_the_confirmation_lists_name_pid_user_and_command_line_literally(qtbot) -> None:
    row = make_test_row(4021, "sleep\u202e  x", user="mallory\u200b", command=HOSTILE + " \u202e" + "a" * 500)
    dialog = confirm_dialog_for(row.sample)
    qtbot.addWidget(dialog)
    listing = dialog.process_list
    assert [listing.headerItem().text(c) for c in range(4)] == ["Name", "PID", "User", "Command line"]
    item = listing.topLevelItem(0)
    assert item is not None
    assert item.text(0) == "sleep\u27e8U+202E\u27e9  x"
    assert item.text(1) == "4021"
    assert item.text(2) == "mallory\u27e8U+200B\u27e9"
    assert item.text(3) == row.display[Column.COMMAND]
    assert rendered(item.toolTip(3)) == row.display[Column.COMMAND]
    assert "<img" not in item.toolTip(3)
    assert listing.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert dialog.cancel_button.isDefault() and not dialog.confirm_button.isDefault()
    assert "  x" in dialog.heading_label.text()  # runs of spaces are not merged


def test_screenshot_of_a_hostile_confirmation(qtbot, tmp_path) -> None:
    """Rendered once for a person to look at (``PROCPILOT_SCREENSHOT=/path.png`` keeps it)."""
    row = make_test_row(4021, "evil\u202egpj.exe", user="mallory", command=HOSTILE)
    dialog = confirm_dialog_for(row.sample)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    target = os.environ.get("PROCPILOT_SCREENSHOT") or str(tmp_path / "confirm.png")
    assert dialog.grab().save(target)


def test_undecodable_bytes_in_a_real_name_and_command_line_show_as_replacement_characters(qtbot) -> None:
    code = "import ctypes, time; ctypes.CDLL(None).prctl(15, b'bad\\xffname', 0, 0, 0); time.sleep(600)"
    child = subprocess.Popen([sys.executable.encode(), b"-c", code.encode(), b"caf\xe9-marker"])
    try:
        qtbot.waitUntil(lambda: psutil.Process(child.pid).name().startswith("bad"), timeout=10_000)
        row = make_row(current().read_process(child.pid), 0.0)
        model = model_with(row)
        assert model.index_of(row.key, Column.NAME).data() == "bad\ufffdname"
        assert model.index_of(row.key, Column.COMMAND).data().endswith(" caf\ufffd-marker")
    finally:
        child.kill()
        child.wait(timeout=10)
