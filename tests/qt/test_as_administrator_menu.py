"""The As administrator ▸ submenu and the bars around it, in the real window.

Whether the submenu is offered is decided before anything is sent, from the owner
(signal 0): these tests act as ACTOR while the menu opens. The batches themselves go
through the real pkexec in ``tests/e2e/test_admin_window.py``.
"""

import signal
import sys
from functools import partial

import psutil
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton

from gui.actions.elevation_client import pkexec_launcher
from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.app_identity import AppIdentity
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.core.process_key import ProcessKey
from gui.platforms import current
from gui.views.admin_offer import AdminOffer
from gui.views.app_menu import fill_app_menu
from gui.views.mnemonics import mnemonic_of
from tests.children import key_of
from tests.other_user import ACTOR, acting_as
from tests.qt.ui_driving import menu_texts, right_click_row, submenu, wait_listed

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is Linux's for now")


def test_processes_the_user_may_signal_get_no_administrator_entry(qtbot, make_window, spawn) -> None:
    window = make_window()
    key = key_of(spawn("own"))
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    assert "As administrator" not in menu_texts(menu)
    menu.close()


def foreign_menu(qtbot, window, process: psutil.Process) -> QMenu:
    """Right-click another user's process as ACTOR would (the menu is decided then)."""
    key = ProcessKey(process.pid, process.create_time())
    wait_listed(qtbot, window, key)
    with acting_as(ACTOR):
        return right_click_row(qtbot, window, key)


def test_another_users_process_gets_the_administrator_submenu(qtbot, make_window, foreign_sleeper) -> None:
    window = make_window()
    menu = foreign_menu(qtbot, window, foreign_sleeper)
    texts = menu_texts(menu)
    # Right after the everyday actions; Change priority, Properties… and Advanced come later.
    assert texts.index("End process tree") + 1 == texts.index("As administrator") < texts.index("Advanced")
    assert texts.index("As administrator") == texts.index("Change priority") - 1
    admin = submenu(menu, "menu_as_administrator")
    assert admin.menuAction().isEnabled()
    assert not admin.menuAction().icon().isNull()  # the lock, never empty
    assert menu_texts(admin) == ["End", "Force quit", "Suspend", "Send signal"]
    assert "asks for the administrator password once" in admin.menuAction().toolTip()
    signals = submenu(admin, "admin_menu_send_signal")
    assert menu_texts(signals) == menu_texts(submenu(submenu(menu, "menu_advanced"), "menu_send_signal"))
    assert all(not entry.shortcut().toString() for entry in admin.actions())  # Del stays the everyday End
    for shown in (menu, admin):
        letters = [mnemonic_of(entry.text()) for entry in shown.actions() if not entry.isSeparator()]
        assert None not in letters and len(set(letters)) == len(letters), menu_texts(shown)
    menu.close()


def test_without_pkexec_the_submenu_says_what_to_install(qtbot, make_window, foreign_sleeper) -> None:
    window = make_window(launcher=partial(pkexec_launcher, None, lambda _name: None))
    menu = foreign_menu(qtbot, window, foreign_sleeper)
    admin = submenu(menu, "menu_as_administrator")
    assert not admin.menuAction().isEnabled()
    assert admin.menuAction().toolTip().startswith("Needs pkexec, which is not installed: install the pkexec")
    menu.close()


def test_a_cancelled_password_offers_try_again_with_the_same_signal(qtbot, make_window, spawn) -> None:
    window = make_window()
    target = current().read_process(spawn("cancelled").pid)
    usr1 = SignalSpec("SIGUSR1", int(signal.SIGUSR1))
    cancelled = ProcessResult(target, Outcome.FAILED, Detail.ADMIN_CANCELLED)
    window.feedback.batch_finished(BatchReport(Action.SEND_SIGNAL, (cancelled,), signal=usr1))
    bar = window.results_bar
    assert bar.label.text().endswith("cancelled: the administrator password was not given")
    assert [b.text() for b in bar.buttons()] == ["Try again", "Details\u2026"]
    window.controller.submit_elevated = lambda _request: None  # no password prompt in this test
    with qtbot.waitSignal(window.feedback.elevate_requested) as asked:
        qtbot.mouseClick(bar.buttons()[0], Qt.MouseButton.LeftButton)
    assert asked.args[0] == ActionRequest(Action.SEND_SIGNAL, (target,), usr1, as_administrator=True)
    assert bar.isHidden()


