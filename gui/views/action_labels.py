"""Action names in the user's language: menu text with a mnemonic, and plain text."""

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from gui.core.action_label import ActionLabel

#: A mnemonic in parentheses after the text, as CJK translations write it: ``结束(&E)``.
_TRAILING_MNEMONIC = re.compile(r"\s*\(&[^&\s]\)")


def action_texts() -> dict[ActionLabel, str]:
    """Every action's menu text, ``&`` before its mnemonic letter."""
    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
    return {
        ActionLabel.END: translate("Actions", "&End"),
        ActionLabel.END_TASK: translate("Actions", "&End task"),
        ActionLabel.FORCE_QUIT: translate("Actions", "&Force quit"),
        ActionLabel.SUSPEND: translate("Actions", "&Suspend"),
        ActionLabel.RESUME: translate("Actions", "&Resume"),
        ActionLabel.HANG_UP: translate("Actions", "&Hang up"),
        ActionLabel.INTERRUPT: translate("Actions", "&Interrupt"),
        ActionLabel.SEND_SIGNAL: translate("Actions", "&Send signal"),
        ActionLabel.END_GROUP: translate("Actions", "End process &group"),
        ActionLabel.END_TREE: translate("Actions", "End process &tree"),
        ActionLabel.END_APP: translate("Actions", "&End app"),
        ActionLabel.END_APP_TASK: translate("Actions", "&End task"),
        ActionLabel.FORCE_QUIT_APP: translate("Actions", "&Force quit app"),
        ActionLabel.CHANGE_PRIORITY: translate("Actions", "Change pri&ority"),
    }


def action_text(label: ActionLabel) -> str:
    """The menu text of an action, with its mnemonic (``"&End task"``)."""
    return action_texts()[label]


def plain_action_text(label: ActionLabel) -> str:
    """The action's name without mnemonic, for titles and sentences (``"End task"``)."""
    return without_mnemonic(action_text(label))


def without_mnemonic(text: str) -> str:
    """Menu text without its mnemonic: ``&`` dropped, ``&&`` kept as ``&``, ``(&E)`` removed."""
    text = _TRAILING_MNEMONIC.sub("", text)
    return re.sub(r"&(.)", r"\1", text)


def show_plain_on_buttons(action: QAction) -> None:
    """A toolbar button shows the action's text without its mnemonic, ``结束`` not ``结束(E)``.

    Qt drops the ``&`` itself but not a CJK translation's ``(&E)``; call again after ``setText``.
    """
    action.setIconText(without_mnemonic(action.text()))
