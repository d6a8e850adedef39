"""End app through the window's action flow: the confirmation names the app, the result is one line."""

import os
import signal
import sys
from collections.abc import Iterator

import psutil
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from gui import platforms
from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.outcomes import Outcome
from gui.platforms import PosixAdapter
from gui.views.action_flow import ActionFlow
from gui.views.app_menu import app_request
from gui.views.confirm_dialog import ConfirmDialog
from gui.views.message_bar import BarKind
from gui.views.results_dialog import ResultsDialog
from tests.children import STUBBORN, wait_gone_or_zombie
from tests.launched_app import LaunchedApp
from tests.other_user import ACTOR, OWNER, acting_as, start_as, switched
from tests.qt.ui_driving import open_dialog

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

OWL = AppIdentity("blinking-owl", "Blinking Owl", (), None, None)


def plain(text: str) -> str:
    """Text without the isolates that keep a name one unit in a sentence."""
    return text.replace("\u2068", "").replace("\u2069", "")


def listed(dialog: ConfirmDialog, column: int) -> list[str]:
    listing = dialog.process_list
    items = [listing.topLevelItem(i) for i in range(listing.topLevelItemCount())]
    return [item.text(column) for item in items if item]


def test_end_app_confirms_with_the_app_and_its_processes_then_reports_one_line(
    qtbot, make_window, launched_app: LaunchedApp
) -> None:
    window = make_window()
    adapter = platforms.current()
    request = app_request(Action.END_APP, OWL, tuple(adapter.read_process(pid) for pid in launched_app.pids))
    window.process_actions.flow.request(request)

    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "End app"
    assert plain(dialog.heading_label.text()) == "End Blinking Owl?"
    assert plain(dialog.message_label.text()).startswith(
        "ProcPilot asks each of its 4 processes to close, so Blinking Owl can save its work."
    )
    assert listed(dialog, 1) == [str(pid) for pid in launched_app.pids]
    assert set(listed(dialog, 2)) == {psutil.Process().username()}
    assert "blinking-owl.sh" in listed(dialog, 3)[0]
    assert dialog.note_label is None  # all of them are the user's own
    assert not dialog.icon_label.pixmap().isNull()
    assert dialog.confirm_button.text() == "End app" and dialog.cancel_button.isDefault()

    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert [r.outcome for r in report.results] == [Outcome.ENDED] * 4
    assert launched_app.launcher.wait(timeout=5) == -signal.SIGTERM
    assert all(wait_gone_or_zombie(pid) for pid in launched_app.children)
    assert window.results_bar.isVisible()
    assert plain(window.results_bar.label.text()) == "Blinking Owl: 4 processes ended"
    assert plain(window.statusBar().currentMessage()) == "Blinking Owl: 4 processes ended"
    assert psutil.Process(launched_app.outside).is_running()  # not the app's: offered, not ended
    assert window.newcomers_bar.isVisible()


def test_the_confirmation_shows_the_icon_it_is_given(qtbot, make_window, spawn) -> None:
    window = make_window()
    red = QPixmap(48, 48)
    red.fill(QColor("red"))
    asked: list[AppIdentity] = []

    def icon_for(app: AppIdentity) -> QIcon:
        asked.append(app)
        return QIcon(red)

    flow = ActionFlow(window, platforms.current(), window.settings, window.controller, icon_for)
    child = spawn("end-app-icon")
    flow.request(app_request(Action.FORCE_QUIT_APP, OWL, (platforms.current().read_process(child.pid),)))
    dialog = open_dialog(qtbot, window)
    assert asked == [OWL]
    assert dialog.icon_label.pixmap().toImage().pixelColor(24, 24) == QColor("red")
    assert plain(dialog.heading_label.text()) == "Force quit Blinking Owl?"
    assert plain(dialog.message_label.text()).startswith("Its process ends at once and cannot save its work")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert child.poll() is None


def test_survivors_of_end_app_are_force_quit_as_the_apps_in_one_click(qtbot, make_window, spawn) -> None:
    window = make_window()
    window.settings.grace_seconds = 1.0
    polite, stubborn = spawn("end-app-ok"), spawn("end-app-stuck", STUBBORN, ready_line=b"ready")
    adapter = platforms.current()
    samples = tuple(adapter.read_process(child.pid) for child in (polite, stubborn))
    window.process_actions.flow.request(app_request(Action.END_APP, OWL, samples))
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert plain(window.results_bar.label.text()) == "Blinking Owl: 1 process ended, 1 still running"
    assert window.results_bar.kind is BarKind.WARNING, "not all went as asked: not a green Done"
    bar = window.escalation_bar
    assert bar.isVisible() and bar.kind is BarKind.WARNING
    assert plain(bar.label.text()) == (
        f"Blinking Owl is still running 1 s after End app: \u201cpython\u201d (PID {stubborn.pid})."
    )

    (force_button,) = bar.buttons()
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as forced:
        qtbot.mouseClick(force_button, Qt.MouseButton.LeftButton)
    report = forced.args[0]
    assert report.action is Action.FORCE_QUIT_APP and report.app == OWL
    assert [r.outcome for r in report.results] == [Outcome.FORCE_QUIT]
    assert stubborn.wait(timeout=5) == -signal.SIGKILL
    assert plain(window.statusBar().currentMessage()) == "Blinking Owl: 1 process force quit"


