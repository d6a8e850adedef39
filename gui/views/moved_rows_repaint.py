"""After a refresh that only re-sorted the list, repaint the rows that moved, not all of them."""

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, QObject, QPoint, QRect, Qt
from PySide6.QtWidgets import QTreeView

#: Beyond this many changed cells a refresh is no longer "a few rows": Qt repaints it all.
MAX_TRACKED_CHANGES = 512


@dataclass(slots=True)
class _Refresh:
    """What one refresh did to the list so far."""

    #: The source rows on screen when the first re-sort began, top to bottom, and where
    #: the first of them stood; None until a re-sort began.
    rows_before: list[QModelIndex] | None = None
    top_before: int = 0
    scroll_before: int = 0
    #: Source cells of shown rows whose data changed: (first, last) per row of each range.
    changed: list[tuple[QModelIndex, QModelIndex]] = field(default_factory=list)
    #: Rows came or went, a branch opened, the applier yielded to the event loop, or too
    #: much changed: Qt's own repaint of everything stands.
    whole_list: bool = False


class MovedRowsRepaint(QObject):
    """Narrows the repaint that follows a re-sort during a refresh to the rows it changed.

    Qt's tree view repaints its whole viewport whenever the sort proxy reorders rows
    (``layoutChanged``), and until it has laid the rows out again it drops every
    cell update, counting on that full repaint. Sorted by CPU %, as the list is by
    default, a refresh at rest reorders most of the time: two processes at 1 and 2 %
    trade places on one clock tick (the kernel counts CPU time in 10 ms steps). So about
    300 cells were painted every second for the two or three rows that moved; that
    painting was a third of ProcPilot's CPU at rest.

    During a refresh that Qt would repaint wholly only because of re-sorts, this lays
    the rows out with the viewport's updates off, then repaints each row whose place now
    shows another process, and each cell whose data changed. Anything else (rows added or
    removed, a branch opened or closed, the list scrolled, a refresh applied in several
    slices) leaves Qt's full repaint in place. Outside refreshes nothing is changed.
    """

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._proxy: QAbstractItemModel | None = None
        self._refresh: _Refresh | None = None
        view.expanded.connect(self._whole_list)
        view.collapsed.connect(self._whole_list)

    def watch(self, proxy: QAbstractItemModel) -> None:
        """Follow the model the view now shows (a sort proxy over one source model)."""
        if self._proxy is not None:
            self._follow(self._proxy, follow=False)
        self._proxy = proxy
        self._follow(proxy, follow=True)
        self._whole_list()

    def _follow(self, proxy: QAbstractItemModel, *, follow: bool) -> None:
        signals = (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.rowsMoved,
            proxy.columnsInserted,
            proxy.columnsRemoved,
            proxy.modelReset,
        )
        for signal in signals:
            if follow:
                signal.connect(self._whole_list)
            else:
                signal.disconnect(self._whole_list)
        if follow:
            proxy.layoutAboutToBeChanged.connect(self._reorder_coming)
            proxy.dataChanged.connect(self._data_changed)
        else:
            proxy.layoutAboutToBeChanged.disconnect(self._reorder_coming)
            proxy.dataChanged.disconnect(self._data_changed)

    def refresh_starting(self) -> None:
        """A refresh's slice is about to change the model (the applier's ``slice_starting``)."""
        if self._refresh is None:
            self._refresh = _Refresh()
        else:  # a second slice: the event loop ran in between and may have laid out and painted
            self._refresh.whole_list = True

    def lay_out(self) -> None:
        """The refresh is applied: lay the rows out now, and repaint what it changed."""
        refresh, self._refresh = self._refresh, None
        view = self._view
        viewport = view.viewport()
        narrowed = (
            refresh is not None
            and refresh.rows_before is not None
            and not refresh.whole_list
            and view.verticalScrollBar().value() == refresh.scroll_before
        )
        if not narrowed:
            view.executeDelayedItemsLayout()
            return
        assert refresh is not None and refresh.rows_before is not None
        viewport.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)
        try:
            view.executeDelayedItemsLayout()
        finally:  # turning the attribute back on does not repaint
            viewport.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)
        rows_after, top_after, row_height = self._rows_on_screen()
        if top_after != refresh.top_before or len(rows_after) != len(refresh.rows_before):
            viewport.update()
            return
        width = viewport.width()
        for place, (before, after) in enumerate(zip(refresh.rows_before, rows_after, strict=True)):
            if before != after:
                viewport.update(QRect(0, top_after + place * row_height, width, row_height))
        self._repaint_changed(refresh.changed)

    def _reorder_coming(self) -> None:
        refresh = self._refresh
        if refresh is None or refresh.rows_before is not None or refresh.whole_list:
            return
        refresh.rows_before, refresh.top_before, _ = self._rows_on_screen()
        refresh.scroll_before = self._view.verticalScrollBar().value()

    def _data_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        """Cells of shown rows changed (the proxy reports no others): kept as source cells,
        which a later re-sort in the same refresh does not move."""
        refresh = self._refresh
        if refresh is None or refresh.whole_list:
            return
        if len(refresh.changed) >= MAX_TRACKED_CHANGES:
            refresh.whole_list = True
            return
        proxy = self._proxy
        map_to_source = proxy.mapToSource if isinstance(proxy, QAbstractProxyModel) else None
        for row in range(first.row(), last.row() + 1):
            left, right = first.siblingAtRow(row), last.siblingAtRow(row)
            if map_to_source is not None:
                left, right = map_to_source(left), map_to_source(right)
            refresh.changed.append((left, right))

    def _whole_list(self) -> None:
        if self._refresh is not None:
            self._refresh.whole_list = True

    def _rows_on_screen(self) -> tuple[list[QModelIndex], int, int]:
        """The source rows the viewport shows, top to bottom, the first one's top, and the
        rows' height (the view's rows are all as high)."""
        view = self._view
        proxy = self._proxy
        index = view.indexAt(QPoint(0, 0))
        if proxy is None or not index.isValid():
            return [], 0, 0
        first = view.visualRect(index)
        row_height = first.height() or 1
        rows: list[QModelIndex] = []
        map_to_source = proxy.mapToSource if isinstance(proxy, QAbstractProxyModel) else None
        for _ in range(first.top(), view.viewport().height(), row_height):
            if not index.isValid():
                break
            rows.append(map_to_source(index) if map_to_source else index)
            index = view.indexBelow(index)
        return rows, first.top(), row_height

    def _repaint_changed(self, changed: list[tuple[QModelIndex, QModelIndex]]) -> None:
        """Repaint each changed cell (each changed row, for a range of cells) where it is now."""
        view = self._view
        proxy = self._proxy
        viewport = view.viewport()
        map_from_source = proxy.mapFromSource if isinstance(proxy, QAbstractProxyModel) else None
        width = viewport.width()
        for first, last in changed:
            index = map_from_source(first) if map_from_source is not None else first
            rect = view.visualRect(index)
            if not rect.isValid():
                continue  # filtered out since, or inside a closed branch
            if first.column() == last.column():
                viewport.update(rect)
            else:
                viewport.update(QRect(0, rect.top(), width, rect.height()))
