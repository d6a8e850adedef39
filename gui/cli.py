"""Command-line options."""

import argparse
from dataclasses import dataclass

import gui
from gui.core.intervals import MAX_INTERVAL_S, MIN_INTERVAL_S


@dataclass(frozen=True, slots=True)
class Options:
    interval_s: float | None
    smoke: bool


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
    namespace = build_parser().parse_args(argv)
    return Options(interval_s=namespace.interval, smoke=namespace.smoke)
