"""Naming applications in sentences."""

from PySide6.QtCore import QLocale

from gui.core.app_identity import AppIdentity
from gui.core.display_text import display_text

#: First-strong isolate and its end, as for process names: a right-to-left name stays one unit.
_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"


def app_name(app: AppIdentity, locale: QLocale | None = None) -> str:
    """The app's name in the user's language (its desktop entry's ``Name[<locale>]``), as plain text.

    The name comes from a file any user can write: control characters are made visible
    and the name is isolated from the sentence around it.
    """
    name = app.name_in((locale or QLocale()).name()) or app.app_id
    return f"{_ISOLATE}{display_text(name)}{_END_ISOLATE}"
