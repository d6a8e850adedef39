"""The helper's Windows and macOS sides, run here against fakes of the OS calls.

Windows: kernel32 (``tests/fakes/kernel32.py``) and the request file's access list;
macOS: ``sysctl`` (``tests/fakes/sysctl.py``) and ``kill``. The protocol, the request
file and the answer file are the real code paths the helper runs there.
"""

import dataclasses
import os
import signal
from pathlib import Path

import pytest

from gui.actions import held_file_session
from gui.actions.held_file_session import start_held_file_session
from gui.actions.helper_failure import HelperError
from gui.core.elevation_protocol import (
    EXIT_BAD_REQUEST,
    EXIT_OK,
    EXIT_UNSAFE_REQUEST_FILE,
    Entry,
    EntryResult,
    ErrorCode,
    Operation,
    Refusal,
    Status,
    format_request,
)
from gui.helper.mac_process import P_SYSTEM, process_info, start_microseconds
from gui.helper.mac_targets import MacTargets
from gui.helper.main import serve
from gui.helper.platform import HelperPlatform, macos_platform, windows_platform
from gui.helper.request_file import UnsafeRequestFile
from gui.helper.windows_request_file import (
    ACCESS_ALLOWED_ACE_TYPE,
    ACCESS_DENIED_ACE_TYPE,
    ADMINISTRATORS_SID,
    SYSTEM_SID,
    AccessEntry,
    FileSecurity,
    check_security,
)
from gui.helper.windows_targets import (
    PROCESS_QUERY_LIMITED_INFORMATION,
    PROCESS_TERMINATE,
    SYSTEM_PID,
    TERMINATED_EXIT_CODE,
    WindowsTargets,
)
from tests.fakes.kernel32 import FakeKernel32
from tests.fakes.sysctl import FakeProcess, FakeSysctl
from tests.in_process_channel import ThreadChannel

USER_SID = "S-1-5-21-1004336348-1177238915-682003330-1001"
USERS_SID = "S-1-5-32-545"
EVERYONE_SID = "S-1-1-0"
CREATED = 133_000_000_000_000_123  # a FILETIME integer: 100-ns ticks since 1601
OWN, PARENT = 7000, 7004
PRIVATE_ENTRIES = (
    AccessEntry(ACCESS_ALLOWED_ACE_TYPE, USER_SID),
    AccessEntry(ACCESS_ALLOWED_ACE_TYPE, SYSTEM_SID),
    AccessEntry(ACCESS_ALLOWED_ACE_TYPE, ADMINISTRATORS_SID),
)
PRIVATE = FileSecurity(USER_SID, PRIVATE_ENTRIES)


def end(pid: int, start: int, number: int = 15) -> Entry:
    return Entry(Operation.SIGNAL, pid, start, number)


# Windows: identity through the handle ---------------------------------------------


def test_a_matching_creation_time_is_terminated_through_the_handle_that_checked_it():
    kernel32 = FakeKernel32(created={1234: CREATED})
    targets = WindowsTargets([end(1234, CREATED)], kernel32, OWN, PARENT)

    assert targets.act(0) == EntryResult(0, 1234, Status.SENT)
    [(handle, access, pid)] = kernel32.opened
    assert (pid, access) == (1234, PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION)
    assert kernel32.terminated == [(handle, 1234, TERMINATED_EXIT_CODE)]
    assert kernel32.open_handles == {}


def test_force_quit_is_the_same_terminate():
    kernel32 = FakeKernel32(created={1234: CREATED})
    targets = WindowsTargets([end(1234, CREATED, 9)], kernel32, OWN, PARENT)

    assert targets.act(0).status is Status.SENT
    assert [code for _h, _p, code in kernel32.terminated] == [TERMINATED_EXIT_CODE]


def test_a_different_creation_time_is_a_reused_pid_and_nothing_is_terminated():
    kernel32 = FakeKernel32(created={1234: CREATED + 1})
    targets = WindowsTargets([end(1234, CREATED)], kernel32, OWN, PARENT)

    assert targets.act(0) == EntryResult(0, 1234, Status.PID_REUSED)
    assert kernel32.terminated == []
    assert kernel32.open_handles == {}


def test_a_pid_reused_just_before_opening_is_caught_by_the_time_read_through_the_handle():
    kernel32 = FakeKernel32(created={1234: CREATED})
    kernel32.after_open = lambda pid: kernel32.created.update({pid: CREATED + 10_000_000})
    targets = WindowsTargets([end(1234, CREATED)], kernel32, OWN, PARENT)

    assert targets.act(0).status is Status.PID_REUSED
    assert kernel32.terminated == []


