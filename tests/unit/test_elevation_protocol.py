"""The helper's request parser against hostile input: all or nothing, nothing malformed gets through."""

import io
import signal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gui.core.elevation_protocol import (
    MAX_ENTRIES,
    MAX_PID,
    MAX_WAIT_MS,
    NICE_RANGE,
    Entry,
    EntryResult,
    ErrorCode,
    Operation,
    ProtocolError,
    SignalAgain,
    Status,
    Wait,
    format_error,
    format_quit,
    format_request,
    format_results,
    format_running,
    format_signal_again,
    format_wait,
    read_command,
    read_request,
    read_results,
    read_running,
)

SIGNALS = frozenset({int(s) for s in signal.Signals})
HEADER = b"PROCPILOT-HELPER 1\n"


def parse(data: bytes) -> tuple[Entry, ...]:
    return read_request(io.BytesIO(data).readline, SIGNALS)


def refused(data: bytes) -> ErrorCode:
    with pytest.raises(ProtocolError) as caught:
        parse(data)
    return caught.value.code


def request(*lines: bytes) -> bytes:
    return HEADER + b"".join(line + b"\n" for line in lines) + b"END\n"


def test_a_request_reads_back_as_written():
    entries = (Entry(Operation.SIGNAL, 4242, 123456, 15), Entry(Operation.SET_NICE, MAX_PID, 0, -20))
    assert parse(format_request(entries)) == entries


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", ErrorCode.TRUNCATED),
        (request(b"1 4242 1 15")[len(HEADER) :], ErrorCode.BAD_HEADER),  # missing header
        (b"PROCPILOT-HELPER 2\n1 4242 1 15\nEND\n", ErrorCode.UNSUPPORTED_VERSION),
        (b"PROCPILOT-HELPER 1 \n1 4242 1 15\nEND\n", ErrorCode.BAD_HEADER),
        (b"procpilot-helper 1\n1 4242 1 15\nEND\n", ErrorCode.BAD_HEADER),
        (HEADER + b"END\n", ErrorCode.NO_ENTRIES),
        (HEADER + b"1 4242 1 15\n", ErrorCode.TRUNCATED),  # no END
        (HEADER + b"1 4242 1 15\nEND", ErrorCode.TRUNCATED),  # partial last line
        (HEADER + b"1 4242 1 1", ErrorCode.TRUNCATED),  # partial entry
        (request(b"1 -4242 1 15"), ErrorCode.OUT_OF_RANGE),  # negative PID
        (request(b"1 4242 -1 15"), ErrorCode.OUT_OF_RANGE),
        (request(b"1 4242 1 -15"), ErrorCode.SIGNAL_NOT_ALLOWED),
        (request(b"1 1 1 15"), ErrorCode.BAD_PID),  # PID 1
        (request(b"1 0 1 15"), ErrorCode.BAD_PID),
        (request(b"1 4194305 1 15"), ErrorCode.BAD_PID),
        (request(b"1 99999999999999999999 1 15"), ErrorCode.OUT_OF_RANGE),  # huge
        (request(b"1 4242 9223372036854775808 15"), ErrorCode.OUT_OF_RANGE),
        (request(b"1 4242 1 0"), ErrorCode.SIGNAL_NOT_ALLOWED),  # signal 0 only probes
        (request(b"1 4242 1 99"), ErrorCode.SIGNAL_NOT_ALLOWED),
        (request(b"2 4242 1 20"), ErrorCode.NICE_OUT_OF_RANGE),
        (request(b"2 4242 1 -21"), ErrorCode.NICE_OUT_OF_RANGE),
        (request(b"3 4242 1 15"), ErrorCode.UNKNOWN_OPERATION),
        (request(b"0 4242 1 15"), ErrorCode.UNKNOWN_OPERATION),
        (request(b"1 4242 1 15", b"1 4242 1 9"), ErrorCode.DUPLICATE),
        (request(b"1 4242 1 15 9"), ErrorCode.MALFORMED),  # trailing garbage on a line
        (request(b"1 4242 1 15", b"garbage"), ErrorCode.MALFORMED),  # a line of garbage
        (request(b"1 4242 1"), ErrorCode.MALFORMED),
        (request(b"1  4242 1 15"), ErrorCode.MALFORMED),
        (request(b" 1 4242 1 15"), ErrorCode.MALFORMED),
        (request(b"1 4242 1 15 "), ErrorCode.MALFORMED),
        (request(b"1\t4242 1 15"), ErrorCode.MALFORMED),
        (request(b"1 4242 1 15\r"), ErrorCode.MALFORMED),  # CRLF
        (request(b"1 4242\x00 1 15"), ErrorCode.MALFORMED),  # NUL
        (request(b"1 4242 1 15\x00"), ErrorCode.MALFORMED),
        (request("1 \u0664\u0662 1 15".encode()), ErrorCode.MALFORMED),  # Arabic-Indic digits
        (request("1 4242 1 15é".encode()), ErrorCode.MALFORMED),  # non-ASCII
        (request(b"1 04242 1 15"), ErrorCode.MALFORMED),  # leading zero
        (request(b"1 +4242 1 15"), ErrorCode.MALFORMED),
        (request(b"2 4242 1 -0"), ErrorCode.MALFORMED),
        (request(b"1 4242 1 0x0f"), ErrorCode.MALFORMED),
        (request(b"1 4242 1 1e1"), ErrorCode.MALFORMED),
        (request(b"1 4242 1 15" + b" " * 60), ErrorCode.LINE_TOO_LONG),  # overlong line
        (HEADER + b"1 4242 1 15\nEND\r\n", ErrorCode.MALFORMED),
    ],
)
def test_malformed_requests_are_refused_whole(data: bytes, code: ErrorCode):
    assert refused(data) == code


