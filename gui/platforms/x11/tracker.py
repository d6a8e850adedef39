"""The top-level windows of an X11 display, kept up to date by the server's events.

The list is re-read only when the root window's ``_NET_CLIENT_LIST`` changes, a window's
title only when its ``_NET_WM_NAME`` or ``WM_NAME`` changes (PropertyNotify): a refresh
with nothing new costs one non-blocking read of the connection. Without an EWMH window
manager the root's children are the list, re-read when they come, go, map or unmap.

Owners come from the X server (XRes: the PID behind the client's socket) where it can
tell, else from the window's own ``_NET_WM_PID``.
"""

import dataclasses
import threading
from typing import TYPE_CHECKING

from gui.core.window_info import WindowInfo, WindowList, WindowsUnavailable, WmClass, unavailable_list
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms.window_source import NoWindows, WindowSource
from gui.platforms.x11.replies import CannotConnect, ConnectionLost, Event, PropertyChanged, WindowGone
from gui.platforms.x11.text import property_text

if TYPE_CHECKING:
    from gui.platforms.x11.connection import XConnection

#: EWMH "source indication" of pagers and task lists: requests made for the user, which
#: window managers honour without focus-stealing prevention.
SOURCE_PAGER = 2
_MAX_CLIENTS = 1 << 16
_TITLE_ATOMS = ("_NET_WM_NAME", "WM_NAME")
_OWNER_ATOMS = ("WM_CLASS", "_NET_WM_PID")


def open_x11_windows(display_name: str | None) -> WindowSource:
    """Windows of the X display ``display_name`` (``$DISPLAY``), or a source that says why
    there are none. Never raises: no display, no python-xlib or a refusal are answers."""
    if not display_name:
        return NoWindows(WindowsUnavailable.NO_DISPLAY)
    try:
        from gui.platforms.x11.connection import XConnection  # noqa: PLC0415 (Linux-only, optional)

        connection = XConnection(display_name)
    except ImportError:  # not installed, or a part it imports by name is missing (a frozen build)
        return NoWindows(WindowsUnavailable.NO_CLIENT_LIBRARY)
    except CannotConnect:
        return NoWindows(WindowsUnavailable.CANNOT_CONNECT)
    try:
        return X11Windows(connection)
    except ConnectionLost:
        connection.close()
        return NoWindows(WindowsUnavailable.CONNECTION_LOST)


