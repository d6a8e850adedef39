"""The privileged helper for real: run as root, directly (pkexec comes later), on processes
the tests started, including one of another real user."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from gui.actions.elevation_client import direct_launcher, start_helper
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.core.elevation_protocol import (
    EXIT_BAD_REQUEST,
    EXIT_NOT_ROOT,
    EXIT_OK,
    EXIT_UNSAFE_REQUEST_FILE,
    Entry,
    ErrorCode,
    Operation,
    Refusal,
    Status,
    format_request,
)
from gui.helper.linux_process import offered_signals, start_and_flags
from gui.platforms.signal_catalog import posix_signals
from tests.children import STUBBORN, Spawn, wait_gone_or_zombie
from tests.other_user import ACTOR, acting_as

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is Linux-only so far"),
    pytest.mark.skipif(os.geteuid() != 0, reason="the helper runs as root"),
]
ROOT = Path(__file__).resolve().parents[2]
HEADER = b"PROCPILOT-HELPER 1\n"
#: A child with two threads besides its main one, all parked until it is ended.
THREADS = (
    "import sys, threading\n"
    "for _ in range(2):\n"
    "    threading.Thread(target=threading.Event().wait, daemon=True).start()\n"
    "print('ready', flush=True)\n"
    "threading.Event().wait()\n"
)


def helper_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run_helper(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*direct_launcher(), *args],
        input=data,
        capture_output=True,
        env=helper_env(),
        timeout=30,
        check=False,
    )


def end(child: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> Entry:
    return Entry(Operation.SIGNAL, child.pid, start_and_flags(child.pid)[0], sig)


def alive(child: subprocess.Popen[bytes]) -> bool:
    time.sleep(0.05)  # a signal, had one been sent, is delivered by now
    return child.poll() is None


@pytest.fixture(autouse=True)
def _root_can_run_it(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


def test_ends_a_process_of_another_user_that_this_user_cannot(foreign_sleeper: psutil.Process):
    with acting_as(ACTOR), pytest.raises(PermissionError):
        os.kill(foreign_sleeper.pid, signal.SIGTERM)
    entry = Entry(Operation.SIGNAL, foreign_sleeper.pid, start_and_flags(foreign_sleeper.pid)[0], 15)
    with start_helper(direct_launcher(), [entry]) as session:
        assert [r.status for r in session.results] == [Status.SENT]
        assert session.wait(5.0) == ()
    assert wait_gone_or_zombie(foreign_sleeper.pid)


def test_a_reused_pid_gets_nothing(spawn: Spawn):
    child = spawn()
    right = end(child)
    wrong = Entry(right.op, right.pid, right.start + 1, right.value)  # the PID's old owner
    with start_helper(direct_launcher(), [wrong]) as session:
        assert [(r.status, r.pid) for r in session.results] == [(Status.PID_REUSED, child.pid)]
        assert session.wait(0.2) == ()  # nothing held: nothing to wait for
        assert session.signal_again(signal.SIGKILL, [0])[0].code == Refusal.NOT_SENT
    assert alive(child)


def test_force_quit_follows_over_the_same_channel(spawn: Spawn):
    stubborn = spawn(code=STUBBORN, ready_line=b"ready")
    sleeper = spawn()
    with start_helper(direct_launcher(), [end(stubborn), end(sleeper)]) as session:
        assert [r.status for r in session.results] == [Status.SENT, Status.SENT]
        assert session.wait(0.5) == (0,)  # the sleeper ended, the stubborn one ignores SIGTERM
        assert stubborn.poll() is None
        forced = session.signal_again(signal.SIGKILL, [0, 1])
        assert [(r.index, r.status) for r in forced] == [(0, Status.SENT), (1, Status.GONE)]
        assert session.wait(5.0) == ()
        assert session.close() == EXIT_OK
    assert stubborn.wait(5) == -signal.SIGKILL
    assert sleeper.wait(5) == -signal.SIGTERM


def test_its_own_pid_its_parent_and_kernel_threads_are_refused(spawn: Spawn):
    kernel_thread = next(
        p.pid for p in psutil.process_iter() if p.pid > 1 and start_and_flags(p.pid)[1] & 0x00200000
    )
    helper = subprocess.Popen(
        direct_launcher(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=helper_env()
    )
    entries = [
        Entry(Operation.SIGNAL, pid, start_and_flags(pid)[0], signal.SIGCONT)
        for pid in (helper.pid, os.getpid(), kernel_thread)
    ]
    out, _ = helper.communicate(format_request(entries), timeout=30)
    assert out.splitlines() == [
        b"RESULTS 3",
        b"0 %d 3 %d" % (helper.pid, Refusal.SELF),
        b"1 %d 3 %d" % (os.getpid(), Refusal.PARENT),
        b"2 %d 3 %d" % (kernel_thread, Refusal.KERNEL_THREAD),
    ]
    assert helper.returncode == EXIT_OK


def thread_nices(pid: int) -> list[int]:
    """The nice value of every thread of ``pid``, as the kernel reports it (field 19)."""
    return [
        int(path.read_bytes().rsplit(b")", 1)[1].split()[16])
        for path in Path(f"/proc/{pid}/task").glob("*/stat")
    ]


def test_set_priority_changes_every_thread_where_this_user_cannot(other_users, spawn: Spawn):
    child = spawn(code=THREADS, ready_line=b"ready")
    entry = Entry(Operation.SET_NICE, child.pid, start_and_flags(child.pid)[0], -7)
    with acting_as(ACTOR), pytest.raises(PermissionError):
        os.setpriority(os.PRIO_PROCESS, child.pid, -7)
    with start_helper(direct_launcher(), [entry]) as session:
        assert [(r.status, r.code) for r in session.results] == [(Status.SENT, 0)]
    nices = thread_nices(child.pid)
    assert len(nices) == 3
    assert nices == [-7, -7, -7]
    assert alive(child)


def test_set_priority_refuses_a_stale_start_time(spawn: Spawn):
    child = spawn(code=THREADS, ready_line=b"ready")
    entry = Entry(Operation.SET_NICE, child.pid, start_and_flags(child.pid)[0] - 1, 10)
    with start_helper(direct_launcher(), [entry]) as session:
        assert [r.status for r in session.results] == [Status.PID_REUSED]
    assert thread_nices(child.pid) == [0, 0, 0]


@pytest.mark.parametrize(
    "hostile",
    [
        b"1 1 1 15\n",  # PID 1
        b"1 -5 1 15\n",
        b"1 99999999999999999999999 1 15\n",
        b"1 4242 1 0\n",
        b"1 4242 1 99\n",
        b"1 4242 1 15\x00\n",
        b"1 4242 1 15\r\n",
        "1 4242 1 \u0661\u0665\n".encode(),  # Arabic-Indic digits
        b"1 4242 1 15 garbage\n",
        b"".join(b"1 %d 9223372036854775807 18\n" % pid for pid in range(2, 1002)),  # 1,001 with ours
    ],
)
def test_hostile_requests_are_refused_with_nothing_sent(spawn: Spawn, hostile: bytes):
    child = spawn()
    first = format_request([end(child)]).removesuffix(b"END\n")
    done = run_helper(first + hostile + b"END\n")
    assert done.returncode == EXIT_BAD_REQUEST
    assert done.stdout.startswith(b"ERROR ")
    assert alive(child)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"1 4242 1 15\nEND\n",  # no header
        b"PROCPILOT-HELPER 2\n%(entry)s\nEND\n",
        b"PROCPILOT-HELPER 1\n%(entry)s\n",  # cut short
        b"PROCPILOT-HELPER 1\n%(entry)s\nEND",
    ],
)
def test_broken_framing_sends_nothing(spawn: Spawn, data: bytes):
    child = spawn()
    entry = format_request([end(child)]).splitlines()[1]
    done = run_helper(data % {b"entry": entry})
    assert (done.returncode, done.stdout[:6]) == (EXIT_BAD_REQUEST, b"ERROR ")
    assert alive(child)


def test_a_bad_follow_up_sends_nothing_more(spawn: Spawn):
    stubborn = spawn(code=STUBBORN, ready_line=b"ready")
    done = run_helper(format_request([end(stubborn)]) + b"SIGNAL 9\n0\n7\nEND\n")
    assert done.stdout.splitlines()[-1] == b"ERROR %d 3" % ErrorCode.BAD_INDEX
    assert done.returncode == EXIT_BAD_REQUEST
    assert alive(stubborn)


def test_the_client_reports_a_rejected_request(spawn: Spawn):
    child = spawn()
    with pytest.raises(HelperError) as caught:
        start_helper(direct_launcher(), [end(child), Entry(Operation.SIGNAL, 1, 0, 15)])
    assert caught.value.failure is HelperFailure.REJECTED
    assert (caught.value.error_code, caught.value.error_line) == (ErrorCode.BAD_PID, 3)
    assert alive(child)


def test_the_client_reports_a_missing_launcher():
    with pytest.raises(HelperError) as caught:
        start_helper(["/nonexistent/pkexec", "procpilot"], [Entry(Operation.SIGNAL, 4242, 1, 15)])
    assert caught.value.failure is HelperFailure.NOT_STARTED


def test_it_refuses_to_run_without_root(other_users, spawn: Spawn):
    child = spawn()
    actor = other_users[1]
    code = (
        "import os, sys\n"
        "from gui.helper.main import serve\n"
        f"os.setresgid({actor}, {actor}, {actor}); os.setgroups([])\n"
        f"os.setresuid({actor}, {actor}, {actor})\n"
        "sys.exit(serve([]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=format_request([end(child)]),
        capture_output=True,
        env=helper_env(),
        timeout=30,
        check=False,
    )
    assert (done.returncode, done.stdout) == (EXIT_NOT_ROOT, b"ERROR %d 0\n" % ErrorCode.NOT_ROOT)
    assert alive(child)


def test_a_request_file_open_to_others_is_refused(spawn: Spawn, tmp_path: Path):
    child = spawn()
    path = tmp_path / "request"
    path.write_bytes(format_request([end(child)]))
    for mode in (0o644, 0o604, 0o640, 0o620):
        path.chmod(mode)
        done = run_helper(b"", str(path))
        assert done.returncode == EXIT_UNSAFE_REQUEST_FILE, oct(mode)
        assert Path(f"{path}.answer").read_bytes() == b"ERROR %d 0\n" % ErrorCode.UNSAFE_REQUEST_FILE
    link = tmp_path / "link"
    link.symlink_to(path)
    path.chmod(0o600)
    assert run_helper(b"", str(link)).returncode == EXIT_UNSAFE_REQUEST_FILE
    assert alive(child)


def test_a_request_file_of_another_user_is_refused(other_users, spawn: Spawn, tmp_path: Path):
    child = spawn()
    path = tmp_path / "request"
    path.write_bytes(format_request([end(child)]))
    path.chmod(0o600)
    os.chown(path, other_users[0], -1)
    assert run_helper(b"", str(path)).returncode == EXIT_UNSAFE_REQUEST_FILE
    assert alive(child)


def test_a_private_request_file_is_carried_out_and_nothing_after_it(spawn: Spawn, tmp_path: Path):
    child, other = spawn(), spawn()
    path = tmp_path / "request"
    path.write_bytes(format_request([end(other)]) + b"WAIT 10\n")
    path.chmod(0o600)
    assert run_helper(b"", str(path)).returncode == EXIT_BAD_REQUEST  # trailing lines: refused
    assert alive(other)
    path.write_bytes(format_request([end(child)]))
    done = run_helper(b"WAIT 10\n", str(path))  # no follow-ups on standard input in file mode
    assert (done.returncode, done.stdout) == (EXIT_OK, b"")  # the answer is a file
    assert Path(f"{path}.answer").read_bytes() == b"RESULTS 1\n0 %d 0 0\n" % child.pid
    assert child.wait(5) == -signal.SIGTERM


def test_helper_mode_never_imports_qt_or_psutil(spawn: Spawn):
    child = spawn()
    code = (
        "import atexit, sys\n"
        "sys.argv = ['procpilot', '--elevated-helper']\n"
        "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr))\n"
        "from gui.entry_point import run\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=format_request([end(child, signal.SIGCONT)]),
        capture_output=True,
        env=helper_env(),
        timeout=30,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    modules = done.stderr.decode()
    assert "'gui'" in modules
    for heavy in ("PySide6", "shiboken6", "psutil"):
        assert f"'{heavy}'" not in modules


def test_the_offered_signals_are_the_menus_signals():
    assert offered_signals() == {spec.number for spec in posix_signals()}
    assert 0 not in offered_signals()


def test_its_stat_reading_agrees_with_psutil(spawn: Spawn):
    child = spawn()
    ticks = start_and_flags(child.pid)[0]
    boot = psutil.boot_time()
    assert abs(boot + ticks / os.sysconf("SC_CLK_TCK") - psutil.Process(child.pid).create_time()) < 0.02
    with pytest.raises(ProcessLookupError):
        start_and_flags(2**22 + 1)
