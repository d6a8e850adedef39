"""ProcPilot's real window run by an unprivileged user, acting on a process it may not signal.

Started as root by ``tests/e2e/test_admin_window.py``: it imports ProcPilot and starts Qt
(the interpreter and PySide6 live where only root can read), then gives up root for good
(real, effective and saved uid and gid of ``--user``, no supplementary groups) before the
window opens. The window then lists, decides and sends as that user; the administrator
helper is reached only through the real pkexec and polkitd. The script drives the window
as a user does (right-click, menu entries found by their visible names, dialog buttons,
bar buttons) and prints one JSON line: what the window showed and what it did.

Scenarios (``--scenario``):
  end_then_try     End fails with the permission sentence, then Try as administrator ends it;
  admin_end        As administrator ▸ End ends it directly;
  mixed            As administrator ▸ End on the target and one of the user's own (``--own``);
  refused          As administrator ▸ End, for a user polkit refuses;
  cancelled        As administrator ▸ End with ``--helper`` a stand-in for pkexec whose password
                   dialog was dismissed (its exit status 126 and message: no agent here can be
                   dismissed); Try again on the bar asks again, and is cancelled the same way;
  force_quit       As administrator ▸ End, ignored; Force quit on the bar, no second prompt;
  dismiss          As administrator ▸ End, ignored; the Force quit bar closed: the helper exits;
  quit             As administrator ▸ End, ignored; the window closed: the helper exits;
  exits            As administrator ▸ End, ignored; prints "held", the test ends the target:
                   the bar says it ended, the helper exits;
  tree_then_try    End process tree on a root parent (``--target``) and its child fails for both,
                   then Try as administrator ends both (End of each, one prompt);
  tree_force_quit  as tree_then_try, on a parent that ignores End: Force quit on the bar goes
                   to the same helper (no second prompt);
  batch            As administrator ▸ End on the target and every process in ``--more`` (a JSON
                   list of PIDs): one batch, one prompt;
  menu             only opens As administrator ▸ (with ``--out``, for a picture of it);
  confirm          only opens its End confirmation (the same), then cancels it.
``--out`` saves a picture of the screen with the As administrator submenu open.
"""

import argparse
import importlib
import json
import os
import pkgutil
import pwd
import sys
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/dev/null"

import psutil  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QIcon, QImageReader, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QToolButton, QWidget  # noqa: E402

import gui  # noqa: E402
from gui.actions import elevated_runner  # noqa: E402
from gui.actions.elevation_client import pkexec_launcher  # noqa: E402
from gui.actions.helper_session import HelperSession  # noqa: E402
from gui.core.columns import Column  # noqa: E402
from gui.core.outcomes import BatchReport  # noqa: E402
from gui.core.process_key import ProcessKey  # noqa: E402
from gui.core.view_mode import ViewMode  # noqa: E402
from gui.platforms import current  # noqa: E402
from gui.settings import Settings  # noqa: E402
from gui.views.main_window import MainWindow  # noqa: E402
from tests.e2e.driving_bot import DrivingBot  # noqa: E402
from tests.qt.ui_driving import (  # noqa: E402
    choose,
    click_row,
    menu_texts,
    open_dialog,
    open_submenu_titled,
    right_click_row,
    submenu,
    wait_listed,
)

_BATCH_MS = 60_000


def _import_everything() -> None:
    """Import every module of ProcPilot now: once root is given up, its files cannot be read."""
    for module in pkgutil.walk_packages(gui.__path__, "gui."):
        if not module.name.endswith("__main__"):  # that one starts ProcPilot
            importlib.import_module(module.name)


def _warm_up_qt() -> None:
    """Load what Qt loads lazily (image plugins, fonts, the style's icons) while it can be read."""
    QImageReader.supportedImageFormats()
    QIcon.fromTheme("security-high")
    widget = QWidget()
    widget.grab()
    QPixmap(8, 8).fill()


def give_up_root(user: str) -> None:
    """Become ``user`` for good: uid and gid, real, effective and saved, and no other groups."""
    entry = pwd.getpwnam(user)
    os.setgroups([])
    os.setresgid(entry.pw_gid, entry.pw_gid, entry.pw_gid)
    os.setresuid(entry.pw_uid, entry.pw_uid, entry.pw_uid)
    if os.getresuid() != (entry.pw_uid,) * 3 or os.getgroups():
        raise SystemExit("could not give up root")


