"""What every platform's window source offers: the windows now, close politely, switch to."""

from typing import Protocol

from gui.core.window_info import WindowInfo, WindowList, WindowsUnavailable, unavailable_list
from gui.core.window_requests import ActivateOutcome, CloseOutcome


class WindowSource(Protocol):
    """Top-level windows and requests to them. Thread-safe: the sampler refreshes, the
    controller's workers close and activate."""

    def refresh(self) -> WindowList:
        """The windows now; never blocks on the display (events already received are read).
        The same object as the previous call when nothing changed."""
        ...

    def windows_of(self, pids: frozenset[int]) -> tuple[WindowInfo, ...]:
        """Every shown top-level window of these processes, their dialogs included (which
        :meth:`refresh` may leave out, as Windows' taskbar does): End app compares them before
        and after its close request to see an app ask "Save changes?"."""
        ...

    def close(self, window: WindowInfo) -> CloseOutcome:
        """Ask ``window`` to close, as its title bar's close button would."""
        ...

    def activate(self, window: WindowInfo) -> ActivateOutcome:
        """Bring ``window`` to the front with the keyboard focus ("Switch to")."""
        ...

    def shutdown(self) -> None:
        """Let go of the display connection; later calls report it unavailable."""
        ...


class NoWindows:
    """A platform or session without windows to list (says why, every time)."""

    def __init__(self, reason: WindowsUnavailable) -> None:
        self._list = unavailable_list(reason)

    def refresh(self) -> WindowList:
        return self._list

    def windows_of(self, pids: frozenset[int]) -> tuple[WindowInfo, ...]:
        return ()

    def close(self, window: WindowInfo) -> CloseOutcome:
        return CloseOutcome.UNAVAILABLE

    def activate(self, window: WindowInfo) -> ActivateOutcome:
        return ActivateOutcome.UNAVAILABLE

    def shutdown(self) -> None:
        """Nothing to let go of."""
