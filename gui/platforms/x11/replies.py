"""What the python-xlib wrapper (``connection``) returns and raises: importable without it."""

from dataclasses import dataclass


class CannotConnect(Exception):
    """No X server answered at that display name, or it refused this client."""


class ConnectionLost(Exception):
    """The X server closed the connection (it ended, or killed this client)."""


class WindowGone(Exception):
    """The window no longer exists (destroyed between listing and using it)."""


@dataclass(frozen=True, slots=True)
class Property:
    """A property's type (an atom) and value: ``data`` for format 8, ``numbers`` for 16 and 32."""

    type_atom: int
    data: bytes
    numbers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Attributes:
    viewable: bool
    override_redirect: bool


@dataclass(frozen=True, slots=True)
class PropertyChanged:
    window: int
    atom: int
    time: int


@dataclass(frozen=True, slots=True)
class TreeChanged:
    """A child of a watched window was created, destroyed, mapped, unmapped or reparented."""


Event = PropertyChanged | TreeChanged
