"""Telling the user what happened: status bar, result bar, escalation offer, details."""

import os
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow

from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import PlatformAdapter
from gui.views.message_bar import BarKind, MessageBar
from gui.views.results_dialog import ResultsDialog

_MESSAGE_MS = 8000
_PROGRESS = {
    Action.END: "Ending",
    Action.FORCE_QUIT: "Force quitting",
    Action.END_GROUP: "Ending",
    Action.END_TREE: "Ending",
    Action.STOP: "Stopping",
    Action.CONTINUE: "Continuing",
}


def _names(processes: tuple[ProcessSample, ...], limit: int = 3) -> str:
    named = [f"\u201c{p.name}\u201d (PID {p.key.pid})" for p in processes[:limit]]
    if len(processes) > limit:
        named.append(f"{len(processes) - limit} more")
    return ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]


class ActionFeedback(QObject):
    """Shows each request's outcome and offers Force quit for processes that ignored End."""

    #: The user chose "Force quit" in the escalation bar (tuple of ProcessSample).
    force_quit_requested = Signal(object)
    #: ProcPilot itself was ended through its own menu.
    close_requested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        adapter: PlatformAdapter,
        results_bar: MessageBar,
        escalation_bar: MessageBar,
        grace_s: float,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._adapter = adapter
        self.results_bar = results_bar
        self.escalation_bar = escalation_bar
        self.grace_s = grace_s
        self._escalation: tuple[ProcessSample, ...] = ()
        self.last_report: BatchReport | None = None

    @Slot(object, object)
    def request_submitted(self, request: ActionRequest, members: tuple[ProcessSample, ...]) -> None:
        verb = _PROGRESS.get(request.action, "Signalling")
        self._window.statusBar().showMessage(f"{verb} {_names(members)}\u2026", _MESSAGE_MS)

    @Slot(object)
    def batch_finished(self, report: BatchReport) -> None:
        self.last_report = report
        self._window.statusBar().showMessage(report.summary(), _MESSAGE_MS)
        failures = report.failures
        if failures or len(report.results) > 1:
            kind = BarKind.ERROR if failures else BarKind.SUCCESS
            text = failures[0].describe() if len(failures) == 1 else report.summary()
            self.results_bar.show_message(text, kind, (("Details\u2026", self.show_details),))
        if report.still_running:
            self._offer_force_quit(report.still_running)
        own_pid = os.getpid()
        if any(r.target.key.pid == own_pid and r.succeeded for r in report.results):
            self.close_requested.emit()

    def show_details(self) -> None:
        if self.last_report is not None:
            title = f"Results: {self._adapter.action_label(self.last_report.action).replace('&', '')}"
            ResultsDialog(self.last_report, title, self._window).show()

    def _offer_force_quit(self, survivors: tuple[ProcessSample, ...]) -> None:
        self._escalation = survivors
        verb = "is" if len(survivors) == 1 else "are"
        self.escalation_bar.show_message(
            f"{_names(survivors)} {verb} still running {self.grace_s:g} s after End.",
            BarKind.WARNING,
            (("Force quit", self._force_quit),),
        )

    def _force_quit(self) -> None:
        survivors, self._escalation = self._escalation, ()
        self.escalation_bar.dismiss()
        if survivors:
            self.force_quit_requested.emit(survivors)

    def processes_exited(self, keys: Iterable[ProcessKey]) -> None:
        """Called with each refresh's removed rows: ends the offer once they are all gone."""
        if not self._escalation or self.escalation_bar.isHidden():
            return
        gone = set(keys)
        remaining = tuple(p for p in self._escalation if p.key not in gone)
        if remaining == self._escalation:
            return
        ended = tuple(p for p in self._escalation if p.key in gone)
        if remaining:
            self._offer_force_quit(remaining)
        else:
            self._escalation = ()
            self.escalation_bar.show_message(f"{_names(ended)} ended.", BarKind.SUCCESS)
