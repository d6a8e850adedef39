"""Switch to: the menu entry that brings a process's or an app's first window to the front,
and what the status bar says when that did not work."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from gui.core.display_text import display_text
from gui.core.process_row import WINDOW_TITLE_LIMIT
from gui.core.window_info import WindowInfo
from gui.core.window_requests import ActivateOutcome
from gui.views.message_args import with_args

SwitchTo = Callable[[WindowInfo], None]


def add_switch_to(menu: QMenu, windows: tuple[WindowInfo, ...], switch_to: SwitchTo | None) -> None:
    """At the top of ``menu`` (as Task Manager has it), its own group: only with a window."""
    if not windows or switch_to is None:
        return
    entry = menu.addAction(QCoreApplication.translate("SwitchTo", "S&witch to"))
    entry.setObjectName("action_switch_to")
    entry.setToolTip(QCoreApplication.translate("SwitchTo", "Brings its window to the front"))
    entry.triggered.connect(partial(switch_to, windows[0]))
    menu.addSeparator()


def switch_failure_text(window: WindowInfo, outcome: ActivateOutcome) -> str | None:
    """What the status bar says when Switch to did not work; ``None`` when it did."""
    title = display_text(window.title, WINDOW_TITLE_LIMIT) or QCoreApplication.translate(
        "SwitchTo", "(untitled)"
    )
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
