"""Command-line options, and their help and errors in the terminal's language."""

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NoReturn

import gui
from gui.core.intervals import MAX_INTERVAL_S, MIN_INTERVAL_S
from gui.qt_options import needs_value, split_qt_arguments
from gui.terminal_words import Terminal


@dataclass(frozen=True, slots=True)
class Options:
    interval_s: float | None
    smoke: bool
    # Qt's own options (``-style fusion``, ``-reverse``), handed to QApplication as given.
    qt_arguments: tuple[str, ...] = ()
    # The platform plugin ``-platform`` asks for, if any.
    qt_platform: str | None = None


def _with_args(message: str, *values: object) -> str:
    """``%1``, ``%2``... filled as ``QString.arg`` does (Qt is not loaded here)."""
    return re.sub(
        r"%([1-9])",
        lambda match: str(values[int(match[1]) - 1]) if int(match[1]) <= len(values) else match[0],
        message,
    )


def _interval(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _with_args(Terminal.tr("not a number of seconds: %1"), repr(text))
        ) from None
    if not MIN_INTERVAL_S <= seconds <= MAX_INTERVAL_S:
        raise argparse.ArgumentTypeError(
            _with_args(
                Terminal.tr("must be between %1 and %2 seconds, got %3"),
                f"{MIN_INTERVAL_S:g}",
                f"{MAX_INTERVAL_S:g}",
                text,
            )
        )
    return seconds


#: Closing punctuation, which Chinese typesetting never puts at the start of a line.
_NO_LINE_START = frozenset("\uff0c\u3002\uff09\uff1a\uff1b\u3001\uff01\uff1f\u300d\u300f\u300b)")


def _display_width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces, or between two wide characters
    (Chinese has no spaces between words)."""
    lines: list[str] = []
    line = ""
    for piece in re.findall(r"\S+\s*|\s+", " ".join(text.split())):
        pieces = [piece] if _display_width(piece) <= width or " " in piece.strip() else list(piece)
        for part in pieces:
            if line and _display_width(line + part.rstrip()) > width:
                # Chinese never starts a line with closing punctuation: the character before goes along.
                carried = line[-1] if part[0] in _NO_LINE_START and len(line) > 1 else ""
                lines.append(line[: len(line) - len(carried)].rstrip())
                line = carried + part.lstrip()
            else:
                line += part
    return [*lines, line.rstrip()] if line.strip() else lines


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with its own words translated and Chinese wrapped by its width."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],  # argparse's mutually exclusive groups
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, Terminal.tr("usage: ") if prefix is None else prefix)

    def add_argument(self, action: argparse.Action) -> None:
        """The help column starts after the widest option as the terminal shows it."""
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            shown = _display_width(self._format_action_invocation(action)) + self._current_indent
            self._action_max_length = max(self._action_max_length, shown)

    def _format_action(self, action: argparse.Action) -> str:
        """The help column lined up when an option's value name is Chinese (two columns a
        character, which argparse pads as one)."""
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = _display_width(invocation) - len(invocation)
        first, newline, rest = text.partition("\n")
        start = first.find(invocation)
        if extra and start >= 0:
            after = start + len(invocation)
            spaces = len(first) - after - len(first[after:].lstrip(" "))
            if spaces - extra >= 2:  # the help starts on this line: take the extra width off the gap
                first = first[:after] + " " * (spaces - extra) + first[after + spaces :]
        return first + newline + rest

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in _wrap(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """As argparse says it (usage, then the reason, exit status 2), in the terminal's language."""
        self.print_usage(sys.stderr)
        self.exit(2, _with_args(Terminal.tr("%1: error: %2"), self.prog, message) + "\n")


def _argparse_reason(message: str) -> str:
    """argparse's own reasons, for the few errors these options can meet, translated."""
    if message == "expected one argument":
        return Terminal.tr("expected a value")
    explicit = re.fullmatch(r"ignored explicit argument (.*)", message)
    if explicit:
        return _with_args(Terminal.tr("takes no value, got %1"), explicit[1])
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="procpilot",
        description=Terminal.tr(
            "ProcPilot: see what runs on your computer and end misbehaving programs safely."
        ),
        epilog=Terminal.tr(
            "Qt's standard options are accepted too, e.g. -style fusion, -platform offscreen, -reverse."
        ),
        formatter_class=_HelpFormatter,
        add_help=False,
        exit_on_error=False,
    )
    options = parser.add_argument_group(Terminal.tr("options"))
    options.add_argument("-h", "--help", action="help", help=Terminal.tr("show this help message and exit"))
    options.add_argument(
        "--version",
        action="version",
        version=f"procpilot {gui.__version__}",
        help=Terminal.tr("show the version number and exit"),
    )
    options.add_argument(
        "--interval",
        type=_interval,
        metavar=Terminal.tr("SECONDS"),
        help=_with_args(
            Terminal.tr("refresh interval, %1-%2 s (default: the saved setting, 1.5 s)"),
            f"{MIN_INTERVAL_S:g}",
            f"{MAX_INTERVAL_S:g}",
        ),
    )
    options.add_argument(
        "--smoke",
        action="store_true",
        help=Terminal.tr(
            "start, wait for the first process list, print one line and exit (for install checks)"
        ),
    )
    return parser


def _argument_error(parser: argparse.ArgumentParser, argument: str | None, reason: str) -> NoReturn:
    parser.error(_with_args(Terminal.tr("argument %1: %2"), argument, reason) if argument else reason)


def parse_options(argv: list[str] | None) -> Options:
    """Parse ``argv``; raises ``SystemExit`` for --help, --version and bad input, as argparse does."""
    parser = build_parser()
    try:
        namespace, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError as error:
        _argument_error(parser, error.argument_name, _argparse_reason(error.message))
    found = split_qt_arguments(rest)
    without_value = [argument for argument in found.unknown if needs_value(argument)]
    if without_value:
        _argument_error(parser, without_value[0], Terminal.tr("expected a value"))
    if found.unknown:
        parser.error(_with_args(Terminal.tr("unrecognized arguments: %1"), " ".join(found.unknown)))
    return Options(
        interval_s=namespace.interval,
        smoke=namespace.smoke,
        qt_arguments=found.qt,
        qt_platform=found.platform,
    )
