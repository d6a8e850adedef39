"""The app row's menu and the words of End app: names, counts, the ownership warning."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.app_ownership import others_share
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms import PosixAdapter, WindowsAdapter
from gui.views.app_confirmation import app_confirmation, others_note
from gui.views.app_menu import app_request, fill_app_menu
from gui.views.app_words import app_name
from gui.views.result_wording import summary
from tests.qt.ui_driving import menu_texts

OWL = AppIdentity("blinking-owl", "Blinking Owl", (("de", "Blinzelnde Eule"),), None, None)
POSIX = PosixAdapter(linux=True, needs_display_server=False)


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def sample(pid: int, user: str | None = "me", mine: bool = True) -> ProcessSample:
    return ProcessSample(ProcessKey(pid, 1.0), "owl", user, "sleeping", 0.0, 0, 1, "owl --x", mine, False)


@pytest.fixture
def menu(qtbot) -> Iterator[QMenu]:
    parent = QWidget()
    qtbot.addWidget(parent)
    yield QMenu(parent)


def test_one_app_gets_end_app_and_force_quit_app(menu: QMenu) -> None:
    chosen: list[ActionRequest] = []
    processes = (sample(10), sample(11))
    fill_app_menu(menu, POSIX, [(OWL, processes)], chosen.append)
    assert menu_texts(menu) == ["End app", "Force quit app"]
    assert menu.toolTipsVisible()
    end = menu.findChild(QAction, "action_end_app")
    force = menu.findChild(QAction, "action_force_quit_app")
    assert end is not None and force is not None
    assert end.toolTip() == "Sends SIGTERM: asks every process of the app to close, so it can save its work"
    assert force.toolTip() == "Sends SIGKILL: ends every process of the app at once; unsaved work is lost"
    force.trigger()
    end.trigger()
    assert chosen == [
        ActionRequest(Action.FORCE_QUIT_APP, processes, app=OWL),
        ActionRequest(Action.END_APP, processes, app=OWL),
    ]
    fill_app_menu(menu, POSIX, [(OWL, processes)], chosen.append)  # filled again, not appended
    assert menu_texts(menu) == ["End app", "Force quit app"]


def test_several_apps_are_refused_with_a_reason(menu: QMenu) -> None:
    other = AppIdentity("other", "Other", (), None, None)
    fill_app_menu(menu, POSIX, [(OWL, (sample(10),)), (other, (sample(12),))], lambda _request: None)
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.isEnabled() for a in entries] == [False, False]
    assert {a.toolTip() for a in entries} == {
        "Select one app: apps are ended one at a time, each after its own confirmation"
    }


def test_an_app_without_processes_is_shown_disabled(menu: QMenu) -> None:
    fill_app_menu(menu, POSIX, [(OWL, ())], lambda _request: None)
    assert not any(a.isEnabled() for a in menu.actions())


def test_windows_ends_an_app_with_end_task(menu: QMenu) -> None:
    fill_app_menu(menu, WindowsAdapter(), [(OWL, (sample(10),))], lambda _request: None)
    assert menu_texts(menu) == ["End task"]
    entry = menu.findChild(QAction, "action_end_app")
    assert entry is not None and entry.toolTip() == "Ends every process of the app at once"


def test_the_app_is_named_in_the_users_language_as_plain_text(qapp) -> None:
    assert plain(app_name(OWL, QLocale("de_DE"))) == "Blinzelnde Eule"
    assert plain(app_name(OWL, QLocale("fr_FR"))) == "Blinking Owl"
    hostile = AppIdentity("x", "Owl\u202eevil", (), None, None)
    assert plain(app_name(hostile, QLocale("C"))) == "Owl\u27e8U+202E\u27e9evil"


def report(*outcomes: Outcome, action: Action = Action.END_APP) -> BatchReport:
    results = tuple(
        ProcessResult(sample(100 + i), outcome, Detail.ENDED) for i, outcome in enumerate(outcomes)
    )
    return BatchReport(action, results, app=OWL)


def test_the_result_is_one_line_for_the_app(qapp) -> None:
    assert plain(summary(report(Outcome.ENDED))) == "Blinking Owl: 1 process ended"
    assert plain(summary(report(*[Outcome.ENDED] * 4))) == "Blinking Owl: 4 processes ended"
    three_one = report(Outcome.ENDED, Outcome.STILL_RUNNING, Outcome.ENDED, Outcome.ENDED)
    assert plain(summary(three_one)) == "Blinking Owl: 3 processes ended, 1 still running"
    mixed = report(Outcome.PERMISSION_DENIED, Outcome.PERMISSION_DENIED, Outcome.ENDED)
    assert plain(summary(mixed)) == "Blinking Owl: 2 processes not allowed, 1 ended"
    forced = report(Outcome.FORCE_QUIT, Outcome.FORCE_QUIT, action=Action.FORCE_QUIT_APP)
    assert plain(summary(forced)) == "Blinking Owl: 2 processes force quit"


def test_the_confirmation_names_the_app_and_the_polite_end_first(qapp) -> None:
    processes = (sample(10), sample(11), sample(12))
    text = app_confirmation(app_request(Action.END_APP, OWL, processes), "End app", 5.0)
    assert (text.title, plain(text.heading), text.confirm) == ("End app", "End Blinking Owl?", "End app")
    assert plain(text.message) == (
        "ProcPilot asks each of its 3 processes to close, so Blinking Owl can save its work. "
        "If any are still running after 5 s, you can force quit them with one click."
    )
    assert text.skip == "Don\u2019t ask again for \u201cEnd app\u201d"
    assert text.note is None
    forced = app_confirmation(app_request(Action.FORCE_QUIT_APP, OWL, processes), "Force quit app", 5.0)
    assert plain(forced.heading) == "Force quit Blinking Owl?"
    assert plain(forced.message).startswith("Its 3 processes end at once and cannot save their work")


def test_the_ownership_note_names_the_other_users() -> None:
    two_roots = others_share((sample(1), sample(2, "root", False), sample(3, "root", False)))
    assert two_roots is not None
    assert others_note(two_roots) == (
        "2 of its processes belong to root: only root or an administrator can end them. "
        "Unless ProcPilot runs as administrator, they are refused and keep running."
    )
    several = others_share((sample(2, "root", False), sample(3, "postgres", False)))
    assert several is not None
    assert others_note(several).startswith("2 of its processes belong to other users (root, postgres): ")
    unknown = others_share((sample(2, None, False), sample(3, None, False)))
    assert unknown is not None
    assert others_note(unknown).startswith("2 of its processes belong to other users: ")
    request = app_request(Action.END_APP, OWL, (sample(1), sample(2, "root", False)))
    assert app_confirmation(request, "End app", 5.0).note == others_note(
        others_share(request.targets)  # type: ignore[arg-type]
    )
