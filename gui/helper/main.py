"""``procpilot --elevated-helper [REQUEST-FILE]``: one batch as root, then exit.

Reads the request from standard input (pkexec), or from ``REQUEST-FILE`` where the
system cannot pass standard input (see :mod:`gui.helper.request_file`; the request is
all such a file holds, and no follow-ups are taken). Answers on standard output in the
format of :mod:`gui.core.elevation_protocol`, which also holds the conversation and the
exit statuses. Nothing else is taken from the arguments, and nothing from the
environment or any configuration file; no shell or other program is ever run.
"""

import os
import resource
import sys
from typing import BinaryIO

from gui.core.elevation_protocol import (
    EXIT_BAD_REQUEST,
    EXIT_NO_IDENTITY_CHECK,
    EXIT_NOT_ROOT,
    EXIT_OK,
    EXIT_UNSAFE_REQUEST_FILE,
    EXIT_USAGE,
    MAX_ENTRIES,
    ErrorCode,
    ProtocolError,
    SignalAgain,
    format_error,
    format_results,
    format_running,
    read_command,
    read_request,
)
from gui.helper.linux_process import offered_signals, uid_of
from gui.helper.request_file import UnsafeRequestFile, open_request_file
from gui.helper.targets import Targets, has_pidfd

#: Descriptors besides the pidfds of a full batch (standard streams, /proc reads).
_SPARE_FDS = 64


def _write(data: bytes) -> None:
    """Straight to descriptor 1: no buffer left to flush (and fail) at exit."""
    view = memoryview(data)
    while view:
        view = view[os.write(1, view) :]


def _refuse(code: ErrorCode, exit_status: int) -> int:
    _write(format_error(ProtocolError(code)))
    return exit_status


def _allow_enough_files() -> None:
    """Room for one pidfd per entry: the usual soft limit (1,024) is just too low."""
    needed = MAX_ENTRIES + _SPARE_FDS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, max(hard, needed)))


def serve(args: list[str]) -> int:
    """Run the helper with the arguments after ``--elevated-helper``; returns the exit status."""
    if len(args) > 1:
        print("usage: procpilot --elevated-helper [REQUEST-FILE]", file=sys.stderr)
        return EXIT_USAGE
    if os.geteuid() != 0:
        return _refuse(ErrorCode.NOT_ROOT, EXIT_NOT_ROOT)
    if not has_pidfd():
        return _refuse(ErrorCode.NO_IDENTITY_CHECK, EXIT_NO_IDENTITY_CHECK)
    if not args:
        if sys.stdin is None:  # started without standard input
            return _refuse(ErrorCode.TRUNCATED, EXIT_BAD_REQUEST)
        source: BinaryIO = sys.stdin.buffer
    else:
        owners = {0} | {uid for uid in [uid_of(os.getppid())] if uid is not None}
        try:
            source = open_request_file(args[0], owners)
        except UnsafeRequestFile as why:
            print(f"procpilot helper: refused {args[0]!r}: {why}", file=sys.stderr)
            return _refuse(ErrorCode.UNSAFE_REQUEST_FILE, EXIT_UNSAFE_REQUEST_FILE)
    try:
        return _converse(source, follow_ups=not args)
    except BrokenPipeError:  # ProcPilot went away: what was sent stays sent
        return EXIT_OK
    finally:
        source.close()


def _converse(source: BinaryIO, follow_ups: bool) -> int:
    signals = offered_signals()
    try:
        entries = read_request(source.readline, signals)
        if not follow_ups and source.read(1):
            raise ProtocolError(ErrorCode.MALFORMED, len(entries) + 3)  # anything after END
    except ProtocolError as error:
        _write(format_error(error))
        return EXIT_BAD_REQUEST
    _allow_enough_files()
    targets = Targets(entries)
    try:
        _write(format_results([targets.act(index) for index in range(len(entries))]))
        while follow_ups:
            try:
                command = read_command(source.readline, len(entries), signals)
            except ProtocolError as error:
                _write(format_error(error))
                return EXIT_BAD_REQUEST
            if command is None:
                break
            if isinstance(command, SignalAgain):
                _write(format_results(targets.signal_again(command)))
            else:
                _write(format_running(targets.still_running(command.ms)))
    finally:
        targets.close()
    return EXIT_OK
