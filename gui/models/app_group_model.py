"""The Applications view's model: one row per application, then Background and System processes."""

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon

from gui.core.app_identity import AppIdentity
from gui.core.columns import COLUMNS, Column
from gui.core.delta import Delta
from gui.core.display_text import display_text
from gui.core.formatting import format_bytes, format_count, format_percent, format_started
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind, SystemSection
from gui.core.process_row import ProcessRow, format_rate
from gui.models.nested_process_model import NestedProcessModel, Node, Parent
from gui.models.platform_wording import priority_cell_text
from gui.models.process_cells import (
    ALIGNMENT,
    COLUMN_COUNT,
    DISPLAY,
    NUMERIC,
    RIGHT,
    TOOLTIP,
    windows_tooltip,
)
from gui.models.roles import GROUP_ROLE, SORT_ROLE

BACKGROUND = "section:background"
SYSTEM = "section:system"
SECTIONS = (BACKGROUND, SYSTEM)
_APP = "app:"
_DECORATION = 1  # Qt.ItemDataRole.DecorationRole
#: Sort values that keep the sections below the applications, whichever way a column sorts,
#: Background before System: (ascending, descending) for each section, distinct, as a
#: tie would let a live update swap them (the proxy re-sorts a changed row after its equals).
_PINNED_INT = {BACKGROUND: (2**31 - 2, -(2**31) + 1), SYSTEM: (2**31 - 1, -(2**31))}
_PINNED_FLOAT = {BACKGROUND: (1e299, -1e299), SYSTEM: (1e300, -1e300)}
_PINNED_TEXT = {BACKGROUND: ("\U0010fffe", "\x01"), SYSTEM: ("\U0010ffff", "")}
#: Before an app's text sort values (often empty: an app has no one status): above "\x01",
#: so sorted descending an app still comes before the sections.
_APP_TEXT = "\x02"
#: Columns whose sort values are ints (Qt compares two values as the left one's type).
_INT_COLUMNS = frozenset({Column.PID, Column.THREADS, Column.PRIORITY})

IconFor = Callable[[AppIdentity | str], QIcon | None]


def app_group(app: AppIdentity) -> str:
    return _APP + app.app_id


