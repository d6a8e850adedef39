"""python-xlib behind a few typed calls: the only module that imports ``Xlib``.

python-xlib has no type hints; everything it returns is turned into ints, bytes and the
dataclasses of ``replies`` before it leaves this file. Errors of requests about windows that
vanished become :class:`WindowGone`, a lost connection :class:`ConnectionLost`.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from Xlib import X, Xatom, error
from Xlib.display import Display
from Xlib.ext import res
from Xlib.protocol import event as xevent

from gui.platforms.x11.replies import (
    Attributes,
    CannotConnect,
    ConnectionLost,
    Event,
    Property,
    PropertyChanged,
    TreeChanged,
    WindowGone,
)

#: python-xlib reads a property in 32-bit units.
_LONGS_PER_READ = 1024
_XRES = "X-Resource"
_STRUCTURE_EVENTS = frozenset({X.CreateNotify, X.DestroyNotify, X.MapNotify, X.UnmapNotify, X.ReparentNotify})

#: What opening a display raises: a bad name, a refusal, an unreachable host, a port out of
#: range (``:65533`` overflows the TCP fallback), an authorisation python-xlib cannot read.
_REFUSALS = (
    error.DisplayError,
    error.ConnectionClosedError,
    error.XauthError,
    error.XNoAuthError,
    OSError,
    ValueError,
    OverflowError,
)


def _ignore_error(*_: object) -> None:
    """Errors of requests nobody waits for (a window that vanished) are expected."""


@contextmanager
def _lost_as_connection_lost() -> Iterator[None]:
    try:
        yield
    except (error.ConnectionClosedError, OSError) as lost:
        raise ConnectionLost(str(lost)) from None


class XConnection:
    """One connection to an X display. Not thread-safe: callers hold their own lock."""

    def __init__(self, display_name: str | None) -> None:
        try:
            self._display: Any = Display(display_name)
        except _REFUSALS as refused:
            raise CannotConnect(str(refused)) from None
        self._display.set_error_handler(_ignore_error)
        self.root = int(self._display.screen().root.id)
        self._atoms: dict[str, int] = {}
        self._names: dict[int, str] = {}
        self._client_mask = ~int(self._display.display.info.resource_id_mask) & 0xFFFFFFFF
        self.has_xres = bool(self._display.has_extension(_XRES))
        self._held: list[Event] = []
        self._clock_window: Any = None

    def close(self) -> None:
        with suppress(error.ConnectionClosedError, OSError):
            self._display.close()

    # Atoms and properties ----------------------------------------------------

    def atom(self, name: str) -> int:
        found = self._atoms.get(name)
        if found is None:
            with _lost_as_connection_lost():
                found = int(self._display.intern_atom(name))
            self._atoms[name] = found
            self._names[found] = name
        return found

    def atom_name(self, atom: int) -> str:
        found = self._names.get(atom)
        if found is None:
            with _lost_as_connection_lost():
                found = str(self._display.get_atom_name(atom))
            self._names[atom] = found
        return found

    def read_property(self, window: int, name: str, max_longs: int = _LONGS_PER_READ) -> Property | None:
        """A property of any type, at most ``max_longs`` 32-bit units; ``None`` if unset."""
        with self._about(window):
            reply = self._window(window).get_property(self.atom(name), X.AnyPropertyType, 0, max_longs)
        if reply is None or reply.property_type == X.NONE:
            return None
        value = reply.value
        if reply.format == 8:
            data = value.encode("latin-1") if isinstance(value, str) else bytes(value)
            return Property(int(reply.property_type), data, ())
        return Property(int(reply.property_type), b"", tuple(int(number) for number in value))

    # Windows -----------------------------------------------------------------

    def children(self, window: int) -> tuple[int, ...]:
        with self._about(window):
            tree = self._window(window).query_tree()
        return tuple(int(child.id) for child in tree.children)

    def attributes(self, window: int) -> Attributes:
        with self._about(window):
            found = self._window(window).get_attributes()
        return Attributes(found.map_state == X.IsViewable, bool(found.override_redirect))

    def watch(self, window: int, *, properties: bool = True, tree: bool = False) -> None:
        """Report property changes (and, with ``tree``, children coming and going) of ``window``."""
        mask = (X.PropertyChangeMask if properties else 0) | (X.SubstructureNotifyMask if tree else 0)
        with _lost_as_connection_lost():
            self._window(window).change_attributes(event_mask=mask)

    def client_pids(self, windows: Iterable[int]) -> dict[int, int]:
        """The process of each window's client, as the X server knows it (XRes), in one round trip.

        Only local clients have an answer (the server reads their socket's credentials).
        """
        wanted = list(windows)
        if not wanted or not self.has_xres:
            return {}
        specs = [{"client": window, "mask": res.LocalClientPIDMask} for window in wanted]
        with _lost_as_connection_lost():
            try:
                reply = self._display.res_query_client_ids(specs)
            except error.XError:
                return {}
        by_client: dict[int, int] = {}
        for found in reply.ids:
            if found.spec.mask & res.LocalClientPIDMask and found.value:
                by_client[int(found.spec.client) & self._client_mask] = int(found.value[0])
        return {
            window: by_client[window & self._client_mask]
            for window in wanted
            if window & self._client_mask in by_client
        }

    # Events ------------------------------------------------------------------

    def drain_events(self) -> list[Event]:
        """What arrived since the last call, without waiting for more."""
        found, self._held = self._held, []
        with _lost_as_connection_lost():
            while self._display.pending_events():
                translated = self._translate(self._display.next_event())
                if translated is not None:
                    found.append(translated)
        return found

    def _translate(self, raw: Any) -> Event | None:
        if raw.type == X.PropertyNotify:
            return PropertyChanged(int(raw.window.id), int(raw.atom), int(raw.time))
        if raw.type in _STRUCTURE_EVENTS:
            return TreeChanged()
        return None

    def server_time(self) -> int:
        """The X server's current time (ICCCM's way: touch a property, read the event's time).

        Other events that arrive meanwhile are kept for :meth:`drain_events`.
        """
        with _lost_as_connection_lost():
            if self._clock_window is None:
                self._clock_window = self._display.screen().root.create_window(
                    -1, -1, 1, 1, 0, 0, window_class=X.InputOnly, event_mask=X.PropertyChangeMask
                )
            clock = int(self._clock_window.id)
            atom = self.atom("_PROCPILOT_CLOCK")
            self._clock_window.change_property(atom, Xatom.STRING, 8, b"", mode=X.PropModeAppend)
            self._display.sync()
            time = int(X.CurrentTime)
            while self._display.pending_events():
                translated = self._translate(self._display.next_event())
                if isinstance(translated, PropertyChanged) and translated.window == clock:
                    time = translated.time
                elif translated is not None:
                    self._held.append(translated)
        return time

    # Requests ----------------------------------------------------------------

    def send_client_message(
        self, destination: int, window: int, message_type: str, data: tuple[int, int, int, int, int]
    ) -> None:
        """A 32-bit ClientMessage about ``window``: to the root, as window managers listen for
        it (EWMH), or to the window itself (no event mask: only its owner gets it)."""
        message = xevent.ClientMessage(
            window=self._window(window), client_type=self.atom(message_type), data=(32, list(data))
        )
        to_root = destination == self.root
        mask = X.SubstructureRedirectMask | X.SubstructureNotifyMask if to_root else X.NoEventMask
        with self._checked(window) as catch:
            self._window(destination).send_event(message, event_mask=mask, onerror=catch)

    def raise_and_focus(self, window: int, time: int) -> None:
        """Raise ``window`` and give it the keyboard focus (what a window manager would do)."""
        with self._checked(window) as catch:
            target = self._window(window)
            target.configure(stack_mode=X.Above, onerror=catch)
            target.set_input_focus(X.RevertToParent, time, onerror=catch)

    # Helpers -----------------------------------------------------------------

    def _window(self, window: int) -> Any:
        return self._display.create_resource_object("window", window)

    @contextmanager
    def _about(self, window: int) -> Iterator[None]:
        """Requests with a reply: an X error about ``window`` means it is gone."""
        with _lost_as_connection_lost():
            try:
                yield
            except error.XError:
                raise WindowGone(window) from None

    @contextmanager
    def _checked(self, window: int) -> Iterator[Any]:
        """Requests without a reply: wait for the server (one round trip) to learn of an error."""
        catch = error.CatchError()
        with _lost_as_connection_lost():
            yield catch
            self._display.sync()
        if catch.get_error() is not None:
            raise WindowGone(window)
