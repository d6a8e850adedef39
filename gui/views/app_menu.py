"""The right-click menu of an application row: End app and Force quit app.

An app's entries act on all its processes as listed when the menu opened, one app per
request: each app is ended after a confirmation that names it and lists its processes.
With several apps selected the entries are shown disabled and say why (two or three
confirmations in a row would be easy to wave through). The app's processes keep their
own menu (``gui.views.process_menu``) on their rows.
"""

import dataclasses
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo
from gui.platforms import PlatformAdapter
from gui.views.action_labels import action_text
from gui.views.action_meanings import action_tooltip
from gui.views.admin_icon import admin_icon
from gui.views.admin_offer import AdminOffer
from gui.views.switch_to import SwitchTo, add_switch_to

Choose = Callable[[ActionRequest], None]
#: An app as the view lists it: the app and its processes now.
ChosenApp = tuple[AppIdentity, tuple[ProcessSample, ...]]

#: The app entries, in menu order (each where the adapter has it).
APP_ACTIONS = (Action.END_APP, Action.FORCE_QUIT_APP)


def app_request(
    action: Action,
    app: AppIdentity,
    processes: tuple[ProcessSample, ...],
    windows: tuple[WindowInfo, ...] = (),
) -> ActionRequest:
    """End app or Force quit app for ``app``: exactly ``processes`` are confirmed and acted on.
    End app asks ``windows`` (the app's, as listed now) to close first; Force quit does not."""
    return ActionRequest(action, processes, app=app, windows=windows if action is Action.END_APP else ())


def fill_app_menu(
    menu: QMenu,
    adapter: PlatformAdapter,
    apps: Sequence[ChosenApp],
    choose: Choose,
    *,
    windows: tuple[WindowInfo, ...] = (),
    switch_to: SwitchTo | None = None,
    admin: AdminOffer | None = None,
) -> None:
    """Fill ``menu`` with the app actions that exist here for the selected ``apps``.

    Enabled for one app with processes; with none or several, shown disabled (the
    tooltip says to select one app). ``choose`` receives an :class:`ActionRequest` with
    ``app`` set, for ``ActionFlow.request``. With one app that has ``windows``, Switch to
    comes first. ``admin`` (for one app with other users' processes) adds "As administrator ▸"
    with the same entries: its own processes as usual, the others' through one password prompt.
    """
    for old in menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
        old.deleteLater()  # the submenus of the previous filling
    menu.clear()
    menu.setToolTipsVisible(True)
    single = apps[0] if len(apps) == 1 and apps[0][1] else None
    if single is not None:
        add_switch_to(menu, windows, switch_to)
    for action in APP_ACTIONS:
        if action in adapter.actions():
            _add_entry(menu, adapter, action, single, several=len(apps) > 1, choose=choose, windows=windows)
    if single is not None and admin is not None:
        menu.addSeparator()
        submenu = menu.addMenu(admin_icon(), QCoreApplication.translate("AppMenu", "As a&dministrator"))
        submenu.setObjectName("menu_as_administrator")
        submenu.setToolTipsVisible(True)
        submenu.menuAction().setToolTip(admin.tooltip)
        submenu.menuAction().setStatusTip(admin.tooltip)
        submenu.setEnabled(admin.usable)
        for action in APP_ACTIONS:
            if action in adapter.actions():
                _add_entry(
                    submenu,
                    adapter,
                    action,
                    single,
                    several=False,
                    choose=choose,
                    windows=windows,
                    admin=True,
                )


def _add_entry(
    menu: QMenu,
    adapter: PlatformAdapter,
    action: Action,
    chosen: ChosenApp | None,
    *,
    several: bool,
    choose: Choose,
    windows: tuple[WindowInfo, ...],
    admin: bool = False,
) -> QAction:
    entry = menu.addAction(action_text(adapter.action_label(action)))
    entry.setObjectName(f"admin_action_{action.value}" if admin else f"action_{action.value}")
    if several:
        entry.setToolTip(
            QCoreApplication.translate(
                "AppMenu", "Select one app: apps are ended one at a time, each after its own confirmation"
            )
        )
    else:
        entry.setToolTip(action_tooltip(adapter, action))
    entry.setEnabled(chosen is not None)
    if chosen is not None:
        request = app_request(action, *chosen, windows)
        if admin:
            request = dataclasses.replace(request, as_administrator=True)
        entry.triggered.connect(partial(choose, request))
    return entry
