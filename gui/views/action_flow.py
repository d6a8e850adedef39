"""From a chosen action to a submitted request: confirmations first, then the controller."""

import os
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from gui.actions.controller import ActionController
from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.app_ownership import others_share
from gui.core.process_sample import ProcessSample
from gui.platforms import PlatformAdapter
from gui.settings import Settings
from gui.views.action_icons import action_icon
from gui.views.action_labels import plain_action_text
from gui.views.admin_icon import admin_icon
from gui.views.app_confirmation import app_confirmation
from gui.views.confirm_dialog import ConfirmDialog
from gui.views.confirmation_text import (
    CONFIRMED_ACTIONS,
    as_administrator,
    confirmation_for,
    critical_confirmation,
)
from gui.views.critical_wording import critical_warning

#: An application's icon, for the confirmation that names it.
IconFor = Callable[[AppIdentity], QIcon]


class ActionFlow(QObject):
    """Asks what must be asked, then hands the request to the controller.

    Group and tree actions first list their members off the UI thread, so the
    confirmation can name every process that will be ended; the request then
    carries exactly those members. An app request is confirmed with the app's name
    and ``icon_for(app)``, and always when some of its processes are someone else's
    ("Don't ask again" or not). Dialogs are opened with ``open()``: nothing here
    blocks the event loop.
    """

    #: A request went to the controller (ActionRequest, with the processes it covers).
    submitted = Signal(object)
    #: A confirmation opened (True) or every one closed (False): the list holds still meanwhile.
    confirming = Signal(bool)

    def __init__(
        self,
        parent_widget: QWidget,
        adapter: PlatformAdapter,
        settings: Settings,
        controller: ActionController,
        icon_for: IconFor | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._widget = parent_widget
        self._adapter = adapter
        self._settings = settings
        self._controller = controller
        self._icon_for = icon_for or self._generic_app_icon
        self._awaiting_members: list[ActionRequest] = []
        self._open_dialogs = 0
        controller.expanded.connect(self._members_known)

    def request(self, request: ActionRequest) -> None:
        """Start the flow for a request chosen in a menu, a toolbar or by a key."""
        if not request.targets or request.action not in self._adapter.actions():
            return
        if request.action.covers_members:
            self._awaiting_members.append(request)
            self._controller.expand(request)
        else:
            self._confirm(request)

    @Slot(object, object)
    def _members_known(self, request: ActionRequest, expanded: ActionRequest) -> None:
        if request in self._awaiting_members:
            self._awaiting_members.remove(request)
            self._confirm(expanded)

    def _label(self, action: Action) -> str:
        return plain_action_text(self._adapter.action_label(action))

    def _generic_app_icon(self, _app: AppIdentity) -> QIcon:
        return self._widget.style().standardIcon(QStyle.StandardPixmap.SP_DesktopIcon)

    def _confirm(self, request: ActionRequest) -> None:
        action = request.action
        if action not in CONFIRMED_ACTIONS:
            self._check_critical(request)
            return
        label, grace_s = self._label(action), self._settings.grace_seconds
        app = request.app
        text = (
            confirmation_for(request, label, grace_s)
            if app is None
            else app_confirmation(request, label, grace_s, others_allowed=self._may_signal_others(request))
        )
        if request.as_administrator:
            refused = sum(not self._adapter.may_signal_key(t.key) for t in request.covered)
            text = as_administrator(text, refused)
        if self._settings.skips_confirmation(action) and text.note is None:
            self._check_critical(request)
            return
        dialog = ConfirmDialog(
            self._widget,
            title=text.title,
            heading=text.heading,
            message=text.message,
            processes=request.covered,
            confirm_text=text.confirm,
            skip_text=text.skip,
            icon=None if app is None else self._icon_for(app),
            note=text.note,
            confirm_icon=action_icon(action),
        )
        if request.as_administrator:
            dialog.confirm_button.setIcon(admin_icon())  # the system's lock or shield
        dialog.accepted.connect(partial(self._confirmed, request, dialog))
        self._open(dialog)

    def _may_signal_others(self, request: ActionRequest) -> bool:
        """Whether ProcPilot runs as administrator and may signal the request's processes
        that are someone else's: then they are not refused."""
        share = others_share(request.targets)
        if share is None or not self._adapter.runs_as_administrator():
            return False
        return all(self._adapter.may_signal_key(p.key) for p in share.processes)

    def _confirmed(self, request: ActionRequest, dialog: ConfirmDialog) -> None:
        if dialog.dont_ask_again:
            self._settings.skip_confirmation(request.action)
        self._check_critical(request)

    def _check_critical(self, request: ActionRequest) -> None:
        """A second, unskippable question for critical processes and for ProcPilot itself."""
        if request.action in (Action.CONTINUE, Action.SET_PRIORITY):  # nothing ends
            self._submit(request)
            return
        own_pid = os.getpid()
        warnings: list[tuple[ProcessSample, str]] = []
        for member in request.covered:
            if member.key.pid == own_pid:
                warnings.append(
                    (
                        member,
                        QCoreApplication.translate(
                            "Confirmations", "this is ProcPilot itself: its window closes"
                        ),
                    )
                )
            elif (kind := self._adapter.critical_reason(member)) is not None:
                warnings.append((member, critical_warning(kind)))
        if not warnings:
            self._submit(request)
            return
        text = critical_confirmation(self._label(request.action), warnings)
        dialog = ConfirmDialog(
            self._widget,
            title=text.title,
            heading=text.heading,
            message=text.message,
            processes=tuple(member for member, _ in warnings),
            confirm_text=text.confirm,
            warning=True,
            confirm_icon=action_icon(request.action),
        )
        dialog.setObjectName("critical_dialog")
        dialog.accepted.connect(partial(self._submit, request))
        self._open(dialog)

    def _open(self, dialog: ConfirmDialog) -> None:
        self._open_dialogs += 1
        if self._open_dialogs == 1:
            self.confirming.emit(True)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    @Slot()
    def _dialog_closed(self) -> None:
        self._open_dialogs -= 1
        if self._open_dialogs == 0:
            self.confirming.emit(False)

    def _submit(self, request: ActionRequest) -> None:
        self._controller.submit(request)
        self.submitted.emit(request)
