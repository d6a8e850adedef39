"""Telling the user what happened: status bar, result bar, and what can be done next."""

import dataclasses
import os
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow

from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.display_text import display_text
from gui.core.outcomes import BatchReport, Detail, Outcome
from gui.core.process_key import ProcessKey
from gui.core.process_row import WINDOW_TITLE_LIMIT
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo
from gui.platforms import PlatformAdapter
from gui.views.action_labels import plain_action_text
from gui.views.admin_icon import admin_icon
from gui.views.app_words import app_name
from gui.views.message_args import with_args
from gui.views.message_bar import BarKind, MessageBar
from gui.views.number_words import number_text
from gui.views.process_words import process_list
from gui.views.result_wording import children_left_sentence, describe, newcomers_sentence, summary
from gui.views.results_dialog import ResultsDialog

_MESSAGE_MS = 8000


class ActionFeedback(QObject):
    """Shows each request's outcome, and offers the next step where there is one:
    Force quit for processes that ignored End, Resume or Force quit for suspended ones,
    End them too for processes that joined a tree or group while it was being ended and
    for the children an ended process left running (both in ``newcomers_bar``).

    An app's request is reported in one line for the app (``Blinking Owl: 4 processes
    ended``), and its survivors are force quit as the app's."""

    #: The user chose "Force quit" in a bar (the ActionRequest to send, asked no more).
    force_quit_requested = Signal(object)
    #: The user chose "Resume" for suspended processes (tuple of ProcessSample).
    resume_requested = Signal(object)
    #: The user chose "End them too" (an ActionRequest still to be confirmed).
    end_too_requested = Signal(object)
    #: The user chose "Try as administrator" for refused processes, or "Try again" after the
    #: password was not given (an ActionRequest, carried out as administrator).
    elevate_requested = Signal(object)
    #: The Force quit bar no longer offers these processes (tuple of ProcessKey): they exited,
    #: the bar was closed or replaced. Helper sessions held for them can close.
    escalation_withdrawn = Signal(object)
    #: ProcPilot itself was ended through its own menu.
    close_requested = Signal()
    #: The user chose "Switch to" for the question an app asks after End app (WindowInfo).
    switch_requested = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        adapter: PlatformAdapter,
        *,
        results_bar: MessageBar,
        escalation_bar: MessageBar,
        suspended_bar: MessageBar,
        newcomers_bar: MessageBar,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._adapter = adapter
        admin_icon()  # looked up once, now: the theme's folders are read by whoever runs the app
        self.results_bar = results_bar
        self.escalation_bar = escalation_bar
        self.suspended_bar = suspended_bar
        self.newcomers_bar = newcomers_bar
        self._escalation: tuple[ProcessSample, ...] = ()
        self._grace_s = 0.0
        #: The window in which the processes the Force quit bar offers ask the user something.
        self._question: WindowInfo | None = None
        self._suspended: tuple[ProcessSample, ...] = ()
        #: The app whose survivors (or suspended processes) the bars offer, if an app was ended.
        self._escalation_app: AppIdentity | None = None
        #: Whether the processes the Force quit bar offers are all that is left of that app
        #: (none refused, none new): when they exit, the app has ended.
        self._escalation_is_rest = False
        self._suspended_app: AppIdentity | None = None
        #: The report whose newcomers or children left running the End them too bar offers.
        self._end_too: BatchReport | None = None
        self.last_report: BatchReport | None = None
        #: What "Try as administrator" would send: the refused processes of the last report.
        self._refused: ActionRequest | None = None
        #: What "Try again" would send: the processes whose administrator password was not given.
        self._retry: ActionRequest | None = None
        escalation_bar.closed.connect(self._escalation_closed)

    @Slot(object)
    def request_submitted(self, request: ActionRequest) -> None:
        for bar in (self.results_bar, self.escalation_bar, self.suspended_bar, self.newcomers_bar):
            bar.dismiss_transient()  # a success has been read once the user acts again
        members = request.covered
        action = request.action.per_process
        if action in (Action.END, Action.END_GROUP, Action.END_TREE):
            text = self.tr("Ending %1\u2026")
        elif action is Action.FORCE_QUIT:
            text = self.tr("Force quitting %1\u2026")
        elif action is Action.STOP:
            text = self.tr("Suspending %1\u2026")
        elif action is Action.CONTINUE:
            text = self.tr("Resuming %1\u2026")
        elif action is Action.SET_PRIORITY:
            text = self.tr("Changing the priority of %1\u2026")
        else:
            text = self.tr("Signalling %1\u2026")
        subject = process_list(members) if request.app is None else app_name(request.app)
        self._window.statusBar().showMessage(with_args(text, subject), _MESSAGE_MS)

    @Slot(object)
    def batch_finished(self, report: BatchReport) -> None:
        self.last_report = report
        self._window.statusBar().showMessage(summary(report), _MESSAGE_MS)
        failures = report.failures
        if failures or len(report.results) > 1 or report.app is not None:
            # Green only when everything went as asked; processes left running, asking a
            # question or suspended make it a warning (their own bar offers what can be done).
            all_done = all(r.succeeded for r in report.results)
            kind = BarKind.ERROR if failures else BarKind.SUCCESS if all_done else BarKind.WARNING
            # An app keeps its one line; the Details list each process's sentence.
            single_failure = len(failures) == 1 and report.app is None
            text = describe(failures[0], report.action) if single_failure else summary(report)
            refused = tuple(r.target for r in failures if r.outcome is Outcome.PERMISSION_DENIED)
            cancelled = tuple(r.target for r in failures if r.detail is Detail.ADMIN_CANCELLED)
            self._refused = self._retry = None
            offers: list[tuple[str, Callable[[], None]]] = []
            if refused and self._adapter.can_elevate_action(report.action.per_process):
                self._refused = _as_administrator(report, refused)
                offers.append((self.tr("Try as administrator"), self._try_as_administrator))
            if cancelled:
                self._retry = _as_administrator(report, cancelled)
                offers.append((self.tr("Try again"), self._try_again))
            self.results_bar.show_message(
                text,
                kind,
                (*offers, (self.tr("Details\u2026"), self.show_details)),
                transient=not failures,  # nothing to decide here (offers have their own bar): it goes
            )
            for button in self.results_bar.buttons()[: len(offers)]:
                button.setIcon(admin_icon())
        if report.still_running:
            grace = next(
                (r.value("grace_s") for r in report.results if r.outcome is Outcome.STILL_RUNNING), None
            )
            self._grace_s = float(grace) if isinstance(grace, int | float) else 0.0
            self._escalation_app = report.app
            self._escalation_is_rest = _leaves_only_offers(report)
            self._offer_force_quit(report.still_running)
        elif report.asking and report.questions:
            self._escalation_app = report.app
            self._escalation_is_rest = _leaves_only_offers(report)
            self._offer_answer(report.asking, report.questions[0])
        if report.suspended:
            self._suspended_app = report.app
            self._offer_resume(report.suspended)
        if report.new_processes or report.children_left:
            self._offer_end_too(report)
        own_pid = os.getpid()
        if any(r.target.key.pid == own_pid and r.succeeded for r in report.results):
            self.close_requested.emit()

    def show_details(self) -> None:
        if self.last_report is not None:
            label = plain_action_text(self._adapter.action_label(self.last_report.action))
            ResultsDialog(self.last_report, with_args(self.tr("Results: %1"), label), self._window).show()

    # Offers ---------------------------------------------------------------------

    def _try_as_administrator(self) -> None:
        request, self._refused = self._refused, None
        self.results_bar.dismiss()
        if request is not None:
            self.elevate_requested.emit(request)

    def _try_again(self) -> None:
        request, self._retry = self._retry, None
        self.results_bar.dismiss()
        if request is not None:
            self.elevate_requested.emit(request)

    def _offer_force_quit(self, survivors: tuple[ProcessSample, ...]) -> None:
        offered = {p.key for p in survivors}
        self._withdraw(tuple(p for p in self._escalation if p.key not in offered))
        self._escalation = survivors
        self._question = None
        app = self._escalation_app
        if app is not None:  # the app named, and which of its processes
            text = self.tr("%1 is still running %2 s after End app: %3.")
        elif len(survivors) == 1:
            text = self.tr("%1 is still running %2 s after End.")
        else:
            text = self.tr("%1 are still running %2 s after End.")
        subject = app_name(app) if app is not None else process_list(survivors)
        self.escalation_bar.show_message(
            with_args(text, subject, number_text(self._grace_s), process_list(survivors)),
            BarKind.WARNING,
            ((self.tr("Force quit"), self._force_quit),),
        )

    def _offer_answer(self, waiting: tuple[ProcessSample, ...], question: WindowInfo) -> None:
        """End app's windows answered with a question ("Save changes?"): nothing was signalled.
        The user answers it (Switch to brings it to the front) or gives up the work (Force quit)."""
        offered = {p.key for p in waiting}
        self._withdraw(tuple(p for p in self._escalation if p.key not in offered))
        self._escalation, self._question = waiting, question
        app = self._escalation_app
        subject = app_name(app) if app is not None else process_list(waiting)
        title = display_text(question.title, WINDOW_TITLE_LIMIT)
        text = (
            self.tr("%1 is asking a question in its window \u201c%2\u201d. Answer it there, or force quit.")
            if title
            else self.tr("%1 is asking a question in a window. Answer it there, or force quit.")
        )
        self.escalation_bar.show_message(
            with_args(text, subject, title),
            BarKind.WARNING,
            ((self.tr("Switch to"), self._switch_to_question), (self.tr("Force quit"), self._force_quit)),
        )

    def _switch_to_question(self) -> None:
        if self._question is not None:
            self.switch_requested.emit(self._question)

    def _force_quit(self) -> None:
        survivors, self._escalation = self._escalation, ()
        if survivors:
            self.force_quit_requested.emit(_force_quit_request(survivors, self._escalation_app))
        self.escalation_bar.dismiss()

    def _escalation_closed(self) -> None:
        """The Force quit bar was closed without Force quit (or replaced by its own "ended")."""
        withdrawn, self._escalation = self._escalation, ()
        self._question = None
        self._withdraw(withdrawn)

    def _withdraw(self, processes: tuple[ProcessSample, ...]) -> None:
        if processes:
            self.escalation_withdrawn.emit(tuple(p.key for p in processes))

    def _offer_resume(self, suspended: tuple[ProcessSample, ...]) -> None:
        self._suspended = suspended
        text = (
            self.tr("%1 is suspended: it will end when it is resumed.")
            if len(suspended) == 1
            else self.tr("%1 are suspended: they will end when they are resumed.")
        )
        self.suspended_bar.show_message(
            with_args(text, process_list(suspended)),
            BarKind.WARNING,
            ((self.tr("Resume"), self._resume), (self.tr("Force quit"), self._force_quit_suspended)),
        )

    def _resume(self) -> None:
        suspended, self._suspended = self._suspended, ()
        self.suspended_bar.dismiss()
        if suspended:
            self.resume_requested.emit(suspended)

    def _force_quit_suspended(self) -> None:
        suspended, self._suspended = self._suspended, ()
        self.suspended_bar.dismiss()
        if suspended:
            self.force_quit_requested.emit(_force_quit_request(suspended, self._suspended_app))

    def _offer_end_too(self, report: BatchReport) -> None:
        self._end_too = report
        text = newcomers_sentence(report) if report.new_processes else children_left_sentence(report)
        self.newcomers_bar.show_message(
            text, BarKind.WARNING, ((self.tr("End them too"), self._end_them_too),)
        )

    def _end_them_too(self) -> None:
        report, self._end_too = self._end_too, None
        self.newcomers_bar.dismiss()
        if report is not None:
            # The same action as the one that left them running, asked again for them alone
            # (one by one: children an app left running are not that app's).
            self.end_too_requested.emit(ActionRequest(report.action.per_process, _left_running(report)))

    def processes_exited(self, keys: Iterable[ProcessKey]) -> None:
        """Called with each refresh's removed rows: ends the offers once their processes are gone."""
        gone = set(keys)
        if not gone:
            return
        if self._escalation and not self.escalation_bar.isHidden():
            self._escalation_exited(gone)
        if self._end_too is not None and not self.newcomers_bar.isHidden():
            self._end_too_exited(self._end_too, gone)
        if self._suspended and not self.suspended_bar.isHidden():
            self._suspended_exited(gone)

    def _escalation_exited(self, gone: set[ProcessKey]) -> None:
        remaining = tuple(p for p in self._escalation if p.key not in gone)
        if remaining == self._escalation:
            return
        ended = tuple(p for p in self._escalation if p.key in gone)
        if remaining and self._question is not None:
            self._offer_answer(remaining, self._question)
        elif remaining:
            self._offer_force_quit(remaining)
        else:
            self._withdraw(self._escalation)
            self._escalation = ()
            app = self._escalation_app if self._escalation_is_rest else None
            subject = app_name(app) if app is not None else process_list(ended)
            self.escalation_bar.show_message(
                with_args(self.tr("%1 ended."), subject), BarKind.SUCCESS, transient=True
            )

    def _end_too_exited(self, report: BatchReport, gone: set[ProcessKey]) -> None:
        offered = _left_running(report)
        remaining = tuple(p for p in offered if p.key not in gone)
        if not remaining:
            self._end_too = None
            self.newcomers_bar.dismiss()
        elif remaining != offered:
            if report.new_processes:
                self._offer_end_too(dataclasses.replace(report, new_processes=remaining))
            else:
                self._offer_end_too(dataclasses.replace(report, children_left=remaining))

    def _suspended_exited(self, gone: set[ProcessKey]) -> None:
        remaining = tuple(p for p in self._suspended if p.key not in gone)
        if not remaining:
            self._suspended = ()
            self.suspended_bar.dismiss()
        elif remaining != self._suspended:
            self._offer_resume(remaining)


def _leaves_only_offers(report: BatchReport) -> bool:
    """Whether what ``report`` left running is only what the Force quit bar offers: nothing
    refused, suspended, new or left running as a child (those have bars of their own)."""
    return not (report.failures or report.suspended or report.new_processes or report.children_left)


def _as_administrator(report: BatchReport, processes: tuple[ProcessSample, ...]) -> ActionRequest:
    """The same action (and signal) as ``report`` 's, for ``processes``, as administrator."""
    return ActionRequest(
        report.action.per_process, processes, report.signal, as_administrator=True, priority=report.priority
    )


def _force_quit_request(processes: tuple[ProcessSample, ...], app: AppIdentity | None) -> ActionRequest:
    """Force quit for what a bar offers: as the app's, when an app was being ended."""
    if app is None:
        return ActionRequest(Action.FORCE_QUIT, processes)
    return ActionRequest(Action.FORCE_QUIT_APP, processes, app=app)


def _left_running(report: BatchReport) -> tuple[ProcessSample, ...]:
    """What an End them too bar offers: newcomers to a tree or group, or children left running."""
    return report.new_processes or report.children_left