class AppGroupModel(NestedProcessModel):
    """Applications (with their processes), then the Background and System sections.

    A process is in its application's row when it has one and is the user's own
    (or a child of the application's own process: a helper running as another
    user still belongs to it); other users' and the system's processes are in
    System processes, the user's others in Background processes.
    """

    def __init__(
        self,
        parent: Any = None,
        icon_for: IconFor | None = None,
        system_section: SystemSection = SystemSection.SYSTEM_PROCESSES,
    ) -> None:
        self._apps: dict[str, AppIdentity] = {}
        #: What each group row shows now, per column: a refresh sets only the cells that differ,
        #: so an unchanged total repaints nothing and does not make the proxy filter again.
        self._shown: dict[str, list[dict[int, Any]]] = {}
        self._icon_for = icon_for
        self._system_section = system_section
        self._locale = QLocale().name()
        self._titles_in_command_line = False
        #: The view hides kernel threads unless asked (see ``set_kernel_threads_counted``).
        self._kernel_threads_counted = False
        #: How many processes the view lists under a group, where a filter (search, Only me)
        #: lists fewer than it has: its row says "Blinking Owl (1 of 4)".
        self._listed: dict[str, int] = {}
        #: PIDs that joined an application since its helpers were last looked for.
        self._joined: set[int] = set()
        super().__init__(parent)
        self._add_sections()

    # Placing ------------------------------------------------------------------------

    def _parent_for(self, row: ProcessRow) -> Parent:
        app = row.identity.app
        if app is not None and row.kind is not ProcessKind.KERNEL_THREAD:
            group = app_group(app)
            if row.kind is ProcessKind.APPLICATION:
                self._apps[group] = app
                return group
            parent_pid = row.sample.parent_pid
            if group in self._apps and any(key.pid == parent_pid for key in self.iter_members(group)):
                return group
        return BACKGROUND if row.kind is ProcessKind.BACKGROUND else SYSTEM

    # Another user's helpers follow their parent into its application --------------------

    def apply_delta(self, delta: Delta) -> None:
        super().apply_delta(delta)
        self._adopt_helpers()

    def reset_rows(self, rows: Iterable[ProcessRow]) -> None:
        super().reset_rows(rows)
        self._adopt_helpers()

    def _insert(self, parent: Parent, keys: list[ProcessKey]) -> None:
        super()._insert(parent, keys)
        if isinstance(parent, str) and parent.startswith(_APP):
            self._joined.update(key.pid for key in keys)

    def _move(self, node: Node, parent: Parent) -> None:
        super()._move(node, parent)
        if isinstance(node, ProcessKey) and isinstance(parent, str) and parent.startswith(_APP):
            self._joined.add(node.pid)

    def _adopt_helpers(self) -> None:
        """Move into its application a System process whose parent just joined it.

        Another user's process is in its app only as a child of one of the app's processes
        (``_parent_for``). Parent and child often appear in the same refresh, and the child was
        placed before its parent; it would stay in System processes until its own figures
        changed, and End app would not see it. Only runs when an app gained a process.
        """
        touched: set[str] = set()
        while self._joined:
            joined, self._joined = self._joined, set()
            for key in list(self._children.get(SYSTEM, ())):
                row = self._rows.get(key) if isinstance(key, ProcessKey) else None
                if row is None or row.sample.parent_pid not in joined or key in self._exited:
                    continue
                wanted = self._parent_for(row)
                if isinstance(wanted, str) and wanted != SYSTEM:
                    self._move(key, wanted)
                    touched.update((SYSTEM, wanted))
        if touched:
            self._groups_touched(touched)

    def section_of(self, node: str) -> ProcessKind | None:
        if node == BACKGROUND:
            return ProcessKind.BACKGROUND
        if node == SYSTEM:
            return ProcessKind.SYSTEM
        return None

    def members(self, node: Node) -> list[ProcessKey]:
        """The processes under a group: its children, as every process here is placed
        directly under a group (``_parent_for``); a process has none."""
        return list(self.iter_members(node))

    def iter_members(self, node: Node) -> Iterator[ProcessKey]:
        """``members`` one by one, for a search that may stop at the first."""
        return (child for child in self._children.get(node, ()) if isinstance(child, ProcessKey))

    def app_of(self, group: str) -> AppIdentity | None:
        return self._apps.get(group)

    def app_name(self, app: AppIdentity) -> str:
        """The app's name in the user's language, controls made visible: it comes from a file
        any user can write (a desktop entry, an executable's version resource, an Info.plist)."""
        return display_text(app.name_in(self._locale))

    def set_titles_in_command_line(self, shown_there: bool) -> None:
        """Also show an app's first window title in its row's Command line cell (empty there
        otherwise): for while the Window title column is not shown (a narrow window)."""
        if shown_there != self._titles_in_command_line:
            self._titles_in_command_line = shown_there
            self._groups_touched(set(self._apps))

    # Groups --------------------------------------------------------------------------

    def _reset_groups(self) -> None:
        self._apps.clear()
        self._joined.clear()
        self._listed.clear()
        self._shown.clear()
        self._add_sections()

    def _add_sections(self) -> None:
        for section in SECTIONS:
            if section not in self._parent:
                self._insert_group_row(section)

    def _ensure_group(self, group: str) -> None:
        if group in self._parent:
            return
        # Applications come before the sections in the model's own order (the proxy sorts).
        self._insert_group_row(group)

    def _insert_group_row(self, group: str) -> None:
        cells = self._group_cells(group, [], 0)
        self.insert_group(group, None, cells)
        self._shown[group] = cells

    def _groups_touched(self, groups: set[str]) -> None:
        for group in groups:
            # A section shows only its count: its hundreds of processes are not gathered for it.
            members = (
                []
                if group in SECTIONS
                else [self._rows[key] for key in self.members(group) if key in self._rows]
            )
            if not members and group not in SECTIONS:
                self.remove_group(group)
                self._apps.pop(group, None)
                self._shown.pop(group, None)
                self._listed.pop(group, None)
                continue
            index = self.index_of(group)
            cells = self._group_cells(group, members, self._count(group))
            shown = self._shown.get(group)
            unfilled = self._unfilled
            # Unchanged cells are not set again (Qt would not report them: the proxy asks its
            # filter about the group again when its count, in the name cell, changes).
            for column, roles in enumerate(cells):
                changed = shown is None or shown[column] != roles
                if changed and column not in unfilled:
                    self.setItemData(index.siblingAtColumn(column), roles)
            self._shown[group] = cells

    def set_listed_counts(self, listed: dict[str, int]) -> None:
        """How many processes the view lists under each group while a filter is on (none
        without one): a group that lists fewer than it has says both."""
        fewer = {group: n for group, n in listed.items() if group in self._parent and n < self._count(group)}
        if fewer != self._listed:
            touched = (set(fewer) | set(self._listed)) & set(self._parent)
            self._listed = fewer
            self._groups_touched(touched)

    def _group_cells_now(self, group: str) -> list[dict[int, Any]] | None:
        return self._shown.get(group)

    def set_kernel_threads_counted(self, counted: bool) -> None:
        """Whether the System processes section counts kernel threads: only while the view
        shows them (*View → Show kernel threads*), so its count matches its rows."""
        if counted != self._kernel_threads_counted:
            self._kernel_threads_counted = counted
            if SYSTEM in self._parent:
                self._groups_touched({SYSTEM})

    def _count(self, group: str) -> int:
        """How many processes ``group``'s row says it has."""
        children = self._children.get(group, ())
        if group != SYSTEM or self._kernel_threads_counted:
            return len(children)
        kernel = ProcessKind.KERNEL_THREAD
        return sum(isinstance(key, ProcessKey) and self._rows[key].kind is not kernel for key in children)

    def _group_cells(self, group: str, members: list[ProcessRow], count: int) -> list[dict[int, Any]]:
        """A group row: its name (and ``count``), icon, the totals of its processes (``members``,
        none for a section), and its windows' titles: the first in the Window title column (and
        in the otherwise empty Command line cell while that column is not shown), all of them in
        the tooltips."""
        result: list[dict[int, Any]] = [{DISPLAY: ""} for _ in range(COLUMN_COUNT)]
        for column in NUMERIC:
            result[column][ALIGNMENT] = RIGHT
        listed = self._listed.get(group)
        result[Column.NAME][DISPLAY] = (
            with_count(self._group_name(group), count)
            if listed is None or listed >= count
            else with_listed_count(self._group_name(group), listed, count)
        )
        result[Column.NAME][GROUP_ROLE] = group
        icon = self._icon_for(self._apps.get(group) or group) if self._icon_for is not None else None
        if icon is not None:
            result[Column.NAME][_DECORATION] = icon
        if group in SECTIONS:
            return result  # no totals: the sort pins them (see ``pin_sections_last``)
        cpu = sum(row.cpu_percent or 0.0 for row in members)
        memory = sum(row.sample.memory_rss or 0 for row in members)
        threads = sum(row.sample.threads or 0 for row in members)
        read, write = disk_totals(members)
        started = min((row.key.create_time for row in members), default=0.0)
        users = {row.display[Column.USER] for row in members}
        nices = {row.sample.nice for row in members if row.sample.nice is not None}
        cells = {
            # One value when its processes share it; the sort puts a mixed app by its highest.
            Column.PRIORITY: (
                priority_cell_text(str(next(iter(nices)))) if len(nices) == 1 else "",
                min(nices, default=0),
            ),
            Column.CPU: (format_percent(cpu), float(cpu)),
            Column.MEMORY: (format_bytes(memory), float(memory)),
            Column.THREADS: (format_count(threads), threads),
            Column.DISK_READ: (format_rate(read), -1.0 if read is None else read),
            Column.DISK_WRITE: (format_rate(write), -1.0 if write is None else write),
            Column.STARTED: (format_started(started) if members else "", started),
            Column.PID: ("", min((row.key.pid for row in members), default=0)),
        }
        for column, (text, value) in cells.items():
            result[column][DISPLAY] = text
            result[column][SORT_ROLE] = value
        result[Column.NAME][SORT_ROLE] = _APP_TEXT + result[Column.NAME][DISPLAY].casefold()
        result[Column.USER][DISPLAY] = ", ".join(sorted(user for user in users if user))
        titles = app_window_titles(members)
        result[Column.WINDOW_TITLE][DISPLAY] = titles[0] if titles else ""
        result[Column.NAME][TOOLTIP] = result[Column.WINDOW_TITLE][TOOLTIP] = windows_tooltip(titles)
        if self._titles_in_command_line:
            result[Column.COMMAND][DISPLAY] = result[Column.WINDOW_TITLE][DISPLAY]
            result[Column.COMMAND][TOOLTIP] = result[Column.WINDOW_TITLE][TOOLTIP]
        for column in (Column.USER, Column.STATUS, Column.COMMAND, Column.WINDOW_TITLE):
            result[column][SORT_ROLE] = _APP_TEXT + result[column][DISPLAY].casefold()
        return result

    def _group_name(self, group: str) -> str:
        if group == BACKGROUND:
            return QCoreApplication.translate("Applications", "Background processes")
        if group == SYSTEM and self._system_section is SystemSection.WINDOWS_PROCESSES:
            return QCoreApplication.translate("Applications", "Windows processes")
        if group == SYSTEM:
            return QCoreApplication.translate("Applications", "System processes")
        app = self._apps.get(group)
        return self.app_name(app) if app is not None else group.removeprefix(_APP)

    def pin_sections_last(self, column: int, descending: bool) -> None:
        """Give the section rows the sort values that put them after every application."""
        if not 0 <= column < COLUMN_COUNT:
            return
        pinned: Mapping[str, tuple[object, object]]
        if column in _INT_COLUMNS:
            pinned = _PINNED_INT
        elif COLUMNS[column].sorts_by_value:
            pinned = _PINNED_FLOAT
        else:
            pinned = _PINNED_TEXT
        way = 1 if descending else 0
        for section in SECTIONS:
            if section in self._parent and column not in self._unfilled:
                self.setData(self.index_of(section, column), pinned[section][way], SORT_ROLE)


