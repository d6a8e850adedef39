"""Mnemonics (the underlined ``&`` letters) for menu entries made from data: numbers, columns, signals.

Entries written by hand carry their own (and translators choose theirs); this gives the
others one, unique in their menu where the letters allow: a word's first letter if free,
then any other letter or digit. Only ASCII letters and digits are chosen: they can be typed
on every keyboard layout.
"""

import re

from PySide6.QtWidgets import QMenu

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    """The mnemonic character of a menu text, lower case; None when it has none."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _candidates(text: str) -> list[int]:
    """Positions of typeable characters: word starts first, then the rest, in reading order."""
    usable = [i for i, char in enumerate(text) if char.isascii() and char.isalnum()]
    starts = [i for i in usable if i == 0 or not text[i - 1].isalnum()]
    return starts + [i for i in usable if i not in starts]


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an ``&`` before a character not in ``taken`` (or, when all are, the first)."""
    positions = _candidates(text)
    if not positions:
        return text
    free = next((i for i in positions if text[i].lower() not in taken), positions[0])
    return text[:free] + "&" + text[free:]


def give_mnemonics(menu: QMenu) -> None:
    """Give every entry of ``menu`` without a mnemonic one that no other entry there uses."""
    actions = [action for action in menu.actions() if not action.isSeparator() and action.text()]
    taken = {letter for action in actions if (letter := mnemonic_of(action.text()))}
    for action in actions:
        if mnemonic_of(action.text()) is None:
            text = with_mnemonic(action.text(), taken)
            action.setText(text)
            if (letter := mnemonic_of(text)) is not None:
                taken.add(letter)