def test_gone_and_closed_to_the_helper_are_told_apart():
    kernel32 = FakeKernel32(created={}, denied={2222})
    targets = WindowsTargets([end(1234, CREATED), end(2222, CREATED)], kernel32, OWN, PARENT)

    assert targets.act(0).status is Status.GONE
    assert targets.act(1) == EntryResult(1, 2222, Status.PERMISSION_DENIED, 5)
    assert kernel32.opened == [] and kernel32.terminated == []


@pytest.mark.parametrize(
    ("entry", "refusal"),
    [
        (end(SYSTEM_PID, CREATED), Refusal.KERNEL_THREAD),
        (end(OWN, CREATED), Refusal.SELF),
        (end(PARENT, CREATED), Refusal.PARENT),
        (Entry(Operation.SET_NICE, 1234, CREATED, 5), Refusal.NOT_SUPPORTED),
        (end(1234, CREATED, int(signal.SIGSTOP)), Refusal.NOT_SUPPORTED),
    ],
)
def test_windows_refusals_open_nothing(entry: Entry, refusal: Refusal):
    kernel32 = FakeKernel32(created={pid: CREATED for pid in (SYSTEM_PID, OWN, PARENT, 1234)})
    targets = WindowsTargets([entry], kernel32, OWN, PARENT)

    assert targets.act(0) == EntryResult(0, entry.pid, Status.REFUSED, refusal)
    assert kernel32.opened == []


# Windows: the request file and the answer file ------------------------------------


@pytest.mark.parametrize(
    "security",
    [
        PRIVATE,
        FileSecurity(USER_SID, (AccessEntry(ACCESS_ALLOWED_ACE_TYPE, USER_SID),)),
        FileSecurity(
            USER_SID,
            (
                AccessEntry(ACCESS_DENIED_ACE_TYPE, EVERYONE_SID),
                AccessEntry(ACCESS_ALLOWED_ACE_TYPE, USER_SID),
            ),
        ),
    ],
)
def test_a_file_only_the_owner_and_administrators_may_open_is_taken(security: FileSecurity):
    check_security(security)


@pytest.mark.parametrize(
    ("security", "reason"),
    [
        (FileSecurity(USER_SID, None), "no access list"),
        (FileSecurity(USER_SID, (*PRIVATE_ENTRIES, AccessEntry(0, USERS_SID))), USERS_SID),
        (FileSecurity(USER_SID, (AccessEntry(0, EVERYONE_SID),)), EVERYONE_SID),
        (FileSecurity(USER_SID, (AccessEntry(0, "S-1-5-21-9-9-9-1002"),)), "S-1-5-21-9-9-9-1002"),
        (FileSecurity(USER_SID, (AccessEntry(9, ""),)), "kind 9"),
    ],
)
def test_a_file_others_may_open_is_refused(security: FileSecurity, reason: str):
    with pytest.raises(UnsafeRequestFile, match=reason):
        check_security(security)


def windows_helper(kernel32: FakeKernel32, security: FileSecurity = PRIVATE) -> HelperPlatform:
    return windows_platform(kernel32, lambda _handle: security, lambda: True, handle_of=lambda fd: fd)


def run_once(platform: HelperPlatform, entries: list[Entry]) -> tuple[EntryResult, ...]:
    """The request's results through the app's session, the helper in a thread (no follow-ups)."""
    with start_held_file_session(ThreadChannel(platform, fifo=False), entries) as session:
        return session.results


