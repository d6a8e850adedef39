"""Window titles, Switch to and polite close through the real window, with real X11
programs (Debian's xmessage) on a private Xvfb run by a real window manager (openbox).

The main window itself stays on Qt's offscreen platform; only its window source talks to
the private display (``DISPLAY`` points there when the window opens)."""

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMenu

from gui.core.actions import Action
from gui.core.columns import Column
from gui.core.outcomes import Detail, Outcome
from gui.core.view_mode import ViewMode
from gui.models.process_cells import TOOLTIP
from gui.views.main_window import MainWindow
from gui.views.mnemonics import mnemonic_of
from gui.views.results_dialog import ResultsDialog
from tests.children import key_of
from tests.e2e.x11_desktop import Desktop, missing, wait_until
from tests.qt.conftest import wait_refreshes
from tests.qt.test_app_icons import centre, write_png
from tests.qt.test_views import find_row, top_level_names
from tests.qt.ui_driving import activate, choose, open_dialog, right_click_index, right_click_row, wait_listed
from tests.save_changes_editor import QUESTION_TITLE, TEXT
from tests.save_changes_editor import WINDOW_TITLE as EDITOR_TITLE

NEEDED = missing("Xvfb", "openbox", "dbus-daemon", "xmessage", "xeyes", "xprop")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not sys.platform.startswith("linux") or bool(NEEDED), reason=f"needs {NEEDED}"),
]

TITLE = "Night owl ✓ — report.txt"
EDITOR = Path(__file__).resolve().parents[1] / "save_changes_editor.py"
APP_ROW = "Night Owl Notes (1)"
OWL_COLOUR = "#c03080"


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desktop]:
    """A private display with openbox, and a desktop entry that runs xmessage; the main
    window opened afterwards finds the display in ``DISPLAY``."""
    started = Desktop("openbox")  # before XDG_DATA_DIRS hides its theme (it would manage nothing)
    try:
        applications = tmp_path / "data" / "applications"
        applications.mkdir(parents=True)
        (applications / "org.procpilot.NightOwl.desktop").write_text(
            "[Desktop Entry]\nType=Application\nName=Night Owl Notes\n"
            f"Exec={shutil.which('xmessage')} hoot\n",
            encoding="utf-8",
        )
        # Claims xeyes only by its window's class: its Exec runs something else.
        owl_icon = write_png(tmp_path / "owl.png", OWL_COLOUR)
        (applications / "org.procpilot.BlinkingOwl.desktop").write_text(
            "[Desktop Entry]\nType=Application\nName=Blinking Owl\nExec=blinking-owl --watch\n"
            f"StartupWMClass=XEyes\nIcon={owl_icon}\n",
            encoding="utf-8",
        )
        (applications / "org.procpilot.NightEditor.desktop").write_text(
            f"[Desktop Entry]\nType=Application\nName=Night Editor\nExec={sys.executable} {EDITOR}\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
        monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "none"))
        monkeypatch.setenv("DISPLAY", started.display)
        yield started
    finally:
        started.close()


def start_xmessage(desktop: Desktop, title: str = TITLE) -> subprocess.Popen[bytes]:
    return desktop.start(str(shutil.which("xmessage")), "-title", title, "hoot")


def app_row(qtbot, window: MainWindow, name: str = APP_ROW) -> QModelIndex:
    qtbot.waitUntil(lambda: find_row(window, name).isValid(), timeout=15_000)
    return find_row(window, name)


def first_title(window: MainWindow, name: str = APP_ROW) -> str:
    return str(find_row(window, name).siblingAtColumn(Column.WINDOW_TITLE).data())