class Launches:
    """Counts the administrator helper's starts (one password prompt each) and what each was sent."""

    def __init__(self) -> None:
        self.entries: list[int] = []
        self._start = getattr(elevated_runner, "start_helper")  # noqa: B009 - not exported
        setattr(elevated_runner, "start_helper", self._counted)  # noqa: B010

    def _counted(self, launcher: Any, entries: Any) -> HelperSession:
        self.entries.append(len(entries))
        session: HelperSession = self._start(launcher, entries)
        return session


def _children() -> list[int]:
    """The processes this one started and still has (the helper, while a session is held)."""
    return [child.pid for child in psutil.Process().children(recursive=True)]


def _results(report: BatchReport) -> list[list[object]]:
    return [[r.target.key.pid, r.outcome.name, r.detail.name] for r in report.results]


class Driver:
    """One scenario on one window."""

    def __init__(self, window: MainWindow, bot: DrivingBot, target: int) -> None:
        self.window = window
        self.bot = bot
        self.key = current().read_process(target).key
        self.out: dict[str, Any] = {"uid": os.getresuid(), "groups": os.getgroups()}

    def wait_batch(self, act: Any) -> BatchReport:
        with self.bot.waitSignal(self.window.controller.batch_finished, timeout=_BATCH_MS) as finished:
            act()
        report = finished.args[0]
        assert isinstance(report, BatchReport)
        return report

    def bar(self, name: str) -> dict[str, Any]:
        bar = getattr(self.window, name)
        return {
            "visible": bar.isVisible(),
            "text": bar.label.text(),
            "buttons": [b.text() for b in bar.buttons()],
            "icons": [not b.icon().isNull() for b in bar.buttons()],
        }

    def press(self, bar_name: str, caption: str) -> None:
        bar = getattr(self.window, bar_name)
        button = next(b for b in bar.findChildren(QPushButton) if b.text() == caption and b.isVisible())
        self.bot.mouseClick(button, Qt.MouseButton.LeftButton)

    def admin_menu(self, out: str | None = None) -> QMenu:
        """Right-click the target, open As administrator ▸ and note what it lists."""
        menu = right_click_row(self.bot, self.window, self.key)
        self.out["menu"] = menu_texts(menu)
        admin = open_submenu_titled(self.bot, menu, "As administrator")
        self.out["admin_menu"] = menu_texts(admin)
        self.out["admin_icon"] = not admin.menuAction().icon().isNull()
        self.out["admin_tooltip"] = admin.menuAction().toolTip()
        signals = submenu(admin, "admin_menu_send_signal")
        advanced_signals = submenu(submenu(menu, "menu_advanced"), "menu_send_signal")
        self.out["admin_signals_match"] = menu_texts(signals) == menu_texts(advanced_signals)
        self.screenshot(out)
        return admin

    def screenshot(self, out: str | None) -> None:
        """Save the whole screen (menus and dialogs are windows of their own) to ``out``."""
        if out is not None:
            self.bot.wait(300)
            self.out["screenshot"] = QApplication.primaryScreen().grabWindow(0).save(out)

    def admin_end(self, out: str | None = None) -> BatchReport:
        """As administrator ▸ End, confirmed: the report of the batch."""
        admin = self.admin_menu(out)
        choose(self.bot, admin, "End")
        dialog = open_dialog(self.bot, self.window)
        self.out["dialog"] = [dialog.windowTitle(), dialog.heading_label.text(), dialog.message_label.text()]
        return self.wait_batch(partial(self.bot.mouseClick, dialog.confirm_button, Qt.MouseButton.LeftButton))

    def select_too(self, keys: list[ProcessKey]) -> None:
        """Select the target, then Ctrl+click each of ``keys`` too."""
        click_row(self.bot, self.window, self.key)
        for key in keys:
            wait_listed(self.bot, self.window, key)
            click_row(self.bot, self.window, key, Qt.KeyboardModifier.ControlModifier)
        self.out["selected"] = len(self.window.view.selectionModel().selectedRows())

    def fails_then_try(self, entry: str, launches: Launches) -> BatchReport:
        """``entry`` from the right-click menu, confirmed: refused; then Try as administrator."""
        menu = right_click_row(self.bot, self.window, self.key)
        self.out["menu"] = menu_texts(menu)
        choose(self.bot, menu, entry)
        dialog = open_dialog(self.bot, self.window)
        self.out["dialog"] = [dialog.windowTitle(), dialog.heading_label.text(), dialog.message_label.text()]
        confirm = partial(self.bot.mouseClick, dialog.confirm_button, Qt.MouseButton.LeftButton)
        self.out["first"] = _results(self.wait_batch(confirm))
        self.out["first_bar"] = self.bar("results_bar")
        self.out["launches_before_try"] = len(launches.entries)
        return self.wait_batch(partial(self.press, "results_bar", "Try as administrator"))


