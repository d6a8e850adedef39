"""The three views through the real window: Applications, All processes, Process tree."""

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QToolBar

from gui.core.columns import Column
from gui.core.process_key import ProcessKey
from gui.core.view_mode import ViewMode
from gui.views.main_toolbar import toolbar_buttons
from gui.views.main_window import MainWindow
from gui.views.process_view import node_of
from tests.children import key_of
from tests.e2e.x11 import start_xvfb
from tests.qt.ui_driving import activate, choose, click_row, open_dialog, right_click_index

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="application identity is Linux's here"
)

#: A launcher that starts three children, prints their PIDs and waits for them.
LAUNCHER = 'sleep 600 & a=$!\nsleep 600 & b=$!\nsleep 600 & c=$!\necho "$a $b $c"\nwait\n'


@pytest.fixture
def blinking_owl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A real application: a desktop entry (in a private XDG_DATA_HOME) runs a launcher
    script with three children. Yields the four PIDs; everything is ended afterwards."""
    script = tmp_path / "blinking-owl.sh"
    script.write_text(LAUNCHER)
    applications = tmp_path / "data" / "applications"
    applications.mkdir(parents=True)
    (applications / "org.procpilot.BlinkingOwl.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Blinking Owl\nName[zh_CN]=眨眼猫头鹰\n"
        f"Icon=owl\nExec=sh {script}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "none"))
    launcher = subprocess.Popen(["sh", str(script)], stdout=subprocess.PIPE)
    assert launcher.stdout is not None
    children = [int(pid) for pid in launcher.stdout.readline().split()]
    yield [launcher.pid, *children]
    for pid in children:
        try:
            child = psutil.Process(pid)
            if child.ppid() == launcher.pid or child.name() == "sleep":
                child.kill()
        except psutil.NoSuchProcess:
            pass
    if launcher.poll() is None:
        launcher.kill()
    launcher.wait(timeout=10)
    launcher.stdout.close()


def toolbar_button(window: MainWindow, text: str) -> QAbstractButton:
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar is not None
    for button in toolbar_buttons(toolbar):
        if button.text().replace("&", "") == text:
            return button
    raise AssertionError(f"no {text!r} in the toolbar")


def mode_of(window: MainWindow) -> ViewMode:
    return window.views.mode


def top_level_names(window: MainWindow) -> list[str]:
    model = window.view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def find_row(window: MainWindow, text: str, parent: QModelIndex | None = None) -> QModelIndex:
    model = window.view.model()
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data() == text:
            return index
    return QModelIndex()


@linux_only
def test_an_application_is_one_row_with_its_processes_and_end_app_ends_exactly_them(
    qtbot, make_window, blinking_owl: list[int], spawn
) -> None:
    bystander = spawn("views-bystander")  # the user's own process, not the app's
    window = make_window()
    qtbot.mouseClick(toolbar_button(window, "Applications"), Qt.MouseButton.LeftButton)
    assert window.views.mode is ViewMode.APPLICATIONS
    qtbot.waitUntil(lambda: find_row(window, "Blinking Owl (4)").isValid(), timeout=10_000)
    names = top_level_names(window)
    assert names.index("Blinking Owl (4)") < names.index(next(n for n in names if n.startswith("Background")))
    app_row = find_row(window, "Blinking Owl (4)")
    threads = app_row.siblingAtColumn(Column.THREADS).data().strip()
    assert threads == "4"
    assert not window.view.isExpanded(app_row), "applications start closed"
    members = {
        node_of(window.view.model().index(r, 0, app_row))
        for r in range(window.view.model().rowCount(app_row))
    }
    assert {key.pid for key in members if isinstance(key, ProcessKey)} == set(blinking_owl)

    menu = right_click_index(qtbot, window, app_row)
    choose(qtbot, menu, "End app")
    dialog = open_dialog(qtbot, window)
    assert "Blinking Owl" in dialog.heading_label.text()
    assert dialog.process_list.topLevelItemCount() == 4
    with qtbot.waitSignal(window.controller.batch_finished, timeout=20_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    for pid in blinking_owl:
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert bystander.poll() is None, "a process outside the app was ended"
    qtbot.waitUntil(lambda: "Blinking Owl" in window.results_bar.label.text(), timeout=5000)


def test_the_process_tree_shows_children_under_their_parent_and_search_keeps_ancestors(
    qtbot, make_window
) -> None:
    parent = subprocess.Popen(["sh", "-c", "sleep 600 & echo $!; wait"], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None
        child_pid = int(parent.stdout.readline())
        window = make_window()
        window.view_switch.actions[ViewMode.PROCESS_TREE].trigger()  # the View menu's entry
        parent_key = key_of(parent)
        child_key = ProcessKey(child_pid, psutil.Process(child_pid).create_time())
        qtbot.waitUntil(lambda: window.view.index_for(child_key).isValid(), timeout=10_000)
        child_index = window.view.index_for(child_key)
        assert node_of(child_index.parent()) == parent_key
        assert window.view.isExpanded(child_index.parent()), "the tree starts open"

        window.filter_bar.search.setText(str(child_pid))
        qtbot.waitUntil(lambda: window.view.index_for(child_key).isValid(), timeout=5000)
        assert window.view.index_for(parent_key).isValid(), "a match keeps its ancestors"
        ancestors = 0
        index = window.view.index_for(child_key)
        while index.parent().isValid():
            index = index.parent()
            ancestors += 1
        assert ancestors >= 1
    finally:
        for process in psutil.Process(parent.pid).children():
            process.kill()
        parent.kill()
        parent.wait(timeout=10)
        assert parent.stdout is not None
        parent.stdout.close()


def test_the_view_is_remembered_and_a_new_profile_opens_on_applications(qtbot, make_window) -> None:
    first = make_window(as_restored=True)
    assert mode_of(first) is ViewMode.APPLICATIONS
    assert toolbar_button(first, "Applications").isChecked()
    activate(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert mode_of(first) is ViewMode.PROCESS_TREE
    first.close()
    second = make_window(as_restored=True)
    assert second.views.mode is ViewMode.PROCESS_TREE
    assert toolbar_button(second, "Process tree").isChecked()


def test_kernel_threads_are_hidden_in_applications_unless_asked_and_only_me_hides_system(
    qtbot, make_window
) -> None:
    window = make_window(view=ViewMode.APPLICATIONS)
    qtbot.waitUntil(lambda: len(window.views.apps.rows()) > 0, timeout=10_000)
    kernel_threads = [row.key for row in window.model.rows() if row.sample.is_kernel_thread]
    if not kernel_threads:
        pytest.skip("no kernel threads are visible here")
    assert not window.view.index_for(kernel_threads[0]).isValid()
    window.kernel_threads_action.trigger()
    qtbot.waitUntil(lambda: window.view.index_for(kernel_threads[0]).isValid(), timeout=5000)
    assert any(name.startswith("System processes") for name in top_level_names(window))
    window.filter_bar.scope.setCurrentText("Only me")
    assert not any(name.startswith("System processes") for name in top_level_names(window))
    window.filter_bar.scope.setCurrentText("All users")
    window.show_view(ViewMode.ALL_PROCESSES)
    assert window.view.index_for(kernel_threads[0]).isValid(), "All processes lists them all"


def section_count_and_rows(window: MainWindow, title: str) -> tuple[int, int] | None:
    """The count a section's row says (``System processes (12)``; of ``(1 of 12)``, the 1 it
    lists) and how many rows it shows; ``None`` while the section is not shown."""
    model = window.view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        name = index.data()
        if name.startswith(title):
            return int(name.rsplit("(", 1)[1].rstrip(")").split(" of ")[0]), model.rowCount(index)
    return None


@pytest.fixture
def nobodys_process() -> Iterator[subprocess.Popen[bytes]]:
    """A process of another user (``nobody``), started by this (root) test: a System process."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to start a process as another user")
    child = subprocess.Popen(["sleep", "600"], user="nobody")
    yield child
    child.kill()
    child.wait()


