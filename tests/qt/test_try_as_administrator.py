"""A permission failure offers Try as administrator, which asks for the refused processes."""

import sys

import pytest
from PySide6.QtCore import Qt

from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.platforms import current

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the helper is Linux's for now")


def test_refused_processes_are_offered_as_administrator(qtbot, make_window, spawn) -> None:
    window = make_window()
    target = current().read_process(spawn("refused").pid)
    refused = ProcessResult(target, Outcome.PERMISSION_DENIED, Detail.NOT_OWNER, (("owner", "root"),))
    window.feedback.batch_finished(BatchReport(Action.END, (refused,)))
    bar = window.results_bar
    assert [b.text() for b in bar.buttons()] == ["Try as administrator", "Details\u2026"]
    assert [not b.icon().isNull() for b in bar.buttons()] == [True, False]  # the lock, never empty
    with qtbot.waitSignal(window.feedback.elevate_requested) as asked:
        window.controller.submit_elevated = lambda _request: None  # no password prompt in this test
        qtbot.mouseClick(bar.buttons()[0], Qt.MouseButton.LeftButton)
    assert asked.args[0] == ActionRequest(Action.END, (target,), as_administrator=True)
    assert bar.isHidden()
