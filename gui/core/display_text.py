"""How text that a process chose (its name, user, command line) is shown: literally.

Any local user controls the name and arguments of their own processes. Shown as
they are, control and bidirectional format characters could reorder the text
around them (U+202E turns "PID 4021" into "1204 DIP"), hide parts of it or make
two different processes look alike. :func:`display_text` is the one rule for all
of them: such characters become a visible ``⟨U+202E⟩``, so they survive copying
and searching, and undecodable bytes become U+FFFD.
"""

import unicodedata

#: Longest command line the table keeps (in characters, not counting the ellipsis):
#: a row's cost must not grow with what a process put in its arguments.
COMMAND_LINE_LIMIT = 2000
ELLIPSIS = "\u2026"
REPLACEMENT = "\ufffd"

#: Categories shown as code points: controls (C0, C1, DEL), format characters
#: (bidi marks, embeddings, overrides and isolates, zero-width characters, the
#: Arabic letter mark) and the line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _visible(char: str) -> str:
    """A character as shown: itself, U+FFFD for a lone surrogate, or ``⟨U+XXXX⟩``."""
    category = unicodedata.category(char)
    if category == "Cs":  # an undecodable byte (surrogateescape) or a broken UTF-16 pair
        return REPLACEMENT
    if category in _HIDDEN_CATEGORIES:
        return f"\u27e8U+{ord(char):04X}\u27e9"
    return char


def bounded(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters plus an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit] + ELLIPSIS


def display_text(raw: str, limit: int | None = None) -> str:
    """``raw`` with every character that could hide or reorder text made visible.

    Plain printable text comes back as the same object (the common case costs
    one scan). With ``limit``, the result is cut to that many characters.
    """
    if raw.isprintable():
        # isprintable() is False for every Cc, Cf, Zl, Zp and Cs character (and
        # for Zs other than the space, which are kept as they are below).
        return raw if limit is None else bounded(raw, limit)
    shown = "".join(_visible(char) for char in (raw if limit is None else raw[: limit + 1]))
    return shown if limit is None else bounded(shown, limit)
