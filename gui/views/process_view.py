"""The process table widget: columns, header menu, and a view that does not jump."""

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from gui.core.column_layout import ColumnDefault, ColumnLayout, ColumnState, fit_layout
from gui.core.columns import COLUMNS, Column
from gui.core.process_key import ProcessKey
from gui.models.column_titles import column_titles
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.models.roles import KEY_ROLE
from gui.views.column_fitter import ColumnFitter

DEFAULT_SORT = (Column.CPU.name, True)  # busiest first


@dataclass(frozen=True, slots=True)
class ScrollAnchor:
    """A process row and where it stood in the viewport before an update."""

    key: ProcessKey
    viewport_y: int


class ProcessView(QTreeView):
    """A flat, sortable, multi-select table of processes."""

    def __init__(self, proxy: ProcessFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        source = proxy.sourceModel()
        assert isinstance(source, ProcessTableModel)
        self._source = source
        self.setModel(proxy)
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

        header = self.header()
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        #: The widths and columns the user chose, fitted to the view's width.
        self.column_fitter = ColumnFitter(self)
        self.reset_columns()

    def reset_columns(self) -> None:
        """Default widths, all columns shown, sorted by CPU % (busiest first)."""
        fitter = self.column_fitter
        fitter.set_layout({spec.column: fitter.default_width(spec.column) for spec in COLUMNS}, ())
        self.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)

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
            ColumnDefault(spec.column.name, fitter.default_width(spec.column), spec.can_hide)
            for spec in COLUMNS
        ]
        layout = fit_layout(saved, defaults, DEFAULT_SORT)
        header = self.header()
        for visual, state in enumerate(layout.columns):
            logical = int(Column[state.id])
            header.moveSection(header.visualIndex(logical), visual)
        fitter.set_layout(
            {int(Column[state.id]): state.width for state in layout.columns},
            hidden=[int(Column[state.id]) for state in layout.columns if not state.visible],
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
            action = menu.addAction(titles[spec.column])
            action.setCheckable(True)
            action.setChecked(self.column_fitter.is_shown(spec.column))
            action.setEnabled(spec.can_hide)
            action.setData(int(spec.column))
            action.toggled.connect(self._toggle_column)
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset_columns)

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
        return [index.data(KEY_ROLE) for index in sorted(rows, key=QModelIndex.row)]

    def index_for(self, key: ProcessKey) -> QModelIndex:
        """The view index of a process, invalid when it is hidden or gone."""
        return self._proxy.mapFromSource(self._source.index_of(key))

    def capture_anchor(self) -> ScrollAnchor | None:
        """The row to hold still: the current row if on screen, else the top row.

        At the very top of the list nothing is anchored, so the list's head
        (busiest processes, newest names) stays in view.
        """
        viewport_height = self.viewport().height()
        current = self.currentIndex()
        if current.isValid() and self.selectionModel().isSelected(current):
            rect = self.visualRect(current)
            if rect.isValid() and 0 <= rect.top() < viewport_height:
                return ScrollAnchor(current.siblingAtColumn(0).data(KEY_ROLE), rect.top())
        if self.verticalScrollBar().value() == 0:
            return None
        top = self.indexAt(QPoint(0, 0))
        if not top.isValid():
            return None
        return ScrollAnchor(top.siblingAtColumn(0).data(KEY_ROLE), self.visualRect(top).top())

    def restore_anchor(self, anchor: ScrollAnchor | None) -> None:
        """Scroll so the anchored process is where it was, if it is still listed."""
        if anchor is None:
            return
        index = self.index_for(anchor.key)
        if not index.isValid():
            return
        shift = self.visualRect(index).top() - anchor.viewport_y
        if shift:
            scroll_bar = self.verticalScrollBar()
            scroll_bar.setValue(scroll_bar.value() + shift)