class X11Windows:
    """A :class:`~gui.platforms.window_source.WindowSource` for one X display connection."""

    def __init__(self, connection: "XConnection") -> None:
        self._lock = threading.Lock()
        self._x: XConnection | None = connection
        root = connection.root
        self._root = root
        self._client_list_atom = connection.atom("_NET_CLIENT_LIST")
        self._supported_atom = connection.atom("_NET_SUPPORTED")
        self._title_atoms = frozenset(connection.atom(name) for name in _TITLE_ATOMS)
        self._owner_atoms = frozenset(connection.atom(name) for name in _OWNER_ATOMS)
        self._delete_atom = connection.atom("WM_DELETE_WINDOW")
        self._windows: dict[int, WindowInfo] = {}
        self._supported: frozenset[int] = frozenset()
        self._ewmh: bool | None = None  # None until the first list: root events not chosen yet
        self._supported_stale = True
        self._list_stale = True
        self._stale_titles: set[int] = set()
        self._stale_owners: set[int] = set()
        self._list = WindowList(())
        connection.watch(root)

    # WindowSource ------------------------------------------------------------

    def refresh(self) -> WindowList:
        with self._lock:
            if self._x is not None:
                try:
                    self._update(self._x)
                except ConnectionLost:
                    self._let_go(WindowsUnavailable.CONNECTION_LOST)
            return self._list

    def windows_of(self, pids: frozenset[int]) -> tuple[WindowInfo, ...]:
        """From the client list, which has dialogs too (transient windows are managed)."""
        return tuple(window for window in self.refresh().windows if window.pid in pids)

    def close(self, window: WindowInfo) -> CloseOutcome:
        """``_NET_CLOSE_WINDOW`` through the window manager where it has it (it may also ping
        the window), else ``WM_DELETE_WINDOW`` to the window. A window that does not list
        ``WM_DELETE_WINDOW`` in its ``WM_PROTOCOLS`` cannot be asked: a window manager would
        just cut its connection (``XKillClient``), which is no politer than a signal."""
        with self._lock:
            x = self._x
            if x is None:
                return CloseOutcome.UNAVAILABLE
            try:
                if not self._still_there(x, window):
                    return CloseOutcome.WINDOW_GONE
                protocols = x.read_property(window.window_id, "WM_PROTOCOLS")
                if protocols is None or self._delete_atom not in protocols.numbers:
                    return CloseOutcome.NO_POLITE_WAY
                time = x.server_time()
                if x.atom("_NET_CLOSE_WINDOW") in self._supported:
                    x.send_client_message(
                        self._root, window.window_id, "_NET_CLOSE_WINDOW", (time, SOURCE_PAGER, 0, 0, 0)
                    )
                    return CloseOutcome.ASKED_WINDOW_MANAGER
                x.send_client_message(
                    window.window_id, window.window_id, "WM_PROTOCOLS", (self._delete_atom, time, 0, 0, 0)
                )
                return CloseOutcome.ASKED_WINDOW
            except WindowGone:
                return CloseOutcome.WINDOW_GONE
            except ConnectionLost:
                self._let_go(WindowsUnavailable.CONNECTION_LOST)
                return CloseOutcome.UNAVAILABLE

    def activate(self, window: WindowInfo) -> ActivateOutcome:
        """``_NET_ACTIVE_WINDOW`` to the window manager (as a pager: source 2, with the server's
        time); without one, raise the window and give it the focus."""
        with self._lock:
            x = self._x
            if x is None:
                return ActivateOutcome.UNAVAILABLE
            try:
                if not self._still_there(x, window):
                    return ActivateOutcome.WINDOW_GONE
                time = x.server_time()
                if x.atom("_NET_ACTIVE_WINDOW") in self._supported:
                    x.send_client_message(
                        self._root, window.window_id, "_NET_ACTIVE_WINDOW", (SOURCE_PAGER, time, 0, 0, 0)
                    )
                    return ActivateOutcome.ASKED_WINDOW_MANAGER
                if not x.attributes(window.window_id).viewable:
                    return ActivateOutcome.NOT_SHOWN
                x.raise_and_focus(window.window_id, time)
                return ActivateOutcome.RAISED_AND_FOCUSED
            except WindowGone:
                return ActivateOutcome.WINDOW_GONE
            except ConnectionLost:
                self._let_go(WindowsUnavailable.CONNECTION_LOST)
                return ActivateOutcome.UNAVAILABLE

    def shutdown(self) -> None:
        with self._lock:
            self._let_go(WindowsUnavailable.CLOSED)

    # Following changes -------------------------------------------------------

    def _update(self, x: "XConnection") -> None:
        for event in x.drain_events():
            self._note(event)
        changed = False
        if self._supported_stale:
            self._read_supported(x)
        if self._list_stale:
            changed = self._read_list(x)
        if self._stale_titles or self._stale_owners:
            changed = self._reread_changed(x) or changed
        if changed:
            self._list = WindowList(tuple(self._windows.values()))

    def _note(self, event: Event) -> None:
        if not isinstance(event, PropertyChanged):  # the root's children changed
            self._list_stale = self._list_stale or not self._ewmh
        elif event.window == self._root:
            if event.atom == self._client_list_atom:
                self._list_stale = True
            elif event.atom == self._supported_atom:
                self._supported_stale = True
        elif event.window in self._windows:
            if event.atom in self._title_atoms:
                self._stale_titles.add(event.window)
            elif event.atom in self._owner_atoms:
                self._stale_owners.add(event.window)

    def _read_supported(self, x: "XConnection") -> None:
        """What the window manager supports (``_NET_SUPPORTED``); a change of window manager
        may change where the list comes from."""
        self._supported_stale = False
        found = x.read_property(self._root, "_NET_SUPPORTED", _MAX_CLIENTS)
        supported = frozenset(found.numbers) if found is not None else frozenset()
        if supported != self._supported:
            self._supported = supported
            self._list_stale = True

    def _read_list(self, x: "XConnection") -> bool:
        """Re-read the list; new windows are watched and read, the others kept. Whether it changed."""
        self._list_stale = False
        ewmh = self._client_list_atom in self._supported
        if ewmh != self._ewmh:
            self._ewmh = ewmh
            x.watch(self._root, tree=not ewmh)  # without a manager: children coming and going
        ids = self._client_list(x) if ewmh else self._top_levels(x)
        new = [window for window in ids if window not in self._windows]
        for window in new:
            x.watch(window)  # before reading: no change between the read and the watch is missed
        server_pids = x.client_pids(new)
        current: dict[int, WindowInfo] = {}
        for window in ids:
            known = self._windows.get(window)
            if known is None:
                try:
                    known = self._read_window(x, window, server_pids.get(window))
                except WindowGone:
                    continue
            current[window] = known
        for window in self._windows.keys() - current.keys():
            self._stale_titles.discard(window)
            self._stale_owners.discard(window)
        changed = list(current) != list(self._windows)
        self._windows = current
        return changed

    def _client_list(self, x: "XConnection") -> list[int]:
        found = x.read_property(self._root, "_NET_CLIENT_LIST", _MAX_CLIENTS)
        return list(dict.fromkeys(found.numbers)) if found is not None else []

    def _top_levels(self, x: "XConnection") -> list[int]:
        """Without an EWMH manager: the shown root children that carry ``WM_STATE`` (or whose
        child does, inside a reparenting manager's frame); with no manager at all nobody sets
        ``WM_STATE``, and the shown, managed-looking children with a ``WM_CLASS`` are the list."""
        with_state: list[int] = []
        bare: list[int] = []
        for child in x.children(self._root):
            try:
                attributes = x.attributes(child)
                if attributes.override_redirect or not attributes.viewable:
                    continue
                if _has(x, child, "WM_STATE"):
                    with_state.append(child)
                    continue
                inner = next((grand for grand in x.children(child) if _has(x, grand, "WM_STATE")), None)
                if inner is not None:
                    with_state.append(inner)
                elif _has(x, child, "WM_CLASS"):
                    bare.append(child)
            except WindowGone:
                continue
        return with_state or bare

    def _reread_changed(self, x: "XConnection") -> bool:
        changed = False
        for window in self._stale_titles | self._stale_owners:
            known = self._windows.get(window)
            if known is None:
                continue
            try:
                fresh = dataclasses.replace(known, title=self._title(x, window))
                if window in self._stale_owners:
                    fresh = dataclasses.replace(fresh, wm_class=self._wm_class(x, window))
                    if not fresh.pid_from_server:
                        fresh = dataclasses.replace(fresh, pid=self._claimed_pid(x, window))
            except WindowGone:
                continue  # it leaves the client list next
            if fresh != known:
                self._windows[window] = fresh
                changed = True
        self._stale_titles.clear()
        self._stale_owners.clear()
        return changed

    # Reading one window ------------------------------------------------------

    def _read_window(self, x: "XConnection", window: int, server_pid: int | None) -> WindowInfo:
        pid = server_pid if server_pid is not None else self._claimed_pid(x, window)
        return WindowInfo(
            window, self._title(x, window), self._wm_class(x, window), pid, server_pid is not None
        )

    @staticmethod
    def _title(x: "XConnection", window: int) -> str:
        """``_NET_WM_NAME`` (UTF-8), else ``WM_NAME`` in whatever encoding its type says."""
        for name in _TITLE_ATOMS:
            found = x.read_property(window, name)
            if found is not None and found.data:
                type_name = "UTF8_STRING" if name == "_NET_WM_NAME" else x.atom_name(found.type_atom)
                title = property_text(found.data, type_name)
                if title:
                    return title
        return ""

    @staticmethod
    def _wm_class(x: "XConnection", window: int) -> WmClass | None:
        found = x.read_property(window, "WM_CLASS")
        if found is None or not found.data:
            return None
        instance, _, rest = found.data.partition(b"\x00")
        class_name = rest.partition(b"\x00")[0]
        return WmClass(instance.decode("latin-1"), class_name.decode("latin-1"))

    @staticmethod
    def _claimed_pid(x: "XConnection", window: int) -> int | None:
        found = x.read_property(window, "_NET_WM_PID", 1)
        return found.numbers[0] if found is not None and found.numbers and found.numbers[0] > 0 else None

    # Requests ----------------------------------------------------------------

    def _still_there(self, x: "XConnection", window: WindowInfo) -> bool:
        """Whether ``window`` is still listed with the same owner and class (X reuses ids)."""
        self._update(x)
        current = self._windows.get(window.window_id)
        return current is not None and (current.pid, current.wm_class) == (window.pid, window.wm_class)

    def _let_go(self, reason: WindowsUnavailable) -> None:
        if self._x is not None:
            self._x.close()
            self._x = None
        self._windows = {}
        self._list = unavailable_list(reason)


def _has(x: "XConnection", window: int, name: str) -> bool:
    return x.read_property(window, name, 1) is not None