@pytest.fixture
def actor_sleeper(other_users: tuple[int, int]) -> Iterator[psutil.Process]:
    """``sleep 100`` running as ACTOR: the user's own process while the test acts as ACTOR."""
    child = start_as(ACTOR, "sleep", "100")
    yield switched(child, ACTOR)
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)


def test_an_app_partly_someone_elses_says_so_before_anything_is_sent(
    qtbot, make_window, actor_sleeper: psutil.Process, foreign_sleeper: psutil.Process
) -> None:
    window = make_window()
    window.settings.skip_confirmation(Action.END_APP)  # "Don't ask again" does not skip this warning
    with acting_as(ACTOR):  # the processes as ProcPilot run by ACTOR reads them
        reader = PosixAdapter(linux=True, needs_display_server=False)
        samples = tuple(reader.read_process(p.pid) for p in (actor_sleeper, foreign_sleeper))
    assert [s.owned_by_me for s in samples] == [True, False]
    submitted: list[ActionRequest] = []
    window.process_actions.flow.submitted.connect(submitted.append)

    with acting_as(ACTOR):  # ProcPilot run by ACTOR may not signal OWNER's process
        window.process_actions.flow.request(app_request(Action.END_APP, OWL, samples))
        dialog = open_dialog(qtbot, window)
    assert dialog.note_label is not None and dialog.note_label.isVisible()
    assert dialog.note_label.text() == (
        f"One of its processes belongs to {OWNER}: only {OWNER} or an administrator can end it. "
        "Unless ProcPilot runs as administrator, it is refused and keeps running."
    )
    assert listed(dialog, 2) == [ACTOR, OWNER]
    items = [dialog.process_list.topLevelItem(i) for i in range(2)]
    assert [item.icon(2).isNull() for item in items if item] == [True, False]
    assert submitted == []  # nothing sent while the user reads it
    assert actor_sleeper.is_running() and foreign_sleeper.is_running()

    with acting_as(ACTOR), qtbot.waitSignal(window.controller.batch_finished, timeout=15_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert [r.outcome for r in report.results] == [Outcome.ENDED, Outcome.PERMISSION_DENIED]
    assert wait_gone_or_zombie(actor_sleeper.pid)
    assert foreign_sleeper.is_running()
    assert plain(window.results_bar.label.text()) == "Blinking Owl: 1 process ended, 1 not allowed"
    details = next(b for b in window.results_bar.buttons() if b.text().startswith("Details"))
    qtbot.mouseClick(details, Qt.MouseButton.LeftButton)  # each process's own sentence
    results = window.findChild(ResultsDialog, "results_dialog")
    assert results is not None
    table = results.table
    sentences = [item.text(3) for i in range(table.topLevelItemCount()) if (item := table.topLevelItem(i))]
    assert sentences == ["ended", f"owned by {OWNER}: only {OWNER} or an administrator can end it"]
    results.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs ProcPilot to run as administrator (root)")
def test_as_administrator_the_note_says_another_users_processes_end_too(
    qtbot, make_window, spawn, foreign_sleeper: psutil.Process
) -> None:
    """Run by root, ProcPilot may end OWNER's process: the warning says whose it is and that
    it ends too, not that it would be refused."""
    window = make_window()
    own = spawn("end-app-admin-own")
    adapter = platforms.current()
    samples = tuple(adapter.read_process(pid) for pid in (own.pid, foreign_sleeper.pid))
    assert [s.owned_by_me for s in samples] == [True, False]
    window.process_actions.flow.request(app_request(Action.END_APP, OWL, samples))
    dialog = open_dialog(qtbot, window)
    assert dialog.note_label is not None and dialog.note_label.isVisible()
    assert dialog.note_label.text() == (
        f"One of its processes belongs to {OWNER}. ProcPilot runs as administrator, so it is ended too."
    )
    with qtbot.waitSignal(window.controller.batch_finished, timeout=15_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert wait_gone_or_zombie(own.pid) and wait_gone_or_zombie(foreign_sleeper.pid)
    assert plain(window.results_bar.label.text()) == "Blinking Owl: 2 processes ended"
    assert window.results_bar.kind is BarKind.SUCCESS
