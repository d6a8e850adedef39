"""Keyboard alone and screen readers: names, Tab order, Down into the list, focus selects,
Menu key and Shift+F10, a mnemonic on every menu entry, and no padding characters in cells."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from gui.core.columns import COLUMNS
from gui.core.view_mode import ViewMode
from gui.views.message_bar import BarKind
from gui.views.mnemonics import mnemonic_of, with_mnemonic
from tests.children import key_of
from tests.qt.ui_driving import activate, wait_listed

_RIGHT = Qt.AlignmentFlag.AlignRight


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def _role(widget: QWidget) -> QAccessible.Role:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.role()


def test_every_control_has_a_name(qtbot, make_window) -> None:
    window = make_window()
    window.results_bar.show_message("One process ended", BarKind.SUCCESS, (("Details\u2026", lambda: None),))
    names = {
        "search": window.filter_bar.search,
        "filter": window.filter_bar.scope,
        "table": window.view,
        "dismiss": window.results_bar.close_button,
    }
    assert _name(names["search"]) == "Search processes"
    assert _role(names["search"]) == QAccessible.Role.EditableText
    # On Linux a combo box is named by its value (and a label, where there is one); the rest is said.
    assert _name(names["filter"]) in ("Whose processes", "All users")
    assert _role(names["filter"]) == QAccessible.Role.ComboBox
    assert names["filter"].accessibleDescription()
    assert _name(names["table"]) == "Processes"
    assert _role(names["table"]) in (QAccessible.Role.Tree, QAccessible.Role.Table)
    assert _name(names["dismiss"]) == "Dismiss"
    assert _role(names["dismiss"]) == QAccessible.Role.Button
    for widget in window.tab_stops():
        name = _name(widget)
        assert name and name.strip() == name and "\u2715" not in name, f"{widget} is named {name!r}"
    toolbar = [_name(widget) for widget in window.tab_stops()[2:9]]
    assert toolbar == [
        "End",
        "Force quit",
        "Applications",
        "All processes",
        "Process tree",
        "Pause updates",
        "Refresh now",
    ]


def test_tab_visits_search_filter_toolbar_list_and_bar_in_order(qtbot, make_window) -> None:
    window = make_window()
    window.results_bar.show_message("One process ended", BarKind.SUCCESS, (("Details\u2026", lambda: None),))
    activate(qtbot, window)
    window.filter_bar.search.setFocus()
    # Passed over, as Qt does: End and Force quit while nothing is selected, the buttons
    # a narrow window moves into the toolbar's overflow menu, and the views not chosen (Tab
    # reaches a group of radio buttons at its checked one).
    stops = [
        stop
        for stop in window.tab_stops()
        if stop.isEnabled() and stop.isVisible() and stop.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    visited = [QApplication.focusWidget()]
    for _ in range(len(stops) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == stops
    assert stops[-3:] == [window.view, window.results_bar.buttons()[0], window.results_bar.close_button]
    assert window.view_switch.buttons[ViewMode.ALL_PROCESSES] in stops


def test_down_in_search_moves_into_the_list_and_focus_selects_so_del_works(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("procpilot-keyboard-child")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    activate(qtbot, window)
    qtbot.keyClicks(window.filter_bar.search, "procpilot-keyboard-child")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Down)
    assert window.view.hasFocus()
    assert window.view.selected_keys() == [key]
    assert window.process_actions.end_action.isEnabled()

    window.view.clearSelection()
    window.filter_bar.search.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # from search back round to the list
    for _ in range(20):
        if window.view.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.view.hasFocus()
    assert window.view.selected_keys() == [key], "focusing the list selects its current row"


def test_menu_key_and_shift_f10_open_the_menu_of_the_selected_rows(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn("procpilot-menu-key-child")
    key = key_of(child)
    wait_listed(qtbot, window, key)
    activate(qtbot, window)
    qtbot.keyClicks(window.filter_bar.search, "procpilot-menu-key-child")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Down)
    for key_press in (
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(window.view, key_press[0], key_press[1])
        menu = window.process_actions.context_menu
        qtbot.waitUntil(lambda menu=menu: menu is not None and menu.isVisible())
        assert menu is not None
        end = next(action for action in menu.actions() if action.objectName() == "action_end")
        assert end.isEnabled()
        menu.close()
        qtbot.waitUntil(lambda menu=menu: not menu.isVisible())


def _menus(menu: QMenu) -> list[QMenu]:
    menu.aboutToShow.emit()
    found = [menu]
    for action in menu.actions():
        child = action.menu()
        if isinstance(child, QMenu):
            found += _menus(child)
    return found


def test_every_menu_entry_has_a_mnemonic_unique_in_its_menu(qtbot, make_window, spawn) -> None:
    window = make_window(view=ViewMode.ALL_PROCESSES)
    child = spawn()
    key = key_of(child)
    wait_listed(qtbot, window, key)
    window.view.selectionModel().select(
        window.view.index_for(key),
        window.view.selectionModel().SelectionFlag.ClearAndSelect
        | window.view.selectionModel().SelectionFlag.Rows,
    )
    menus = [menu for top in window.menuBar().actions() if top.menu() for menu in _menus(top.menu())]
    window.process_actions.show_context_menu_from_keyboard()
    assert window.process_actions.context_menu is not None
    menus += _menus(window.process_actions.context_menu)
    menus += _menus(window.view.column_menu())
    bar_letters = [mnemonic_of(action.text()) for action in window.menuBar().actions()]
    assert None not in bar_letters and len(set(bar_letters)) == len(bar_letters)
    for menu in menus:
        # Language's greyed "Takes effect when ProcPilot restarts" is a note, not an entry.
        notes = ("language_restart_note",)
        entries = [
            action.text()
            for action in menu.actions()
            if not action.isSeparator() and action.objectName() not in notes
        ]
        letters = [mnemonic_of(text) for text in entries]
        assert None not in letters, f"{menu.title()!r}: {entries}"
        # Unique where the entries' letters allow it (not "0.5 s" to "10 s": six between seven,
        # nor the 62 signals).
        typeable = {char.lower() for text in entries for char in text if char.isascii() and char.isalnum()}
        if len(entries) <= min(len(typeable), 26):
            assert len(set(letters)) == len(letters), f"{menu.title()!r}: {entries}"
    window.process_actions.context_menu.close()


def test_mnemonics_go_to_a_free_letter() -> None:
    assert with_mnemonic("Reset columns", {"r"}) == "Reset &columns"
    assert with_mnemonic("2 s", set()) == "&2 s"
    assert with_mnemonic("处理器 %", set()) == "处理器 %"
    assert mnemonic_of("Fish && &Chips") == "c"
    assert mnemonic_of("Fish && Chips") is None


def test_cells_and_headers_carry_no_padding_and_numbers_align_right(qtbot, make_window) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0, timeout=10_000)
    for view in (ViewMode.ALL_PROCESSES, ViewMode.APPLICATIONS, ViewMode.PROCESS_TREE):
        window.show_view(view)
        model = window.view.model()
        qtbot.waitUntil(lambda model=model: model.rowCount() > 0, timeout=10_000)
        for spec in COLUMNS:
            title = model.headerData(spec.column, Qt.Orientation.Horizontal)
            assert title == title.strip() and "\u2002" not in title
            aligned = model.headerData(
                spec.column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
            )
            assert bool(int(aligned) & int(_RIGHT)) is spec.numeric, spec.column
        index = model.index(0, 0)
        while model.rowCount(index):  # a process row (the first app's first process, in a tree)
            index = model.index(0, 0, index)
        for spec in COLUMNS:
            if window.view.header().isSectionHidden(spec.column):
                continue  # a column the user hides holds no items until shown
            cell = index.siblingAtColumn(spec.column)
            text = cell.data() or ""
            assert text == text.strip() and "\u2002" not in text, (spec.column, text)
            if spec.numeric:
                assert int(cell.data(Qt.ItemDataRole.TextAlignmentRole)) & int(_RIGHT), spec.column


def test_the_view_switch_is_an_exclusive_choice_to_a_screen_reader(qtbot, make_window) -> None:
    """Radio buttons (one of three), not check boxes; checked as the view changes, either way."""
    window = make_window(view=ViewMode.ALL_PROCESSES)
    buttons = window.view_switch.buttons
    for mode, button in buttons.items():
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface is not None
        assert interface.role() == QAccessible.Role.RadioButton, mode
        assert interface.state().checkable
        assert interface.state().checked == (mode is ViewMode.ALL_PROCESSES), mode
    qtbot.mouseClick(buttons[ViewMode.PROCESS_TREE], Qt.MouseButton.LeftButton)
    assert window.views.mode is ViewMode.PROCESS_TREE
    assert [mode for mode, button in buttons.items() if button.isChecked()] == [ViewMode.PROCESS_TREE]
    qtbot.mouseClick(buttons[ViewMode.PROCESS_TREE], Qt.MouseButton.LeftButton)  # clicked again: kept
    assert buttons[ViewMode.PROCESS_TREE].isChecked()
    window.view_switch.actions[ViewMode.APPLICATIONS].trigger()  # Ctrl+1, the View menu
    assert [mode for mode, button in buttons.items() if button.isChecked()] == [ViewMode.APPLICATIONS]


def test_the_view_buttons_are_sized_as_tool_buttons(qtbot, make_window) -> None:
    """As large as the text-only tool buttons they replace (Qt gives those no room to spare)."""
    window = make_window()
    for button in window.view_switch.buttons.values():
        plain = QToolButton()
        plain.setAutoRaise(True)
        plain.setText(button.text())
        assert button.sizeHint() == plain.sizeHint()
        assert button.size() == button.sizeHint()


def test_tab_reaches_the_chosen_view_and_arrows_choose_another(qtbot, make_window) -> None:
    """As in any group of radio buttons: one Tab stop, the arrow keys move the choice."""
    window = make_window(view=ViewMode.ALL_PROCESSES)
    activate(qtbot, window)
    buttons = window.view_switch.buttons

    def shown() -> ViewMode:
        return ViewMode(window.views.mode)

    tabbable = [mode for mode, button in buttons.items() if button.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tabbable == [ViewMode.ALL_PROCESSES]
    buttons[ViewMode.ALL_PROCESSES].setFocus()
    qtbot.keyClick(buttons[ViewMode.ALL_PROCESSES], Qt.Key.Key_Right)
    assert buttons[ViewMode.PROCESS_TREE].hasFocus()
    assert shown() is ViewMode.PROCESS_TREE
    qtbot.keyClick(buttons[ViewMode.PROCESS_TREE], Qt.Key.Key_Left)
    qtbot.keyClick(buttons[ViewMode.ALL_PROCESSES], Qt.Key.Key_Left)
    assert shown() is ViewMode.APPLICATIONS
    tabbable = [mode for mode, button in buttons.items() if button.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tabbable == [ViewMode.APPLICATIONS]