def run(args: argparse.Namespace, window: MainWindow, bot: DrivingBot) -> dict[str, Any]:
    driver = Driver(window, bot, args.target)
    out = driver.out
    launches = Launches()
    wait_listed(bot, window, driver.key)
    scenario = args.scenario
    if scenario in ("end_then_try", "tree_then_try", "tree_force_quit"):
        report = driver.fails_then_try("End" if scenario == "end_then_try" else "End process tree", launches)
    elif scenario in ("mixed", "batch"):
        pids = [args.own] if scenario == "mixed" else json.loads(args.more)
        driver.select_too([current().read_process(pid).key for pid in pids])
        report = driver.admin_end()
    elif scenario in ("menu", "confirm"):
        admin = driver.admin_menu(None if scenario == "confirm" else args.out)
        if scenario == "confirm":
            choose(bot, admin, "End")
            dialog = open_dialog(bot, window)
            out["dialog"] = [dialog.windowTitle(), dialog.heading_label.text(), dialog.message_label.text()]
            driver.screenshot(args.out)
            dialog.reject()
        out["launches"] = launches.entries
        return out
    else:
        report = driver.admin_end(args.out)
    out["report"] = _results(report)
    out["bar"] = driver.bar("results_bar")
    out["escalation"] = driver.bar("escalation_bar")
    if scenario == "cancelled":
        out["retry"] = _results(driver.wait_batch(partial(driver.press, "results_bar", "Try again")))
        out["retry_bar"] = driver.bar("results_bar")
    if scenario in ("force_quit", "tree_force_quit", "dismiss", "quit", "exits"):
        out["held_helpers"] = _children()
        if scenario in ("force_quit", "tree_force_quit"):
            forced = driver.wait_batch(partial(driver.press, "escalation_bar", "Force quit"))
            out["forced"] = _results(forced)
        elif scenario == "dismiss":
            close = next(
                b for b in window.escalation_bar.findChildren(QToolButton) if b.toolTip() == "Dismiss"
            )
            bot.mouseClick(close, Qt.MouseButton.LeftButton)
        elif scenario == "exits":
            print("held", flush=True)  # the test now ends the target itself
            bot.waitUntil(lambda: not window.escalation_bar.buttons(), timeout=30_000)  # "… ended."
            out["escalation_after"] = driver.bar("escalation_bar")
        else:
            window.close()
        bot.waitUntil(lambda: not _children(), timeout=15_000)
        out["helpers_after"] = _children()
    out["launches"] = launches.entries
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--target", type=int, required=True)
    parser.add_argument("--own", type=int)
    parser.add_argument("--more", default="[]", help="more targets' PIDs, as JSON")
    parser.add_argument("--helper", required=True, help="the helper's command, as JSON")
    parser.add_argument("--settings", required=True, help="a settings file the user may write")
    parser.add_argument("--grace", type=float, default=5.0)
    parser.add_argument("--out")
    args = parser.parse_args()
    app = QApplication([sys.argv[0]])
    _import_everything()
    _warm_up_qt()
    give_up_root(args.user)
    settings = Settings(QSettings(args.settings, QSettings.Format.IniFormat))
    settings.grace_seconds = args.grace
    helper = json.loads(args.helper)
    # The cancelled scenario's helper stands in for a dismissed pkexec (see the scenarios).
    launcher = partial(list, helper) if args.scenario == "cancelled" else partial(pkexec_launcher, helper)
    window = MainWindow(current(), settings, 0.5, launcher=launcher)
    window.show_view(ViewMode.ALL_PROCESSES)
    window.view.sortByColumn(Column.PID, Qt.SortOrder.AscendingOrder)
    window.resize(1000, 640)
    window.show()
    bot = DrivingBot()
    bot.waitExposed(window)
    try:
        out = run(args, window, bot)
    finally:
        if window.isVisible():
            window.close()
        app.processEvents()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
