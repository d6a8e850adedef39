"""One prompt per batch on Windows and macOS: the helper stays for the follow-ups.

The macOS and Windows helpers run in a thread of the test (``tests/in_process_channel.py``)
over fakes of their OS calls (``sysctl`` and ``kill``; kernel32 and the access lists),
with ProcPilot's real session on the other side: the private folder, the request file,
the follow-up FIFO (macOS) or growing file (Windows) and the answer files are real, in a
temporary folder here. What the tests wait for is the helper ending, never a duration.
"""

import dataclasses
import os
import shutil
import signal
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from gui.actions.command_writers import CommandWriter, FifoCommands, FileCommands
from gui.actions.held_file_session import start_held_file_session
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.core.elevation_protocol import (
    EXIT_OK,
    EXIT_UNSAFE_REQUEST_FILE,
    Entry,
    ErrorCode,
    Operation,
    Refusal,
    Status,
    format_quit,
    format_request,
    format_wait,
)
from gui.helper.mac_process import SZOMB
from gui.helper.platform import HelperPlatform, macos_platform, windows_platform
from gui.helper.windows_request_file import ADMINISTRATORS_SID, SYSTEM_SID, AccessEntry, FileSecurity
from tests.fakes.kernel32 import FakeKernel32
from tests.fakes.sysctl import FakeProcess, FakeSysctl
from tests.in_process_channel import ThreadChannel, ThreadRun

STARTED = FakeProcess(seconds=1_764_000_000, microseconds=123_456)
STARTED_US = 1_764_000_000_123_456
STUBBORN_PID, POLITE_PID = 1234, 1238
CREATED = 133_000_000_000_000_123
USER_SID = "S-1-5-21-1004336348-1177238915-682003330-1001"
OTHER_USER_SID = "S-1-5-21-1004336348-1177238915-682003330-1002"
USERS_SID = "S-1-5-32-545"
PRIVATE = FileSecurity(
    USER_SID, (AccessEntry(0, USER_SID), AccessEntry(0, SYSTEM_SID), AccessEntry(0, ADMINISTRATORS_SID))
)


def end(pid: int, start: int) -> Entry:
    return Entry(Operation.SIGNAL, pid, start, int(signal.SIGTERM))


def no_pause(_seconds: float) -> None:
    """The targets' waits look again at once: tests ask for WAIT 0 or wait for an exit."""


class MacWorld:
    """Processes as ``sysctl`` shows them; ``kill`` makes them zombies (SIGTERM spares the stubborn)."""

    def __init__(self) -> None:
        self.sysctl = FakeSysctl({STUBBORN_PID: STARTED, POLITE_PID: STARTED})
        self.stubborn = {STUBBORN_PID}
        self.killed: list[tuple[int, int]] = []

    def kill(self, pid: int, number: int) -> None:
        self.killed.append((pid, number))
        if number == signal.SIGKILL or pid not in self.stubborn:
            self.exit(pid)

    def exit(self, pid: int) -> None:
        self.sysctl.processes[pid] = dataclasses.replace(self.sysctl.processes[pid], stat=SZOMB)

    def platform(self, **changes: object) -> HelperPlatform:
        platform = macos_platform(self.sysctl, self.kill, pause=no_pause)
        return dataclasses.replace(platform, is_administrator=lambda: True, **changes)  # type: ignore[arg-type]


def windows(
    kernel32: FakeKernel32, security_of: Callable[[str], FileSecurity] = lambda _name: PRIVATE
) -> HelperPlatform:
    """The Windows helper over ``kernel32``; each open file's access list by its name."""

    def read_security(fd: int) -> FileSecurity:
        return security_of(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))

    return windows_platform(kernel32, read_security, lambda: True, handle_of=lambda fd: fd, pause=no_pause)


def windows_kernel32() -> FakeKernel32:
    """Two processes, one of which outlives its first TerminateProcess; and the helper's parent."""
    created = {STUBBORN_PID: CREATED, POLITE_PID: CREATED, os.getppid(): CREATED}
    return FakeKernel32(created=created, outlives_terminate={STUBBORN_PID})


