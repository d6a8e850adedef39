"""The three views of the same live rows: Applications, All processes, Process tree."""

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel

from gui.core.columns import Column
from gui.core.process_key import ProcessKey
from gui.core.process_kind import SystemSection
from gui.core.view_mode import ViewMode
from gui.core.window_info import WindowInfo
from gui.models.app_group_model import SECTIONS, AppGroupModel, IconFor
from gui.models.delta_applier import DeltaApplier
from gui.models.nested_filter_proxy import NestedFilterProxy
from gui.models.nested_process_model import NestedProcessModel
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.models.process_tree_model import ProcessTreeModel
from gui.views.app_menu import ChosenApp
from gui.views.process_view import Node, ProcessView, node_of


class ListViews(QObject):
    """Switches the view between the flat table and the two nested models.

    The flat table always follows the sampler (actions look processes up there);
    the tree or the Applications model is built from it when chosen and then fed
    the same deltas; the other one is emptied. Expansion follows the views'
    habits: in the tree everything is open, in Applications the sections are
    open and the applications closed, and what the user opened or closed stays so.
    """

    def __init__(
        self,
        view: ProcessView,
        table: ProcessTableModel,
        table_proxy: ProcessFilterProxy,
        applier: DeltaApplier,
        icon_for: IconFor | None = None,
        *,
        system_section: SystemSection = SystemSection.SYSTEM_PROCESSES,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._table = table
        self._table_proxy = table_proxy
        self._applier = applier
        self.tree = ProcessTreeModel(self)
        self.tree_proxy = NestedFilterProxy(self.tree, self)
        self.apps = AppGroupModel(self, icon_for, system_section)
        self.apps_proxy = NestedFilterProxy(self.apps, self)
        self._mode = ViewMode.ALL_PROCESSES
        #: Rows the user closed (tree) or opened (applications), by node.
        self._toggled: dict[ViewMode, set[Node]] = {
            ViewMode.PROCESS_TREE: set(),
            ViewMode.APPLICATIONS: set(),
        }
        for proxy in (self.tree_proxy, self.apps_proxy):
            proxy.rowsInserted.connect(self._rows_inserted)
        view.expanded.connect(self._expanded)
        view.collapsed.connect(self._collapsed)
        view.column_fitter.shown_changed.connect(self._place_window_titles)
        self._place_window_titles()
        view.column_fitter.shown_changed.connect(self._leave_hidden_columns_unfilled)
        view.header().sortIndicatorChanged.connect(self._leave_hidden_columns_unfilled)
        self._leave_hidden_columns_unfilled()

    @property
    def mode(self) -> ViewMode:
        return self._mode

    @property
    def nested(self) -> NestedProcessModel | None:
        """The nested model being shown, if any."""
        if self._mode is ViewMode.PROCESS_TREE:
            return self.tree
        if self._mode is ViewMode.APPLICATIONS:
            return self.apps
        return None

    @property
    def proxy(self) -> QSortFilterProxyModel:
        if self._mode is ViewMode.PROCESS_TREE:
            return self.tree_proxy
        if self._mode is ViewMode.APPLICATIONS:
            return self.apps_proxy
        return self._table_proxy

    def _place_window_titles(self) -> None:
        """An app's first window title goes to its Command line cell while the Window title
        column is not shown (stepped aside in a narrow window, or hidden by the user)."""
        self.apps.set_titles_in_command_line(self._view.header().isSectionHidden(Column.WINDOW_TITLE))

    def _leave_hidden_columns_unfilled(self, *_sort: object) -> None:
        """The columns the user hides hold no items (the sorted one keeps them: it orders the rows)."""
        fitter = self._view.column_fitter
        sorted_by = self._view.header().sortIndicatorSection()
        hidden = frozenset(int(c) for c in Column if not fitter.is_shown(c) and c != sorted_by)
        self._table.set_unfilled_columns(hidden)
        self.tree.set_unfilled_columns(hidden)
        self.apps.set_unfilled_columns(hidden)

    def shown_process_count(self) -> int:
        """How many processes the current view shows (a collapsed row's count too): what its
        filters let through, not the flat list's count (the Applications view hides kernel
        threads; the tree shows a match's ancestors)."""
        if self._mode is ViewMode.ALL_PROCESSES:
            return self._table_proxy.rowCount()
        if self._mode is ViewMode.APPLICATIONS:  # applications and sections, each with its processes
            proxy = self.apps_proxy
            return sum(proxy.rowCount(proxy.index(row, 0)) for row in range(proxy.rowCount()))
        if not self.tree_proxy.search_text and not self.tree_proxy.only_mine:
            return self._table.process_count  # unfiltered, the tree holds the table's rows
        return _count_nodes(self.tree_proxy)

    def count_listed(self) -> None:
        """Let the Applications view's rows say how many of their processes a search or Only
        me lists ("Background processes (1 of 31)")."""
        if self._mode is not ViewMode.APPLICATIONS:
            return
        proxy = self.apps_proxy
        listed: dict[str, int] = {}
        if proxy.search_text or proxy.only_mine:
            for row in range(proxy.rowCount()):
                index = proxy.index(row, 0)
                group = self.apps.node_of(proxy.mapToSource(index))
                if isinstance(group, str):
                    listed[group] = proxy.rowCount(index)
        self.apps.set_listed_counts(listed)

    def proxies(self) -> tuple[ProcessFilterProxy | NestedFilterProxy, ...]:
        return (self._table_proxy, self.tree_proxy, self.apps_proxy)

    def show(self, mode: ViewMode) -> None:
        """Show ``mode``; its model is built from the table's rows as they are now."""
        if mode is self._mode and (mode is ViewMode.ALL_PROCESSES or self._applier.follower is not None):
            return
        anchor = self._view.capture_anchor()
        selected, current = self._view.selected_keys(), self._view.current_key()
        previous = self.nested
        self._mode = mode
        nested = self.nested
        if previous is not None and previous is not nested:
            previous.reset_rows(())
        if nested is not None:
            nested.set_keep_exited(self._table.keep_exited)
            nested.reset_rows(self._table.rows())
            nested.mark_exited(row.key for row in self._table.rows() if self._table.is_exited(row.key))
            if not self.proxy.dynamicSortFilter():
                # The list is held (the pointer is on it: a view chosen with Ctrl+1, 2 or 3), so
                # the proxy follows no change: filtered and sorted once, it shows the new rows.
                self.proxy.invalidate()
            self._view.show_source(self.proxy, nested, nested=True, icons=mode is ViewMode.APPLICATIONS)
            self._table.set_items_kept(False)  # the flat list's items wait, unseen, in Python
            self._expand_all_as_remembered(QModelIndex())
        else:
            self._table.set_items_kept(True)
            self._view.show_source(self._table_proxy, self._table, nested=False)
        self._applier.follower = nested
        self._view.carry_selection(selected, current, anchor)

    def selected_apps(self) -> list[ChosenApp]:
        """The selected application rows with their processes (in the Applications view)."""
        if self._mode is not ViewMode.APPLICATIONS:
            return []
        chosen: list[ChosenApp] = []
        for group in self._view.selected_groups():
            app = self.apps.app_of(group)
            if app is None:
                continue  # a section: not an application
            rows = (self.apps.row_for(key) for key in self.apps.members(group))
            processes = tuple(
                row.named_sample for row in rows if row is not None and not self.apps.is_exited(row.key)
            )
            chosen.append((app, tuple(sorted(processes, key=lambda sample: sample.key.create_time))))
        return chosen

    def selected_app_windows(self) -> tuple[WindowInfo, ...]:
        """The windows of the one selected application, its oldest process's first."""
        groups = self._view.selected_groups() if self._mode is ViewMode.APPLICATIONS else []
        return self.app_windows(groups[0]) if len(groups) == 1 else ()

    def app_windows(self, group: str) -> tuple[WindowInfo, ...]:
        """The windows of the application row ``group``, its oldest process's first."""
        if self._mode is not ViewMode.APPLICATIONS or self.apps.app_of(group) is None:
            return ()
        rows = (self.apps.row_for(key) for key in self.apps.members(group))
        live = sorted(
            (row for row in rows if row is not None and row.windows and not self.apps.is_exited(row.key)),
            key=lambda row: row.key.create_time,
        )
        return tuple(window for row in live for window in row.windows)

    # Following the table ---------------------------------------------------------------

    def set_keep_exited(self, keep: bool) -> None:
        if self.nested is not None:
            self.nested.set_keep_exited(keep)

    def recolour_exited(self) -> None:
        """The greyed rows of exited processes in the palette's colour again."""
        self._table.recolour_exited()
        if self.nested is not None:
            self.nested.recolour_exited()

    def mark_exited(self, keys: Iterable[ProcessKey]) -> None:
        if self.nested is not None:
            self.nested.mark_exited(keys)

    # Expansion ---------------------------------------------------------------------------

    def _opens_by_default(self, node: Node | None) -> bool:
        if self._mode is ViewMode.PROCESS_TREE:
            return True
        return node in SECTIONS

    def _should_open(self, node: Node | None) -> bool:
        toggled = node is not None and node in self._toggled.get(self._mode, set())
        return self._opens_by_default(node) != toggled

    def _expand_all_as_remembered(self, parent: QModelIndex) -> None:
        proxy = self.proxy
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if node_of(index) in SECTIONS:
                self._view.setFirstColumnSpanned(row, parent, True)
            if self._should_open(node_of(index)):
                self._view.expand(index)
                self._expand_all_as_remembered(index)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if self.sender() is not self.proxy or self._mode is ViewMode.ALL_PROCESSES:
            return
        proxy = self.proxy
        for row in range(first, last + 1):
            index = proxy.index(row, 0, parent)
            if node_of(index) in SECTIONS:  # a title row: its name across the columns
                self._view.setFirstColumnSpanned(row, parent, True)
            if self._should_open(node_of(index)):
                self._view.expand(index)
                self._expand_all_as_remembered(index)

    def _expanded(self, index: QModelIndex) -> None:
        self._remember(index, opened=True)

    def _collapsed(self, index: QModelIndex) -> None:
        self._remember(index, opened=False)

    def _remember(self, index: QModelIndex, *, opened: bool) -> None:
        node = node_of(index)
        if node is None or self._mode is ViewMode.ALL_PROCESSES:
            return
        toggled = self._toggled[self._mode]
        if opened == self._opens_by_default(node):
            toggled.discard(node)
        else:
            toggled.add(node)


def _count_nodes(proxy: QSortFilterProxyModel) -> int:
    """Every row at every level of ``proxy`` (only while a filter is on: it visits them all)."""
    count = 0
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        rows = proxy.rowCount(parent)
        count += rows
        for row in range(rows):
            child = proxy.index(row, 0, parent)
            if proxy.hasChildren(child):
                pending.append(child)
    return count
