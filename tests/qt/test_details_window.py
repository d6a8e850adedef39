"""The details window, driven as a user does, on real processes this test starts."""

import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon

from gui.core.process_details import Missing, ResourceReading, Tab
from gui.core.process_key import ProcessKey
from gui.views.details_context import DetailsContext
from gui.views.details_window import DetailsWindow
from gui.views.details_words import started_text
from gui.views.main_window import MainWindow
from tests.children import key_of, wait_gone_or_zombie
from tests.other_user import ACTOR, acting_as
from tests.qt.conftest import status_of
from tests.qt.ui_driving import activate, choose, open_dialog, right_click_row, row_point, wait_listed

#: Holds a temporary file open, listens on a loopback port, prints both, then sleeps.
HOLDER = """\
import os, socket, sys, tempfile, time
held = tempfile.NamedTemporaryFile(prefix="procpilot-details-", delete=False)
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
print(held.name, server.getsockname()[1], flush=True)
time.sleep(600)
"""
MARKER_VALUE = "details-window-test-value"


@dataclass
class _Holder:
    child: subprocess.Popen[bytes]
    key: ProcessKey
    path: str
    port: int
    cwd: Path


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[_Holder]:
    """``python -c HOLDER --marker`` in ``tmp_path``, with PROCPILOT_DETAILS_MARKER set."""
    env = {**os.environ, "PROCPILOT_DETAILS_MARKER": MARKER_VALUE}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, "--marker", "procpilot-details-child"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
    )
    assert child.stdout is not None
    path, port = child.stdout.readline().decode().split()
    key = ProcessKey(child.pid, psutil.Process(child.pid).create_time())
    yield _Holder(child, key, path, int(port), tmp_path)
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)
    child.stdout.close()
    Path(path).unlink(missing_ok=True)


def double_click_row(qtbot, window: MainWindow, key: ProcessKey) -> DetailsWindow:
    """Double-click a process's row, as a user does, and return the window that opens."""
    activate(qtbot, window)
    point = row_point(window, key)
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.details.window_for(key) is not None, timeout=5000)
    details = window.details.window_for(key)
    assert details is not None
    qtbot.waitExposed(details)
    return details


def field_text(details: DetailsWindow, name: str) -> str:
    return details.fields[name].text()


def show_tab(qtbot, details: DetailsWindow, tab: Tab) -> list[list[str]]:
    page = details.pages[tab]
    details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page.rows()


def test_double_click_shows_what_the_process_is_holds_and_runs(qtbot, make_window, holder) -> None:
    window = make_window()
    wait_listed(qtbot, window, holder.key)
    details = double_click_row(qtbot, window, holder.key)
    qtbot.waitUntil(lambda: details.facts is not None and field_text(details, "status") != "", timeout=10_000)

    assert field_text(details, "pid") == str(holder.key.pid)
    assert field_text(details, "working_directory") == str(holder.cwd)
    assert field_text(details, "executable") == psutil.Process(holder.key.pid).exe()
    assert "--marker procpilot-details-child" in details.command_text.toPlainText()
    assert field_text(details, "user") == psutil.Process(holder.key.pid).username()
    me = psutil.Process()
    assert f"PID {me.pid}" in field_text(details, "parent")
    assert f"(PID {holder.key.pid})" in details.windowTitle()

    files = show_tab(qtbot, details, Tab.OPEN_FILES)
    assert [holder.path] in [row[:1] for row in files]
    connections = show_tab(qtbot, details, Tab.CONNECTIONS)
    assert ["TCP", f"127.0.0.1:{holder.port}", "", "Listening"] in connections
    environment = show_tab(qtbot, details, Tab.ENVIRONMENT)
    assert ["PROCPILOT_DETAILS_MARKER", MARKER_VALUE] in environment
    names = [row[0] for row in environment]
    assert names == sorted(names)
    search = details.pages[Tab.ENVIRONMENT].search
    assert search is not None
    qtbot.keyClicks(search, "details_marker")
    shown = [item for item in details.pages[Tab.ENVIRONMENT]._items() if not item.isHidden()]
    assert [item.text(0) for item in shown] == ["PROCPILOT_DETAILS_MARKER"]

    # The resources fill in, and the graph remembers them.
    qtbot.waitUntil(lambda: len(details.history) >= 2, timeout=10_000)
    assert field_text(details, "threads") == "1"
    assert field_text(details, "memory").endswith("MB")
    assert "nice 0" in field_text(details, "priority")


