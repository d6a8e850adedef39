"""The right-click menu (and the menu bar's Process menu), built from what the OS can do."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.process_sample import ProcessSample
from gui.platforms import PlatformAdapter
from gui.views.action_labels import action_text
from gui.views.message_args import with_args
from gui.views.signal_meanings import signal_meaning, signal_meanings

END_KEY = QKeySequence(Qt.Key.Key_Delete)
FORCE_QUIT_KEY = QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Delete)

Choose = Callable[[ActionRequest], None]

#: Entries after which the menu gets a separator.
_GROUP_ENDS = frozenset({Action.FORCE_QUIT, Action.SEND_SIGNAL})
_KEYS = {Action.END: END_KEY, Action.FORCE_QUIT: FORCE_QUIT_KEY}
_STOPPABLE = frozenset({"zombie", "dead", "stopped", "tracing-stop"})


def _offered(action: Action, targets: tuple[ProcessSample, ...]) -> bool:
    """Stop only for running processes, Continue only for stopped ones."""
    if action is Action.STOP:
        return any(target.status not in _STOPPABLE for target in targets)
    if action is Action.CONTINUE:
        return any(target.status == "stopped" for target in targets)
    return True


def fill_process_menu(
    menu: QMenu, adapter: PlatformAdapter, targets: tuple[ProcessSample, ...], choose: Choose
) -> None:
    """Fill ``menu`` with the actions that exist here for ``targets``.

    Entries the OS cannot do are absent, not greyed out; with nothing selected
    they are shown disabled so the menu still explains itself.
    """
    menu.clear()
    menu.setToolTipsVisible(True)
    for action in adapter.actions():
        if not _offered(action, targets):
            continue
        if action is Action.SEND_SIGNAL:
            _add_signal_menu(menu, adapter, targets, choose)
        else:
            entry = menu.addAction(action_text(adapter.action_label(action)))
            entry.setObjectName(f"action_{action.value}")
            if action in _KEYS:
                entry.setShortcut(_KEYS[action])
                entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            entry.setEnabled(bool(targets))
            entry.triggered.connect(partial(choose, ActionRequest(action, targets)))
        if action in _GROUP_ENDS:
            menu.addSeparator()


def _add_signal_menu(
    menu: QMenu, adapter: PlatformAdapter, targets: tuple[ProcessSample, ...], choose: Choose
) -> None:
    submenu = menu.addMenu(action_text(adapter.action_label(Action.SEND_SIGNAL)))
    submenu.setObjectName("menu_send_signal")
    submenu.setEnabled(bool(targets))
    meanings = signal_meanings()
    for spec in adapter.signals():
        entry = submenu.addAction(signal_entry_text(spec, meanings))
        entry.setObjectName(f"signal_{spec.name}")
        entry.triggered.connect(partial(choose, ActionRequest(Action.SEND_SIGNAL, targets, spec)))


def signal_entry_text(spec: SignalSpec, meanings: dict[str, str] | None = None) -> str:
    """``SIGHUP (1) — Hang up: many services reload their configuration``."""
    meaning = signal_meaning(spec.name, meanings)
    if not meaning:
        return with_args(QCoreApplication.translate("ProcessMenu", "%1 (%2)"), spec.name, spec.number)
    return with_args(
        QCoreApplication.translate("ProcessMenu", "%1 (%2) \u2014 %3"), spec.name, spec.number, meaning
    )