# One launch for End and Force quit ---------------------------------------------------


def test_mac_end_then_force_quit_is_one_run_of_the_helper():
    world = MacWorld()
    channel = ThreadChannel(world.platform())
    session = start_held_file_session(channel, [end(STUBBORN_PID, STARTED_US), end(POLITE_PID, STARTED_US)])
    folder = session.folder
    assert folder is not None
    assert [r.status for r in session.results] == [Status.SENT, Status.SENT]
    assert session.wait(0.0) == (0,)  # the stubborn one is left for Force quit
    assert [r.status for r in session.signal_again(signal.SIGKILL, [0])] == [Status.SENT]
    assert session.wait(0.0) == ()
    assert session.close() == EXIT_OK
    assert world.killed == [(STUBBORN_PID, 15), (POLITE_PID, 15), (STUBBORN_PID, 9)]
    assert len(channel.runs) == 1 and channel.runs[0].join() == EXIT_OK
    assert not folder.exists()  # request, FIFO and answers removed


def test_windows_end_then_force_quit_is_one_run_of_the_helper():
    kernel32 = windows_kernel32()
    channel = ThreadChannel(windows(kernel32), fifo=False)
    with start_held_file_session(channel, [end(STUBBORN_PID, CREATED), end(POLITE_PID, CREATED)]) as session:
        assert [r.status for r in session.results] == [Status.SENT, Status.SENT]
        assert session.wait(0.0) == (0,)
        assert [r.status for r in session.signal_again(signal.SIGKILL, [0])] == [Status.SENT]
        assert session.wait(0.0) == ()
    assert [pid for _handle, pid, _code in kernel32.terminated] == [STUBBORN_PID, POLITE_PID, STUBBORN_PID]
    assert len(channel.runs) == 1 and channel.runs[0].join() == EXIT_OK
    assert kernel32.open_handles == {}  # every process handle and the parent's closed


def test_windows_force_quit_checks_the_identity_again():
    kernel32 = windows_kernel32()
    channel = ThreadChannel(windows(kernel32), fifo=False)
    with start_held_file_session(channel, [end(STUBBORN_PID, CREATED)]) as session:
        assert session.wait(0.0) == (0,)
        kernel32.created[STUBBORN_PID] = CREATED + 1  # it exited and its PID went to another
        assert [r.status for r in session.signal_again(signal.SIGKILL, [0])] == [Status.GONE]
        opened_for_force_quit = [pid for _h, _access, pid in kernel32.opened[-2:]]
    assert len(kernel32.terminated) == 1  # End's only
    assert opened_for_force_quit == [STUBBORN_PID, STUBBORN_PID]  # opened again, time compared


def test_mac_force_quit_of_a_reused_pid_or_of_an_entry_not_signalled_sends_nothing():
    world = MacWorld()
    world.sysctl.processes[POLITE_PID] = FakeProcess(1, 2)  # not the process of the request
    channel = ThreadChannel(world.platform())
    with start_held_file_session(
        channel, [end(STUBBORN_PID, STARTED_US), end(POLITE_PID, STARTED_US)]
    ) as session:
        assert [r.status for r in session.results] == [Status.SENT, Status.PID_REUSED]
        world.sysctl.processes[STUBBORN_PID] = FakeProcess(9, 9)  # exited; PID reused
        again = session.signal_again(signal.SIGKILL, [0, 1])
    assert [(r.status, r.code) for r in again] == [(Status.GONE, 0), (Status.REFUSED, Refusal.NOT_SENT)]
    assert world.killed == [(STUBBORN_PID, 15)]


def test_a_dismissed_dialog_leaves_no_folder_behind():
    channel = ThreadChannel(MacWorld().platform(), cancel=True)
    with pytest.raises(HelperError) as raised:
        start_held_file_session(channel, [end(STUBBORN_PID, STARTED_US)])
    assert raised.value.failure is HelperFailure.CANCELLED
    [request] = channel.request_files
    assert not Path(request).parent.exists()


