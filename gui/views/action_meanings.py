"""What each action does, in one line: the menus' tooltips and the Advanced entries' text."""

from PySide6.QtCore import QCoreApplication

from gui.core.action_label import ActionLabel
from gui.core.actions import Action
from gui.platforms import PlatformAdapter
from gui.views.message_args import with_args


def action_meanings() -> dict[ActionLabel, str]:
    """Every action's meaning, written to follow a colon (``Sends SIGHUP: …``)."""
    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
    return {
        ActionLabel.END: translate("ActionMeanings", "asks the process to close, so it can save its work"),
        ActionLabel.END_TASK: translate("ActionMeanings", "ends the process at once"),
        ActionLabel.FORCE_QUIT: translate("ActionMeanings", "ends the process at once; unsaved work is lost"),
        ActionLabel.SUSPEND: translate("ActionMeanings", "the process stops running until it is resumed"),
        ActionLabel.RESUME: translate("ActionMeanings", "the suspended process runs again"),
        ActionLabel.HANG_UP: translate("ActionMeanings", "many services reload their configuration"),
        ActionLabel.INTERRUPT: translate("ActionMeanings", "as Ctrl+C in a terminal; most programs end"),
        ActionLabel.SEND_SIGNAL: translate("ActionMeanings", "any signal, each with what it means"),
        ActionLabel.END_GROUP: translate("ActionMeanings", "asks every process of its group to close"),
        ActionLabel.END_TREE: translate("ActionMeanings", "ends its descendants first, then the process"),
        ActionLabel.END_APP: translate(
            "ActionMeanings", "asks every process of the app to close, so it can save its work"
        ),
        ActionLabel.END_APP_TASK: translate("ActionMeanings", "ends every process of the app at once"),
        ActionLabel.FORCE_QUIT_APP: translate(
            "ActionMeanings", "ends every process of the app at once; unsaved work is lost"
        ),
        ActionLabel.CHANGE_PRIORITY: translate(
            "ActionMeanings", "how much processor time it gets when others want it too"
        ),
    }


def action_meaning(adapter: PlatformAdapter, action: Action) -> str:
    """The one-line meaning of ``action`` as this OS names it (``many services reload…``)."""
    return action_meanings()[adapter.action_label(action)]


def action_tooltip(adapter: PlatformAdapter, action: Action) -> str:
    """The meaning, naming the signal where one is sent (``Sends SIGSTOP: the process stops…``)."""
    meaning = action_meaning(adapter, action)
    signal = adapter.action_signal(action)
    if signal is None:
        return meaning[:1].upper() + meaning[1:]
    return with_args(QCoreApplication.translate("ActionMeanings", "Sends %1: %2"), signal.name, meaning)
