"""The "Change priority ▸" submenu: five steps, the current one checked."""

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from gui.core.actions import Action, ActionRequest
from gui.core.priority import Priority, nearest_priority
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import PlatformAdapter
from gui.views.action_labels import action_text
from gui.views.action_meanings import action_tooltip
from gui.views.priority_words import priority_entry_texts

Choose = Callable[[ActionRequest], None]


def current_priority(
    targets: tuple[ProcessSample, ...], read_nice: Callable[[ProcessKey], int | None] = lambda _key: None
) -> Priority | None:
    """The step every target is nearest to now, or ``None`` (unknown, or they differ).

    A sample without a nice value (the Priority column is hidden, so passes did not read
    it) is asked with ``read_nice``: one system call for a menu, not one per process per pass.
    """
    nices = (target.nice if target.nice is not None else read_nice(target.key) for target in targets)
    steps = {None if nice is None else nearest_priority(nice) for nice in nices}
    if len(steps) != 1:
        return None
    return steps.pop()


def add_priority_menu(
    menu: QMenu, adapter: PlatformAdapter, targets: tuple[ProcessSample, ...], choose: Choose
) -> QMenu:
    """Add "Change priority ▸" to ``menu``: one radio entry per step (never Realtime)."""
    submenu = menu.addMenu(action_text(adapter.action_label(Action.SET_PRIORITY)))
    submenu.setObjectName("menu_change_priority")
    submenu.setToolTipsVisible(True)
    submenu.menuAction().setToolTip(action_tooltip(adapter, Action.SET_PRIORITY))
    submenu.setEnabled(bool(targets))
    group = QActionGroup(submenu)
    group.setExclusive(True)
    current = current_priority(targets, adapter.current_nice)
    for step, text in priority_entry_texts(adapter.priority_scheme()).items():
        entry = submenu.addAction(text)
        entry.setObjectName(f"priority_{step.value}")
        entry.setCheckable(True)
        entry.setChecked(step is current)
        group.addAction(entry)
        entry.triggered.connect(partial(choose, ActionRequest(Action.SET_PRIORITY, targets, priority=step)))
    return submenu