# A follow-up channel someone tampered with: refused before anything is sent ------------


class TamperingChannel(ThreadChannel):
    """Makes the follow-up channel as ProcPilot does, then changes it before the helper starts."""

    tamper: Callable[[str], None] = staticmethod(lambda _path: None)

    def open_commands(self, path: str) -> CommandWriter:
        writer = super().open_commands(path)
        self.tamper(path)
        return writer


def elsewhere_fifo(path: str) -> None:
    """A FIFO of the same user elsewhere, and the channel's name a link to it."""
    other = path + ".elsewhere"
    os.rename(path, other)
    os.symlink(other, path)


def regular_file(path: str) -> None:
    os.unlink(path)
    Path(path).write_bytes(b"")
    os.chmod(path, 0o600)


def second_name(path: str) -> None:
    os.link(path, path + ".second")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda path: os.chmod(path, 0o620),  # the group may write commands
        lambda path: os.chown(path, 65534, -1),  # not the request's owner
        elsewhere_fifo,
        regular_file,
        second_name,
    ],
    ids=["mode", "owner", "symlink", "not-a-fifo", "two-names"],
)
def test_mac_a_tampered_follow_up_fifo_is_refused_and_nothing_is_sent(tamper: Callable[[str], None]):
    world = MacWorld()
    channel = TamperingChannel(world.platform())
    channel.tamper = tamper
    with pytest.raises(HelperError) as raised:
        start_held_file_session(channel, [end(STUBBORN_PID, STARTED_US)])
    assert raised.value.failure is HelperFailure.UNSAFE_REQUEST_FILE
    assert raised.value.error_code is ErrorCode.UNSAFE_REQUEST_FILE
    assert world.killed == []
    assert channel.runs[0].join() == EXIT_UNSAFE_REQUEST_FILE


def windows_link(path: str) -> None:
    other = path + ".elsewhere"
    os.rename(path, other)
    os.symlink(other, path)


@pytest.mark.parametrize(
    ("security_of", "tamper"),
    [
        (
            lambda name: (
                FileSecurity(USER_SID, (AccessEntry(0, USERS_SID),))
                if name.endswith(".commands")
                else PRIVATE
            ),
            None,
        ),
        (
            lambda name: (
                FileSecurity(OTHER_USER_SID, PRIVATE.entries) if name.endswith(".commands") else PRIVATE
            ),
            None,
        ),
        (lambda _name: PRIVATE, windows_link),
        (lambda _name: PRIVATE, second_name),
    ],
    ids=["open-to-users", "another-owner", "link", "two-names"],
)
def test_windows_a_tampered_follow_up_file_is_refused_and_nothing_is_sent(
    security_of: Callable[[str], FileSecurity], tamper: Callable[[str], None] | None
):
    kernel32 = windows_kernel32()
    channel = TamperingChannel(windows(kernel32, security_of), fifo=False)
    if tamper is not None:
        channel.tamper = tamper
    with pytest.raises(HelperError) as raised:
        start_held_file_session(channel, [end(STUBBORN_PID, CREATED)])
    assert raised.value.failure is HelperFailure.UNSAFE_REQUEST_FILE
    assert kernel32.opened == [] and kernel32.terminated == []


# How the helper ends -------------------------------------------------------------------


class Helper:
    """The helper in a thread on a request in ``folder``, with ProcPilot's end of the channel kept here."""

    def __init__(
        self, folder: Path, platform: HelperPlatform, entries: list[Entry], *, fifo: bool = True
    ) -> None:
        folder.chmod(0o700)
        self.request = folder / "request"
        self.request.write_bytes(format_request(entries))
        self.request.chmod(0o600)
        path = str(self.request) + ".commands"
        self.commands: CommandWriter = FifoCommands(path) if fifo else FileCommands(path)
        self.run = ThreadRun(platform, str(self.request))

    def answer(self, number: int = 0) -> bytes:
        """The ``number``-th answer once written (or b"" if the helper ended without it)."""
        path = Path(f"{self.request}.{number}.answer" if number else f"{self.request}.answer")
        while not path.exists():
            if self.run.exited(0.02) is not None and not path.exists():
                return b""
        return path.read_bytes()