def test_closing_the_force_quit_bar_lets_its_processes_go(qtbot, make_window, spawn) -> None:
    window = make_window()
    target = current().read_process(spawn("survivor").pid)
    survivor = ProcessResult(target, Outcome.STILL_RUNNING, Detail.STILL_RUNNING, (("grace_s", 5.0),))
    window.feedback.batch_finished(BatchReport(Action.END, (survivor,)))
    bar = window.escalation_bar
    assert [b.text() for b in bar.buttons()] == ["Force quit"]
    close = next(b for b in bar.findChildren(QToolButton) if b.toolTip() == "Dismiss")
    with qtbot.waitSignal(window.feedback.escalation_withdrawn) as withdrawn:
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert withdrawn.args[0] == (target.key,)


def test_force_quit_from_the_bar_is_not_a_withdrawal(qtbot, make_window, spawn) -> None:
    window = make_window()
    target = current().read_process(spawn("survivor").pid)
    survivor = ProcessResult(target, Outcome.STILL_RUNNING, Detail.STILL_RUNNING, (("grace_s", 5.0),))
    window.feedback.batch_finished(BatchReport(Action.END, (survivor,)))
    withdrawn: list[object] = []
    window.feedback.escalation_withdrawn.connect(withdrawn.append)
    finished = qtbot.waitSignal(window.controller.batch_finished, timeout=15_000)
    with finished, qtbot.waitSignal(window.feedback.force_quit_requested) as asked:
        qtbot.mouseClick(window.escalation_bar.buttons()[0], Qt.MouseButton.LeftButton)
    assert asked.args[0] == ActionRequest(Action.FORCE_QUIT, (target,))
    assert withdrawn == []
    assert [r.outcome for r in finished.args[0].results] == [Outcome.FORCE_QUIT]


def test_an_app_with_other_users_processes_gets_the_submenu(qtbot, spawn) -> None:
    processes = tuple(current().read_process(spawn(f"app-{i}").pid) for i in range(2))
    app = AppIdentity("blinking-owl", "Blinking Owl", (), None, None)
    chosen: list[ActionRequest] = []
    menu = QMenu()
    offer = AdminOffer(1, True, "tooltip")
    fill_app_menu(menu, current(), [(app, processes)], chosen.append, admin=offer)
    admin = submenu(menu, "menu_as_administrator")
    assert menu_texts(admin) == ["End app", "Force quit app"]
    assert not admin.menuAction().icon().isNull()
    admin.actions()[0].trigger()
    assert chosen == [ActionRequest(Action.END_APP, processes, app=app, as_administrator=True)]
    fill_app_menu(menu, current(), [(app, processes)], chosen.append)
    assert "As administrator" not in menu_texts(menu)


def test_a_new_force_quit_offer_lets_the_replaced_one_go(qtbot, make_window, spawn) -> None:
    window = make_window()
    first, second = (current().read_process(spawn(f"survivor-{i}").pid) for i in range(2))

    def still_running(target):
        result = ProcessResult(target, Outcome.STILL_RUNNING, Detail.STILL_RUNNING, (("grace_s", 5.0),))
        return BatchReport(Action.END, (result,))

    window.feedback.batch_finished(still_running(first))
    with qtbot.waitSignal(window.feedback.escalation_withdrawn) as withdrawn:
        window.feedback.batch_finished(still_running(second))
    assert withdrawn.args[0] == (first.key,)
    assert f"(PID {second.key.pid}) is still running" in window.escalation_bar.label.text()
