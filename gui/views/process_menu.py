"""The right-click menu (and the menu bar's Process menu), built from what the OS can do.

Its shape, group by group (a separator between groups):

0. Switch to, for one process with a window (at the top, as in Task Manager);
1. the everyday actions: End, Force quit, Suspend or Resume, End process tree;
2. "As administrator ▸" (End, Force quit, Suspend or Resume, Send signal ▸), when some
   selected processes are other users' (see :mod:`gui.views.admin_offer`);
3. "Change priority ▸" (where the OS can) and "Properties…";
4. "Advanced ▸": Hang up, Interrupt, End process group, Send signal ▸.
"""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo
from gui.platforms import PlatformAdapter
from gui.views.action_labels import action_text
from gui.views.action_meanings import action_meaning, action_tooltip
from gui.views.admin_icon import admin_icon
from gui.views.admin_offer import AdminOffer
from gui.views.message_args import with_args
from gui.views.mnemonics import give_mnemonics
from gui.views.priority_menu import add_priority_menu
from gui.views.signal_meanings import signal_meaning, signal_meanings
from gui.views.switch_to import SwitchTo, add_switch_to

END_KEY = QKeySequence(Qt.Key.Key_Delete)
FORCE_QUIT_KEY = QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Delete)
PROPERTIES_KEY = QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Return)

Choose = Callable[[ActionRequest], None]

#: Group 1, at the top of the menu.
EVERYDAY = (Action.END, Action.FORCE_QUIT, Action.STOP, Action.CONTINUE, Action.END_TREE)
#: Group 4, in the "Advanced" submenu, each entry with its meaning in its text.
ADVANCED = (Action.HANG_UP, Action.INTERRUPT, Action.END_GROUP, Action.SEND_SIGNAL)
#: Group 2, in the "As administrator" submenu (then its own Send signal ▸).
ADMINISTRATOR = (Action.END, Action.FORCE_QUIT, Action.STOP, Action.CONTINUE)

_KEYS = {Action.END: END_KEY, Action.FORCE_QUIT: FORCE_QUIT_KEY}
#: Entries named after what the user reads (the actions are named after their signals).
_ENTRY_NAMES = {Action.STOP: "action_suspend", Action.CONTINUE: "action_resume"}
_NOT_SUSPENDABLE = frozenset({"zombie", "dead", "stopped", "tracing-stop"})


def _offered(action: Action, targets: tuple[ProcessSample, ...]) -> bool:
    """Suspend only for running processes, Resume only for suspended ones."""
    if action is Action.STOP:
        return any(target.status not in _NOT_SUSPENDABLE for target in targets)
    if action is Action.CONTINUE:
        return any(target.status == "stopped" for target in targets)
    return True


def fill_process_menu(
    menu: QMenu,
    adapter: PlatformAdapter,
    targets: tuple[ProcessSample, ...],
    choose: Choose,
    *,
    windows: tuple[WindowInfo, ...] = (),
    switch_to: SwitchTo | None = None,
    show_details: Callable[[ProcessKey], None] | None = None,
    admin: AdminOffer | None = None,
) -> None:
    """Fill ``menu`` with the actions that exist here for ``targets``.

    With ``show_details``, one process gets "Properties…" (its details window).

    Entries the OS or the selection cannot do are absent, not greyed out; with
    nothing selected they are shown disabled so the menu still explains itself.
    ``admin`` adds "As administrator ▸" (disabled, with the reason, where it cannot work).
    """
    for old in menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
        old.deleteLater()  # the submenus of the previous filling
    menu.clear()
    menu.setToolTipsVisible(True)
    if len(targets) == 1:
        add_switch_to(menu, windows, switch_to)
    available = [action for action in adapter.actions() if _offered(action, targets)]
    for action in EVERYDAY:
        if action in available:
            _add_entry(menu, adapter, action, targets, choose)
    if admin is not None:
        if not menu.isEmpty():
            menu.addSeparator()
        _add_admin_menu(menu, adapter, available, targets, choose, admin=admin)
    if Action.SET_PRIORITY in available:
        if not menu.isEmpty():
            menu.addSeparator()
        add_priority_menu(menu, adapter, targets, choose)
    if show_details is not None:
        _add_properties(menu, targets, show_details, separate=Action.SET_PRIORITY not in available)
    advanced = [action for action in ADVANCED if action in available]
    if advanced:
        if not menu.isEmpty():
            menu.addSeparator()
        _add_advanced_menu(menu, adapter, advanced, targets, choose)


