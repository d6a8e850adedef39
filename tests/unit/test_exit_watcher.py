"""Waiting for many processes in one place, quitting without escalating, and running out of files."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import psutil
import pytest

from gui.actions.runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Outcome
from gui.platforms import current
from gui.platforms.exit_watcher import ExitWatcher, WaitOutcome
from gui.platforms.process_handle import ProcessHandle
from tests.children import Spawn, key_of

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

#: Ignores the polite end (an ignored disposition survives exec), costs one `sleep`.
IGNORES_END = ["sh", "-c", 'trap "" TERM; exec sleep 600']


def _stubborn(count: int) -> list[subprocess.Popen[bytes]]:
    children = [subprocess.Popen(IGNORES_END) for _ in range(count)]
    deadline = time.monotonic() + 15
    for child in children:
        while psutil.Process(child.pid).name() != "sleep":
            assert time.monotonic() < deadline
            time.sleep(0.01)
    return children


def _kill(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


def test_a_force_quit_takes_effect_at_once_while_fifty_ends_are_waiting() -> None:
    adapter = current()
    runner = ActionRunner(adapter)
    waiting = _stubborn(50)
    target = _stubborn(1)
    long_grace = RunOptions(grace_s=30.0)
    try:
        ends: list[BatchReport] = []
        for child in waiting:  # fifty requests, each in its grace period
            request = ActionRequest(Action.END, (adapter.read_process(child.pid),))
            runner.run(request, long_grace, lambda _r: None, ends.append)
        assert runner.watcher.waiting == 50
        started = time.monotonic()
        forced = runner.run_and_wait(
            ActionRequest(Action.FORCE_QUIT, (adapter.read_process(target[0].pid),)), long_grace
        )
        assert [r.outcome for r in forced.results] == [Outcome.FORCE_QUIT]
        assert time.monotonic() - started < 3.0  # not after the others' 30 s
        assert not ends  # the Ends are still waiting, untouched
    finally:
        runner.watcher.shutdown()
        _kill(waiting + target)


def test_quitting_during_the_grace_period_never_force_quits(spawn: Spawn) -> None:
    adapter = current()
    cancelled = threading.Event()
    runner = ActionRunner(adapter)
    children = _stubborn(2)
    finished: list[BatchReport] = []
    try:
        request = ActionRequest(Action.END, tuple(adapter.read_process(c.pid) for c in children))
        runner.run(
            request,
            RunOptions(grace_s=1.0, auto_force=True, cancelled=cancelled),
            lambda _r: None,
            finished.append,
        )
        cancelled.set()  # what the controller does when the window closes
        runner.watcher.shutdown()
        time.sleep(1.5)  # past the grace period, when auto force would have fired
        assert all(child.poll() is None for child in children)
        assert all(psutil.Process(c.pid).status() != psutil.STATUS_ZOMBIE for c in children)
        assert finished and not finished[0].results  # nothing more was reported, or sent
    finally:
        _kill(children)


def test_one_watcher_reports_each_wait_when_its_processes_exit(spawn: Spawn) -> None:
    watcher = ExitWatcher()
    quick, slow = spawn("watch-quick"), spawn("watch-slow")
    outcomes: dict[str, WaitOutcome] = {}
    done = threading.Event()
    handles = {name: ProcessHandle.open(key_of(child)) for name, child in (("quick", quick), ("slow", slow))}

    def record(name: str):
        def finish(outcome: WaitOutcome) -> None:
            outcomes[name] = outcome
            if len(outcomes) == 2:
                done.set()

        return finish

    try:
        watcher.watch([handles["quick"]], 10.0, record("quick"))
        watcher.watch([handles["slow"]], 0.3, record("slow"))
        quick.terminate()
        assert done.wait(5)
        assert outcomes["quick"].exited == (handles["quick"],) and not outcomes["quick"].cancelled
        assert outcomes["slow"].running == (handles["slow"],)
    finally:
        watcher.shutdown()
        for handle in handles.values():
            handle.close()


def test_shutdown_ends_open_waits_as_cancelled(spawn: Spawn) -> None:
    watcher = ExitWatcher()
    child = spawn("watch-cancel")
    handle = ProcessHandle.open(key_of(child))
    seen: list[WaitOutcome] = []
    watcher.watch([handle], 60.0, seen.append)
    started = time.monotonic()
    watcher.shutdown()
    assert time.monotonic() - started < 2
    assert len(seen) == 1 and seen[0].cancelled and seen[0].running == (handle,)
    handle.close()
    assert child.poll() is None


def test_the_open_file_limit_is_raised_to_the_hard_limit() -> None:
    code = textwrap.dedent(
        """
        import resource
        from gui.platforms.open_files import raise_open_file_limit
        resource.setrlimit(resource.RLIMIT_NOFILE, (300, 4096))
        budget = raise_open_file_limit()
        print(resource.getrlimit(resource.RLIMIT_NOFILE)[0], budget)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["4096", str(4096 - 256)]


def test_without_files_for_pidfds_ending_falls_back_to_polling() -> None:
    """A tree bigger than the open-file limit: every process is still ended and reported."""
    code = textwrap.dedent(
        """
        import resource, subprocess, sys
        resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
        from gui.actions.runner import ActionRunner, RunOptions
        from gui.core.actions import Action, ActionRequest
        from gui.platforms import current
        from gui.platforms.open_files import pidfd_budget
        assert pidfd_budget() == 0
        children = [subprocess.Popen(["sleep", "600"]) for _ in range(100)]
        adapter = current()
        request = ActionRequest(Action.END, tuple(adapter.read_process(c.pid) for c in children))
        report = ActionRunner(adapter).run_and_wait(request, RunOptions(grace_s=10))
        print(sorted({r.outcome.name for r in report.results}), len(report.results))
        print(all(c.wait(timeout=10) == -15 for c in children))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["['ENDED'] 100", "True"]


def test_no_handle_is_left_open_whatever_happened(spawn: Spawn) -> None:
    adapter = current()
    runner = ActionRunner(adapter)
    before = len(os.listdir("/proc/self/fd"))
    ended, gone, zombie = spawn("fd-ended"), spawn("fd-gone"), subprocess.Popen(["true"])
    gone_target = adapter.read_process(gone.pid)
    gone.kill()
    gone.wait(timeout=5)
    while psutil.Process(zombie.pid).status() != psutil.STATUS_ZOMBIE:
        time.sleep(0.01)
    stubborn = _stubborn(1)
    try:
        targets = (
            adapter.read_process(ended.pid),
            gone_target,
            adapter.read_process(zombie.pid),
            adapter.read_process(stubborn[0].pid),
        )
        report = runner.run_and_wait(ActionRequest(Action.END, targets), RunOptions(grace_s=0.3))
        assert [r.outcome for r in report.results] == [
            Outcome.ENDED,
            Outcome.ALREADY_EXITED,
            Outcome.ALREADY_EXITED,
            Outcome.STILL_RUNNING,
        ]
        runner.watcher.shutdown()
        assert len(os.listdir("/proc/self/fd")) <= before + 2  # the stubborn child's pipe-free Popen
    finally:
        zombie.wait(timeout=5)
        _kill(stubborn)


def test_a_grace_period_that_is_not_a_number_still_ends(spawn: Spawn) -> None:
    child = spawn("grace-nan")
    report = ActionRunner(current()).run_and_wait(
        ActionRequest(Action.END, (current().read_process(child.pid),)), RunOptions(grace_s=float("nan"))
    )
    assert [r.outcome for r in report.results] == [Outcome.ENDED]
    assert child.wait(timeout=5) == -signal.SIGTERM
