"""The main window: wires the sampling loop, the model and the widgets together."""

import itertools
import os
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import gui
from gui.actions.controller import ActionController
from gui.core.app_identity import AppIdentity, ProcessIdentity
from gui.core.columns import Column
from gui.core.delta import Delta, merge_deltas
from gui.core.formatting import UNKNOWN, format_bytes, format_percent
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind
from gui.core.storage_problem import StorageProblem
from gui.core.system_summary import SystemSummary
from gui.core.theme_choice import ThemeChoice
from gui.core.view_mode import ViewMode
from gui.core.window_info import WindowInfo
from gui.models.app_group_model import SYSTEM
from gui.models.delta_applier import DeltaApplier
from gui.models.platform_wording import PlatformWording, use_platform_wording
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.platforms import PlatformAdapter
from gui.platforms.session_windows import SessionWindows
from gui.sampler import SampleResult
from gui.sampling_loop import SamplingLoop
from gui.settings import Settings
from gui.views.action_feedback import ActionFeedback
from gui.views.action_labels import show_plain_on_buttons
from gui.views.app_icons import AppIcons
from gui.views.appearance import Appearance
from gui.views.details_context import DetailsContext
from gui.views.details_windows import DetailsWindows
from gui.views.edit_actions import EditActions
from gui.views.elided_label import ElidedLabel
from gui.views.filter_bar import FilterBar
from gui.views.language_menu import LanguageMenu
from gui.views.layout_shield import LayoutShield
from gui.views.list_hold import HoldReason, ListHold
from gui.views.list_views import ListViews
from gui.views.main_toolbar import main_toolbar, tab_stops
from gui.views.message_args import with_args
from gui.views.message_bar import MessageBar
from gui.views.mnemonics import give_mnemonics
from gui.views.number_words import seconds_text
from gui.views.process_actions import ProcessActions
from gui.views.process_view import ProcessView, ScrollAnchor
from gui.views.system_error_words import system_problem_text
from gui.views.theme_menu import ThemeMenu
from gui.views.view_switch import ViewSwitch

if TYPE_CHECKING:
    from gui.actions.elevation_client import Launcher

INTERVAL_PRESETS_S = (0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)
#: Statuses of a process that has exited but is still listed until its parent reaps it.
_ENDED_STATUSES = frozenset({"zombie", "dead"})


