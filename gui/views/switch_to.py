"""Switch to: the menu entry that brings a process's or an app's window to the front (a
submenu by title when there are several), and what the status bar says when that did not work."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMenu

from gui.core.display_text import display_text
from gui.core.process_row import WINDOW_TITLE_LIMIT
from gui.core.window_info import WindowInfo
from gui.core.window_requests import ActivateOutcome
from gui.models.plain_tooltip import plain_tooltip
from gui.views.message_args import with_args
from gui.views.mnemonics import give_mnemonics

SwitchTo = Callable[[WindowInfo], None]


# The longest window title a Switch to ▸ entry shows, in average characters (the tooltip has it all).
ENTRY_TITLE_CHARS = 48


def add_switch_to(menu: QMenu, windows: tuple[WindowInfo, ...], switch_to: SwitchTo | None) -> None:
    """At the top of ``menu`` (as Task Manager has it), its own group: only with a window.
    One window: "Switch to"; several: "Switch to ▸" with an entry per window, by its title."""
    if not windows or switch_to is None:
        return
    text = QCoreApplication.translate("SwitchTo", "S&witch to")
    if len(windows) == 1:
        entry = menu.addAction(text)
        entry.setObjectName("action_switch_to")
        entry.setToolTip(QCoreApplication.translate("SwitchTo", "Brings its window to the front"))
        entry.triggered.connect(partial(switch_to, windows[0]))
    else:
        submenu = menu.addMenu(text)
        submenu.setObjectName("menu_switch_to")
        submenu.setToolTipsVisible(True)
        submenu.menuAction().setObjectName("action_switch_to")
        submenu.menuAction().setToolTip(
            QCoreApplication.translate("SwitchTo", "Brings one of its windows to the front")
        )
        metrics = QFontMetrics(submenu.font())
        width = metrics.averageCharWidth() * ENTRY_TITLE_CHARS
        for window in windows:
            title = window_title_text(window)
            shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
            entry = submenu.addAction(shown.replace("&", "&&"))  # a title's & is no mnemonic
            entry.setObjectName("action_switch_to_window")
            entry.setToolTip(plain_tooltip(title))
            entry.triggered.connect(partial(switch_to, window))
        give_mnemonics(submenu)
    menu.addSeparator()


def window_title_text(window: WindowInfo) -> str:
    """A window's title as it is shown: controls made visible, bounded; "(untitled)" without one."""
    return display_text(window.title, WINDOW_TITLE_LIMIT) or QCoreApplication.translate(
        "SwitchTo", "(untitled)"
    )


def window_shown_as(windows: tuple[WindowInfo, ...], shown: str) -> WindowInfo | None:
    """The window whose title a Window title cell shows as ``shown`` (its first titled one when
    none has that title now, as the cell may be a refresh behind), else the first."""
    titled = [window for window in windows if window.title]
    exact = (window for window in titled if display_text(window.title, WINDOW_TITLE_LIMIT) == shown)
    return next(exact, titled[0] if titled else windows[0] if windows else None)


def switch_failure_text(window: WindowInfo, outcome: ActivateOutcome) -> str | None:
    """What the status bar says when Switch to did not work; ``None`` when it did."""
    title = window_title_text(window)
    if outcome is ActivateOutcome.WINDOW_GONE:
        text = QCoreApplication.translate(
            "SwitchTo", "Could not switch to \u201c%1\u201d: the window has closed"
        )
    elif outcome is ActivateOutcome.NOT_SHOWN:
        text = QCoreApplication.translate(
            "SwitchTo",
            "Could not switch to \u201c%1\u201d: it is not shown, and no window manager runs to show it",
        )
    elif outcome is ActivateOutcome.REFUSED:
        text = QCoreApplication.translate(
            "SwitchTo",
            "Could not switch to \u201c%1\u201d: the system kept another window in front; "
            "its taskbar button flashes instead",
        )
    elif outcome is ActivateOutcome.UNAVAILABLE:
        text = QCoreApplication.translate(
            "SwitchTo", "Could not switch to \u201c%1\u201d: ProcPilot cannot reach the display's windows"
        )
    else:
        return None
    return with_args(text, title)
