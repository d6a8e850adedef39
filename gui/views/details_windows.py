"""The open details windows: one per process, fed by one :class:`DetailsFeed`."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from gui.core.process_details import ProcessFacts, ResourceReading, Tab, TabReading
from gui.core.process_key import ProcessKey
from gui.models.details_feed import DetailsFeed, ProcessEnded
from gui.platforms.process_details import ProcessDetailsReader
from gui.views.details_context import DetailsContext

if TYPE_CHECKING:
    from gui.views.details_window import DetailsWindow


class DetailsWindows(QObject):
    """Opens, raises, feeds and forgets details windows.

    A second request for the same process raises its window. A window stays tied to its
    :class:`ProcessKey`: readings for another process never reach it, and an exit (the
    feed's, or the list's) marks it exited for good.
    """

    def __init__(self, reader: ProcessDetailsReader, context: DetailsContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._context = context
        self.feed = DetailsFeed(reader, self)
        self.feed.facts_read.connect(self._facts_read)
        self.feed.resources_read.connect(self._resources_read)
        self.feed.tab_read.connect(self._tab_read)
        self._windows: dict[ProcessKey, DetailsWindow] = {}
        #: Parents' names as their children's windows read them: a parent's window opened
        #: from its child's link after the parent left the list still has its name.
        self._parent_names: dict[ProcessKey, str] = {}

    def open(self, key: ProcessKey) -> DetailsWindow:
        """Show ``key``'s window, opening it if needed; raise it to the front."""
        window = self._windows.get(key)
        if window is None:
            from gui.views.details_window import DetailsWindow  # noqa: PLC0415 - at the first opening

            window = DetailsWindow(key, self._context_for(key), self._parent_widget)
            window.tab_requested.connect(self._tab_requested)
            window.closed.connect(self._closed)
            self._windows[key] = window
            self.feed.watch(key)
            window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _context_for(self, key: ProcessKey) -> DetailsContext:
        known = self._parent_names.get(key)
        if known is None:
            return self._context
        listed = self._context.name_of
        return dataclasses.replace(self._context, name_of=lambda k: listed(k) or known)

    def window_for(self, key: ProcessKey) -> DetailsWindow | None:
        return self._windows.get(key)

    def windows(self) -> tuple[DetailsWindow, ...]:
        return tuple(self._windows.values())

    def processes_exited(self, keys: tuple[ProcessKey, ...] | list[ProcessKey]) -> None:
        """The list saw these processes go: mark their windows at once."""
        for key in keys:
            self._ended(key)

    def close_all(self) -> None:
        for window in list(self._windows.values()):
            window.close()
        self.feed.shutdown()

    def _ended(self, key: ProcessKey) -> None:
        window = self._windows.get(key)
        if window is not None:
            window.mark_exited()
            self.feed.unwatch(key)

    @Slot(object)
    def _facts_read(self, facts: ProcessFacts | ProcessEnded) -> None:
        window = self._windows.get(facts.key)
        if window is None:
            return
        if isinstance(facts, ProcessEnded):
            self._ended(facts.key)
        else:
            if facts.parent is not None and facts.parent_name:
                self._parent_names[facts.parent] = facts.parent_name
            window.show_facts(facts)

    @Slot(object)
    def _resources_read(self, readings: tuple[ResourceReading | ProcessEnded, ...]) -> None:
        for reading in readings:
            window = self._windows.get(reading.key)
            if window is None:
                continue
            if isinstance(reading, ProcessEnded):
                self._ended(reading.key)
            else:
                window.show_resources(reading)

    @Slot(object)
    def _tab_read(self, reading: TabReading) -> None:
        window = self._windows.get(reading.key)
        if window is not None:
            window.show_tab(reading)

    def _tab_requested(self, key: ProcessKey, tab: Tab) -> None:
        self.feed.read_tab(key, tab)

    def _closed(self, key: ProcessKey) -> None:
        self._windows.pop(key, None)
        self.feed.unwatch(key)
