"""The process table widget: columns, header menu, and a view that does not jump."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QPointF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from gui.core.column_layout import ColumnDefault, ColumnLayout, ColumnState, fit_layout
from gui.core.columns import COLUMNS, DEFAULT_ORDER, DISK_COLUMNS, LEFT_TO_RIGHT_COLUMNS, Column
from gui.core.process_key import ProcessKey
from gui.models.column_titles import column_titles
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.roles import GROUP_ROLE, KEY_ROLE
from gui.views.column_fitter import ColumnFitter
from gui.views.header_style import HeaderStyle
from gui.views.left_to_right import LeftToRightDelegate
from gui.views.middle_elide_delegate import MiddleElideDelegate
from gui.views.mnemonics import give_mnemonics
from gui.views.moved_rows_repaint import MovedRowsRepaint

DEFAULT_SORT = (Column.CPU.name, True)  # busiest first


#: What a row shows: a process, or a group of them (an application, a section).
Node = ProcessKey | str


class ListedProcesses(Protocol):
    """What the view needs of a source model: where a process (or group) is listed."""

    def index_of(self, node: Node, column: int = 0) -> QModelIndex: ...


def node_of(index: QModelIndex) -> Node | None:
    """The process or group a view index shows."""
    first = index.siblingAtColumn(0)
    node = first.data(KEY_ROLE)
    if node is None:
        node = first.data(GROUP_ROLE)
    return node if isinstance(node, ProcessKey | str) else None


@dataclass(frozen=True, slots=True)
class ScrollAnchor:
    """A row and where it stood in the viewport before an update."""

    key: Node
    viewport_y: int
    #: Held instead when ``key`` is a selected row that left the selection meanwhile.
    fallback: "ScrollAnchor | None" = None


class ProcessView(QTreeView):
    """A sortable, multi-select list of processes: flat, or a tree (applications, parents)."""

    #: The selection changed, whichever model is shown.
    selection_changed = Signal()
    #: Another model is shown (the view switch).
    source_changed = Signal()
    #: A window title (an app's or a process's Window title cell) was double-clicked: switch to it.
    title_activated = Signal(QModelIndex)
    #: A process row was double-clicked, or Enter was pressed on it: show its details (ProcessKey).
    process_activated = Signal(object)

    def __init__(self, proxy: ProcessFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy: QAbstractItemModel = proxy
        self._source: ListedProcesses = proxy.sourceModel()  # type: ignore[assignment]
        self.setModel(proxy)
        self._moved_rows = MovedRowsRepaint(self)
        self._moved_rows.watch(proxy)
        self.selectionModel().selectionChanged.connect(self.selection_changed)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setSortingEnabled(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._left_to_right = LeftToRightDelegate(self)  # numbers, sizes, times in a mirrored window
        self._follow_layout_direction()
        self.setItemDelegateForColumn(Column.COMMAND, MiddleElideDelegate(self))
        self.setAccessibleName(self.tr("Processes"))
        self.setAccessibleDescription(
            self.tr("Del ends the selected processes, Shift+Del force quits them, the Menu key shows more")
        )

        header = self.header()
        self._header_style = HeaderStyle()  # titles clear of the sort arrow and the next column
        self._header_style.setParent(header)
        header.setStyle(self._header_style)
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        #: The widths and columns the user chose, fitted to the view's width.
        self.column_fitter = ColumnFitter(self)
        #: The process under the pointer when a button went down (see ``mouseReleaseEvent``).
        self._pressed_key: Node | None = None
        #: Columns this OS cannot fill (the disk columns on macOS): never shown nor offered.
        self._not_offered: frozenset[Column] = frozenset()
        self.reset_columns()

    def show_source(
        self, proxy: QAbstractItemModel, source: ListedProcesses, *, nested: bool, icons: bool = False
    ) -> None:
        """Show another model; columns, their order, widths and sorting stay as they are.
        ``icons``: its rows show icons before their names (the Applications view)."""
        if proxy is self._proxy:
            return
        old_selection = self.selectionModel()
        self._proxy, self._source = proxy, source
        self.setRootIsDecorated(nested)
        self.setItemsExpandable(nested)
        self.setIndentation(
            14 if nested else self.style().pixelMetric(self.style().PixelMetric.PM_TreeViewIndentation)
        )
        self.setModel(proxy)  # the header keeps its sections; the new model is sorted the same way
        self._moved_rows.watch(proxy)
        self.column_fitter.name_icons = icons
        self.column_fitter.remeasure()
        old_selection.deleteLater()
        self.selectionModel().selectionChanged.connect(self.selection_changed)
        self.source_changed.emit()
        self.selection_changed.emit()

    def _follow_layout_direction(self) -> None:
        """Numbers, sizes and times go through the left-to-right delegate only in a mirrored
        (right-to-left) window: a delegate written in Python is called for every cell it paints,
        which costs a third more per repaint of the list (the usual left-to-right layout needs
        none of it)."""
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for column in LEFT_TO_RIGHT_COLUMNS - {Column.COMMAND}:
            # None gives the column back to the view's own delegate (PySide's stub says no None).
            self.setItemDelegateForColumn(column, self._left_to_right if mirrored else None)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._follow_layout_direction()

    def settle(self) -> None:
        """Lay out rows added or removed by a refresh now, not from a timer one event-loop turn
        later: the refresh's changes and the new layout are then painted once, not twice.

        Qt lays out the header again with the rows and repaints it, though a refresh changes
        nothing there (its titles, sizes and sort arrow repaint through their own signals):
        that repaint, a tenth of a refresh's painting, is skipped. When the refresh only
        re-sorted rows, only the rows it moved or changed are repainted (MovedRowsRepaint)."""
        header = self.header().viewport()
        header.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)  # unlike setUpdatesEnabled,
        try:  # turning the attribute back on does not repaint
            self._moved_rows.lay_out()
        finally:
            header.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)

    def refresh_starting(self) -> None:
        """A refresh (or one slice of it) is about to change the model: see ``settle``."""
        self._moved_rows.refresh_starting()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter on a group row (an application) opens or closes it; on a process, its details."""
        current = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            node = node_of(current)
            if isinstance(node, str):
                first = current.siblingAtColumn(0)
                self.setExpanded(first, not self.isExpanded(first))
                return
            if isinstance(node, ProcessKey):
                self.process_activated.emit(node)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Reached by the keyboard with nothing selected: the current row (else the first) is
        selected, so Del acts on what the focus shows."""
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            return  # a click selects for itself; coming back to the window keeps what was
        self.select_current_row()

    def select_current_row(self) -> None:
        """Select the current row, or the first one, when no row is selected."""
        selection = self.selectionModel()
        if selection.hasSelection() or self.model().rowCount() == 0:
            return
        current = self.currentIndex()
        if not current.isValid():
            current = self.model().index(0, 0)
        flags = QItemSelectionModel.SelectionFlag
        selection.setCurrentIndex(current, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(current)

    def reset_columns(self) -> None:
        """Default widths, all columns shown, sorted by CPU % (busiest first)."""
        fitter = self.column_fitter
        header = self.header()
        for visual, column in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        hidden = [
            spec.column for spec in COLUMNS if not spec.shown_by_default or spec.column in self._not_offered
        ]
        fitter.set_layout({spec.column: fitter.default_width(spec.column) for spec in COLUMNS}, hidden)
        self.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)

    def offer_disk_columns(self, offered: bool) -> None:
        """Whether the disk columns are offered (the OS has per-process disk totals)."""
        self._not_offered = frozenset() if offered else DISK_COLUMNS
        for column in self._not_offered:
            self.column_fitter.set_shown(column, False)

    def disk_columns_shown(self) -> bool:
        """Whether the user shows a disk column (its values are read only then)."""
        return any(self.column_fitter.is_shown(column) for column in DISK_COLUMNS - self._not_offered)

    def column_layout(self) -> ColumnLayout:
        """Order, widths, visibility and sorting, by column id (what the settings keep)."""
        header = self.header()
        fitter = self.column_fitter
        columns = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            width, shown = fitter.preferred_width(logical), fitter.is_shown(logical)
            columns.append(ColumnState(COLUMNS[logical].column.name, width, visible=shown))
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return ColumnLayout(tuple(columns), Column(header.sortIndicatorSection()).name, descending)

    def restore_column_layout(self, saved: ColumnLayout) -> None:
        """Show a saved layout, fitted to today's columns (see ``fit_layout``)."""
        fitter = self.column_fitter
        defaults = [
            ColumnDefault(
                column.name,
                fitter.default_width(column),
                COLUMNS[column].can_hide,
                COLUMNS[column].shown_by_default,
            )
            for column in DEFAULT_ORDER
        ]
        layout = fit_layout(saved, defaults, DEFAULT_SORT)
        header = self.header()
        for visual, state in enumerate(layout.columns):
            logical = int(Column[state.id])
            header.moveSection(header.visualIndex(logical), visual)
        fitter.set_layout(
            {int(Column[state.id]): state.width for state in layout.columns},
            hidden=[
                int(Column[state.id])
                for state in layout.columns
                if not state.visible or Column[state.id] in self._not_offered
            ],
        )
        order = Qt.SortOrder.DescendingOrder if layout.sort_descending else Qt.SortOrder.AscendingOrder
        self.sortByColumn(Column[layout.sort_id], order)

    def restore_header(self, state: bytes | object) -> bool:
        """Restore a layout saved by ``header().saveState()`` (before 0.2), for the same columns."""
        header = self.header()
        if not self.column_fitter.restore_state(state):  # type: ignore[arg-type]
            return False
        if header.count() != len(COLUMNS) or header.isSectionHidden(Column.NAME):
            self.reset_columns()
            return False
        self.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return True

    # Column visibility ------------------------------------------------------

    def column_menu(self) -> QMenu:
        """A new menu with one check box per column, as the header's right-click shows."""
        menu = QMenu(self.tr("Columns"), self)
        self.populate_column_menu(menu)
        return menu

    def populate_column_menu(self, menu: QMenu) -> None:
        """Fill ``menu`` with one check box per column (the Name column always stays)."""
        menu.clear()
        titles = column_titles()
        for spec in COLUMNS:
            if spec.column in self._not_offered:
                continue
            action = menu.addAction(titles[spec.column])
            action.setCheckable(True)
            action.setChecked(self.column_fitter.is_shown(spec.column))
            action.setEnabled(spec.can_hide)
            action.setData(int(spec.column))
            action.toggled.connect(self._toggle_column)
        menu.addSeparator()
        menu.addAction(self.tr("&Reset columns"), self.reset_columns)
        give_mnemonics(menu)

    def _show_column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.header().mapToGlobal(position))
        menu.deleteLater()

    def _toggle_column(self, visible: bool) -> None:
        action = self.sender()
        assert isinstance(action, QAction)
        self.column_fitter.set_shown(int(action.data()), visible)

    # Keeping the view still across updates ----------------------------------

    def selected_keys(self) -> list[ProcessKey]:
        """The selected processes, in display order."""
        rows = self.selectionModel().selectedRows()
        keys = [
            (self.visualRect(index).top(), key)
            for index in rows
            if isinstance(key := index.data(KEY_ROLE), ProcessKey)
        ]
        return [key for _, key in sorted(keys)]

    def selected_groups(self) -> list[str]:
        """The selected group rows (applications), in display order."""
        rows = self.selectionModel().selectedRows()
        groups = [(self.visualRect(index).top(), node_of(index)) for index in rows]
        return [group for _, group in sorted(groups) if isinstance(group, str)]

    def index_for(self, key: Node) -> QModelIndex:
        """The view index of a process (or group), invalid when it is hidden or gone."""
        proxy = self._proxy
        assert isinstance(proxy, QSortFilterProxyModel)
        return proxy.mapFromSource(self._source.index_of(key))

    def capture_anchor(self) -> ScrollAnchor | None:
        """The row to hold still: the selected current row if on screen, else the top row.

        At the very top of the list nothing is anchored: the list's head (the
        busiest processes) stays in view. Anchoring applies once the user scrolled.
        """
        if self.verticalScrollBar().value() == 0:
            return None
        viewport_height = self.viewport().height()
        top = self.indexAt(QPoint(0, 0))
        top_node = node_of(top) if top.isValid() else None
        fallback = None if top_node is None else ScrollAnchor(top_node, self.visualRect(top).top())
        current = self.currentIndex()
        if current.isValid() and self.selectionModel().isSelected(current):
            rect = self.visualRect(current)
            if rect.isValid() and 0 <= rect.top() < viewport_height:
                node = node_of(current)
                if node is not None:
                    return ScrollAnchor(node, rect.top(), fallback)
        return fallback

    def restore_anchor(self, anchor: ScrollAnchor | None) -> None:
        """Scroll so the anchored process is where it was, if it is still listed and selected.

        A selected row that left the selection meanwhile (it exited) is not
        followed: the top row the user was looking at is held instead.
        """
        if anchor is None:
            return
        index = self.index_for(anchor.key)
        if anchor.fallback is not None and not (
            index.isValid() and self.selectionModel().isRowSelected(index.row(), index.parent())
        ):
            self.restore_anchor(anchor.fallback)
            return
        if not index.isValid():
            return
        shift = self.visualRect(index).top() - anchor.viewport_y
        if shift:
            scroll_bar = self.verticalScrollBar()
            scroll_bar.setValue(scroll_bar.value() + shift)

    def current_key(self) -> Node | None:
        """The process (or group) of the current row, the one the keyboard is on."""
        current = self.currentIndex()
        return node_of(current) if current.isValid() else None

    def carry_selection(
        self, keys: list[ProcessKey], current_key: Node | None, anchor: ScrollAnchor | None
    ) -> None:
        """After a switch of view: the same processes selected (their applications or parents
        expanded), the current one where it stood if it was on screen, else in the middle;
        with nothing selected, the top of the list (a place in another view means nothing here)."""
        indexes = [index for key in keys if (index := self.index_for(key)).isValid()]
        if not indexes:
            self.scrollToTop()
            return
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
            parent = index.parent()
            while parent.isValid():  # every selected row shown: Del acts on nothing unseen
                self.expand(parent)
                parent = parent.parent()
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        held = anchor if anchor is not None and anchor.key == current_key else None
        current = self.index_for(current_key) if current_key in keys else indexes[0]
        if not current.isValid():  # the current row is not listed in this view
            held, current = None, indexes[0]
        self.selectionModel().setCurrentIndex(current, flags.NoUpdate)
        self.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        if held is not None:
            self.restore_anchor(ScrollAnchor(held.key, held.viewport_y))
            self.scrollTo(current)  # all of it, if it stood half out of the list's bottom edge

    def deselect(self, keys: Iterable[ProcessKey]) -> None:
        """Take processes out of the selection (they exited: nothing can act on them)."""
        selection = self.selectionModel()
        for key in keys:
            index = self.index_for(key)
            if index.isValid() and selection.isRowSelected(index.row(), index.parent()):
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows,
                )

    # Clicks land on the process that was aimed at ------------------------------

    @property
    def pressed_key(self) -> Node | None:
        """The process that was under the pointer when the last button went down."""
        return self._pressed_key

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        self._pressed_key = node_of(index) if index.isValid() else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._deliver_aimed(event, super().mouseReleaseEvent)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """On a window title (an app's or a process's, or an app's in its Command line cell
        while the Window title column is not shown), Switch to; on a process elsewhere, its
        details (the one aimed at by the first click); elsewhere as Qt does (an app opens)."""
        index = self.indexAt(event.position().toPoint())
        title_cell = index.column() == Column.WINDOW_TITLE or (
            index.column() == Column.COMMAND and isinstance(node_of(index), str)
        )
        if index.isValid() and title_cell and str(index.data() or "").strip():
            self.title_activated.emit(index)
            return
        if event.button() == Qt.MouseButton.LeftButton and isinstance(self._pressed_key, ProcessKey):
            if index.isValid():
                self.process_activated.emit(self._pressed_key)
            return
        self._deliver_aimed(event, super().mouseDoubleClickEvent)

    def _deliver_aimed(self, event: QMouseEvent, deliver: Callable[[QMouseEvent], None]) -> None:
        """Hand Qt the event at the pressed process's row, wherever that row is now.

        Qt picks the row of a release (which completes a click on a selected
        row) or a double-click by position; if the rows moved since the press,
        that would be another process.
        """
        key = self._pressed_key
        index = self.index_for(key) if key is not None else QModelIndex()
        position = event.position()
        if not index.isValid() or self.indexAt(position.toPoint()).row() == index.row():
            deliver(event)
            return
        rect = self.visualRect(index)
        if rect.isValid() and rect.intersects(self.viewport().rect()):
            moved = QPointF(position.x(), rect.center().y())
            shift = moved - position
            deliver(
                QMouseEvent(
                    event.type(),
                    moved,
                    event.scenePosition() + shift,
                    event.globalPosition() + shift,
                    event.button(),
                    event.buttons(),
                    event.modifiers(),
                )
            )
            return
        # The pressed row moved out of view: finish the click there, as Qt would have.
        selection = self.selectionModel()
        kept = selection.selection()
        deliver(event)
        plain_click = (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        )
        flags = QItemSelectionModel.SelectionFlag
        if plain_click:
            selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        else:
            selection.select(kept, flags.ClearAndSelect)
