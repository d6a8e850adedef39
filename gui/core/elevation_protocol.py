"""The strict line format between ProcPilot and its privileged helper (pure code, no I/O).

Everything is ASCII, one record per line, LF line ends, single spaces between fields,
and every value an integer in plain decimal ("-" only where a value may be negative;
no "+", no leading zeros). A line is at most 64 bytes, a message at most 1,000 entries
and 64 KiB. The conversation (C: ProcPilot, unprivileged; H: the helper, as root)::

    C: PROCPILOT-HELPER 1             magic and protocol version
    C: <op> <pid> <start> <value>     1 to 1,000 entries
    C: END
    H: RESULTS <n>                    one line per entry, in request order:
    H: <index> <pid> <status> <code>
       ...then, any number of times, while the helper holds the signalled processes:
    C: WAIT <ms>                      wait up to ms (at most 60,000) for them to exit
    H: RUNNING <k>
    H: <index> <pid>                  each of the k still running
    C: SIGNAL <signal>                e.g. Force quit for those still running,
    C: <index>                        without a second password prompt
    C: END
    H: RESULTS <k>                    one line per index, as above
    C: QUIT  (or the end of input)    the helper closes everything and exits 0

``op`` is :class:`Operation`; ``start`` is the process's start time as the kernel counts
it (Linux: clock ticks since boot, field 22 of ``/proc/<pid>/stat``), so pid + start
name exactly one process; ``value`` is the signal number, or the nice value; ``index``
is an entry's 0-based position in the request; ``status`` is :class:`Status` and
``code`` a :class:`Refusal` (status refused) or an errno (permission denied, failed).

A message that breaks any rule (a PID <= 1, a signal not offered, a nice value outside
-20..19, a PID twice, a NUL byte, a CR, one entry too many...) is refused as a whole
before anything is sent: the helper answers ``ERROR <code> <line>`` (:class:`ErrorCode`;
the 1-based line within the message, 0 for none) and exits with ``EXIT_BAD_REQUEST``.
What the helper can only learn by looking at a process (it exited, its PID was reused,
it is the helper itself, its parent or a kernel thread) is a per-entry result.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

MAGIC = b"PROCPILOT-HELPER"
VERSION = 1
END = b"END"
QUIT = b"QUIT"
MAX_ENTRIES = 1000
MAX_LINE_BYTES = 64
MAX_MESSAGE_BYTES = 64 * 1024
MAX_WAIT_MS = 60_000
#: Linux's PID_MAX_LIMIT on 64-bit systems: no PID is larger.
MAX_PID = 4_194_304
MAX_START = 2**63 - 1
NICE_RANGE = range(-20, 20)
_MAX_DIGITS = 19

#: Exit statuses of the helper (pkexec itself uses 126 and 127).
EXIT_OK = 0
EXIT_BAD_REQUEST = 2
EXIT_NOT_ROOT = 3
EXIT_UNSAFE_REQUEST_FILE = 4
EXIT_NO_IDENTITY_CHECK = 5
EXIT_USAGE = 64

ReadLine = Callable[[int], bytes]


class Operation(IntEnum):
    SIGNAL = 1
    SET_NICE = 2


class Status(IntEnum):
    SENT = 0
    GONE = 1
    PID_REUSED = 2
    REFUSED = 3
    PERMISSION_DENIED = 4
    FAILED = 5


class Refusal(IntEnum):
    """Why the helper refused one entry after looking at the process."""

    SELF = 1
    PARENT = 2
    KERNEL_THREAD = 3
    NOT_SUPPORTED = 4  # an operation this helper does not carry out (yet)
    NOT_A_PROCESS = 5  # e.g. the id of a thread, not of a process
    NOT_SENT = 6  # a follow-up for an entry that was not signalled in this batch


class ErrorCode(IntEnum):
    TRUNCATED = 1  # end of input before END, or a last line without LF
    LINE_TOO_LONG = 2
    MESSAGE_TOO_LARGE = 3
    BAD_HEADER = 4
    UNSUPPORTED_VERSION = 5
    MALFORMED = 6  # wrong number of fields, not decimal integers, NUL, CR, non-ASCII
    OUT_OF_RANGE = 7  # huge or negative where no negative exists
    TOO_MANY_ENTRIES = 8
    NO_ENTRIES = 9
    UNKNOWN_OPERATION = 10
    BAD_PID = 11
    SIGNAL_NOT_ALLOWED = 12
    NICE_OUT_OF_RANGE = 13
    DUPLICATE = 14
    UNKNOWN_COMMAND = 15
    BAD_INDEX = 16
    WAIT_TOO_LONG = 17
    BAD_ANSWER = 18  # the client's view of a helper answer that breaks the format
    UNSAFE_REQUEST_FILE = 19
    NOT_ROOT = 20
    NO_IDENTITY_CHECK = 21


class ProtocolError(Exception):
    """A message broke the format; nothing of it is acted on."""

    def __init__(self, code: ErrorCode, line: int = 0) -> None:
        super().__init__(f"{code.name} at line {line}")
        self.code = code
        self.line = line


@dataclass(frozen=True, slots=True)
class Entry:
    """One process and what to do to it."""

    op: Operation
    pid: int
    start: int
    value: int


@dataclass(frozen=True, slots=True)
class EntryResult:
    index: int
    pid: int
    status: Status
    code: int = 0


@dataclass(frozen=True, slots=True)
class Wait:
    ms: int


@dataclass(frozen=True, slots=True)
class SignalAgain:
    """Follow-up: send ``signal`` to these entries of the request (through the same handles)."""

    signal: int
    indexes: tuple[int, ...]


Command = Wait | SignalAgain


# Reading ------------------------------------------------------------------------


def read_line(readline: ReadLine, number: int, *, eof_ok: bool = False) -> bytes | None:
    """One line without its LF; ``None`` at a clean end of input when ``eof_ok``."""
    raw = readline(MAX_LINE_BYTES + 1)
    if not raw:
        if eof_ok:
            return None
        raise ProtocolError(ErrorCode.TRUNCATED, number)
    if not raw.endswith(b"\n"):
        code = ErrorCode.LINE_TOO_LONG if len(raw) > MAX_LINE_BYTES else ErrorCode.TRUNCATED
        raise ProtocolError(code, number)
    line = raw[:-1]
    if not all(0x20 <= byte < 0x7F for byte in line):  # NUL, CR, TAB, non-ASCII
        raise ProtocolError(ErrorCode.MALFORMED, number)
    return line


def _block(readline: ReadLine, first: int) -> list[tuple[int, bytes]]:
    """Lines up to END (not included), numbered from ``first``, within the size limits."""
    lines: list[tuple[int, bytes]] = []
    size = 0
    number = first
    while True:
        line = read_line(readline, number)
        assert line is not None
        size += len(line) + 1
        if size > MAX_MESSAGE_BYTES:
            raise ProtocolError(ErrorCode.MESSAGE_TOO_LARGE, number)
        if line == END:
            break
        if len(lines) == MAX_ENTRIES:
            raise ProtocolError(ErrorCode.TOO_MANY_ENTRIES, number)
        lines.append((number, line))
        number += 1
    if not lines:
        raise ProtocolError(ErrorCode.NO_ENTRIES, number)
    return lines


def _integer(field: bytes, number: int, *, signed: bool = False) -> int:
    """A plain decimal integer (ASCII digits only: ``bytes.isdigit`` knows no others)."""
    negative = field.startswith(b"-")
    digits = field[1:] if negative else field
    if not digits.isdigit() or (len(digits) > 1 and digits.startswith(b"0")):
        raise ProtocolError(ErrorCode.MALFORMED, number)
    if negative and digits == b"0":
        raise ProtocolError(ErrorCode.MALFORMED, number)
    if negative and not signed:
        raise ProtocolError(ErrorCode.OUT_OF_RANGE, number)
    if len(digits) > _MAX_DIGITS or int(digits) > MAX_START:
        raise ProtocolError(ErrorCode.OUT_OF_RANGE, number)
    return -int(digits) if negative else int(digits)


def _fields(line: bytes, count: int, number: int) -> list[bytes]:
    fields = line.split(b" ")
    if len(fields) != count or not all(fields):
        raise ProtocolError(ErrorCode.MALFORMED, number)
    return fields


def _entry(line: bytes, number: int, allowed_signals: frozenset[int]) -> Entry:
    op_field, pid_field, start_field, value_field = _fields(line, 4, number)
    op = _integer(op_field, number)
    pid = _integer(pid_field, number)
    start = _integer(start_field, number)
    value = _integer(value_field, number, signed=True)
    if op not in Operation._value2member_map_:
        raise ProtocolError(ErrorCode.UNKNOWN_OPERATION, number)
    if not 1 < pid <= MAX_PID:
        raise ProtocolError(ErrorCode.BAD_PID, number)
    if op == Operation.SIGNAL and value not in allowed_signals:
        raise ProtocolError(ErrorCode.SIGNAL_NOT_ALLOWED, number)
    if op == Operation.SET_NICE and value not in NICE_RANGE:
        raise ProtocolError(ErrorCode.NICE_OUT_OF_RANGE, number)
    return Entry(Operation(op), pid, start, value)


def read_request(readline: ReadLine, allowed_signals: frozenset[int]) -> tuple[Entry, ...]:
    """The whole request, or :class:`ProtocolError` naming the first broken rule.

    ``allowed_signals`` are the signals ProcPilot offers on this system (never 0).
    """
    header = read_line(readline, 1)
    assert header is not None
    fields = header.split(b" ")
    if len(fields) != 2 or fields[0] != MAGIC:
        raise ProtocolError(ErrorCode.BAD_HEADER, 1)
    if _integer(fields[1], 1) != VERSION:
        raise ProtocolError(ErrorCode.UNSUPPORTED_VERSION, 1)
    entries = [_entry(line, number, allowed_signals) for number, line in _block(readline, 2)]
    seen: set[int] = set()
    for number, entry in enumerate(entries, start=2):
        if entry.pid in seen:
            raise ProtocolError(ErrorCode.DUPLICATE, number)
        seen.add(entry.pid)
    return tuple(entries)


def read_command(readline: ReadLine, entry_count: int, allowed_signals: frozenset[int]) -> Command | None:
    """The next follow-up, or ``None`` at ``QUIT`` or the end of input (the conversation is over)."""
    line = read_line(readline, 1, eof_ok=True)
    if line is None or line == QUIT:
        return None
    verb, _, rest = line.partition(b" ")
    if verb == b"WAIT":
        ms = _integer(rest, 1)
        if ms > MAX_WAIT_MS:
            raise ProtocolError(ErrorCode.WAIT_TOO_LONG, 1)
        return Wait(ms)
    if verb == b"SIGNAL":
        signal = _integer(rest, 1)
        if signal not in allowed_signals:
            raise ProtocolError(ErrorCode.SIGNAL_NOT_ALLOWED, 1)
        indexes: list[int] = []
        for number, index_line in _block(readline, 2):
            index = _integer(index_line, number)
            if index >= entry_count:
                raise ProtocolError(ErrorCode.BAD_INDEX, number)
            if index in indexes:
                raise ProtocolError(ErrorCode.DUPLICATE, number)
            indexes.append(index)
        return SignalAgain(signal, tuple(indexes))
    raise ProtocolError(ErrorCode.UNKNOWN_COMMAND, 1)


def _answer_header(readline: ReadLine, word: bytes, limit: int) -> int:
    line = read_line(readline, 1)
    assert line is not None
    verb, _, rest = line.partition(b" ")
    if verb == b"ERROR":
        code, number = (_integer(field, 1) for field in _fields(rest, 2, 1))
        if code not in ErrorCode._value2member_map_:
            raise ProtocolError(ErrorCode.BAD_ANSWER, 1)
        raise ProtocolError(ErrorCode(code), number)
    if verb != word:
        raise ProtocolError(ErrorCode.BAD_ANSWER, 1)
    count = _integer(rest, 1)
    if count > limit:
        raise ProtocolError(ErrorCode.BAD_ANSWER, 1)
    return count


def read_results(readline: ReadLine, expected: Sequence[int]) -> tuple[EntryResult, ...]:
    """The helper's ``RESULTS``, one per index of ``expected``, in that order.

    An ``ERROR`` answer raises :class:`ProtocolError` with the helper's code; anything
    else off the format raises it with ``BAD_ANSWER``.
    """
    count = _answer_header(readline, b"RESULTS", MAX_ENTRIES)
    if count != len(expected):
        raise ProtocolError(ErrorCode.BAD_ANSWER, 1)
    results = []
    for number, index in enumerate(expected, start=2):
        line = read_line(readline, number)
        assert line is not None
        try:
            got, pid, status, code = (_integer(field, number) for field in _fields(line, 4, number))
        except ProtocolError:
            raise ProtocolError(ErrorCode.BAD_ANSWER, number) from None
        if got != index or status not in Status._value2member_map_:
            raise ProtocolError(ErrorCode.BAD_ANSWER, number)
        results.append(EntryResult(index, pid, Status(status), code))
    return tuple(results)


def read_running(readline: ReadLine, entry_count: int) -> tuple[int, ...]:
    """The indexes in the helper's ``RUNNING`` answer."""
    count = _answer_header(readline, b"RUNNING", entry_count)
    indexes = []
    for number in range(2, count + 2):
        line = read_line(readline, number)
        assert line is not None
        try:
            index, _pid = (_integer(field, number) for field in _fields(line, 2, number))
        except ProtocolError:
            raise ProtocolError(ErrorCode.BAD_ANSWER, number) from None
        if index >= entry_count:
            raise ProtocolError(ErrorCode.BAD_ANSWER, number)
        indexes.append(index)
    return tuple(indexes)


# Writing ------------------------------------------------------------------------


def _lines(lines: Iterable[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("ascii")


def format_request(entries: Sequence[Entry]) -> bytes:
    body = (f"{int(e.op)} {e.pid} {e.start} {e.value}" for e in entries)
    return _lines([f"{MAGIC.decode()} {VERSION}", *body, END.decode()])


def format_wait(ms: int) -> bytes:
    return _lines([f"WAIT {ms}"])


def format_quit() -> bytes:
    return _lines([QUIT.decode()])


def format_signal_again(command: SignalAgain) -> bytes:
    return _lines([f"SIGNAL {command.signal}", *map(str, command.indexes), END.decode()])


def format_results(results: Sequence[EntryResult]) -> bytes:
    body = (f"{r.index} {r.pid} {int(r.status)} {r.code}" for r in results)
    return _lines([f"RESULTS {len(results)}", *body])


def format_running(running: Sequence[tuple[int, int]]) -> bytes:
    """``running`` holds (index, pid) pairs."""
    return _lines([f"RUNNING {len(running)}", *(f"{index} {pid}" for index, pid in running)])


def format_error(error: ProtocolError) -> bytes:
    return _lines([f"ERROR {int(error.code)} {error.line}"])
