"""Everything ProcPilot remembers between runs; the only module that touches QSettings."""

import math

from PySide6.QtCore import QByteArray, QSettings

from gui.core.actions import Action
from gui.core.column_layout import ColumnLayout, ColumnState
from gui.core.intervals import (
    DEFAULT_GRACE_S,
    DEFAULT_INTERVAL_S,
    GRACE_CHOICES_S,
    clamp_grace,
    clamp_interval,
)
from gui.core.language import Language
from gui.core.storage_problem import StorageProblem, StorageProblems
from gui.core.theme_choice import ThemeChoice
from gui.core.view_mode import ViewMode

__all__ = ["DEFAULT_GRACE_S", "DEFAULT_INTERVAL_S", "GRACE_CHOICES_S", "Settings"]

_GEOMETRY = "window/geometry"
_LEGACY_HEADER = "table/header_state"  # Qt's header bytes, written before columns were kept by id
_COLUMNS = "table/columns"
_SORT_COLUMN = "table/sort_column"
_SORT_ORDER = "table/sort_order"
_DESCENDING, _ASCENDING = "descending", "ascending"
_ONLY_MINE = "table/only_my_processes"
_VIEW = "table/view"
_KERNEL_THREADS = "table/show_kernel_threads"
_THEME = "appearance/theme"
_LANGUAGE = "interface/language"
_INTERVAL = "refresh/interval_seconds"
_GRACE = "ending/grace_seconds"
_AUTO_FORCE = "ending/force_quit_automatically"
_SKIP_CONFIRM = "confirmations/skip_{action}"