def test_the_answer_file_is_what_the_app_reads(monkeypatch: pytest.MonkeyPatch):
    kernel32 = FakeKernel32(created={1234: CREATED, 1238: CREATED})
    replaced: list[tuple[str, str, bytes, bool]] = []
    real_replace = os.replace

    def watch_replace(source: str, target: str) -> None:
        replaced.append((source, target, Path(source).read_bytes(), os.path.exists(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", watch_replace)
    results = run_once(windows_helper(kernel32), [end(1234, CREATED), end(1238, CREATED + 1)])

    assert [r.status for r in results] == [Status.SENT, Status.PID_REUSED]
    [(source, target, written, existed)] = replaced
    assert target == source.removesuffix(".partial") and target.endswith(held_file_session.ANSWER_SUFFIX)
    assert written.startswith(b"RESULTS 2\n") and not existed  # whole before it had the name
    assert kernel32.open_handles == {}


def test_an_unsafe_request_file_is_refused_in_the_answer_file(tmp_path: Path):
    kernel32 = FakeKernel32(created={1234: CREATED})
    request = tmp_path / "request"
    request.write_bytes(format_request([end(1234, CREATED)]))
    request.chmod(0o600)
    open_to_users = FileSecurity(USER_SID, (AccessEntry(0, USERS_SID),))

    status = serve([str(request)], windows_helper(kernel32, open_to_users))

    assert status == EXIT_UNSAFE_REQUEST_FILE
    assert Path(f"{request}.answer").read_bytes() == b"ERROR %d 0\n" % ErrorCode.UNSAFE_REQUEST_FILE
    assert kernel32.opened == []


def test_the_windows_helper_takes_no_request_on_standard_input(capfd: pytest.CaptureFixture[str]):
    kernel32 = FakeKernel32(created={1234: CREATED})

    assert serve([], windows_helper(kernel32)) == EXIT_BAD_REQUEST
    assert capfd.readouterr().out == f"ERROR {int(ErrorCode.TRUNCATED)} 0\n"
    assert kernel32.opened == []


def test_signals_outside_end_and_force_quit_are_refused_as_a_whole():
    kernel32 = FakeKernel32(created={1234: CREATED})
    results = run_once(windows_helper(kernel32), [end(1234, CREATED)])
    assert results[0].status is Status.SENT
    with pytest.raises(HelperError) as refused:
        run_once(windows_helper(kernel32), [end(1234, CREATED, int(signal.SIGSTOP))])
    assert refused.value.error_code is ErrorCode.SIGNAL_NOT_ALLOWED
    assert len(kernel32.terminated) == 1


# macOS: sysctl, then kill -----------------------------------------------------------

STARTED = FakeProcess(seconds=1_764_000_000, microseconds=123_456)
STARTED_US = 1_764_000_000_123_456


def test_the_start_time_is_read_from_kinfo_proc_in_microseconds():
    sysctl = FakeSysctl({1234: STARTED, 1300: FakeProcess(5, 6, P_SYSTEM, 0)})
    assert start_microseconds(1234, sysctl) == STARTED_US
    assert process_info(1300, sysctl) == (5_000_006, P_SYSTEM, 0)
    with pytest.raises(ProcessLookupError):
        process_info(999, sysctl)


def test_a_matching_start_is_signalled_and_a_different_one_is_not():
    sysctl = FakeSysctl({1234: STARTED, 1238: FakeProcess(1_764_000_000, 123_457)})
    killed: list[tuple[int, int]] = []
    entries = [end(1234, STARTED_US), end(1238, STARTED_US, 9)]
    targets = MacTargets(entries, OWN, PARENT, sysctl, lambda pid, number: killed.append((pid, number)))

    assert [targets.act(i).status for i in range(2)] == [Status.SENT, Status.PID_REUSED]
    assert killed == [(1234, 15)]


def test_mac_refusals_and_a_vanished_process_send_nothing():
    sysctl = FakeSysctl({OWN: STARTED, PARENT: STARTED, 1300: FakeProcess(1_764_000_000, 123_456, P_SYSTEM)})
    killed: list[tuple[int, int]] = []

    def gone(pid: int, number: int) -> None:
        raise ProcessLookupError(pid)

    entries = [
        end(OWN, STARTED_US),
        end(PARENT, STARTED_US),
        end(1300, STARTED_US),
        Entry(Operation.SET_NICE, 1234, STARTED_US, 5),
        end(1400, STARTED_US),
    ]
    targets = MacTargets(entries, OWN, PARENT, sysctl, lambda pid, number: killed.append((pid, number)))
    results = [targets.act(i) for i in range(len(entries))]
    assert [(r.status, r.code) for r in results] == [
        (Status.REFUSED, Refusal.SELF),
        (Status.REFUSED, Refusal.PARENT),
        (Status.REFUSED, Refusal.KERNEL_THREAD),
        (Status.REFUSED, Refusal.NOT_SUPPORTED),
        (Status.GONE, 0),
    ]
    assert killed == []
    sysctl.processes[1400] = STARTED  # exits between the check and the kill
    assert MacTargets([end(1400, STARTED_US)], OWN, PARENT, sysctl, gone).act(0).status is Status.GONE


def test_the_mac_helper_answers_in_the_answer_file(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    killed: list[tuple[int, int]] = []
    platform = macos_platform(FakeSysctl({1234: STARTED}), lambda pid, number: killed.append((pid, number)))
    administrator = dataclasses.replace(platform, is_administrator=lambda: True)
    request = tmp_path / "request"
    request.write_bytes(format_request([end(1234, STARTED_US)]))
    request.chmod(0o600)

    assert serve([str(request)], administrator) == EXIT_OK
    assert capfd.readouterr().out == ""  # osascript hands the output over only at the end
    assert Path(f"{request}.answer").read_bytes() == b"RESULTS 1\n0 1234 0 0\n"
    assert killed == [(1234, 15)]

    request.chmod(0o640)  # the group may read it: refused, nothing sent
    assert serve([str(request)], administrator) == EXIT_UNSAFE_REQUEST_FILE
    assert killed == [(1234, 15)]
