"""``procpilot --elevated-helper [REQUEST-FILE]``: one batch as administrator, then exit.

Reads the request from standard input (pkexec) and answers on standard output, in the
format of :mod:`gui.core.elevation_protocol`, which also holds the conversation and the
exit statuses. Where the system cannot pass standard input (UAC, ``osascript``) the
request is ``REQUEST-FILE`` (see :mod:`gui.helper.request_file`; the request is all
such a file holds), the answers are files next to it (:mod:`gui.helper.answer_file`),
and the follow-ups come over the channel named after it, if there is one
(:mod:`gui.helper.follow_ups`). Nothing else is taken from the arguments, and nothing
from the environment or any configuration file; no shell or other program is ever run.
What differs per system is in :mod:`gui.helper.platform`.
"""

import os
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
    ReadLine,
    SignalAgain,
    format_error,
    format_results,
    format_running,
    read_command,
    read_request,
)
from gui.helper.answer_file import numbered, write_answer
from gui.helper.follow_ups import AfterLastExit, CommandStream
from gui.helper.platform import BatchTargets, HeldTargets, HelperPlatform, current
from gui.helper.request_file import UnsafeRequestFile

#: Descriptors besides the pidfds of a full batch (standard streams, /proc reads).
_SPARE_FDS = 64


def _write(data: bytes) -> None:
    """Straight to descriptor 1: no buffer left to flush (and fail) at exit."""
    view = memoryview(data)
    while view:
        view = view[os.write(1, view) :]


def _allow_enough_files() -> None:
    """Room for one pidfd per entry: the usual soft limit (1,024) is just too low."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return
    needed = MAX_ENTRIES + _SPARE_FDS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, max(hard, needed)))


def serve(args: list[str], platform: HelperPlatform | None = None) -> int:
    """Run the helper with the arguments after ``--elevated-helper``; returns the exit status."""
    if len(args) > 1:
        print("usage: procpilot --elevated-helper [REQUEST-FILE]", file=sys.stderr)
        return EXIT_USAGE
    here = platform if platform is not None else current()
    answer = _Answer(args[0] if args else None)
    try:
        return _serve(args, here, answer)
    finally:
        answer.finish()


def _serve(args: list[str], here: HelperPlatform, answer: "_Answer") -> int:
    if not here.is_administrator():
        return answer.refuse(ErrorCode.NOT_ROOT, EXIT_NOT_ROOT)
    if here.identity_problem() is not None:
        return answer.refuse(ErrorCode.NO_IDENTITY_CHECK, EXIT_NO_IDENTITY_CHECK)
    if not args:
        if sys.stdin is None or here.needs_request_file:  # no standard input to read
            return answer.refuse(ErrorCode.TRUNCATED, EXIT_BAD_REQUEST)
        source: BinaryIO = sys.stdin.buffer
        try:
            return _converse(source, here, answer, follow_ups=source.readline)
        except BrokenPipeError:  # ProcPilot went away: what was sent stays sent
            return EXIT_OK
    commands: CommandStream | None = None
    try:
        source = here.open_request(args[0])
        try:
            channel = here.open_commands(args[0], source)
        except BaseException:
            source.close()
            raise
    except UnsafeRequestFile as why:
        if sys.stderr is not None:
            print(f"procpilot helper: refused {args[0]!r}: {why}", file=sys.stderr)
        return answer.refuse(ErrorCode.UNSAFE_REQUEST_FILE, EXIT_UNSAFE_REQUEST_FILE)
    if channel is not None:
        commands = CommandStream(channel, here.clock, here.idle_timeout_s)
    try:
        follow_ups = None if commands is None else commands.readline
        return _converse(source, here, answer, follow_ups, commands, request_in_file=True)
    finally:
        source.close()
        if commands is not None:
            commands.close()


class _Answer:
    """Where the answers go: standard output as they are made, or each whole in its own
    file (``FILE.answer``, then ``FILE.1.answer``... for the follow-ups)."""

    def __init__(self, request_file: str | None) -> None:
        self._request_file = request_file
        self._kept = bytearray()
        self._count = 0
        #: An answer could not be written (ProcPilot removed its folder): nobody is listening.
        self.lost = False

    def write(self, data: bytes) -> None:
        if self._request_file is None:
            _write(data)
        else:
            self._kept += data

    def refuse(self, code: ErrorCode, exit_status: int) -> int:
        self.write(format_error(ProtocolError(code)))
        return exit_status

    def finish(self) -> None:
        """The answer made since the last one is complete: into its file (nothing for stdout)."""
        if self._request_file is not None and self._kept:
            try:
                write_answer(numbered(self._request_file, self._count), bytes(self._kept))
            except OSError as error:
                self.lost = True
                if sys.stderr is not None:
                    print(f"procpilot helper: cannot write the answer: {error}", file=sys.stderr)
            self._count += 1
            self._kept.clear()


def _converse(
    source: BinaryIO,
    here: HelperPlatform,
    answer: _Answer,
    follow_ups: ReadLine | None,
    commands: CommandStream | None = None,
    *,
    request_in_file: bool = False,
) -> int:
    """The request from ``source``, then follow-ups from ``follow_ups`` (``None``: none)."""
    signals = here.signals()
    try:
        entries = read_request(source.readline, signals)
        if request_in_file and source.read(1):
            raise ProtocolError(ErrorCode.MALFORMED, len(entries) + 3)  # anything after END
    except ProtocolError as error:
        answer.write(format_error(error))
        return EXIT_BAD_REQUEST
    _allow_enough_files()
    targets = here.targets(entries)
    try:
        answer.write(format_results([targets.act(index) for index in range(len(entries))]))
        answer.finish()
        if follow_ups is not None and not answer.lost and isinstance(targets, HeldTargets):
            return _follow_up(follow_ups, targets, len(entries), here, answer, commands=commands)
    finally:
        targets.close()
    return EXIT_OK


def _follow_up(
    follow_ups: ReadLine,
    targets: HeldTargets,
    entry_count: int,
    here: HelperPlatform,
    answer: _Answer,
    *,
    commands: CommandStream | None,
) -> int:
    signals = here.signals()
    after_last_exit = None
    if commands is not None:
        after_last_exit = AfterLastExit(
            lambda: _anything_running(targets), here.clock, here.after_exit_margin_s
        )
        commands.give_up = after_last_exit
    while True:
        try:
            command = read_command(follow_ups, entry_count, signals)
        except ProtocolError as error:
            answer.write(format_error(error))
            return EXIT_BAD_REQUEST
        if command is None:
            return EXIT_OK
        if isinstance(command, SignalAgain):
            answer.write(format_results(targets.signal_again(command)))
        else:
            if after_last_exit is not None:
                after_last_exit.grace_s = command.ms / 1000
            answer.write(format_running(targets.still_running(command.ms)))
        answer.finish()
        if answer.lost:
            return EXIT_OK


def _anything_running(targets: BatchTargets) -> bool:
    return isinstance(targets, HeldTargets) and bool(targets.still_running(0))