def test_copy_the_command_line_and_open_the_file_location(qtbot, make_window, holder) -> None:
    window = make_window()
    wait_listed(qtbot, window, holder.key)
    details = double_click_row(qtbot, window, holder.key)
    qtbot.waitUntil(details.copy_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(details.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.endswith("--marker procpilot-details-child")
    assert copied.startswith(sys.executable)

    class Opened(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url)

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(details.open_location_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    executable = psutil.Process(holder.key.pid).exe()
    assert [url.toLocalFile() for url in opened.urls] == [os.path.dirname(executable)]


def test_enter_and_properties_open_one_window_per_process_and_the_parent_link(
    qtbot, make_window, holder
) -> None:
    window = make_window()
    wait_listed(qtbot, window, holder.key)
    activate(qtbot, window)
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=row_point(window, holder.key))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.details.window_for(holder.key) is not None, timeout=5000)
    first = window.details.window_for(holder.key)

    menu = right_click_row(qtbot, window, holder.key)
    entry = next(a for a in menu.actions() if a.objectName() == "action_properties")
    assert entry.shortcut().toString() == "Alt+Return"
    choose(qtbot, menu, "Properties\u2026")
    assert window.details.windows() == (first,)  # raised, not opened twice

    assert first is not None
    qtbot.waitUntil(lambda: first.facts is not None, timeout=10_000)
    parent_label = first.fields["parent"]
    me = ProcessKey(os.getpid(), psutil.Process().create_time())
    qtbot.mouseClick(
        parent_label, Qt.MouseButton.LeftButton, pos=parent_label.contentsRect().topLeft() + QPoint(8, 6)
    )
    qtbot.waitUntil(lambda: window.details.window_for(me) is not None, timeout=5000)
    parent = window.details.window_for(me)
    assert parent is not None
    qtbot.waitUntil(lambda: parent.facts is not None, timeout=10_000)
    assert field_text(parent, "pid") == str(os.getpid())


def test_end_from_the_window_marks_it_exited(qtbot, make_window, holder) -> None:
    window = make_window()
    wait_listed(qtbot, window, holder.key)
    details = double_click_row(qtbot, window, holder.key)
    qtbot.waitUntil(lambda: len(details.history) >= 1, timeout=10_000)
    details.activateWindow()
    qtbot.mouseClick(details.actions_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(details.actions_menu.isVisible, timeout=5000)
    choose(qtbot, details.actions_menu, "End")
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert wait_gone_or_zombie(holder.key.pid)
    holder.child.wait(timeout=10)
    qtbot.waitUntil(lambda: details.exited, timeout=10_000)
    assert details.exited_banner.isVisible()
    assert not details.actions_button.isEnabled()
    assert not details.resources_box.isEnabled()
    assert field_text(details, "status") == "Exited"
    assert "exited" in details.windowTitle()
    points = len(details.history)
    qtbot.wait(2500)
    assert len(details.history) == points  # nothing more is read


def test_a_process_that_ended_before_its_window_read_it_still_says_what_it_was(
    qtbot, make_window, spawn
) -> None:
    """A greyed exited row (the list is paused) double-clicked: the window has nothing to
    read, yet names the process, its PID and start, says on every tab that it exited, and
    its graph says there are no readings (rather than "Collecting readings…")."""
    window = make_window(interval_s=0.5)
    child = spawn("details-ended-early")
    key = key_of(child)
    name = psutil.Process(child.pid).name()
    wait_listed(qtbot, window, key)
    window.pause_action.trigger()
    child.kill()
    child.wait(timeout=10)
    qtbot.waitUntil(lambda: status_of(window, key) == "Exited", timeout=10_000)

    details = double_click_row(qtbot, window, key)
    qtbot.waitUntil(lambda: details.exited, timeout=10_000)
    assert details.facts is None  # nothing could be read
    assert field_text(details, "name") == name
    assert field_text(details, "pid") == str(key.pid)
    assert field_text(details, "started") == started_text(key.create_time)
    assert details.heading.text() == name
    assert details.windowTitle().startswith(f"{name} (PID {key.pid}, exited)")
    assert not details.graph.isEnabled()
    assert details.graph.empty_text().startswith("No readings")
    assert details.graph.accessibleDescription() == details.graph.empty_text()
    for tab in Tab:
        page = details.pages[tab]
        details.tabs.setCurrentWidget(page)
        assert page.message.isVisibleTo(details), tab
        assert page.message.text() == "The process has exited."
        assert not page.rows()
    window.pause_action.trigger()


def test_a_reused_pid_never_shows_through(qtbot, make_window, holder) -> None:
    """A window for a process that had this PID before (another start time) shows nothing
    of the process that holds the PID now."""
    window = make_window()
    earlier = ProcessKey(holder.key.pid, holder.key.create_time - 100.0)
    details = window.details.open(earlier)
    qtbot.waitUntil(lambda: details.exited, timeout=10_000)
    qtbot.wait(1500)
    assert details.facts is None
    assert len(details.history) == 0
    assert field_text(details, "working_directory") == ""
    assert "--marker" not in details.command_text.toPlainText()
    assert not details.pages[Tab.ENVIRONMENT].rows()


def test_another_users_environment_needs_administrator_rights(qtbot, make_window, foreign_sleeper) -> None:
    window = make_window()
    key = ProcessKey(foreign_sleeper.pid, foreign_sleeper.create_time())
    wait_listed(qtbot, window, key)
    details = window.details.open(key)
    qtbot.waitUntil(lambda: details.facts is not None, timeout=10_000)
    page = details.pages[Tab.ENVIRONMENT]
    with acting_as(ACTOR):
        details.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.message.isVisible()
    assert page.message.text().startswith("Needs administrator rights to read")
    assert not page.rows()
    foreign_sleeper.send_signal(signal.SIGCONT)  # still running, untouched
    assert foreign_sleeper.is_running()


def test_fields_this_system_does_not_have_are_left_out(qtbot) -> None:
    """A reading as macOS gives it (no per-process disk counters, no PSS): those rows are
    absent, while a refusal is said in words. (Fed by hand: no macOS here.)"""
    key = ProcessKey(os.getpid(), psutil.Process().create_time())
    context = DetailsContext(
        fill_actions=lambda _menu, _key: None,
        identity_of=lambda _key: None,
        icon_for=lambda _app: QIcon(),
        open_details=lambda _key: None,
    )
    details = DetailsWindow(key, context)
    qtbot.addWidget(details)
    details.show()
    reading = ResourceReading(
        key, 1.0, "running", 2.5, 1 << 20, 1 << 19, Missing.NOT_HERE, 3, 0, Missing.NOT_HERE, Missing.NOT_HERE
    )
    details.show_resources(reading)
    shown = {name for name, label in details.fields.items() if label.isVisibleTo(details)}
    assert {"cpu_time", "memory", "memory_unique", "threads", "priority"} <= shown
    assert not {"disk_read", "disk_written", "memory_proportional"} & shown
    refused = dataclasses.replace(reading, disk_read=Missing.REFUSED, disk_written=Missing.REFUSED)
    details.show_resources(refused)
    assert details.fields["disk_read"].isVisibleTo(details)
    assert field_text(details, "disk_read") == "Needs administrator rights to read"


#: Uses CPU time all along, so its CPU time field changes at every reading.
SPINNER = """\
import time
while True:
    started = time.monotonic()
    while time.monotonic() - started < 0.05:
        pass
    time.sleep(0.05)
"""


def test_readings_are_kept_but_not_drawn_while_another_tab_is_shown(qtbot, make_window, spawn) -> None:
    """Another tab shown: the history still grows every second, the General tab's fields
    are left alone (nothing drawn that cannot be seen), and coming back shows the newest."""
    window = make_window()
    child = spawn("details-spinner", SPINNER)
    key = key_of(child)
    details = window.details.open(key)
    qtbot.waitUntil(lambda: len(details.history) >= 2, timeout=10_000)
    details.tabs.setCurrentWidget(details.pages[Tab.ENVIRONMENT])
    shown = field_text(details, "cpu_time")
    points = len(details.history)
    qtbot.waitUntil(lambda: len(details.history) >= points + 2, timeout=10_000)
    assert field_text(details, "cpu_time") == shown
    details.tabs.setCurrentIndex(0)
    assert field_text(details, "cpu_time") != shown


#: Starts ``sleep 600``, prints its PID, then sleeps itself.
PARENT = """\
import subprocess, time
child = subprocess.Popen(["sleep", "600"])
print(child.pid, flush=True)
time.sleep(600)
"""


def test_the_parent_link_of_an_ended_parent_names_it(qtbot, make_window, spawn) -> None:
    """The parent ended (and left the list) while its child's window was open: its link
    still opens a window that names it, marked exited, rather than a blank one."""
    parent = spawn("details-ending-parent", PARENT)
    assert parent.stdout is not None
    grandchild_pid = int(parent.stdout.readline())
    try:
        window = make_window()
        parent_key = key_of(parent)
        grandchild = ProcessKey(grandchild_pid, psutil.Process(grandchild_pid).create_time())
        wait_listed(qtbot, window, grandchild)
        details = window.details.open(grandchild)
        qtbot.waitUntil(lambda: details.facts is not None, timeout=10_000)
        assert details.facts is not None and details.facts.parent == parent_key
        parent.kill()
        parent.wait(timeout=10)
        qtbot.waitUntil(lambda: window.model.row_for(parent_key) is None, timeout=10_000)

        label = details.fields["parent"]
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=label.contentsRect().topLeft() + QPoint(8, 6))
        qtbot.waitUntil(lambda: window.details.window_for(parent_key) is not None, timeout=5000)
        ended = window.details.window_for(parent_key)
        assert ended is not None
        qtbot.waitUntil(lambda: ended.exited, timeout=10_000)
        assert field_text(ended, "name") == psutil.Process().name()  # the same interpreter as ours
        assert field_text(ended, "pid") == str(parent_key.pid)
        assert ended.heading.text() == field_text(ended, "name")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(grandchild_pid, signal.SIGKILL)