class Settings:
    """Typed access to the persisted settings.

    Without an explicit store, uses the application's default location
    (``~/.config/ProcPilot/ProcPilot.conf`` on Linux, the registry on Windows). A choice
    the user makes is written at once; when it cannot be (read-only home, full disk),
    ``SETTINGS_NOT_SAVED`` goes to ``problems`` and the choice lasts until ProcPilot closes.
    """

    def __init__(self, store: QSettings | None = None, problems: StorageProblems | None = None) -> None:
        self._store = store if store is not None else QSettings()
        self.problems = problems if problems is not None else StorageProblems()

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _float(self, key: str, default: float) -> float:
        """A stored number, or ``default`` when missing, not a number or not finite (hand-edited file)."""
        try:
            number = float(self._store.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        return number if math.isfinite(number) else default

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._store.value(key, default)))
        except ValueError:
            return default

    @property
    def legacy_header_state(self) -> QByteArray | None:
        """The column layout as versions before 0.2 saved it (read once, to migrate)."""
        return self._bytes(_LEGACY_HEADER)

    @property
    def column_layout(self) -> ColumnLayout | None:
        """The columns as the user left them, by column id; None when never saved.

        Not checked against today's columns: ``fit_layout`` does that.
        """
        self._store.beginGroup(_COLUMNS)
        ids = self._store.childGroups()
        self._store.endGroup()
        if not ids:
            return None
        placed: list[tuple[int, ColumnState]] = []
        for column_id in ids:
            key = f"{_COLUMNS}/{column_id}"
            state = ColumnState(
                column_id,
                self._int(f"{key}/width", 0),  # 0: out of range, so the default width
                bool(self._store.value(f"{key}/visible", True, type=bool)),
            )
            placed.append((self._int(f"{key}/position", len(ids)), state))
        placed.sort(key=lambda entry: entry[0])
        sort_id = str(self._store.value(_SORT_COLUMN, ""))
        descending = self._store.value(_SORT_ORDER, _DESCENDING) != _ASCENDING
        return ColumnLayout(tuple(state for _, state in placed), sort_id, descending)

    @column_layout.setter
    def column_layout(self, layout: ColumnLayout) -> None:
        self._store.remove(_COLUMNS)
        self._store.remove(_LEGACY_HEADER)
        for position, state in enumerate(layout.columns):
            key = f"{_COLUMNS}/{state.id}"
            self._store.setValue(f"{key}/position", position)
            self._store.setValue(f"{key}/width", state.width)
            self._store.setValue(f"{key}/visible", state.visible)
        self._store.setValue(_SORT_COLUMN, layout.sort_id)
        self._store.setValue(_SORT_ORDER, _DESCENDING if layout.sort_descending else _ASCENDING)

    @property
    def only_my_processes(self) -> bool:
        return bool(self._store.value(_ONLY_MINE, False, type=bool))

    @only_my_processes.setter
    def only_my_processes(self, value: bool) -> None:
        self._set(_ONLY_MINE, value)

    @property
    def view_mode(self) -> ViewMode:
        """The view the window opens on: Applications for a new profile."""
        stored = self._store.value(_VIEW, ViewMode.APPLICATIONS.value)
        try:
            return ViewMode(stored)
        except ValueError:
            return ViewMode.APPLICATIONS

    @view_mode.setter
    def view_mode(self, mode: ViewMode) -> None:
        self._set(_VIEW, mode.value)

    @property
    def show_kernel_threads(self) -> bool:
        """Whether the Applications view lists kernel threads (under System processes)."""
        return bool(self._store.value(_KERNEL_THREADS, False, type=bool))

    @show_kernel_threads.setter
    def show_kernel_threads(self, value: bool) -> None:
        self._set(_KERNEL_THREADS, value)

    @property
    def theme(self) -> ThemeChoice:
        """System (follow the desktop's light or dark scheme), Light or Dark."""
        try:
            return ThemeChoice(self._store.value(_THEME, ThemeChoice.SYSTEM.value))
        except ValueError:
            return ThemeChoice.SYSTEM

    @theme.setter
    def theme(self, choice: ThemeChoice) -> None:
        self._set(_THEME, choice.value)

    @property
    def language(self) -> Language:
        """The language chosen in View → Language (System for a new profile or an unknown value)."""
        try:
            return Language(self._store.value(_LANGUAGE, Language.SYSTEM.value))
        except ValueError:
            return Language.SYSTEM

    @language.setter
    def language(self, language: Language) -> None:
        self._set(_LANGUAGE, language.value)

    @property
    def interval_seconds(self) -> float:
        return clamp_interval(self._float(_INTERVAL, DEFAULT_INTERVAL_S))

    @interval_seconds.setter
    def interval_seconds(self, value: float) -> None:
        self._set(_INTERVAL, clamp_interval(value))

    @property
    def grace_seconds(self) -> float:
        """How long an ended process gets before Force quit is offered (or done)."""
        return clamp_grace(self._float(_GRACE, DEFAULT_GRACE_S))

    @grace_seconds.setter
    def grace_seconds(self, value: float) -> None:
        self._set(_GRACE, clamp_grace(value))

    @property
    def auto_force(self) -> bool:
        return bool(self._store.value(_AUTO_FORCE, False, type=bool))

    @auto_force.setter
    def auto_force(self, value: bool) -> None:
        self._set(_AUTO_FORCE, value)

    def skips_confirmation(self, action: Action) -> bool:
        """Whether the user ticked "Don't ask again" for this kind of action."""
        return bool(self._store.value(_SKIP_CONFIRM.format(action=action.value), False, type=bool))

    def skip_confirmation(self, action: Action, skip: bool = True) -> None:
        self._set(_SKIP_CONFIRM.format(action=action.value), skip)

    def ask_all_confirmations_again(self) -> None:
        for action in Action:
            self._store.remove(_SKIP_CONFIRM.format(action=action.value))
        self.sync()

    def sync(self) -> bool:
        """Write pending changes now; False, and the problem reported, when they cannot be saved.

        Also a check at start: ``isWritable`` tries to create the folder and the file.
        """
        self._store.sync()
        saved = self._store.status() == QSettings.Status.NoError and self._store.isWritable()
        if not saved:
            self.problems.report(StorageProblem.SETTINGS_NOT_SAVED)
        return saved