def test_an_application_row_shows_its_window_title_and_follows_a_change(qtbot, make_window, desktop) -> None:
    message = start_xmessage(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    row = app_row(qtbot, window)
    qtbot.waitUntil(lambda: first_title(window) == TITLE, timeout=10_000)
    assert TITLE in row.data(TOOLTIP) and TITLE in row.siblingAtColumn(Column.WINDOW_TITLE).data(TOOLTIP)

    window.view.expand(row)
    process = window.view.model().index(0, 0, row)
    assert TITLE in process.data(TOOLTIP), "a process row names its own windows"
    assert process.siblingAtColumn(Column.WINDOW_TITLE).data() == TITLE
    assert TITLE in process.siblingAtColumn(Column.WINDOW_TITLE).data(TOOLTIP)

    hostile = "<b>Save?</b>\u202e"
    wid = next(w.window_id for w in window.windows.refresh().windows if w.pid == message.pid)
    desktop.run("xprop", "-id", str(wid), "-f", "WM_NAME", "8u", "-set", "WM_NAME", hostile)
    wait_refreshes(qtbot, window, 2)
    assert first_title(window) == "<b>Save?</b>⟨U+202E⟩", "within two refreshes, controls made visible"
    assert "&lt;b&gt;Save?&lt;/b&gt;" in find_row(window, APP_ROW).data(TOOLTIP), "plain text, not markup"


def shown_title_cell(window: MainWindow, row: QModelIndex) -> QModelIndex:
    """Where the app row's first title shows: its Window title cell, or its Command line
    cell while that column has stepped aside (a narrow window)."""
    hidden = window.view.header().isSectionHidden(Column.WINDOW_TITLE)
    return row.siblingAtColumn(Column.COMMAND if hidden else Column.WINDOW_TITLE)


def test_the_window_title_column_shows_the_title_and_steps_aside_to_the_command_cell_when_narrow(
    qtbot, make_window, desktop
) -> None:
    start_xmessage(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    window.resize(1300, 560)
    app_row(qtbot, window)
    qtbot.waitUntil(lambda: first_title(window) == TITLE, timeout=10_000)
    header = window.view.header()
    qtbot.waitUntil(lambda: not header.isSectionHidden(Column.WINDOW_TITLE), timeout=5000)
    row = find_row(window, APP_ROW)
    assert header.visualIndex(Column.WINDOW_TITLE) == header.visualIndex(Column.COMMAND) - 1
    assert row.siblingAtColumn(Column.COMMAND).data() == "", "an app has no command line of its own"
    assert window.model.headerData(Column.WINDOW_TITLE, Qt.Orientation.Horizontal) == "Window title"

    window.resize(780, 560)  # too narrow for every column readable: the title column steps aside
    qtbot.waitUntil(lambda: header.isSectionHidden(Column.WINDOW_TITLE), timeout=5000)
    qtbot.waitUntil(lambda: find_row(window, APP_ROW).siblingAtColumn(Column.COMMAND).data() == TITLE,
                    timeout=5000)  # fmt: skip
    assert TITLE in find_row(window, APP_ROW).siblingAtColumn(Column.COMMAND).data(TOOLTIP)
    assert window.view.column_fitter.is_shown(Column.WINDOW_TITLE), "still the user's choice"

    window.resize(1300, 560)
    qtbot.waitUntil(lambda: find_row(window, APP_ROW).siblingAtColumn(Column.COMMAND).data() == "",
                    timeout=5000)  # fmt: skip
    assert shown_title_cell(window, find_row(window, APP_ROW)).data() == TITLE


def test_quitting_lets_go_of_the_display_connection(qtbot, make_window, desktop) -> None:
    start_xmessage(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    qtbot.waitUntil(lambda: first_title(window) == TITLE if find_row(window, APP_ROW).isValid() else False,
                    timeout=15_000)  # fmt: skip
    assert window.windows.is_open
    source = window.windows._source
    window.close()
    assert not window.loop._thread.isRunning()
    assert not window.windows.is_open
    assert source is not None and source.refresh().unavailable is not None, "the source was shut down"
    assert window.windows.refresh().unavailable is not None, "and is not opened again"


def window_of(window: MainWindow, pid: int) -> int:
    def found() -> int | None:
        return next((w.window_id for w in window.windows.refresh().windows if w.pid == pid), None)

    return wait_until(found, what=f"the window of {pid}")


def entries(menu: QMenu) -> list[str]:
    return [action.objectName() if not action.isSeparator() else "|" for action in menu.actions()]


def test_switch_to_from_the_app_row_and_the_process_row_activates_the_window(
    qtbot, make_window, desktop
) -> None:
    message = start_xmessage(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    row = app_row(qtbot, window)
    target = window_of(window, message.pid)
    desktop.start("xlogo")  # not an app of ours: it takes the focus when it maps
    wait_until(lambda: desktop.active_window() not in (None, target), what="xlogo to be active")

    menu = right_click_index(qtbot, window, row)
    assert entries(menu)[:3] == ["action_switch_to", "|", "action_end_app"], "Switch to comes first"
    choose(qtbot, menu, "Switch to")
    wait_until(lambda: desktop.active_window() == target, what="xmessage to be the active window")

    window.view.expand(row)
    process_menu = right_click_index(qtbot, window, window.view.model().index(0, 0, row))
    assert entries(process_menu)[:3] == ["action_switch_to", "|", "action_end"]


def test_switch_to_a_window_that_closed_says_so_in_the_status_bar(qtbot, make_window, desktop) -> None:
    message = start_xmessage(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    app_row(qtbot, window)
    window_of(window, message.pid)
    gone = next(w for w in window.windows.refresh().windows if w.pid == message.pid)
    message.terminate()
    message.wait(timeout=10)
    # The X server and the window manager let go of the window a moment after its client.
    wait_until(
        lambda: all(w.window_id != gone.window_id for w in window.windows.refresh().windows),
        what="the window to leave the client list",
    )
    with qtbot.waitSignal(window.controller.switched, timeout=10_000):
        window.controller.switch_to(gone)
    # The window's own slot gets the outcome through the event loop, maybe after the test's.
    qtbot.waitUntil(lambda: "the window has closed" in window.statusBar().currentMessage(), timeout=5000)
    assert TITLE in window.statusBar().currentMessage()


def test_a_process_without_a_window_has_no_switch_to(qtbot, make_window, spawn) -> None:
    child = spawn("no-window")
    window = make_window()
    key = key_of(child)
    wait_listed(qtbot, window, key)
    menu = right_click_row(qtbot, window, key)
    assert "action_switch_to" not in entries(menu)
    assert entries(menu)[0] == "action_end"


def ignores_sigterm(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status").read_text()
    ignored = int(next(line for line in status.splitlines() if line.startswith("SigIgn:")).split()[1], 16)
    return bool(ignored & (1 << (signal.SIGTERM - 1)))


def start_unsaved_notes(desktop: Desktop) -> subprocess.Popen[bytes]:
    """xmessage that ignores SIGTERM (ignored signals survive exec): it can only end because
    its window was asked to close (openbox passes WM_DELETE_WINDOW on)."""
    xmessage = shutil.which("xmessage")
    message = desktop.start("sh", "-c", f"trap '' TERM; exec {xmessage} -title 'Unsaved notes' hoot")
    wait_until(lambda: Path(f"/proc/{message.pid}/exe").resolve().name == "xmessage", what="the exec")
    assert ignores_sigterm(message.pid)
    return message


@pytest.mark.parametrize("how", ["menu", "Del", "toolbar"])
def test_end_app_closes_the_window_first_and_sends_no_signal(qtbot, make_window, desktop, how: str) -> None:
    """From the right-click menu, Del on the app's row or the toolbar's End with it selected."""
    message = start_unsaved_notes(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    row = app_row(qtbot, window)
    qtbot.waitUntil(lambda: first_title(window) == "Unsaved notes", timeout=10_000)
    if how == "menu":
        choose(qtbot, right_click_index(qtbot, window, row), "End app")
    else:
        activate(qtbot, window)
        window.view.scrollTo(row)
        point = window.view.viewport().mapTo(window, window.view.visualRect(row).center())
        qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
        assert window.views.selected_app_windows(), "the app's row is selected, with its window"
        if how == "Del":
            qtbot.keyClick(window.view, Qt.Key.Key_Delete)
        else:
            button = window.toolbar.widgetForAction(window.process_actions.end_action)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window)
    assert "first asks its windows to close, so it can offer to save your work" in dialog.message_label.text()
    with qtbot.waitSignal(window.controller.batch_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.action is Action.END_APP
    (result,) = report.results
    assert (result.outcome, result.detail) == (Outcome.ENDED, Detail.CLOSED_BY_WINDOW)
    assert message.wait(timeout=5) >= 0, "it exited by itself: no signal ended it"


def test_a_double_click_on_the_title_switches_to_the_window_and_search_finds_titles(
    qtbot, make_window, desktop
) -> None:
    message = start_xmessage(desktop)
    window = make_window(view=ViewMode.APPLICATIONS)
    row = app_row(qtbot, window)
    qtbot.waitUntil(lambda: first_title(window) == TITLE, timeout=10_000)
    target = window_of(window, message.pid)
    desktop.start("xlogo")  # takes the focus when it maps
    wait_until(lambda: desktop.active_window() not in (None, target), what="xlogo to be active")

    title_cell = shown_title_cell(window, find_row(window, APP_ROW))
    window.view.scrollTo(title_cell)
    point = window.view.viewport().mapTo(window, window.view.visualRect(title_cell).center())
    activate(qtbot, window)
    qtbot.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    wait_until(lambda: desktop.active_window() == target, what="xmessage to be the active window")
    assert not window.view.isExpanded(find_row(window, APP_ROW)), (
        "the title switches; it does not open the row"
    )

    window.filter_bar.search.setText(TITLE[-6:])  # "report", typed: only the title has it
    qtbot.waitUntil(lambda: find_row(window, APP_ROW).isValid(), timeout=5000)
    assert not any(name.startswith("Background") for name in top_level_names(window))
    assert row.isValid()
    found = find_row(window, APP_ROW)
    window.view.expand(found)
    assert window.view.model().rowCount(found) == 1, "its process stays visible under it"
    assert window.view.model().index(0, Column.PID, found).data().strip() == str(message.pid)

    window.show_view(ViewMode.ALL_PROCESSES)  # the same search finds the process by its title
    model = window.view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.index(0, Column.PID).data().strip() == str(message.pid)


def test_a_process_named_only_by_its_window_class_is_under_that_entrys_app(
    qtbot, make_window, desktop
) -> None:
    """xeyes started directly (not through the entry's Exec, from no app's scope): only its
    window's WM_CLASS (``XEyes``) ties it to the entry that says ``StartupWMClass=XEyes``."""
    eyes = desktop.start(str(shutil.which("xeyes")))
    window = make_window(view=ViewMode.APPLICATIONS)
    row = app_row(qtbot, window, "Blinking Owl (1)")
    assert centre(row.data(Qt.ItemDataRole.DecorationRole), 16) == OWL_COLOUR, "the entry's icon"
    assert first_title(window, "Blinking Owl (1)") == "xeyes"
    window.view.expand(row)
    process = window.view.model().index(0, 0, row)
    assert process.siblingAtColumn(Column.PID).data().strip() == str(eyes.pid)
    assert process.data() == "xeyes"


def test_a_double_click_on_a_process_rows_window_title_switches_to_its_window(
    qtbot, make_window, desktop
) -> None:
    message = start_xmessage(desktop)
    window = make_window()  # the Processes view
    window.resize(1300, 560)
    key = key_of(message)
    wait_listed(qtbot, window, key)
    target = window_of(window, message.pid)
    qtbot.waitUntil(lambda: window.view.index_for(key).siblingAtColumn(Column.WINDOW_TITLE).data() == TITLE,
                    timeout=10_000)  # fmt: skip
    qtbot.waitUntil(lambda: not window.view.header().isSectionHidden(Column.WINDOW_TITLE), timeout=5000)
    desktop.start("xlogo")  # takes the focus when it maps
    wait_until(lambda: desktop.active_window() not in (None, target), what="xlogo to be active")

    cell = window.view.index_for(key).siblingAtColumn(Column.WINDOW_TITLE)
    window.view.scrollTo(cell)
    point = window.view.viewport().mapTo(window, window.view.visualRect(cell).center())
    activate(qtbot, window)
    qtbot.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    wait_until(lambda: desktop.active_window() == target, what="xmessage to be the active window")


def test_a_process_details_name_its_windows_and_a_title_switches_to_it(qtbot, make_window, desktop) -> None:
    message = start_xmessage(desktop)
    window = make_window()  # the Processes view
    key = key_of(message)
    wait_listed(qtbot, window, key)
    target = window_of(window, message.pid)
    qtbot.waitUntil(lambda: bool(window.view.index_for(key).siblingAtColumn(Column.WINDOW_TITLE).data()),
                    timeout=10_000)  # fmt: skip
    menu = right_click_row(qtbot, window, key)
    choose(qtbot, menu, "Properties…")
    details = window.details.open(key)
    field = details.fields["windows"]
    qtbot.waitUntil(lambda: TITLE in field.text() and field.isVisibleTo(details), timeout=10_000)
    assert details.windows and details.windows[0].window_id == target

    desktop.start("xlogo")  # takes the focus when it maps
    wait_until(lambda: desktop.active_window() not in (None, target), what="xlogo to be active")
    field.linkActivated.emit("0")  # what a click on the title's link does
    wait_until(lambda: desktop.active_window() == target, what="xmessage to be the active window")
    details.close()


class NightEditor:
    """tests/save_changes_editor.py on the desktop: its log and the file it saves to."""

    def __init__(self, desktop: Desktop, folder: Path) -> None:
        self.log = folder / "editor.log"
        self.saved = folder / "saved.txt"
        self.process = desktop.start(sys.executable, str(EDITOR), str(self.log), str(self.saved))
        wait_until(lambda: "shown" in self.steps(), what="the editor's window")

    def steps(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []


def unisolated(text: str) -> str:
    """``text`` without the isolates around names (they keep a right-to-left name in its place)."""
    return text.replace("\u2068", "").replace("\u2069", "")


def result_in_details(qtbot, window: MainWindow) -> str:
    """Click the results bar's Details… and read the one process's result there."""
    details = window.results_bar.buttons()[-1]
    assert details.text() == "Details\u2026"
    qtbot.mouseClick(details, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ResultsDialog, "results_dialog")
    assert dialog is not None
    item = dialog.table.topLevelItem(0)
    assert item is not None and dialog.table.topLevelItemCount() == 1
    found = item.text(3)
    dialog.close()
    return found


def end_the_editor_app(qtbot, window: MainWindow, editor: NightEditor) -> None:
    """Right-click Night Editor's row, End app, confirm (the confirmation says windows come first)."""
    row = app_row(qtbot, window, "Night Editor (1)")
    qtbot.waitUntil(lambda: first_title(window, "Night Editor (1)") == EDITOR_TITLE, timeout=10_000)
    menu = right_click_index(qtbot, window, row)
    choose(qtbot, menu, "End app")
    dialog = open_dialog(qtbot, window)
    assert "unless it is asking you a question in a new window" in dialog.message_label.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def question_of(window: MainWindow, editor: NightEditor) -> int:
    """The "Save changes?" window, once the editor shows it."""

    def found() -> int | None:
        listed = window.windows.refresh().windows
        mine = (w for w in listed if w.pid == editor.process.pid and w.title == QUESTION_TITLE)
        return next((w.window_id for w in mine), None)

    return wait_until(found, what="the Save changes? window")


def answer_save(desktop: Desktop, question: int, editor: NightEditor) -> None:
    """What a user does: bring the question to the front and press Return (its default: Save)."""
    for _ in range(5):  # a key pressed before the toolkit took the focus can be lost: press again
        desktop.run("xdotool", "windowactivate", "--sync", str(question))
        wait_until(lambda: desktop.active_window() == question, what="the question to be active")
        desktop.run("xdotool", "key", "--clearmodifiers", "Return")
        try:
            wait_until(lambda: any(s.startswith("answered") for s in editor.steps()), 2.0, "an answer")
            return
        except AssertionError:
            continue
    raise AssertionError(f"the editor never took the answer: {editor.steps()}")


def test_end_app_lets_an_editor_ask_save_changes_and_its_answer_ends_it_before_any_signal(
    qtbot, make_window, desktop, tmp_path
) -> None:
    """A PySide6 editor whose window asks "Save changes?" on close; the test answers Save.
    It saves and exits by itself: End app asked its window first and sent no signal."""
    editor = NightEditor(desktop, tmp_path)
    window = make_window(view=ViewMode.APPLICATIONS)
    window.settings.grace_seconds = 30.0  # the answer comes well within it; the exit ends the wait
    with qtbot.waitSignal(window.controller.batch_finished, timeout=60_000) as finished:
        end_the_editor_app(qtbot, window, editor)
        answer_save(desktop, question_of(window, editor), editor)
    (result,) = finished.args[0].results
    assert (result.outcome, result.detail) == (Outcome.ENDED, Detail.CLOSED_BY_WINDOW)
    assert editor.process.wait(timeout=10) == 0
    assert editor.steps() == ["shown", "close-asked", "dialog-shown", "answered save", "saved", "exit 0"]
    assert editor.saved.read_text(encoding="utf-8") == TEXT, "the work was saved"
    assert unisolated(window.statusBar().currentMessage()) == "Night Editor: 1 process ended"
    assert result_in_details(qtbot, window) == "closed when its window was asked to"


@pytest.mark.parametrize("then", ["force quit", "answer"])
def test_an_app_still_asking_after_the_grace_period_gets_no_signal_and_is_offered_switch_to_and_force_quit(
    qtbot, make_window, desktop, tmp_path, then: str
) -> None:
    """Nobody answers within the grace period: a SIGTERM now would lose the work the question
    is about (as Windows' End task, ProcPilot waits for the app). The bar offers Switch to
    (the question comes to the front) and Force quit; an answer given later ends it."""
    editor = NightEditor(desktop, tmp_path)
    window = make_window(view=ViewMode.APPLICATIONS)
    window.settings.grace_seconds = 2.0
    with qtbot.waitSignal(window.controller.batch_finished, timeout=30_000) as finished:
        end_the_editor_app(qtbot, window, editor)
        question = question_of(window, editor)
    report = finished.args[0]
    (result,) = report.results
    assert (result.outcome, result.detail) == (Outcome.ASKING, Detail.ASKING_IN_WINDOW)
    assert result.value("title") == QUESTION_TITLE
    assert [w.window_id for w in report.questions] == [question]
    assert editor.process.poll() is None and "SIGTERM" not in editor.steps()
    assert (
        unisolated(window.statusBar().currentMessage()) == "Night Editor: 1 process waiting for your answer"
    )
    bar = window.escalation_bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert unisolated(bar.label.text()) == (
        f"Night Editor is asking a question in its window \u201c{QUESTION_TITLE}\u201d. "
        "Answer it there, or force quit."
    )
    assert result_in_details(qtbot, window) == (
        f"is asking a question in its window \u201c{QUESTION_TITLE}\u201d: "
        "nothing was sent while it waits for you"
    )
    switch, force = bar.buttons()
    assert (switch.text(), force.text()) == ("Switch to", "Force quit")

    desktop.start("xlogo")  # takes the focus when it maps
    wait_until(lambda: desktop.active_window() not in (None, question), what="xlogo to be active")
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    wait_until(lambda: desktop.active_window() == question, what="the question to be the active window")

    if then == "force quit":
        with qtbot.waitSignal(window.controller.batch_finished, timeout=20_000) as forced:
            qtbot.mouseClick(force, Qt.MouseButton.LeftButton)
        assert [r.outcome for r in forced.args[0].results] == [Outcome.FORCE_QUIT]
        assert editor.process.wait(timeout=10) == -signal.SIGKILL
        assert editor.steps() == ["shown", "close-asked", "dialog-shown"], "no SIGTERM, no answer"
        assert not editor.saved.exists()
    else:
        answer_save(desktop, question, editor)
        assert editor.process.wait(timeout=10) == 0
        assert editor.steps() == ["shown", "close-asked", "dialog-shown", "answered save", "saved", "exit 0"]
        qtbot.waitUntil(lambda: bar.label.text().endswith(" ended."), timeout=10_000)
        assert unisolated(bar.label.text()) == "Night Editor ended.", "the app, as End app's result"
        assert bar.buttons() == []


def shown_titled(desktop: Desktop, title: str) -> bool:
    """Whether a window whose title starts with ``title`` is shown on the desktop (xdotool)."""
    try:
        return bool(desktop.run("xdotool", "search", "--onlyvisible", "--name", f"^{title}").split())
    except subprocess.CalledProcessError:  # none yet
        return False


def test_an_app_with_two_windows_offers_each_by_title_and_a_double_click_switches_to_the_one_shown(
    qtbot, make_window, desktop
) -> None:
    first = start_xmessage(desktop, "First note & more")
    wait_until(lambda: shown_titled(desktop, "First note"), what="the first window")
    second = start_xmessage(desktop, "Second note")  # started later: listed second
    window = make_window(view=ViewMode.APPLICATIONS)
    window.resize(1300, 560)
    row = app_row(qtbot, window, "Night Owl Notes (2)")
    targets = {pid: window_of(window, pid) for pid in (first.pid, second.pid)}
    desktop.start("xlogo")  # takes the focus when it maps
    wait_until(lambda: desktop.active_window() not in (None, *targets.values()), what="xlogo to be active")

    menu = right_click_index(qtbot, window, row)
    assert entries(menu)[:3] == ["action_switch_to", "|", "action_end_app"]
    switch = next(action for action in menu.actions() if action.objectName() == "action_switch_to")
    submenu = menu.findChild(QMenu, "menu_switch_to")
    assert submenu is not None and switch.menu() is submenu
    assert switch.text() == "S&witch to", "the submenu keeps its mnemonic"
    titles = [action.text() for action in submenu.actions()]
    assert [t.replace("&&", "\0").replace("&", "").replace("\0", "&") for t in titles] == [
        "First note & more",
        "Second note",
    ], "one entry per window, oldest process first; a title's & shows as itself"
    assert all(mnemonic_of(title) for title in titles), "each entry has a mnemonic"
    choose(qtbot, menu, "Switch to")  # opens the submenu
    choose(qtbot, submenu, "Second note")
    wait_until(lambda: desktop.active_window() == targets[second.pid], what="the second window to be active")

    # A double-click on the second process's title switches to that window, not the app's first.
    window.view.expand(find_row(window, "Night Owl Notes (2)"))
    qtbot.waitUntil(lambda: not window.view.header().isSectionHidden(Column.WINDOW_TITLE), timeout=5000)
    desktop.start("xlogo")
    wait_until(lambda: desktop.active_window() not in (None, *targets.values()), what="xlogo to be active")
    app = find_row(window, "Night Owl Notes (2)")
    processes = [window.view.model().index(n, 0, app) for n in range(2)]
    cell = next(p for p in processes if p.siblingAtColumn(Column.PID).data().strip() == str(second.pid))
    cell = cell.siblingAtColumn(Column.WINDOW_TITLE)
    assert cell.data() == "Second note"
    window.view.scrollTo(cell)
    point = window.view.viewport().mapTo(window, window.view.visualRect(cell).center())
    activate(qtbot, window)
    qtbot.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    wait_until(lambda: desktop.active_window() == targets[second.pid], what="the second window to be active")

    # The app's title cell shows the first window's title: the title activated goes there,
    # whatever row is selected (here none).
    window.view.clearSelection()
    window.view.title_activated.emit(
        find_row(window, "Night Owl Notes (2)").siblingAtColumn(Column.WINDOW_TITLE)
    )
    wait_until(lambda: desktop.active_window() == targets[first.pid], what="the first window to be active")


#: An app that starts a program with an entry of its own (a game launcher and its game): xeyes,
#: whose window's class the Blinking Owl entry claims, and a helper without a window.
OWL_LAUNCHER = """\
import signal, subprocess, sys
children = [subprocess.Popen([sys.argv[2]]), subprocess.Popen(["sleep", "600"])]
def stop(*_):
    for child in children:
        child.terminate()
    for child in children:
        child.wait()
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
with open(sys.argv[1] + ".part", "w") as pids:
    pids.write(" ".join(str(child.pid) for child in children))
__import__("os").rename(sys.argv[1] + ".part", sys.argv[1])
while True:
    signal.pause()
"""


def test_a_child_whose_window_class_names_another_entry_is_under_that_app_not_its_parents(
    qtbot, make_window, desktop, tmp_path
) -> None:
    """The launcher is Owl Launcher (its entry's Exec runs it); its children would be too (the
    parent rule), but xeyes's window class is what Blinking Owl's StartupWMClass says: the
    window's own word beats a guess from its parent. The windowless helper stays with its parent."""
    launcher = tmp_path / "owl_launcher.py"
    launcher.write_text(OWL_LAUNCHER, encoding="utf-8")
    applications = tmp_path / "data" / "applications"
    (applications / "org.procpilot.OwlLauncher.desktop").write_text(
        f"[Desktop Entry]\nType=Application\nName=Owl Launcher\nExec={sys.executable} {launcher}\n",
        encoding="utf-8",
    )
    pid_file = tmp_path / "children"
    started = desktop.start(sys.executable, str(launcher), str(pid_file), str(shutil.which("xeyes")))
    wait_until(pid_file.exists, what="the children")
    eyes, helper = (int(pid) for pid in pid_file.read_text().split())
    window = make_window(view=ViewMode.APPLICATIONS)
    owl = app_row(qtbot, window, "Blinking Owl (1)")
    window.view.expand(owl)
    assert window.view.model().index(0, Column.PID, owl).data().strip() == str(eyes)
    assert first_title(window, "Blinking Owl (1)") == "xeyes"
    launcher_row = app_row(qtbot, window, "Owl Launcher (2)")
    window.view.expand(launcher_row)
    pids = {window.view.model().index(n, Column.PID, launcher_row).data().strip() for n in range(2)}
    assert pids == {str(started.pid), str(helper)}


def test_an_xmessage_started_directly_is_under_the_entry_its_window_class_names(
    qtbot, make_window, desktop, tmp_path
) -> None:
    """No entry runs xmessage here (Night Owl Notes is taken away): only its window's class,
    ``Xmessage``, ties it to the entry that says ``StartupWMClass=Xmessage`` (whose Exec runs
    something else)."""
    applications = tmp_path / "data" / "applications"
    (applications / "org.procpilot.NightOwl.desktop").unlink()
    (applications / "org.procpilot.MessageBoard.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Message Board\nExec=message-board --daemon\n"
        "StartupWMClass=Xmessage\n",
        encoding="utf-8",
    )
    message = start_xmessage(desktop, "Board ✓ — today")
    window = make_window(view=ViewMode.APPLICATIONS)
    row = app_row(qtbot, window, "Message Board (1)")
    qtbot.waitUntil(lambda: first_title(window, "Message Board (1)") == "Board ✓ — today", timeout=10_000)
    window.view.expand(row)
    process = window.view.model().index(0, 0, find_row(window, "Message Board (1)"))
    assert process.siblingAtColumn(Column.PID).data().strip() == str(message.pid)
    assert process.data() == "xmessage"
    assert process.siblingAtColumn(Column.WINDOW_TITLE).data() == "Board ✓ — today"
    assert not find_row(window, APP_ROW).isValid()
