"""The process actions of the window: keys, toolbar buttons, right-click and Process menus."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.actions.controller import ActionController
from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo
from gui.core.window_requests import ActivateOutcome
from gui.models.process_table_model import ProcessTableModel
from gui.platforms import PlatformAdapter
from gui.settings import GRACE_CHOICES_S, Settings
from gui.views.action_feedback import ActionFeedback
from gui.views.action_flow import ActionFlow
from gui.views.action_icons import end_icon, force_quit_icon
from gui.views.action_labels import action_text, show_plain_on_buttons
from gui.views.action_meanings import action_tooltip
from gui.views.admin_offer import admin_offer
from gui.views.app_menu import ChosenApp, app_request, fill_app_menu
from gui.views.message_args import with_args
from gui.views.mnemonics import give_mnemonics
from gui.views.number_words import seconds_text
from gui.views.process_menu import END_KEY, FORCE_QUIT_KEY, fill_process_menu
from gui.views.process_view import ProcessView, node_of
from gui.views.switch_to import switch_failure_text, window_shown_as


def _no_windows(_group: str) -> tuple[WindowInfo, ...]:
    return ()


#: What Del and Shift+Del do on an application's row.
_APP_ACTIONS = {Action.END: Action.END_APP, Action.FORCE_QUIT: Action.FORCE_QUIT_APP}


class ProcessActions(QObject):
    """Everything that turns a selection into an action request.

    Del and Shift+Del work only while the table has focus, so they never fire
    while the user edits the search text.
    """

    #: The right-click menu opened (True) or closed (False): the list holds still meanwhile.
    menu_open = Signal(bool)
    #: "Properties…" was chosen for a process (ProcessKey).
    details_requested = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        *,
        view: ProcessView,
        model: ProcessTableModel,
        adapter: PlatformAdapter,
        settings: Settings,
        controller: ActionController,
        feedback: ActionFeedback,
        copy_action: QAction,
        selected_apps: Callable[[], list[ChosenApp]] | None = None,
        icon_for: Callable[[AppIdentity], QIcon] | None = None,
        selected_app_windows: Callable[[], tuple[WindowInfo, ...]] | None = None,
        app_windows: Callable[[str], tuple[WindowInfo, ...]] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self._model = model
        self._adapter = adapter
        self._settings = settings
        self._controller = controller
        self._copy_action = copy_action
        self._selected_apps = selected_apps or list
        self._selected_app_windows = selected_app_windows or tuple
        self._app_windows = app_windows or _no_windows
        controller.switched.connect(self._switched)
        self.flow = ActionFlow(window, adapter, settings, controller, icon_for=icon_for)
        self.flow.submitted.connect(feedback.request_submitted)
        controller.batch_finished.connect(feedback.batch_finished)
        feedback.force_quit_requested.connect(self._force_quit_survivors)
        feedback.resume_requested.connect(self._resume_suspended)
        feedback.elevate_requested.connect(self._try_as_administrator)
        feedback.end_too_requested.connect(self.flow.request)
        feedback.switch_requested.connect(controller.switch_to)
        feedback.escalation_withdrawn.connect(controller.release_held)
        self.context_menu: QMenu | None = None

        self.end_action = self._key_action(Action.END, END_KEY, end_icon())
        self.force_action = (
            self._key_action(Action.FORCE_QUIT, FORCE_QUIT_KEY, force_quit_icon())
            if Action.FORCE_QUIT in adapter.actions()
            else None
        )
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_context_menu)
        self._add_menu_keys()
        view.selection_changed.connect(self._selection_changed)
        view.title_activated.connect(self._switch_to_title)
        self._selection_changed()

    def _add_menu_keys(self) -> None:
        """The Menu key and Shift+F10 open the right-click menu for the selected rows."""
        keys = QAction(self.tr("Open the menu of the selected processes"), self._window)
        keys.setObjectName("key_context_menu")
        keys.setShortcuts([QKeySequence(Qt.Key.Key_Menu), QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F10)])
        keys.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        keys.triggered.connect(self.show_context_menu_from_keyboard)
        self._view.addAction(keys)

    def show_context_menu_from_keyboard(self) -> None:
        """The right-click menu, at the current (or first selected) row, as if it was clicked there."""
        view = self._view
        index = view.currentIndex()
        if not index.isValid() or not view.selectionModel().isSelected(index):
            selected = view.selectionModel().selectedRows()
            index = min(selected, key=lambda row: view.visualRect(row).top()) if selected else index
        if index.isValid():
            view.scrollTo(index)
            rect = view.visualRect(index)
            position = QPoint(
                min(rect.left() + 4 * rect.height(), view.viewport().width() // 2), rect.center().y()
            )
        else:
            position = view.viewport().rect().center()
        self._show_context_menu(position)

    def _key_action(self, action: Action, key: QKeySequence, icon: QIcon) -> QAction:
        entry = QAction(action_text(self._adapter.action_label(action)), self._window)
        entry.setObjectName(f"key_{action.value}")
        show_plain_on_buttons(entry)
        entry.setShortcut(key)
        entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        entry.setToolTip(self._key_tooltip(action, key))
        entry.setIcon(icon)
        entry.triggered.connect(partial(self._act_on_selection, action))
        self._view.addAction(entry)
        return entry

    def _key_tooltip(self, action: Action, key: QKeySequence) -> str:
        """``Sends SIGTERM: asks the process to close, so it can save its work (Del)``."""
        return with_args(
            self.tr("%1 (%2)"),
            action_tooltip(self._adapter, action),
            key.toString(QKeySequence.SequenceFormat.NativeText),
        )

    def toolbar_actions(self) -> list[QAction]:
        return [a for a in (self.end_action, self.force_action) if a is not None]

    # Targets --------------------------------------------------------------------

    def selected_targets(self) -> tuple[ProcessSample, ...]:
        """The selected processes as they are now (identity and names for the request);
        processes that exited (rows kept greyed while the list holds still) are left out."""
        samples = []
        for key in self._view.selected_keys():
            row = self._model.row_for(key)
            if row is not None and not self._model.is_exited(key):
                samples.append(row.named_sample)
        return tuple(samples)

    def _selection_changed(self, *_: object) -> None:
        has_selection = any(not self._model.is_exited(key) for key in self._view.selected_keys()) or bool(
            self._selected_apps()
        )
        for entry in self.toolbar_actions():
            entry.setEnabled(has_selection)

    def _act_on_selection(self, action: Action) -> None:
        """Del and Shift+Del: End or Force quit; on one application's row, End app or Force quit app."""
        apps = self._selected_apps()
        if apps:
            app_action = _APP_ACTIONS.get(action)
            if len(apps) == 1 and app_action in self._adapter.actions():
                app, processes = apps[0]
                self.flow.request(app_request(app_action, app, processes, self._selected_app_windows()))
            return
        self.flow.request(ActionRequest(action, self.selected_targets()))

    def _force_quit_survivors(self, request: ActionRequest) -> None:
        """Force quit from a bar: the user already chose it in one click, no second question."""
        self._controller.submit(request)
        self.flow.submitted.emit(request)

    def _try_as_administrator(self, request: ActionRequest) -> None:
        """From a failure bar: the same action for the refused processes, in one helper batch."""
        self._controller.submit_elevated(request)
        self.flow.submitted.emit(request)

    def _resume_suspended(self, suspended: tuple[ProcessSample, ...]) -> None:
        request = ActionRequest(Action.CONTINUE, suspended)
        self._controller.submit(request)
        self.flow.submitted.emit(request)

    # Menus ----------------------------------------------------------------------

    def _show_context_menu(self, position: QPoint) -> None:
        targets = self.selected_targets()  # captured now: the list may refresh meanwhile
        if not targets and not self._view.selected_keys() and not self._selected_apps():
            return  # (exited rows still selected get the menu, every action disabled)
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = QMenu(self._view)
        self.context_menu.setObjectName("process_context_menu")
        self.menu_open.emit(True)
        self.context_menu.aboutToHide.connect(partial(self.menu_open.emit, False))
        self._fill(self.context_menu, targets)
        self.context_menu.addSeparator()
        self.context_menu.addAction(self._copy_action)
        self.context_menu.popup(self._view.viewport().mapToGlobal(position))

    def fill_menu_bar_menu(self, menu: QMenu) -> None:
        """The menu bar's Process menu: the same actions, then how ending behaves."""
        self._fill(menu, self.selected_targets())
        if Action.FORCE_QUIT not in self._adapter.actions():
            return
        menu.addSeparator()
        auto = menu.addAction(self.tr("Force quit automatically when End is &ignored"))
        auto.setCheckable(True)
        auto.setChecked(self._settings.auto_force)
        auto.toggled.connect(self._set_auto_force)
        grace_menu = menu.addMenu(self.tr("Wait before offering Force &quit"))
        group = QActionGroup(grace_menu)
        for seconds in GRACE_CHOICES_S:
            choice = grace_menu.addAction(seconds_text(seconds))
            choice.setCheckable(True)
            choice.setChecked(seconds == self._settings.grace_seconds)
            choice.setData(seconds)
            group.addAction(choice)
        group.triggered.connect(self._set_grace)
        menu.addAction(self.tr("Ask before ending a&gain"), self._settings.ask_all_confirmations_again)
        give_mnemonics(grace_menu)

    def _fill(self, menu: QMenu, targets: tuple[ProcessSample, ...]) -> None:
        apps = self._selected_apps()
        switch_to = self._controller.switch_to
        problem = self._controller.elevation_problem
        if apps:
            windows = self._selected_app_windows()
            app_processes = apps[0][1] if len(apps) == 1 else ()
            fill_app_menu(
                menu,
                self._adapter,
                apps,
                self.flow.request,
                windows=windows,
                switch_to=switch_to,
                admin=admin_offer(self._adapter, app_processes, problem),
            )
        else:
            windows = self._windows_of(targets)
            fill_process_menu(
                menu,
                self._adapter,
                targets,
                self.flow.request,
                windows=windows,
                switch_to=switch_to,
                show_details=self.details_requested.emit,
                admin=admin_offer(self._adapter, targets, problem),
            )

    def fill_for_process(self, menu: QMenu, key: ProcessKey) -> None:
        """A details window's Actions menu: the right-click menu's entries for that one process
        (through the same confirmations), or nothing once it has left the list."""
        row = self._model.row_for(key)
        if row is None or self._model.is_exited(key):
            return
        fill_process_menu(
            menu,
            self._adapter,
            (row.named_sample,),
            self.flow.request,
            windows=row.windows,
            switch_to=self._controller.switch_to,
            admin=admin_offer(self._adapter, (row.named_sample,), self._controller.elevation_problem),
        )

    def _switch_to_title(self, index: QModelIndex) -> None:
        """A double-click on a window title: Switch to the window whose title that cell shows,
        of the app or process on the clicked row (whatever the selection is)."""
        node = node_of(index)
        if isinstance(node, ProcessKey):
            found = self._model.row_for(node)
            windows = () if found is None else found.windows
        else:
            windows = () if node is None else self._app_windows(node)
        target = window_shown_as(windows, str(index.data() or ""))
        if target is not None:
            self._controller.switch_to(target)

    def _windows_of(self, targets: tuple[ProcessSample, ...]) -> tuple[WindowInfo, ...]:
        if len(targets) != 1:
            return ()
        row = self._model.row_for(targets[0].key)
        return () if row is None else row.windows

    @Slot(object, object)
    def _switched(self, window: WindowInfo, outcome: ActivateOutcome) -> None:
        text = switch_failure_text(window, outcome)
        if text is not None:
            self._window.statusBar().showMessage(text, 10_000)

    def _set_auto_force(self, enabled: bool) -> None:
        self._settings.auto_force = enabled

    def _set_grace(self, choice: QAction) -> None:
        self._settings.grace_seconds = float(choice.data())