def test_the_helper_ends_on_quit_while_procpilot_keeps_its_end_open(tmp_path: Path):
    world = MacWorld()
    helper = Helper(tmp_path, world.platform(), [end(STUBBORN_PID, STARTED_US)])
    assert helper.answer().startswith(b"RESULTS 1\n")
    helper.commands.write(format_wait(0))
    assert helper.answer(1) == b"RUNNING 1\n0 1234\n"
    helper.commands.write(format_quit())
    assert helper.run.join() == EXIT_OK  # the FIFO is still open on ProcPilot's side
    helper.commands.close()
    assert world.killed == [(STUBBORN_PID, 15)]


def test_the_mac_helper_ends_when_procpilots_end_of_the_fifo_closes(tmp_path: Path):
    world = MacWorld()
    helper = Helper(tmp_path, world.platform(), [end(STUBBORN_PID, STARTED_US)])
    assert helper.answer().startswith(b"RESULTS 1\n")
    helper.commands.close()  # as when ProcPilot exits: no QUIT
    assert helper.run.join() == EXIT_OK
    assert world.killed == [(STUBBORN_PID, 15)]


def test_the_windows_helper_ends_when_procpilot_exits(tmp_path: Path):
    kernel32 = windows_kernel32()
    helper = Helper(tmp_path, windows(kernel32), [end(STUBBORN_PID, CREATED)], fifo=False)
    assert helper.answer().startswith(b"RESULTS 1\n")
    kernel32.exited.add(os.getppid())  # its parent, ProcPilot, has gone
    assert helper.run.join() == EXIT_OK
    helper.commands.close()
    assert kernel32.open_handles == {}


class SteppedClock:
    """A clock the test moves (every reading may move it by ``step``)."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 0.0
        self.step = step
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            self.now += self.step
            return self.now


def test_the_helper_ends_after_ten_idle_minutes_with_a_survivor_left(tmp_path: Path):
    world = MacWorld()
    clock = SteppedClock(step=30.0)  # half a minute passes at every look
    helper = Helper(tmp_path, world.platform(clock=clock), [end(STUBBORN_PID, STARTED_US)])
    assert helper.answer().startswith(b"RESULTS 1\n")
    assert helper.run.join() == EXIT_OK  # nobody asked anything for ten minutes
    assert clock.now >= 600.0
    assert world.killed == [(STUBBORN_PID, 15)]  # the survivor is still running: idle, not done
    helper.commands.close()


def test_the_helper_ends_the_grace_period_and_a_margin_after_the_last_exit(tmp_path: Path):
    world = MacWorld()
    clock = SteppedClock()
    helper = Helper(
        tmp_path, world.platform(clock=clock, after_exit_margin_s=5.0), [end(STUBBORN_PID, STARTED_US)]
    )
    assert helper.answer().startswith(b"RESULTS 1\n")
    helper.commands.write(format_wait(2000))
    world.exit(STUBBORN_PID)  # exits on its own while the helper waits
    assert helper.answer(1) == b"RUNNING 0\n"
    assert helper.run.exited(0.5) is None  # the clock has not moved: still there
    clock.now = 7.5  # 2 s of grace and 5 s of margin after the exit seen at 0
    assert helper.run.join() == EXIT_OK
    helper.commands.close()


def test_the_helper_ends_when_its_answers_have_nowhere_to_go(tmp_path: Path):
    world = MacWorld()
    folder = tmp_path / "batch"
    folder.mkdir()
    helper = Helper(folder, world.platform(), [end(STUBBORN_PID, STARTED_US)])
    assert helper.answer().startswith(b"RESULTS 1\n")
    shutil.rmtree(folder)  # ProcPilot's folder gone, its end of the FIFO still open
    helper.commands.write(format_wait(0))
    assert helper.run.join() == EXIT_OK  # no traceback, no waiting for more
    helper.commands.close()