def app_window_titles(members: list[ProcessRow]) -> tuple[str, ...]:
    """The titles of an app's windows, its oldest process's first."""
    ordered = sorted((row for row in members if row.window_titles), key=lambda row: row.key.create_time)
    return tuple(title for row in ordered for title in row.window_titles)


def with_count(name: str, count: int) -> str:
    """``Blinking Owl (4)``: the number of processes after the name, as Task Manager shows it.

    Filled in one pass, so a name that contains ``%2`` stays as it is.
    """
    template = QCoreApplication.translate("Applications", "%1 (%2)")
    values = {"%1": name, "%2": str(count)}
    return re.sub("%[12]", lambda match: values[match.group(0)], template)


def with_listed_count(name: str, listed: int, count: int) -> str:
    """``Blinking Owl (1 of 4)``: a search or Only me lists 1 of its 4 processes."""
    template = QCoreApplication.translate("Applications", "%1 (%2 of %3)")
    values = {"%1": name, "%2": str(listed), "%3": str(count)}
    return re.sub("%[123]", lambda match: values[match.group(0)], template)


def disk_totals(members: list[ProcessRow]) -> tuple[float | None, float | None]:
    """The members' disk read and write rates added up; ``None`` when no member has one."""
    reads = [row.disk.read_per_second for row in members if row.disk and row.disk.read_per_second is not None]
    writes = [
        row.disk.write_per_second for row in members if row.disk and row.disk.write_per_second is not None
    ]
    return (sum(reads) if reads else None), (sum(writes) if writes else None)