def test_the_system_section_counts_the_processes_it_shows(qtbot, make_window, nobodys_process) -> None:
    """Hidden kernel threads are not in its count: "System processes (1)" above one row."""
    window = make_window(view=ViewMode.APPLICATIONS)
    qtbot.waitUntil(lambda: len(window.views.apps.rows()) > 0, timeout=10_000)
    kernel_threads = [row for row in window.model.rows() if row.sample.is_kernel_thread]
    if not kernel_threads:
        pytest.skip("no kernel threads are visible here")
    qtbot.waitUntil(lambda: window.view.index_for(key_of(nobodys_process)).isValid(), timeout=10_000)
    hidden = section_count_and_rows(window, "System processes")
    assert hidden is not None and hidden[0] == hidden[1]  # nobody's sleep, no kernel thread
    window.kernel_threads_action.trigger()

    def counted_as_shown() -> None:
        shown = section_count_and_rows(window, "System processes")
        assert shown is not None and shown[0] == shown[1]

    qtbot.waitUntil(counted_as_shown, timeout=5000)
    count, _ = section_count_and_rows(window, "System processes") or (0, 0)
    assert count >= hidden[0] + len(kernel_threads) // 2  # a few may have ended meanwhile


BUSY = "import time\nwhile True:\n    sum(i * i for i in range(200_000))\n    time.sleep(0.01)\n"


