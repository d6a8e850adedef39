"""Driving the real window as a user does: right-clicks, menus and dialogs."""

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QMenu

from gui.core.outcomes import BatchReport
from gui.core.process_key import ProcessKey
from gui.views.confirm_dialog import ConfirmDialog
from gui.views.main_window import MainWindow


def wait_listed(qtbot, window: MainWindow, key: ProcessKey) -> None:
    qtbot.waitUntil(lambda: window.view.index_for(key).isValid(), timeout=10_000)


def row_point(window: MainWindow, key: ProcessKey) -> QPoint:
    """The centre of a process's row, in the window's coordinates (scrolled into view)."""
    index = window.view.index_for(key)
    window.view.scrollTo(index)
    centre = window.view.visualRect(index).center()
    return window.view.viewport().mapTo(window, centre)


def activate(qtbot, window: MainWindow) -> None:
    """What a window manager does when the user clicks a window (offscreen has none).

    Without it, a window whose dialog just closed has no focus widget, and Qt
    hands a right-click's context menu event to the window instead of the view.
    """
    handle = window.windowHandle()
    if QGuiApplication.focusWindow() is not handle:
        handle.requestActivate()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle, timeout=5000)


def click_row(qtbot, window: MainWindow, key: ProcessKey, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    activate(qtbot, window)
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, modifier, row_point(window, key))


def right_click_row(qtbot, window: MainWindow, key: ProcessKey) -> QMenu:
    """Right-click through the window handle (a viewport click opens no menu) and return the menu."""
    activate(qtbot, window)
    return _open_context_menu(qtbot, window, row_point(window, key))


def right_click_index(qtbot, window: MainWindow, index: QModelIndex) -> QMenu:
    """Click a row of the view shown (an application's, a section's, a process's), then
    right-click it, and return the menu."""
    activate(qtbot, window)
    window.view.scrollTo(index)
    point = window.view.viewport().mapTo(window, window.view.visualRect(index).center())
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    return _open_context_menu(qtbot, window, point)


def _open_context_menu(qtbot, window: MainWindow, point: QPoint) -> QMenu:
    # Qt picks the context menu's receiver from the cursor position: put the cursor there.
    QCursor.setPos(window.mapToGlobal(point))
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, pos=point)
    qtbot.waitUntil(
        lambda: (
            window.process_actions.context_menu is not None
            and window.process_actions.context_menu.isVisible()
        ),
        timeout=5000,
    )
    menu = window.process_actions.context_menu
    assert menu is not None
    return menu


def menu_texts(menu: QMenu) -> list[str]:
    return [action.text().replace("&", "") for action in menu.actions() if not action.isSeparator()]


def submenu(menu: QMenu, name: str) -> QMenu:
    """The submenu ``menu`` shows now under the object name ``name``."""
    menus = (action.menu() for action in menu.actions())
    found = [child for child in menus if isinstance(child, QMenu) and child.objectName() == name]
    assert len(found) == 1, f"{name!r} appears {len(found)} times"
    return found[0]


def open_submenu(qtbot, menu: QMenu, name: str) -> QMenu:
    """Click a submenu's entry through the menu's own window and return the opened submenu."""
    child = submenu(menu, name)
    assert child.menuAction().isEnabled(), f"{name!r} is disabled"
    qtbot.waitExposed(menu)
    qtbot.mouseClick(
        menu.windowHandle(), Qt.MouseButton.LeftButton, pos=menu.actionGeometry(child.menuAction()).center()
    )
    qtbot.waitUntil(child.isVisible, timeout=5000)
    return child


def choose(qtbot, menu: QMenu, text: str) -> None:
    """Click a menu entry through the menu's own window, as a user would."""
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    assert action.isEnabled(), f"{text!r} is disabled"
    qtbot.waitExposed(menu)
    qtbot.mouseClick(menu.windowHandle(), Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def open_dialog(qtbot, window: MainWindow, name: str = "confirm_dialog") -> ConfirmDialog:
    def visible() -> bool:
        dialog = window.findChild(ConfirmDialog, name)
        return dialog is not None and dialog.isVisible()

    qtbot.waitUntil(visible, timeout=10_000)
    dialog = window.findChild(ConfirmDialog, name)
    assert dialog is not None
    return dialog


def end_and_confirm(qtbot, window: MainWindow, key: ProcessKey) -> BatchReport:
    """Select a process, press Del, accept the confirmation; the request's report."""
    click_row(qtbot, window, key)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert isinstance(report, BatchReport)
    return report


def open_submenu_titled(qtbot, menu: QMenu, text: str) -> QMenu:
    """Open the submenu whose entry reads ``text`` (mnemonics aside), as a user finds it."""
    found = [a.menu() for a in menu.actions() if a.menu() is not None and a.text().replace("&", "") == text]
    assert len(found) == 1, f"{text!r} appears {len(found)} times in {menu_texts(menu)}"
    child = found[0]
    assert isinstance(child, QMenu)
    return open_submenu(qtbot, menu, child.objectName())
