"""Command-line options."""

import argparse
from dataclasses import dataclass

import gui
from gui.core.intervals import MAX_INTERVAL_S, MIN_INTERVAL_S
from gui.qt_options import needs_value, split_qt_arguments


@dataclass(frozen=True, slots=True)
class Options:
    interval_s: float | None
    smoke: bool
    #: Qt's own options (``-style fusion``, ``-reverse``), handed to QApplication as given.
    qt_arguments: tuple[str, ...] = ()
    #: The platform plugin ``-platform`` asks for, if any.
    qt_platform: str | None = None


def _interval(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not MIN_INTERVAL_S <= seconds <= MAX_INTERVAL_S:
        raise argparse.ArgumentTypeError(
            f"must be between {MIN_INTERVAL_S:g} and {MAX_INTERVAL_S:g} seconds, got {text}"
        )
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="procpilot",
        description="ProcPilot: see what runs on your computer and end misbehaving programs safely.",
        epilog="Qt's standard options are accepted too, e.g. -style fusion, -platform offscreen, -reverse.",
    )
    parser.add_argument("--version", action="version", version=f"procpilot {gui.__version__}")
    parser.add_argument(
        "--interval",
        type=_interval,
        metavar="SECONDS",
        help=f"refresh interval, {MIN_INTERVAL_S:g}-{MAX_INTERVAL_S:g} s (default: the saved setting, 1.5 s)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, wait for the first process list, print one line and exit (for install checks)",
    )
    return parser


def parse_options(argv: list[str] | None) -> Options:
    """Parse ``argv``; raises ``SystemExit`` for --help, --version and bad input, as argparse does."""
    parser = build_parser()
    namespace, rest = parser.parse_known_args(argv)
    found = split_qt_arguments(rest)
    without_value = [argument for argument in found.unknown if needs_value(argument)]
    if without_value:
        parser.error(f"argument {without_value[0]}: expected a value")
    if found.unknown:
        parser.error(f"unrecognized arguments: {' '.join(found.unknown)}")
    return Options(
        interval_s=namespace.interval,
        smoke=namespace.smoke,
        qt_arguments=found.qt,
        qt_platform=found.platform,
    )