def test_1000_entries_are_the_limit():
    lines = [b"1 %d 1 15" % pid for pid in range(2, 2 + MAX_ENTRIES)]
    assert len(parse(request(*lines))) == MAX_ENTRIES
    assert refused(request(*lines, b"1 99999 1 15")) == ErrorCode.TOO_MANY_ENTRIES


def test_10000_entries_are_refused_without_reading_them_all():
    data = request(*(b"1 %d 1 15" % pid for pid in range(2, 10_002)))
    stream = io.BytesIO(data)
    with pytest.raises(ProtocolError) as caught:
        read_request(stream.readline, SIGNALS)
    assert caught.value.code == ErrorCode.TOO_MANY_ENTRIES
    assert stream.tell() < 64 * 1024


def test_an_endless_line_is_not_read_whole():
    stream = io.BytesIO(HEADER + b"1" * 10_000_000)
    with pytest.raises(ProtocolError) as caught:
        read_request(stream.readline, SIGNALS)
    assert caught.value.code == ErrorCode.LINE_TOO_LONG
    assert stream.tell() < 200


def test_the_error_names_the_line():
    with pytest.raises(ProtocolError) as caught:
        parse(request(b"1 4242 1 15", b"1 4243 1 15", b"1 1 1 15"))
    assert caught.value.line == 4
    assert format_error(caught.value) == b"ERROR 11 4\n"


_entries = st.builds(
    Entry,
    st.sampled_from(Operation),
    st.integers(2, MAX_PID),
    st.integers(0, 2**63 - 1),
    st.integers(-20, 64),
)


@settings(max_examples=300)
@given(st.lists(_entries, min_size=1, max_size=40, unique_by=lambda e: e.pid))
def test_valid_requests_round_trip(entries: list[Entry]):
    entries = [e for e in entries if e.value in (SIGNALS if e.op is Operation.SIGNAL else NICE_RANGE)]
    if entries:
        assert parse(format_request(entries)) == tuple(entries)


def _check_valid(entries: tuple[Entry, ...]) -> None:
    """Whatever gets through is within every rule."""
    assert 1 <= len(entries) <= MAX_ENTRIES
    assert len({e.pid for e in entries}) == len(entries)
    for entry in entries:
        assert 1 < entry.pid <= MAX_PID
        assert 0 <= entry.start < 2**63
        assert entry.value in (SIGNALS if entry.op is Operation.SIGNAL else NICE_RANGE)


@settings(max_examples=500)
@given(st.binary(max_size=300))
@example(HEADER + b"\x00" * 100)
@example(HEADER + "\u0661 \u0662 \u0663 \u0664\nEND\n".encode())
def test_random_bytes_never_get_through_malformed(data: bytes):
    for candidate in (data, HEADER + data, HEADER + data + b"\nEND\n"):
        try:
            entries = parse(candidate)
        except ProtocolError:
            continue
        _check_valid(entries)


_token = st.one_of(
    st.integers(-(2**70), 2**70).map(lambda n: str(n).encode()),
    st.sampled_from(
        [b"", b" ", b"-", b"-0", b"00", b"\x00", b"\r", b"END", b"1e3", "\u0663".encode(), b"\xff"]
    ),
)
_line = st.lists(_token, min_size=0, max_size=6).map(b" ".join)


@settings(max_examples=500)
@given(st.lists(_line, max_size=12), st.booleans())
def test_hostile_lines_never_get_through_malformed(lines: list[bytes], end: bool):
    data = HEADER + b"".join(line + b"\n" for line in lines) + (b"END\n" if end else b"")
    try:
        entries = parse(data)
    except ProtocolError:
        return
    _check_valid(entries)


def test_follow_up_commands():
    def command(data: bytes) -> object:
        return read_command(io.BytesIO(data).readline, 3, SIGNALS)

    assert command(b"") is None
    assert command(format_quit()) is None
    assert command(format_wait(2500)) == Wait(2500)
    assert command(format_signal_again(SignalAgain(9, (2, 0)))) == SignalAgain(9, (2, 0))
    for bad, code in [
        (b"WAIT 60001\n", ErrorCode.WAIT_TOO_LONG),
        (b"WAIT -1\n", ErrorCode.OUT_OF_RANGE),
        (b"WAIT\n", ErrorCode.MALFORMED),
        (b"KILL 9\n", ErrorCode.UNKNOWN_COMMAND),
        (b"SIGNAL 9\n3\nEND\n", ErrorCode.BAD_INDEX),
        (b"SIGNAL 9\n1\n1\nEND\n", ErrorCode.DUPLICATE),
        (b"SIGNAL 99\n1\nEND\n", ErrorCode.SIGNAL_NOT_ALLOWED),
        (b"SIGNAL 9\nEND\n", ErrorCode.NO_ENTRIES),
        (b"SIGNAL 9\n1\n", ErrorCode.TRUNCATED),
        (b"WAIT 5", ErrorCode.TRUNCATED),
        (b"QUIT 0\n", ErrorCode.UNKNOWN_COMMAND),
        (b"QUIT", ErrorCode.TRUNCATED),
    ]:
        with pytest.raises(ProtocolError) as caught:
            command(bad)
        assert caught.value.code == code, bad


