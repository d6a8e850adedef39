"""What a details window asks of the rest of the app (apart from the window, which loads
on its first opening: its modules weigh about 1.5 MB)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu

from gui.core.app_identity import AppIdentity, ProcessIdentity
from gui.core.process_details import PriorityScheme
from gui.core.process_key import ProcessKey
from gui.core.window_info import WindowInfo


@dataclass(frozen=True, slots=True)
class DetailsContext:
    """What a details window asks of the rest of the app.

    ``fill_actions`` fills the Actions menu for a process (the right-click menu's entries,
    through the usual confirmations); ``identity_of`` is what the list decided the process
    is (its application, its script); ``open_details`` opens (or raises) another process's
    window; ``windows_of`` are the process's own top-level windows as the list last saw
    them, and ``switch_to`` raises one of them (Switch to).
    """

    fill_actions: Callable[[QMenu, ProcessKey], None]
    identity_of: Callable[[ProcessKey], ProcessIdentity | None]
    icon_for: Callable[[AppIdentity | None], QIcon]
    open_details: Callable[[ProcessKey], None]
    priority_scheme: PriorityScheme = PriorityScheme.NICE
    windows_of: Callable[[ProcessKey], tuple[WindowInfo, ...]] = lambda _key: ()
    switch_to: Callable[[WindowInfo], None] | None = None
    #: The process's name as the list last showed it (``None``: not listed), so that a
    #: window whose process ends before anything is read still says what it was.
    name_of: Callable[[ProcessKey], str | None] = lambda _key: None
