"""Sorting and filtering the tree and Applications views (search text, owner, kernel threads)."""

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind
from gui.models.app_group_model import AppGroupModel
from gui.models.nested_process_model import NestedProcessModel
from gui.models.roles import SORT_ROLE
from gui.models.search_filter import SearchFilterProxy


class NestedFilterProxy(SearchFilterProxy):
    """Sorts each level in C++ by ``SORT_ROLE`` (the nested models fill it for every
    column); filters recursively, so a matching process keeps its ancestors (or its
    application) visible. In the Applications view an application whose name
    matches shows all its processes, and Only me hides the System processes section.
    """

    def __init__(self, source: NestedProcessModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._apps = source if isinstance(source, AppGroupModel) else None
        self._kernel_threads = self._apps is None
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        if self._apps is None:
            self.setRecursiveFilteringEnabled(True)
        else:
            self._set_recursive(False)  # until a search, see set_search_text
        self.setDynamicSortFilter(True)

    def set_kernel_threads_shown(self, shown: bool) -> None:
        """Kernel threads in the Applications view (the other views always list them)."""
        if self._apps is not None and shown != self._kernel_threads:
            self.beginFilterChange()
            self._kernel_threads = shown
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            self._apps.set_kernel_threads_counted(shown)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._apps is not None:
            self._apps.pin_sections_last(column, order == Qt.SortOrder.DescendingOrder)
        super().sort(column, order)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        node = self._source.node_at(source_row, source_parent)
        if node is None:
            return True
        if not isinstance(node, ProcessKey):
            return self._group_accepted(node)
        return self._process_accepted(node)

    def set_search_text(self, text: str) -> None:
        """As the base does. In the Applications view, Qt's recursive filtering is on only
        during a search (an application whose name matches shows all its processes); without
        one, ``_group_accepted`` looks at the group's processes itself."""
        super().set_search_text(text)
        if self._apps is not None:
            self._set_recursive(bool(self._needle))

    def _set_recursive(self, recursive: bool) -> None:
        self.setAutoAcceptChildRows(recursive)
        self.setRecursiveFilteringEnabled(recursive)

    def _process_accepted(self, node: ProcessKey) -> bool:
        row = self._source.row_for(node)
        if row is None:
            return True
        if not self._kernel_threads and row.kind is ProcessKind.KERNEL_THREAD:
            return False
        if self._only_mine and not row.sample.owned_by_me:
            return False
        if self._only_mine and self._apps is not None and row.kind is ProcessKind.KERNEL_THREAD:
            return False  # Only me hides the System processes section (even to root, who owns these)
        return not self._needle or row.matches(self._needle)

    def _group_accepted(self, group: str) -> bool:
        """A group is shown while any of its processes is (recursive filtering); by itself
        only when it is an application whose name matches the search (then with all its
        processes). The sections never match: Only me leaves System processes empty, hidden.

        Without a search, the group's processes are looked at here, in Python, with Qt's
        recursive filtering off: that filter re-checks a hidden group after every change of
        one of its rows by asking this method about each of its processes, a call from C++
        each: hundreds per refresh for a System section of hidden kernel threads. The model
        touches a group's row whenever its processes change, so it is looked at again then."""
        if self._apps is None:
            return False
        if not self._needle:
            return any(self._process_accepted(key) for key in self._apps.iter_members(group))
        app = self._apps.app_of(group)
        if app is None:
            return False
        names = (app.name, self._apps.app_name(app), app.app_id)
        return any(self._needle in name.casefold() for name in names)