def test_answers_read_back_strictly():
    results = (EntryResult(0, 4242, Status.SENT), EntryResult(1, 4243, Status.REFUSED, 3))
    assert read_results(io.BytesIO(format_results(results)).readline, [0, 1]) == results
    assert read_running(io.BytesIO(format_running([(1, 4243)])).readline, 2) == (1,)
    for answer, expected in [
        (format_results(results), [0]),  # a count that does not match
        (format_results(results), [1, 0]),  # another order
        (b"RESULTS 1\n0 4242 9 0\n", [0]),  # unknown status
        (b"NONSENSE\n", [0]),
        (b"RESULTS 1\n", [0]),
    ]:
        with pytest.raises(ProtocolError):
            read_results(io.BytesIO(answer).readline, expected)
    with pytest.raises(ProtocolError) as caught:
        read_results(io.BytesIO(b"ERROR 11 4\n").readline, [0])
    assert (caught.value.code, caught.value.line) == (ErrorCode.BAD_PID, 4)
    with pytest.raises(ProtocolError):
        read_running(io.BytesIO(b"RUNNING 1\n2 4243\n").readline, 2)


def _check_command(command: object, entry_count: int) -> None:
    """Whatever follow-up gets through is within every rule."""
    if isinstance(command, Wait):
        assert 0 <= command.ms <= MAX_WAIT_MS
        return
    assert isinstance(command, SignalAgain)
    assert command.signal in SIGNALS
    assert 1 <= len(command.indexes) <= MAX_ENTRIES
    assert len(set(command.indexes)) == len(command.indexes)
    assert all(0 <= index < entry_count for index in command.indexes)


def read_commands(data: bytes, entry_count: int) -> list[object]:
    """Every follow-up in ``data`` until its end, as the helper reads them, or the first refusal."""
    stream = io.BytesIO(data)
    commands: list[object] = []
    while (command := read_command(stream.readline, entry_count, SIGNALS)) is not None:
        commands.append(command)
    return commands


_verb = st.sampled_from([b"WAIT", b"SIGNAL", b"END", b"wait", b"SIGNAL ", b"", b"RESULTS", b"\x00WAIT"])
_command_line = st.one_of(
    _line,
    st.tuples(_verb, st.lists(_token, max_size=3)).map(lambda vt: b" ".join([vt[0], *vt[1]])),
)


@settings(max_examples=500)
@given(st.lists(_command_line, max_size=14), st.booleans(), st.integers(1, MAX_ENTRIES))
@example([b"SIGNAL 9", b"0", b"0", b"END"], True, 3)
@example([b"SIGNAL 9", *[b"%d" % i for i in range(12)], b"END"], True, 10)
@example([b"WAIT 60000", b"WAIT 60001"], True, 1)
@example([b"SIGNAL 9", b"-1", b"END"], True, 2)
@example([b"WAIT 5\x00"], True, 1)
def test_hostile_follow_ups_never_get_through_malformed(lines: list[bytes], newline: bool, entries: int):
    """Non-integers, huge and negative numbers, NUL bytes, unknown verbs, indexes past the
    request, duplicates, partial lines: a follow-up is whole and within the rules, or refused."""
    data = b"\n".join(lines) + (b"\n" if newline and lines else b"")
    try:
        commands = read_commands(data, entries)
    except ProtocolError as error:
        assert isinstance(error.code, ErrorCode)
        return
    for command in commands:
        _check_command(command, entries)


@settings(max_examples=300)
@given(st.binary(max_size=300), st.integers(1, 50))
@example(b"SIGNAL 9\n" + b"0\n" * 2000 + b"END\n", 1)
@example(b"WAIT " + b"9" * 100 + b"\n", 1)
def test_random_bytes_never_make_a_follow_up(data: bytes, entries: int):
    for candidate in (data, b"SIGNAL 9\n" + data, b"WAIT " + data):
        try:
            commands = read_commands(candidate, entries)
        except ProtocolError:
            continue
        for command in commands:
            _check_command(command, entries)


def test_a_follow_up_with_too_many_indexes_is_refused():
    indexes = b"".join(b"%d\n" % i for i in range(MAX_ENTRIES + 1))
    with pytest.raises(ProtocolError) as caught:
        read_commands(b"SIGNAL 9\n" + indexes + b"END\n", MAX_ENTRIES + 5)
    assert caught.value.code is ErrorCode.TOO_MANY_ENTRIES
