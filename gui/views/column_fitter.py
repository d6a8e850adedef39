"""Keeps a tree view's columns inside its width: the user's widths in, fitted widths out.

Widths the user chose (by dragging a header, or from the saved layout) are
preferences; the header shows them squeezed when the view is too narrow
(``gui.core.column_fit``), and as they are again when it grows. The Command line
column, or the last column shown when it is hidden, takes the remaining width.

Fitting runs when the viewport is resized and when a preference changes, not on
refreshes. The fitter's own resizes are told apart from the user's by a flag, so
``sectionResized`` and ``resizeEvent`` never feed each other.
"""

from collections.abc import Collection, Mapping

from PySide6.QtCore import QByteArray, QEvent, QObject, Signal
from PySide6.QtWidgets import QHeaderView, QTreeView

from gui.core.column_fit import ColumnNeeds, fit_columns
from gui.core.columns import COLUMNS, Column
from gui.views.column_metrics import ColumnWidths, measure_columns

_FILLER = int(Column.COMMAND)
_FIXED = QHeaderView.ResizeMode.Fixed  # the filler: its width is what the others leave
_INTERACTIVE = QHeaderView.ResizeMode.Interactive
_REMEASURE = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange})


class ColumnFitter(QObject):
    """Owns the column widths and visibility the user chose, and fits them to ``view``."""

    #: The set of columns shown changed (the user's choice, or one stepped aside or back).
    shown_changed = Signal()

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._header = header = view.header()
        self._preferred: dict[int, int] = {}
        self._hidden: set[int] = set()
        self._stepped_aside: frozenset[int] = frozenset()
        #: The sections the last fit hid: any other change was made by code outside.
        self._applied_hidden: frozenset[int] = frozenset()
        #: The columns the user hid when ``shown_changed`` was last emitted.
        self._chosen_hidden: frozenset[int] = frozenset()
        self._measured: dict[int, ColumnWidths] | None = None
        #: Whether rows show an icon before their name (the Applications view's apps).
        self.name_icons = False
        self._fitting = False
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(self._refit)
        header.sortIndicatorChanged.connect(self._refit)
        model = view.model()
        if model is not None:  # titles in another language
            model.headerDataChanged.connect(self._remeasure)
        header.installEventFilter(self)
        view.viewport().installEventFilter(self)

    # What the user chose -----------------------------------------------------

    def default_width(self, logical: int) -> int:
        return self._measure()[logical].default

    def minimum_width(self, logical: int) -> int:
        """The column's title in full, with its margins and, in the sorted column, the arrow."""
        widths = self._measure()[logical]
        return widths.minimum + (widths.arrow if logical == self._header.sortIndicatorSection() else 0)

    def readable_width(self, logical: int) -> int:
        """The column's short sample in full (a number or time column is never narrower)."""
        return max(self._measure()[logical].readable, self.minimum_width(logical))

    def preferred_width(self, logical: int) -> int:
        """The width the user chose (what the settings keep), whether it fits now or not."""
        return self._preferred.get(logical) or self.default_width(logical)

    def is_shown(self, logical: int) -> bool:
        """Whether the user shows the column (it may have stepped aside for lack of room)."""
        self._take_outside_changes()
        return logical not in self._hidden

    def is_stepped_aside(self, logical: int) -> bool:
        """Whether the column is hidden now only because the view is too narrow for its title."""
        return logical in self._stepped_aside

    def set_shown(self, logical: int, shown: bool) -> None:
        self._take_outside_changes()
        if shown:
            self._hidden.discard(logical)
        else:
            self._hidden.add(logical)
        self.fit()

    def set_layout(self, widths: Mapping[int, int], hidden: Collection[int]) -> None:
        """Replace every preference: widths by logical index, and the columns the user hides."""
        self._take_outside_changes()
        self._preferred = dict(widths)
        self._hidden = set(hidden)
        self.fit()

    def restore_state(self, state: QByteArray | bytes) -> bool:
        """``QHeaderView.restoreState``, taking the widths and hidden columns it holds as the user's."""
        self._fitting = True  # it reports a sort change before every width is in place
        try:
            restored = self._header.restoreState(state)
        finally:
            self._fitting = False
        if restored:
            self._adopt_header()
        return restored

    def _adopt_header(self) -> None:
        header = self._header
        header.setStretchLastSection(False)  # layouts saved before 0.2 stretched the last column
        self._hidden = {logical for logical in range(header.count()) if header.isSectionHidden(logical)}
        self._applied_hidden = frozenset(self._hidden)
        self._preferred = {
            logical: header.sectionSize(logical)
            for logical in range(header.count())
            if logical not in self._hidden
        }
        self.fit()

    # Fitting -------------------------------------------------------------------

    def fit(self, pinned: int | None = None) -> None:
        """Show the preferences fitted to the viewport's width (``pinned``: being resized now)."""
        if self._fitting:
            return
        self._take_outside_changes()
        header = self._header
        measured = self._measure()
        order = [header.logicalIndex(visual) for visual in range(header.count())]
        shown = [logical for logical in order if logical not in self._hidden]
        filler = _FILLER if _FILLER in shown else (shown[-1] if shown else None)
        sort_column = header.sortIndicatorSection()
        needs = []
        for logical in shown:
            widths = measured[logical]
            spec, is_sorted = COLUMNS[logical], logical == sort_column
            minimum = widths.minimum + (widths.arrow if is_sorted else 0)
            readable = max(widths.readable, minimum)
            if not spec.elidable:
                minimum = readable
            rank = None if is_sorted else spec.squeeze_rank  # the sorted column stays
            needs.append(ColumnNeeds(logical, self.preferred_width(logical), readable, minimum, rank))
        result = fit_columns(needs, self._view.viewport().width(), filler, pinned)
        self._fitting = True
        try:
            for logical in order:
                hide = logical in self._hidden or logical in result.stepped_aside
                if header.isSectionHidden(logical) != hide:
                    header.setSectionHidden(logical, hide)
                mode = _FIXED if logical == filler else _INTERACTIVE
                if header.sectionResizeMode(logical) != mode:
                    header.setSectionResizeMode(logical, mode)
            for logical, width in result.widths.items():
                if header.sectionSize(logical) != width:
                    header.resizeSection(logical, width)
        finally:
            self._fitting = False
        self._stepped_aside = result.stepped_aside
        applied = frozenset(self._hidden | result.stepped_aside)
        chosen = frozenset(self._hidden)
        if applied != self._applied_hidden or chosen != self._chosen_hidden:
            self._applied_hidden, self._chosen_hidden = applied, chosen
            self.shown_changed.emit()

    def _take_outside_changes(self) -> None:
        """Columns hidden or shown by other code (QHeaderView has no signal for it): the user's."""
        header = self._header
        for logical in range(header.count()):
            hidden = header.isSectionHidden(logical)
            if hidden != (logical in self._applied_hidden):
                if hidden:
                    self._hidden.add(logical)
                else:
                    self._hidden.discard(logical)
                self._applied_hidden ^= {logical}

    def _refit(self, *_: object) -> None:
        self.fit()

    def _remeasure(self, *_: object) -> None:
        self._measured = None
        self.fit()

    def remeasure(self) -> None:
        """Measure again (the view's fonts, or its tree indentation, changed)."""
        self._remeasure()

    def _section_resized(self, logical: int, old: int, new: int) -> None:
        """A resize the fitter did not make: the user's drag (or code acting for the user)."""
        if self._fitting or new == 0:
            return
        if old == 0:  # shown again by other code, at the width it had
            self.fit()
            return
        # Kept as asked, shown as far as the others' titles leave room.
        self._preferred[logical] = new
        self.fit(pinned=logical)

    def _measure(self) -> dict[int, ColumnWidths]:
        if self._measured is None:
            self._measured = measure_columns(self._view, name_icons=self.name_icons)
        return self._measured

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._view.viewport():
            self.fit()
        elif kind in _REMEASURE and watched is self._header:
            self._remeasure()
        return False
