"""Qt's standard command-line options (``-style fusion``, ``-platform offscreen``, ``-reverse``...).

ProcPilot's own options are parsed by argparse; what it does not know is handed to
``QApplication`` when it is one of these, and refused with argparse's usual message otherwise.
Qt accepts each with one dash or two, and a value after a space or an ``=``.
"""

from collections.abc import Sequence
from dataclasses import dataclass

#: Options that take a value (QGuiApplication, QApplication and the X11 platform's).
_WITH_VALUE = frozenset(
    {
        "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowicon",
        "qwindowtitle", "style", "stylesheet", "session", "display", "geometry", "font", "fn",
        "background", "bg", "foreground", "fg", "button", "btn", "name", "title", "visual", "ncols",
        "cmap", "im", "inputstyle", "qmljsdebugger",
    }
)  # fmt: skip
#: Options that stand alone.
_FLAGS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync", "qmljsdebugger"})


@dataclass(frozen=True, slots=True)
class QtArguments:
    """The Qt options found (in order, with their values) and the arguments that are not Qt's."""

    qt: tuple[str, ...]
    unknown: tuple[str, ...]

    @property
    def platform(self) -> str | None:
        """The platform plugin ``-platform`` asks for (``offscreen``), if any."""
        for position, argument in enumerate(self.qt):
            name, _, value = _name(argument).partition("=")
            if name == "platform":
                if value:
                    return value
                if position + 1 < len(self.qt):
                    return self.qt[position + 1]
        return None


def _name(argument: str) -> str:
    """``--style=fusion`` → ``style=fusion``; ``-reverse`` → ``reverse``; not an option → ``""``."""
    if argument.startswith("--"):
        return argument[2:]
    if argument.startswith("-"):
        return argument[1:]
    return ""


def needs_value(argument: str) -> bool:
    """Whether ``argument`` is a Qt option that takes a value (and came without one)."""
    name, equals, _ = _name(argument).partition("=")
    return name in _WITH_VALUE and name not in _FLAGS and not equals


def split_qt_arguments(arguments: Sequence[str]) -> QtArguments:
    """Sort what argparse left over into Qt's options and everything else."""
    qt: list[str] = []
    unknown: list[str] = []
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        name, equals, _ = _name(argument).partition("=")
        if name in _WITH_VALUE and equals:
            qt.append(argument)
        elif name in _WITH_VALUE and name not in _FLAGS and position + 1 < len(arguments):
            qt.extend(arguments[position : position + 2])
            position += 1
        elif name in _FLAGS and not equals:
            qt.append(argument)
        else:
            unknown.append(argument)
        position += 1
    return QtArguments(tuple(qt), tuple(unknown))
