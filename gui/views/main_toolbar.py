"""The main toolbar, and the order in which Tab visits the window's controls."""

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QToolBar, QToolButton, QWidget

from gui.views.filter_bar import FilterBar
from gui.views.message_bar import MessageBar
from gui.views.view_switch import ViewSwitch

#: Qt's name for the toolbar's overflow button.
_OVERFLOW = "qt_toolbar_ext_button"


def main_toolbar(
    window: QMainWindow,
    filter_bar: FilterBar,
    process_actions: Iterable[QAction],
    view_switch: ViewSwitch,
    update_actions: Iterable[QAction],
) -> QToolBar:
    """Search and filter, End and Force quit, the views, Pause and Refresh: every button
    reachable with Tab (Qt leaves toolbar buttons out of it)."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Toolbar"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setAccessibleName(QCoreApplication.translate("MainWindow", "Toolbar"))
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addWidget(filter_bar)
    toolbar.addSeparator()
    for action in process_actions:
        toolbar.addAction(action)
    toolbar.addSeparator()
    # After the actions: in a narrow window the views go to the overflow menu first
    # (they stay in the View menu and on Ctrl+1, Ctrl+2, Ctrl+3).
    view_switch.add_to(toolbar)
    toolbar.addSeparator()
    for action in update_actions:
        toolbar.addAction(action)
    overflow = toolbar.findChild(QToolButton, _OVERFLOW)
    if overflow is not None:  # "»": the buttons a narrow window has no room for
        overflow.setAccessibleName(QCoreApplication.translate("MainWindow", "More"))
        overflow.setToolTip(QCoreApplication.translate("MainWindow", "More"))
    for button in toolbar_buttons(toolbar):
        if not button.autoExclusive():  # the views: Tab reaches the chosen one (ViewSwitchButton)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return toolbar


def toolbar_buttons(toolbar: QToolBar) -> list[QAbstractButton]:
    """The toolbar's buttons, left to right (in a left-to-right layout), then its overflow button."""
    widgets = (toolbar.widgetForAction(action) for action in toolbar.actions())
    buttons = [button for button in widgets if isinstance(button, QAbstractButton)]
    overflow = toolbar.findChild(QToolButton, _OVERFLOW)
    return [*buttons, overflow] if overflow is not None else buttons


def tab_stops(
    filter_bar: FilterBar, toolbar: QToolBar, bars: Sequence[MessageBar], view: QWidget
) -> list[QWidget]:
    """Search, filter, the toolbar's buttons, the list, each bar's buttons and its Dismiss:
    as they are on screen, so Tab from the list reaches what a result offers (Force quit)."""
    stops: list[QWidget] = [filter_bar.search, filter_bar.scope, *toolbar_buttons(toolbar), view]
    for bar in bars:
        stops += [*bar.buttons(), bar.close_button]
    return stops