@linux_only
@pytest.mark.skipif(
    shutil.which("xmessage") is None or shutil.which("Xvfb") is None, reason="needs xmessage, Xvfb"
)
def test_a_real_x11_program_and_a_busy_script_are_applications_the_busy_one_first(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Debian's xmessage (on a private Xvfb) and a busy Python script, each started from
    its desktop entry: both are applications; sorted by CPU %, the busy one comes first;
    End app on xmessage ends it and nothing else."""
    applications = tmp_path / "data" / "applications"
    applications.mkdir(parents=True)
    busy = tmp_path / "busy_beaver.py"
    busy.write_text(BUSY)
    xmessage = shutil.which("xmessage")
    (applications / "org.procpilot.NightOwl.desktop").write_text(
        f"[Desktop Entry]\nType=Application\nName=Night Owl Notes\nExec={xmessage} hoot\n", encoding="utf-8"
    )
    (applications / "org.procpilot.BusyBeaver.desktop").write_text(
        f"[Desktop Entry]\nType=Application\nName=Busy Beaver\nExec={sys.executable} {busy}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "none"))
    server, display = start_xvfb()
    started: list[subprocess.Popen[bytes]] = []
    try:
        started.append(subprocess.Popen([str(xmessage), "-display", display, "hoot"]))
        started.append(subprocess.Popen([sys.executable, str(busy)]))
        window = make_window(view=ViewMode.APPLICATIONS)
        window.view.sortByColumn(Column.CPU, Qt.SortOrder.DescendingOrder)
        qtbot.waitUntil(
            lambda: (
                find_row(window, "Night Owl Notes (1)").isValid()
                and find_row(window, "Busy Beaver (1)").isValid()
            ),
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: top_level_names(window)[0] == "Busy Beaver (1)", timeout=10_000)

        menu = right_click_index(qtbot, window, find_row(window, "Night Owl Notes (1)"))
        choose(qtbot, menu, "End app")
        dialog = open_dialog(qtbot, window)
        with qtbot.waitSignal(window.controller.batch_finished, timeout=20_000):
            qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        assert started[0].wait(timeout=10) is not None
        assert started[1].poll() is None, "End app ended another application"
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)


@linux_only
def test_an_application_is_found_by_its_name_in_the_user_s_language_and_opens_on_enter_and_double_click(
    qtbot, make_window, blinking_owl: list[int]
) -> None:
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        window = make_window(view=ViewMode.APPLICATIONS)
        qtbot.waitUntil(lambda: find_row(window, "眨眼猫头鹰 (4)").isValid(), timeout=10_000)
        window.filter_bar.search.setText("眨眼")
        app_row = find_row(window, "眨眼猫头鹰 (4)")
        assert app_row.isValid()
        assert window.view.model().rowCount(app_row) == 4, "a matching application shows all its processes"
        assert not any(name.startswith("Background") for name in top_level_names(window))
        window.filter_bar.search.setText("blinking")  # the entry's untranslated Name matches too
        assert find_row(window, "眨眼猫头鹰 (4)").isValid()
    finally:
        QLocale.setDefault(QLocale.c())

    app_row = find_row(window, "眨眼猫头鹰 (4)")
    window.view.setCurrentIndex(app_row)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.view.isExpanded(app_row)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert not window.view.isExpanded(app_row)
    point = window.view.viewport().mapTo(window, window.view.visualRect(app_row).center())
    activate(qtbot, window)
    qtbot.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.view.isExpanded(app_row), timeout=2000)


def shown_in_viewport(window: MainWindow, key: ProcessKey) -> bool:
    """Whether the process's row is in view: its top and its middle on screen."""
    index = window.view.index_for(key)
    rect = window.view.visualRect(index)
    return index.isValid() and rect.top() >= 0 and rect.center().y() < window.view.viewport().height()


@linux_only
def test_switching_views_keeps_the_selected_processes_in_view_and_otherwise_opens_at_the_top(
    qtbot, make_window, blinking_owl: list[int], spawn
) -> None:
    """Selected processes stay selected and shown (their app, and a section the user had
    closed, opened); with nothing selected the new view opens at its top: a place scrolled to
    in another view means nothing in this one. Chosen with the pointer on the list (its order
    held), the new view lists its rows at once."""
    loner = key_of(spawn("views-switch-loner"))  # the user's own: a background process
    window = make_window()
    window.resize(780, 300)  # a short list, which scrolls
    worker = psutil.Process(blinking_owl[2])
    key = ProcessKey(worker.pid, worker.create_time())
    qtbot.waitUntil(lambda: window.view.index_for(key).isValid(), timeout=10_000)
    scroll_bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 0)
    scroll_bar.setValue(scroll_bar.maximum())
    qtbot.mouseClick(toolbar_button(window, "Applications"), Qt.MouseButton.LeftButton)
    assert scroll_bar.value() == 0
    qtbot.waitUntil(lambda: window.view.index_for(loner).isValid(), timeout=10_000)
    window.view.collapse(window.view.index_for(loner).parent())  # the user closes Background

    qtbot.mouseClick(toolbar_button(window, "Process tree"), Qt.MouseButton.LeftButton)
    click_row(qtbot, window, key)
    click_row(qtbot, window, loner, Qt.KeyboardModifier.ControlModifier)
    assert set(window.view.selected_keys()) == {key, loner}
    assert window.hold.held, "the pointer is on the list: its order holds still"
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Applications
    assert window.views.mode is ViewMode.APPLICATIONS
    assert find_row(window, "Blinking Owl (4)").isValid(), "held, the new view still lists its rows"
    assert set(window.view.selected_keys()) == {key, loner}
    index = window.view.index_for(key)
    assert window.view.isExpanded(index.parent()) and index.parent().data() == "Blinking Owl (4)"
    assert window.view.isExpanded(window.view.index_for(loner).parent()), "no selected row hidden"
    shown = window.view.visualRect(window.view.index_for(loner)), window.view.viewport().rect()
    assert shown_in_viewport(window, loner), f"the current one (clicked last) in view: {shown}"
    assert window.process_actions.end_action.isEnabled(), "Del acts on them at once"