class MainWindow(QMainWindow):
    """ProcPilot's window: a filter bar, the live process table and a status bar.

    ``launcher`` starts the administrator helper (pkexec and ProcPilot's helper mode).
    """

    #: Emitted after each refresh was applied, with the number of processes listed.
    refreshed = Signal(int)
    #: A StorageProblem, from whichever thread found it (queued to the UI thread).
    _storage_problem_found = Signal(object)

    def __init__(
        self,
        adapter: PlatformAdapter,
        settings: Settings,
        interval_s: float | None = None,
        parent: QWidget | None = None,
        *,
        launcher: "Launcher | None" = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._summary: SystemSummary | None = None
        self._total = 0
        self.setWindowTitle("ProcPilot")
        self.resize(1180, 680)

        use_platform_wording(PlatformWording(adapter.disk_counting(), adapter.priority_scheme()))
        self.model = ProcessTableModel(self)
        self.proxy = ProcessFilterProxy(self.model, self)
        self.view = ProcessView(self.proxy, self)
        self.applier = DeltaApplier(self.model, parent=self)
        self.app_icons = AppIcons()
        self.views = ListViews(
            self.view,
            self.model,
            self.proxy,
            self.applier,
            self._icon_for,
            system_section=adapter.system_section(),
        )
        self.view_switch = ViewSwitch(self)
        self.view_switch.chosen.connect(self.show_view)
        self.hold = ListHold(self.view.viewport(), self)
        self._paused = False
        #: Updates held back while paused (exits are shown at once, greyed).
        self._held_back = Delta()
        self._apply_next_pass = False
        self.filter_bar = FilterBar(self)
        #: The session's windows (titles, Switch to, polite close): opened by the first pass.
        self.windows = SessionWindows(adapter.open_windows, os.environ)
        self.loop = SamplingLoop(
            adapter, interval_s if interval_s is not None else settings.interval_seconds, self, self.windows
        )
        self.controller = ActionController(adapter, settings, self, self.windows, launcher)
        self.results_bar = self._bar("results_bar")
        self.escalation_bar = self._bar("escalation_bar")
        self.suspended_bar = self._bar("suspended_bar")
        self.newcomers_bar = self._bar("newcomers_bar")
        self.feedback = ActionFeedback(
            self,
            adapter,
            results_bar=self.results_bar,
            escalation_bar=self.escalation_bar,
            suspended_bar=self.suspended_bar,
            newcomers_bar=self.newcomers_bar,
        )
        self.feedback.close_requested.connect(self._close_soon)
        self.edit_actions = EditActions(self.view, self)
        self.process_actions = ProcessActions(
            self,
            view=self.view,
            model=self.model,
            adapter=adapter,
            settings=settings,
            controller=self.controller,
            feedback=self.feedback,
            copy_action=self.edit_actions.copy_action,
            selected_apps=self.views.selected_apps,
            icon_for=self.app_icons.application,
            selected_app_windows=self.views.selected_app_windows,
            app_windows=self.views.app_windows,
        )

        self.details = self._details_windows(adapter)

        self.process_actions.flow.confirming.connect(partial(self.hold.set_held, HoldReason.DIALOG))
        self.process_actions.menu_open.connect(partial(self.hold.set_held, HoldReason.MENU))
        self.hold.changed.connect(self._order_held)

        self._build()
        self._storage_problem_found.connect(self._show_storage_problem)
        self._storage_listener = self._storage_problem_found.emit
        settings.problems.subscribe(self._storage_listener)
        self._restore_settings()

        for proxy in self.views.proxies():
            self.filter_bar.search_changed.connect(proxy.set_search_text)
        self.filter_bar.only_mine_changed.connect(self._set_only_mine)
        self._count_shown_rows()
        self._anchor: ScrollAnchor | None = None
        self.applier.slice_starting.connect(self._slice_starting)
        self.applier.slice_finished.connect(self._release_view)
        self.applier.finished.connect(self._result_applied)
        self.loop.result_ready.connect(self._apply_result)
        self._follow_disk_columns(adapter)
        self.loop.start()

    def _follow_disk_columns(self, adapter: PlatformAdapter) -> None:
        """Disk totals cost a file read per process, and priorities a system call each on
        Windows and macOS: read them only while their columns are shown."""
        self.view.offer_disk_columns(adapter.has_disk_columns())
        self.view.column_fitter.shown_changed.connect(self._tell_sampler_columns)
        self._tell_sampler_columns()

    def _tell_sampler_columns(self) -> None:
        self.loop.set_disk_columns_shown(self.view.disk_columns_shown())
        self.loop.set_priority_column_shown(self.view.column_fitter.is_shown(Column.PRIORITY))

    def _icon_for(self, group: AppIdentity | str) -> QIcon:
        """An application's icon, or a section's."""
        if isinstance(group, AppIdentity):
            return self.app_icons.application(group)
        return self.app_icons.section(ProcessKind.SYSTEM if group == SYSTEM else ProcessKind.BACKGROUND)

    def _details_windows(self, adapter: PlatformAdapter) -> DetailsWindows:
        """Details windows open on a double-click, Enter or Properties…, with the menu's actions."""
        details = DetailsWindows(
            adapter.details_reader(),
            DetailsContext(
                fill_actions=self.process_actions.fill_for_process,
                identity_of=self._identity_of,
                icon_for=self._details_icon,
                open_details=self.show_details,
                priority_scheme=adapter.details_reader().priority_scheme,
                windows_of=self._windows_of,
                name_of=self._name_of,
                switch_to=self.controller.switch_to,
            ),
            self,
        )
        self.view.process_activated.connect(self.show_details)
        self.process_actions.details_requested.connect(self.show_details)
        return details

    def show_details(self, key: ProcessKey) -> None:
        """Open (or raise) a process's details window."""
        self.details.open(key)

    def _identity_of(self, key: ProcessKey) -> ProcessIdentity | None:
        row = self.model.row_for(key)
        return None if row is None else row.identity

    def _name_of(self, key: ProcessKey) -> str | None:
        row = self.model.row_for(key)
        return None if row is None else row.sample.name

    def _windows_of(self, key: ProcessKey) -> tuple[WindowInfo, ...]:
        row = self.model.row_for(key)
        return () if row is None else row.windows

    def _details_icon(self, app: AppIdentity | None) -> QIcon:
        return self.app_icons.generic() if app is None else self.app_icons.application(app)

    @property
    def settings(self) -> Settings:
        return self._settings

    # Building ----------------------------------------------------------------

    def bars(self) -> tuple[MessageBar, ...]:
        """The message bars, top to bottom."""
        return (self.results_bar, self.escalation_bar, self.suspended_bar, self.newcomers_bar)

    def _bar(self, name: str) -> MessageBar:
        bar = MessageBar(self)
        bar.setObjectName(name)
        return bar

    def _build_layout(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # The bars sit below the list: one that comes or goes (a result goes by itself) changes
        # where the list ends, not where its rows are, so a click does not land on another row.
        layout.addWidget(self.view, 1)
        layout.addWidget(self.results_bar)
        layout.addWidget(self.escalation_bar)
        layout.addWidget(self.suspended_bar)
        layout.addWidget(self.newcomers_bar)
        self.setCentralWidget(central)
        self.status_label = ElidedLabel(self)
        self.state_label = QLabel(self)
        self.statusBar().addWidget(LayoutShield(self.status_label, self), 1)  # new text: no relayout
        self.statusBar().addPermanentWidget(self.state_label)
        self.storage_label = QLabel(self)
        self.storage_label.setObjectName("storage_problem_label")
        self.storage_label.hide()
        self.statusBar().addPermanentWidget(self.storage_label)

    def _build_actions(self) -> None:
        self._build_update_actions()

        find_action = QAction(self.tr("&Find"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.filter_bar.focus_search)
        self.addAction(find_action)

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(quit_action)
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("menu_edit")
        edit_menu.setToolTipsVisible(True)
        self.edit_actions.fill_menu(edit_menu)
        self.process_menu = menu_bar.addMenu(self.tr("&Process"))
        self.process_menu.aboutToShow.connect(self._fill_process_menu)
        self.process_menu.aboutToShow.connect(partial(self.hold.hold, HoldReason.MENU))
        self.process_menu.aboutToHide.connect(partial(self.hold.release, HoldReason.MENU))
        view_menu = menu_bar.addMenu(self.tr("&View"))
        self.view_switch.fill_menu(view_menu)
        view_menu.addSeparator()  # the three views are one choice; what they show comes next
        view_menu.addAction(self.kernel_threads_action)
        view_menu.addSeparator()
        view_menu.addAction(find_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.pause_action)
        view_menu.addMenu(self._interval_menu())
        view_menu.addSeparator()
        self.theme_menu = ThemeMenu(self, self.appearance.choice)
        self.theme_menu.chosen.connect(self.set_theme)
        view_menu.addMenu(self.theme_menu.menu)
        columns_menu = view_menu.addMenu(self.tr("&Columns"))
        columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self._columns_menu = columns_menu
        view_menu.addMenu(LanguageMenu(self._settings, view_menu))
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About ProcPilot"), self._show_about)

        self.toolbar = main_toolbar(
            self,
            self.filter_bar,
            self.process_actions.toolbar_actions(),
            self.view_switch,
            (self.pause_action, self.refresh_action),
        )
        self.addToolBar(self.toolbar)

    def _build(self) -> None:
        #: Light or dark, as the system is or as the user chose (View → Theme).
        self.appearance = Appearance(self._settings.theme, self)
        self._build_layout()
        self._build_actions()
        self.appearance.changed.connect(self._colours_changed)
        self.filter_bar.down_pressed.connect(self.enter_list)
        for bar in self.bars():
            bar.buttons_changed.connect(self._order_tab_stops)
        self._order_tab_stops()

    def tab_stops(self) -> list[QWidget]:
        """The controls Tab visits, in order: search, filter, toolbar, the list, the bars' buttons."""
        return tab_stops(self.filter_bar, self.toolbar, self.bars(), self.view)

    def _order_tab_stops(self) -> None:
        for first, second in itertools.pairwise(self.tab_stops()):
            QWidget.setTabOrder(first, second)

    def enter_list(self) -> None:
        """Down in the search field: into the list, on the first row if none is selected."""
        selection = self.view.selectionModel()
        if not selection.hasSelection() and self.view.model().rowCount() > 0:
            first = self.view.model().index(0, 0)
            flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
            selection.setCurrentIndex(first, flags)
            self.view.scrollTo(first)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_theme(self, choice: ThemeChoice) -> None:
        """System, Light or Dark, applied at once and remembered."""
        self.theme_menu.actions[choice].setChecked(True)
        self.appearance.set_choice(choice)
        self._settings.theme = choice

    def _colours_changed(self) -> None:
        """Light or dark now: what keeps colours of its own takes the new ones."""
        self.model.recolour_exited()
        self.views.recolour_exited()
        self._show_update_icons()  # the style's icons, in its colours now

    def _build_update_actions(self) -> None:
        """Refresh now, Pause updates (the menu bar and the toolbar share them), kernel threads."""
        self.kernel_threads_action = QAction(self.tr("Show &kernel threads"), self)
        self.kernel_threads_action.setObjectName("action_show_kernel_threads")
        self.kernel_threads_action.setCheckable(True)
        self.kernel_threads_action.setToolTip(
            self.tr("List the kernel's own threads under System processes in the Applications view")
        )
        self.kernel_threads_action.toggled.connect(self._show_kernel_threads)
        style = self.style()
        self.refresh_action = QAction(self.tr("&Refresh now"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        show_plain_on_buttons(self.refresh_action)
        self.refresh_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.refresh_action.triggered.connect(self._refresh_now)

        self.pause_action = QAction(self.tr("Pa&use updates"), self)
        self.pause_action.setCheckable(True)
        show_plain_on_buttons(self.pause_action)
        self.pause_action.setShortcut(QKeySequence("Ctrl+P"))
        self.pause_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause))
        self.pause_action.setToolTip(self.tr("Pause or resume live updates (Ctrl+P)"))
        self.pause_action.toggled.connect(self._set_paused)

    def _interval_menu(self) -> QMenu:
        menu = QMenu(self.tr("Update &interval"), self)
        group = QActionGroup(menu)
        current = self.loop.interval_s
        presets = sorted({*INTERVAL_PRESETS_S, current})
        for seconds in presets:
            action = menu.addAction(seconds_text(seconds))
            action.setCheckable(True)
            action.setChecked(seconds == current)
            action.setData(seconds)
            group.addAction(action)
        group.triggered.connect(self._interval_chosen)
        give_mnemonics(menu)
        return menu

    def _fill_process_menu(self) -> None:
        self.process_actions.fill_menu_bar_menu(self.process_menu)

    def _fill_columns_menu(self) -> None:
        self.view.populate_column_menu(self._columns_menu)

    # Settings ----------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self._settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        columns = self._settings.column_layout
        legacy_header = self._settings.legacy_header_state
        if columns is not None:
            self.view.restore_column_layout(columns)
        elif legacy_header is not None:
            self.view.restore_header(legacy_header)
        only_mine = self._settings.only_my_processes
        self.filter_bar.set_only_mine(only_mine)
        for proxy in self.views.proxies():
            proxy.set_only_mine(only_mine)
        kernel_threads = self._settings.show_kernel_threads
        self.kernel_threads_action.setChecked(kernel_threads)
        self.views.apps_proxy.set_kernel_threads_shown(kernel_threads)
        mode = self._settings.view_mode
        self.view_switch.set_mode(mode)
        self.views.show(mode)
        self._settings.sync()  # tells the user now if nothing can be saved

    def show_view(self, mode: ViewMode) -> None:
        """Show Applications, All processes or Process tree (and remember the choice)."""
        self.view_switch.set_mode(mode)
        self.views.show(mode)
        self._settings.view_mode = mode
        self._update_status()

    def _show_kernel_threads(self, shown: bool) -> None:
        self.views.apps_proxy.set_kernel_threads_shown(shown)
        self._settings.show_kernel_threads = shown

    def save_settings(self) -> None:
        self._settings.window_geometry = self.saveGeometry()
        self._settings.column_layout = self.view.column_layout()
        self._settings.sync()

    @Slot(object)
    def _show_storage_problem(self, problem: StorageProblem) -> None:
        """Say once, for as long as ProcPilot runs, what it cannot store."""
        if problem is StorageProblem.SETTINGS_NOT_SAVED:
            text = QCoreApplication.translate(
                "MainWindow", "Settings cannot be saved: changes last until ProcPilot closes."
            )
        else:
            text = QCoreApplication.translate(
                "MainWindow", "The log cannot be written: problems are not recorded."
            )
        shown = self.storage_label.text()
        self.storage_label.setText(f"{shown}  {text}" if shown else text)
        self.storage_label.show()

    # Reactions ---------------------------------------------------------------

    def _apply_result(self, result: SampleResult) -> None:
        """Start applying a pass; a large one continues in slices (see DeltaApplier).

        While paused, the pass is held back (merged into the next one shown) and
        only the exits are shown: greyed, marked "Exited", not actionable.
        """
        if result.error is not None:
            self.statusBar().showMessage(
                with_args(self.tr("Could not read the process list: %1"), system_problem_text(result.error)),
                5000,
            )
        self._total = result.process_count
        if result.summary is not None:
            self._summary = result.summary
        delta = merge_deltas(self._held_back, result.delta) if self._held_back else result.delta
        ended = (
            *result.delta.removed,
            *(row.key for row in result.delta.changed if row.sample.status in _ENDED_STATUSES),
        )
        self.view.deselect(ended)  # an ended row leaves the selection; the view does not follow it
        self.details.processes_exited(ended)
        if self._paused and not self._apply_next_pass:
            self._held_back = delta
            self.model.mark_exited(ended)
            self.views.mark_exited(ended)
            self.feedback.processes_exited(result.delta.removed)
            self._update_status()
            self.loop.mark_applied()
            return
        self._held_back = Delta()
        self._apply_next_pass = False
        self.applier.apply(delta)  # removals are applied before this returns
        self.feedback.processes_exited(result.delta.removed)

    def _slice_starting(self) -> None:
        self._hold_view()
        self.view.refresh_starting()

    def _hold_view(self) -> None:
        self._anchor = self.view.capture_anchor()

    def _release_view(self) -> None:
        self.view.restore_anchor(self._anchor)
        self._anchor = None

    def _order_held(self, held: bool) -> None:
        """Hold the order while the user aims at rows; catch up when released."""
        self._hold_view()
        self.model.set_keep_exited(held or self._paused)
        self.views.set_keep_exited(held or self._paused)
        for proxy in self.views.proxies():
            proxy.setDynamicSortFilter(not held)  # re-sorts when turned back on
        self._release_view()

    def _refresh_now(self) -> None:
        """One pass at once; while paused, it is shown (and updates stay paused)."""
        self._apply_next_pass = self._paused
        self.loop.refresh_now()

    def _result_applied(self) -> None:
        """The whole pass is in the table: report it and let the next pass start."""
        self.view.settle()
        self._update_status()
        self.refreshed.emit(self.model.process_count)
        self.loop.mark_applied()

    def _count_shown_rows(self) -> None:
        """Keep the status bar's count of shown processes current in every view."""
        self.proxy.rowsInserted.connect(self._update_status)
        self.proxy.rowsRemoved.connect(self._update_status)
        self.proxy.layoutChanged.connect(self._update_status)
        # The nested views change in many small steps: their count is taken once they are done.
        self._status_soon = QTimer(self, singleShot=True, interval=0)
        self._status_soon.timeout.connect(self._update_status)
        for nested_proxy in (self.views.tree_proxy, self.views.apps_proxy):
            for changed in (nested_proxy.rowsInserted, nested_proxy.rowsRemoved, nested_proxy.layoutChanged):
                changed.connect(self._status_soon.start)

    def _update_status(self) -> None:
        summary = self._summary
        if summary is None:
            self.status_label.setText(self.tr("Reading processes\u2026"))
            return
        self.views.count_listed()
        shown_count = self.views.shown_process_count()
        shown = with_args(self.tr("%1 of %n processes shown", "", self._total), shown_count)
        if summary.cpu_percent is None:
            cpu = with_args(self.tr("CPU %1"), UNKNOWN)
        else:
            cpu = with_args(self.tr("CPU %1 %"), format_percent(summary.cpu_percent))
        memory = with_args(
            self.tr("Memory %1 of %2"),
            format_bytes(summary.memory_used),
            format_bytes(summary.memory_total),
        )
        self.status_label.setText(f"{shown}    {cpu}    {memory}")

    def _set_only_mine(self, only_mine: bool) -> None:
        for proxy in self.views.proxies():
            proxy.set_only_mine(only_mine)
        self._settings.only_my_processes = only_mine
        self._update_status()

    def _set_paused(self, paused: bool) -> None:
        """Hold the list as it is; sampling goes on, so exits still show (greyed)."""
        self._paused = paused
        self.model.set_keep_exited(paused or self.hold.held)
        self.views.set_keep_exited(paused or self.hold.held)
        if not paused and self._held_back:
            self.loop.refresh_now()  # the held-back updates come with a fresh pass, now
        self.pause_action.setText(self.tr("Res&ume updates") if paused else self.tr("Pa&use updates"))
        show_plain_on_buttons(self.pause_action)
        self._show_update_icons()
        self.state_label.setText(self.tr("Paused") if paused else "")

    def _show_update_icons(self) -> None:
        style = self.style()
        pause = QStyle.StandardPixmap.SP_MediaPlay if self._paused else QStyle.StandardPixmap.SP_MediaPause
        self.pause_action.setIcon(style.standardIcon(pause))
        self.refresh_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))

    def _interval_chosen(self, action: QAction) -> None:
        seconds = float(action.data())
        self.loop.set_interval(seconds)
        self._settings.interval_seconds = seconds

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ProcPilot"),
            f"<b>ProcPilot {gui.__version__}</b><p>"
            + self.tr("See what runs on your computer and end misbehaving programs safely.")
            + "</p>",
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "views"):
            self._colours_changed()  # another palette (the system's theme, or one set by hand)
        if event.type() == QEvent.Type.WindowStateChange:
            self.loop.set_suspended(self.isMinimized() or not self.isVisible())
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.loop.set_suspended(self.isMinimized())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.loop.set_suspended(True)
        super().hideEvent(event)

    def _close_soon(self) -> None:
        QTimer.singleShot(0, self.close)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.details.close_all()
        self.loop.stop()
        self.controller.shutdown()
        self.save_settings()
        self._settings.problems.unsubscribe(self._storage_listener)
        super().closeEvent(event)