def _add_entry(
    menu: QMenu,
    adapter: PlatformAdapter,
    action: Action,
    targets: tuple[ProcessSample, ...],
    choose: Choose,
    *,
    text: str | None = None,
    as_administrator: bool = False,
) -> QAction:
    entry = menu.addAction(text or action_text(adapter.action_label(action)))
    name = _ENTRY_NAMES.get(action, f"action_{action.value}")
    entry.setObjectName(f"admin_{name}" if as_administrator else name)
    entry.setToolTip(action_tooltip(adapter, action))
    if action in _KEYS and not as_administrator:  # Del and Shift+Del stay the everyday ones
        entry.setShortcut(_KEYS[action])
        entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    entry.setEnabled(bool(targets))
    request = ActionRequest(action, targets, as_administrator=as_administrator)
    entry.triggered.connect(partial(choose, request))
    return entry


def _add_properties(
    menu: QMenu,
    targets: tuple[ProcessSample, ...],
    show_details: Callable[[ProcessKey], None],
    *,
    separate: bool = True,
) -> None:
    if separate and not menu.isEmpty():
        menu.addSeparator()
    entry = menu.addAction(QCoreApplication.translate("ProcessMenu", "&Properties\u2026"))
    entry.setObjectName("action_properties")
    entry.setToolTip(
        QCoreApplication.translate("ProcessMenu", "What the process is, what it holds open, how it behaved")
    )
    entry.setShortcut(PROPERTIES_KEY)
    entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    entry.setEnabled(len(targets) == 1)
    if len(targets) == 1:
        entry.triggered.connect(partial(show_details, targets[0].key))


def _add_admin_menu(
    menu: QMenu,
    adapter: PlatformAdapter,
    available: list[Action],
    targets: tuple[ProcessSample, ...],
    choose: Choose,
    *,
    admin: AdminOffer,
) -> None:
    """ "As administrator ▸": the everyday actions and Send signal ▸, for the whole selection
    (the controller sends only others' processes through the administrator helper)."""
    submenu = menu.addMenu(admin_icon(), QCoreApplication.translate("ProcessMenu", "As a&dministrator"))
    submenu.setObjectName("menu_as_administrator")
    submenu.setToolTipsVisible(True)
    submenu.menuAction().setToolTip(admin.tooltip)
    submenu.menuAction().setStatusTip(admin.tooltip)
    submenu.setEnabled(admin.usable and bool(targets))
    for action in ADMINISTRATOR:
        if action in available:
            _add_entry(submenu, adapter, action, targets, choose, as_administrator=True)
    if Action.SEND_SIGNAL in available:
        text = QCoreApplication.translate("ProcessMenu", "Send si&gnal")
        _add_signal_menu(submenu, adapter, targets, choose, text, as_administrator=True)


def _add_advanced_menu(
    menu: QMenu,
    adapter: PlatformAdapter,
    actions: list[Action],
    targets: tuple[ProcessSample, ...],
    choose: Choose,
) -> None:
    submenu = menu.addMenu(QCoreApplication.translate("ProcessMenu", "&Advanced"))
    submenu.setObjectName("menu_advanced")
    submenu.setToolTipsVisible(True)
    submenu.setEnabled(bool(targets))
    for action in actions:
        text = advanced_entry_text(adapter, action)
        if action is Action.SEND_SIGNAL:
            _add_signal_menu(submenu, adapter, targets, choose, text)
        else:
            _add_entry(submenu, adapter, action, targets, choose, text=text)


def advanced_entry_text(adapter: PlatformAdapter, action: Action) -> str:
    """``&Hang up — many services reload their configuration``."""
    return with_args(
        QCoreApplication.translate("ProcessMenu", "%1 \u2014 %2"),
        action_text(adapter.action_label(action)),
        action_meaning(adapter, action),
    )


def _add_signal_menu(
    menu: QMenu,
    adapter: PlatformAdapter,
    targets: tuple[ProcessSample, ...],
    choose: Choose,
    text: str,
    *,
    as_administrator: bool = False,
) -> None:
    submenu = menu.addMenu(text)
    prefix = "admin_" if as_administrator else ""
    submenu.setObjectName(f"{prefix}menu_send_signal")
    submenu.menuAction().setToolTip(action_tooltip(adapter, Action.SEND_SIGNAL))
    submenu.setEnabled(bool(targets))
    meanings = signal_meanings()
    for spec in adapter.signals():
        entry = submenu.addAction(signal_entry_text(spec, meanings))
        entry.setObjectName(f"{prefix}signal_{spec.name}")
        request = ActionRequest(Action.SEND_SIGNAL, targets, spec, as_administrator=as_administrator)
        entry.triggered.connect(partial(choose, request))
    give_mnemonics(submenu)


def signal_entry_text(spec: SignalSpec, meanings: dict[str, str] | None = None) -> str:
    """``SIGHUP (1) — Hang up: many services reload their configuration``."""
    meaning = signal_meaning(spec.name, meanings)
    if not meaning:
        return with_args(QCoreApplication.translate("ProcessMenu", "%1 (%2)"), spec.name, spec.number)
    return with_args(
        QCoreApplication.translate("ProcessMenu", "%1 (%2) \u2014 %3"), spec.name, spec.number, meaning
    )