@linux_only
def test_a_search_makes_the_group_rows_say_how_many_of_their_processes_are_listed(
    qtbot, make_window, blinking_owl: list[int], spawn
) -> None:
    """Searching for one of Blinking Owl's processes: "Blinking Owl (1 of 4)", and Background
    processes says how many of its processes match, not its whole count above one row."""
    window = make_window(view=ViewMode.APPLICATIONS)
    qtbot.waitUntil(lambda: find_row(window, "Blinking Owl (4)").isValid(), timeout=10_000)
    window.filter_bar.search.setText("blinking-owl.sh")  # the launcher's command line alone
    qtbot.waitUntil(lambda: find_row(window, "Blinking Owl (1 of 4)").isValid(), timeout=5000)
    app_row = find_row(window, "Blinking Owl (1 of 4)")
    assert window.view.model().rowCount(app_row) == 1
    launcher = node_of(window.view.model().index(0, 0, app_row))
    assert isinstance(launcher, ProcessKey) and launcher.pid == blinking_owl[0]

    window.filter_bar.search.setText("sleep 600")  # the app's three workers, and nothing else here
    qtbot.waitUntil(lambda: find_row(window, "Blinking Owl (3 of 4)").isValid(), timeout=5000)

    loner = key_of(spawn("views-search-loner"))  # the user's own: a background process
    window.filter_bar.search.setText("views-search-loner")
    qtbot.waitUntil(lambda: window.view.index_for(loner).isValid(), timeout=10_000)
    assert section_count_and_rows(window, "Background processes") == (1, 1)
    (section,) = (n for n in top_level_names(window) if n.startswith("Background"))
    assert re.fullmatch(r"Background processes \(1 of \d+\)", section), section
    window.filter_bar.search.clear()
    qtbot.waitUntil(lambda: find_row(window, "Blinking Owl (4)").isValid(), timeout=5000)
