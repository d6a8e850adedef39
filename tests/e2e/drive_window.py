"""Show ProcPilot in a real X11 window, wait for the list, and screenshot it.

Used by the end-to-end test and by ``make screenshot`` (the README picture)::

    python tests/e2e/drive_window.py --xvfb --out resources/screenshot.png

A small window at 200 %: ``--size 800x500`` with ``QT_SCALE_FACTOR=2`` (scaled pixels),
with ``--font-scale 2`` (a 2x application font), or with
``QT_ENABLE_HIGHDPI_SCALING=0 QT_FONT_DPI=192`` (fonts at 192 dpi, pixels unscaled).

``--demo-app`` first starts a small application (a desktop entry in a private
``XDG_DATA_HOME`` and a launcher script with three children, two of them xmessage windows
with titles when there is a display), so the Applications view has something to show; it
is ended afterwards. ``--window-manager openbox`` runs a real window manager on the
``--xvfb`` display (the windows are then listed in ``_NET_CLIENT_LIST``, as on a desktop).

Prints one JSON line describing what the window showed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SIZE = (1180, 680)
sys.path.insert(0, str(ROOT / "packaging"))
from xvfb import SCREEN, start_xvfb  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QWidget

    from gui.core.process_key import ProcessKey
    from gui.views.main_window import MainWindow


def show_and_capture(
    out: Path,
    settle_refreshes: int,
    scene: str,
    size: tuple[int, int] = DEFAULT_SIZE,
    font_scale: float = 1.0,
    *,
    view_name: str | None = None,
    open_app: str | None = None,
    theme: str = "system",
    reverse: bool = False,
    language: str = "system",
) -> dict[str, object]:
    """Run the real main window on the current DISPLAY and save a picture of it.

    ``scene``: "list" (the window), "menu" (the right-click menu open on a child
    process this script starts), "confirm" (the End confirmation for it) or "details"
    (the details window of a child that works a little, holds a file open and listens on
    a loopback port, after ``DETAILS_SECONDS`` of history) or "switch-to" (the right-click
    menu of the application ``open_app`` names, its Switch to ▸ submenu open: ``--demo-app``
    with a window manager gives it two titled windows).
    ``size`` is the window's size; ``font_scale`` enlarges the application font;
    ``open_app`` names an application whose row is opened (Applications view).
    ``theme`` is View → Theme's choice (system, light, dark); ``reverse`` lays the window
    out right to left (Qt's ``-reverse``).
    ``language``: as View → Language stores it ("system" follows ``LANG``, "en", "zh_CN").
    """
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import platforms
    from gui.core.language import Language
    from gui.settings import Settings
    from gui.translators import install_translators
    from gui.views.main_window import MainWindow

    app = QApplication([sys.argv[0], *(["-reverse"] if reverse else [])])
    install_translators(app, Language(language))
    if font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * font_scale)
        app.setFont(font)
    from gui.core.theme_choice import ThemeChoice

    config = Path(tempfile.mkdtemp(prefix="procpilot-e2e-")) / "procpilot.conf"
    settings = Settings(QSettings(str(config), QSettings.Format.IniFormat))
    settings.theme = ThemeChoice(theme)
    window = MainWindow(platforms.current(), settings, 1.0)
    from gui.core.view_mode import ViewMode

    if view_name is not None:
        window.show_view(ViewMode(view_name))
    elif scene != "list":
        window.show_view(ViewMode.ALL_PROCESSES)  # the scenes aim at the child's row
    child = None
    try:
        window.resize(*size)
        window.show()

        refreshes = 0
        waiter = QEventLoop()

        def on_refresh(count: int) -> None:
            nonlocal refreshes
            refreshes += 1 if count > 0 else 0
            if refreshes >= settle_refreshes:
                waiter.quit()

        window.refreshed.connect(on_refresh)
        QTimer.singleShot(20_000, waiter.quit)
        waiter.exec()
        for _ in range(5):  # let the last repaint reach the X server
            app.processEvents()
            QTimer.singleShot(50, waiter.quit)
            waiter.exec()

        view = window.view
        if open_app is not None and scene != "switch-to":
            _open_app_row(window, open_app, waiter)
        handle = window.windowHandle()
        overlay = None
        if scene == "details":
            folder = Path(tempfile.mkdtemp(prefix="procpilot-details-"))
            (folder / "report_server.py").write_text(DETAILS_CHILD, encoding="utf-8")
            child = subprocess.Popen([sys.executable, "report_server.py", "--port", "0"], cwd=folder)
            details = _open_details(window, child.pid, waiter)
            overlay = details.objectName()
            picture = window.screen().grabWindow(details.winId())
        elif scene == "switch-to":
            _open_switch_to(window, open_app or "Blinking Owl", waiter)
            shown = app.activePopupWidget()
            overlay = shown.objectName() if shown is not None and shown.isVisible() else None
        elif scene != "list":
            child = subprocess.Popen(["sleep", "600"])
            _open_scene(window, child.pid, scene, waiter)
            shown = app.activePopupWidget() or app.activeModalWidget()
            overlay = shown.objectName() if shown is not None and shown.isVisible() else None
        # Popups and dialogs are windows of their own: for them, take the whole screen.
        if scene == "switch-to":  # the menus open over the window: the screen where the window is
            frame = window.frameGeometry()
            picture = window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        elif scene != "details":
            picture = window.screen().grabWindow(window.winId() if scene == "list" else 0)
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = picture.save(str(out))
        first_visible = view.indexAt(view.viewport().rect().topLeft())
        last_visible = view.indexAt(view.viewport().rect().bottomLeft())
        visible_rows = (
            (last_visible.row() if last_visible.isValid() else view.model().rowCount() - 1)
            - (first_visible.row() if first_visible.isValid() else 0)
            + 1
        )
        report = {
            "platform": app.platformName(),
            "exposed": bool(handle and handle.isExposed()),
            "refreshes": refreshes,
            "rows": window.model.process_count,
            "visible_rows": visible_rows if first_visible.isValid() else 0,
            "screenshot": str(out) if saved else None,
            "size": [picture.width(), picture.height()],
            "overlay": overlay,
            "window": [window.width(), window.height()],
            "horizontal_scroll": view.horizontalScrollBar().isVisible(),
        }
    finally:  # stops the sampler thread too, also when the scene could not be opened
        window.close()
        if child is not None:
            child.kill()
            child.wait(timeout=10)
    return report


def _open_app_row(window: "MainWindow", name: str, waiter: "QEventLoop") -> None:
    """Open the row of the application called ``name``: "Blinking Owl (4)" is called so, and
    so is its Chinese name followed by U+FF08 (Chinese puts the count in full-width brackets)."""
    from PySide6.QtCore import QTimer

    model = window.view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if str(index.data()).startswith((f"{name} (", f"{name}\uff08")):
            window.view.expand(index)
            break
    else:
        raise SystemExit(f"no application called {name!r} is listed")
    QTimer.singleShot(300, waiter.quit)  # let it paint
    waiter.exec()


def _open_switch_to(window: "MainWindow", name: str, waiter: "QEventLoop") -> None:
    """Select the application called ``name``, open its right-click menu and, with the keyboard
    (as a user would: the entry, then Right), its Switch to ▸ submenu."""
    from PySide6.QtCore import QItemSelectionModel, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from gui.views.process_view import node_of

    model = window.view.model()
    for _ in range(50):  # the app's windows are listed a refresh or two after its processes
        found = [model.index(row, 0) for row in range(model.rowCount())]
        index = next((i for i in found if str(i.data()).startswith((f"{name} (", f"{name}\uff08"))), None)
        if index is not None and len(window.views.app_windows(str(node_of(index)))) > 1:
            break
        _pump(waiter, 200)
    else:
        raise SystemExit(f"no application called {name!r} with two windows is listed")
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(index, flags)
    _pump(waiter, 100)
    window.view.customContextMenuRequested.emit(window.view.visualRect(index).center())
    _pump(waiter, 300)
    menu = window.process_actions.context_menu
    assert menu is not None
    switch = next(a for a in menu.actions() if a.objectName() == "action_switch_to")
    menu.setActiveAction(switch)
    right = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(menu, right)
    _pump(waiter, 500)  # let it paint before the screenshot


def _pump(waiter: "QEventLoop", ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(ms, waiter.quit)
    waiter.exec()


def _wait_listed(window: "MainWindow", pid: int, waiter: "QEventLoop") -> "ProcessKey":
    """The child's key once the list shows it (refreshing meanwhile, up to 10 s)."""
    for _ in range(50):
        if any(row.key.pid == pid for row in window.model.rows()):
            break
        window.loop.refresh_now()
        _pump(waiter, 200)
    return next(row.key for row in window.model.rows() if row.key.pid == pid)


def _open_scene(window: "MainWindow", pid: int, scene: str, waiter: "QEventLoop") -> None:
    """Select the child's row, then open its context menu or its End confirmation."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QApplication

    from gui.core.actions import Action, ActionRequest

    def pump(ms: int) -> None:
        _pump(waiter, ms)

    key = _wait_listed(window, pid, waiter)
    index = window.view.index_for(key)
    window.view.scrollTo(index, window.view.ScrollHint.PositionAtCenter)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(index, flags)
    pump(100)
    if scene == "menu":
        window.view.customContextMenuRequested.emit(window.view.visualRect(index).center())
    else:
        targets = window.process_actions.selected_targets()
        window.process_actions.flow.request(ActionRequest(Action.END, targets))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for _ in range(100):  # up to 10 s on a loaded machine; usually the first pass
        pump(100)
        shown = app.activePopupWidget() or app.activeModalWidget()
        if shown is not None and shown.isVisible():
            break
    pump(300)  # let it paint before the screenshot


#: A child worth looking at: a little busy, a file open, a loopback port listening.
DETAILS_CHILD = """\
import socket, tempfile, time
held = tempfile.NamedTemporaryFile(prefix="report-", suffix=".txt")
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
while True:
    started = time.monotonic()
    while time.monotonic() - started < 0.02 + 0.02 * (int(time.time()) % 7 > 3):
        pass
    time.sleep(0.06)
"""
#: How many readings (one a second) the details window collects before the picture
#: (``PROCPILOT_DETAILS_READINGS`` overrides it: the e2e test takes fewer).
DETAILS_SECONDS = 40


def _open_details(window: "MainWindow", pid: int, waiter: "QEventLoop") -> "QWidget":
    """Open the child's details window, as a double-click would, and let its graph fill."""

    def pump(ms: int) -> None:
        _pump(waiter, ms)

    key = _wait_listed(window, pid, waiter)
    details = window.details.open(key)
    details.move(40, 40)
    readings = int(os.environ.get("PROCPILOT_DETAILS_READINGS", DETAILS_SECONDS))
    for _ in range(readings * 4):  # (an earlier timer may end a longer pump early)
        if len(details.history) >= readings:
            break
        pump(500)
    pump(300)
    return details


def _size(text: str) -> tuple[int, int]:
    """``"800x500"`` as ``(800, 500)``."""
    width, _, height = text.partition("x")
    return int(width), int(height)


def _screen_for(size: tuple[int, int]) -> tuple[int, int]:
    """A screen that holds the window with room to spare, at the scale ``QT_SCALE_FACTOR`` asks."""
    scale = float(os.environ.get("QT_SCALE_FACTOR") or 1)
    return max(SCREEN[0], int(size[0] * scale) + 200), max(SCREEN[1], int(size[1] * scale) + 200)


#: The demo's windows (xmessage's, in the screen's bottom-right corner, away from ProcPilot's).
DEMO_WINDOWS = (
    ("sightings.csv \u2014 Blinking Owl", "-0-0"),
    ("Field notes \u2014 Blinking Owl", "-0-120"),
)
DEMO_LAUNCHER = f"""\
import os, shutil, subprocess, sys, time
xmessage = shutil.which("xmessage") if os.environ.get("DISPLAY") else None
windows = {DEMO_WINDOWS!r} if xmessage else ()
sleeper = [sys.executable, "-c", "import time; time.sleep(600)"]
helpers = [subprocess.Popen(sleeper) for _ in range(3 - len(windows))]
for title, corner in windows:  # real X11 windows with titles, owned by the app's helpers
    helpers.append(subprocess.Popen([xmessage, "-title", title, "-geometry", corner, "Hoot!"]))
while True:  # a little busy, so it is near the top
    sum(i * i for i in range(100_000))
    time.sleep(0.05)
"""


def _start_demo_app() -> subprocess.Popen[bytes]:
    """Blinking Owl: a desktop entry whose program is a script with three helpers; on a
    display with xmessage, two of them are windows with titles (:data:`DEMO_WINDOWS`)."""
    home = Path(tempfile.mkdtemp(prefix="procpilot-demo-"))
    script = home / "blinking_owl.py"
    script.write_text(DEMO_LAUNCHER, encoding="utf-8")
    (home / "applications").mkdir()
    (home / "applications" / "org.procpilot.BlinkingOwl.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Blinking Owl\nName[zh_CN]=眨眼猫头鹰\n"
        f"Icon=accessories-text-editor\nExec={sys.executable} {script}\n",
        encoding="utf-8",
    )
    os.environ["XDG_DATA_HOME"] = str(home)
    return subprocess.Popen([sys.executable, str(script)])


def _stop_demo_app(demo: subprocess.Popen[bytes]) -> None:
    helpers = psutil.Process(demo.pid).children()
    demo.kill()
    demo.wait(timeout=10)
    for helper in helpers:
        helper.kill()
    psutil.wait_procs(helpers, timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to save the PNG")
    parser.add_argument("--xvfb", action="store_true", help="start a private Xvfb server for the window")
    parser.add_argument("--settle", type=int, default=3, help="populated refreshes to wait for")
    parser.add_argument(
        "--scene", choices=["list", "menu", "confirm", "details", "switch-to"], default="list"
    )
    parser.add_argument("--view", choices=["applications", "processes", "tree"], default=None)
    parser.add_argument("--size", type=_size, default=DEFAULT_SIZE, help="window size, e.g. 800x500")
    parser.add_argument("--font-scale", type=float, default=1.0, help="application font size factor")
    parser.add_argument("--demo-app", action="store_true", help="start a small application to show")
    parser.add_argument("--open-app", metavar="NAME", help="open this application's row (Applications view)")
    parser.add_argument("--window-manager", choices=["openbox", "xfwm4"], help="run it on the --xvfb display")
    parser.add_argument("--theme", choices=["system", "light", "dark"], default="system", help="View → Theme")
    parser.add_argument("--reverse", action="store_true", help="right-to-left layout (Qt's -reverse)")
    parser.add_argument(
        "--language", choices=["system", "en", "zh_CN"], default="system", help="as View → Language sets it"
    )
    options = parser.parse_args()
    if options.window_manager and not options.xvfb:
        parser.error("--window-manager needs --xvfb (it runs on the private display)")
    server, desktop = None, None
    if options.window_manager:
        from tests.e2e.x11_desktop import Desktop

        desktop = Desktop(options.window_manager, screen=_screen_for(options.size))
        os.environ["DISPLAY"] = desktop.display
    elif options.xvfb:
        server, os.environ["DISPLAY"] = start_xvfb(screen=_screen_for(options.size))
    demo = _start_demo_app() if options.demo_app else None
    try:
        report = show_and_capture(
            options.out,
            options.settle,
            options.scene,
            options.size,
            options.font_scale,
            view_name=options.view,
            open_app=options.open_app,
            theme=options.theme,
            reverse=options.reverse,
            language=options.language,
        )
    finally:
        if demo is not None:
            _stop_demo_app(demo)
        if desktop is not None:
            desktop.close()
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(json.dumps(report), flush=True)
    return 0 if report["screenshot"] and report["visible_rows"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
