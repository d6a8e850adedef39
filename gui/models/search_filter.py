"""What the list proxies share: the search text and the All users / Only me choice."""

from PySide6.QtCore import QSortFilterProxyModel


class SearchFilterProxy(QSortFilterProxyModel):
    """Keeps the case-folded search text and the Only me choice, re-filtering when either changes;
    subclasses decide in ``filterAcceptsRow`` what they mean for a row."""

    _needle = ""
    _only_mine = False

    @property
    def search_text(self) -> str:
        return self._needle

    @property
    def only_mine(self) -> bool:
        return self._only_mine

    def set_search_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_only_mine(self, only_mine: bool) -> None:
        if only_mine != self._only_mine:
            self.beginFilterChange()
            self._only_mine = only_mine
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
