"""End and Force quit say which children of an ended process are left running, and leave them be."""

import sys

import psutil
import pytest

from gui.actions import runner as runner_module
from gui.actions.runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Outcome
from gui.core.process_key import ProcessKey
from gui.platforms import current
from tests.children import Spawn, family, wait_gone_or_zombie

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

FAST = RunOptions(grace_s=1.0)


#: On End, the parent ends its children and waits for them, as a careful program does.
TIDY = (
    "signal.signal(signal.SIGTERM, lambda *_: "
    "([k.terminate() for k in kids], [k.wait() for k in kids], sys.exit(0)))\n"
)


def start_family(
    spawn: Spawn, grandchildren: list[psutil.Process], marker: str, count: int, on_end: str = ""
) -> tuple[int, list[int]]:
    parent = spawn(marker, family(count, on_end))
    assert parent.stdout is not None
    kids = [int(pid) for pid in parent.stdout.readline().split()]
    grandchildren.extend(psutil.Process(pid) for pid in kids)
    return parent.pid, kids


def run(action: Action, *pids: int, options: RunOptions = FAST) -> BatchReport:
    request = ActionRequest(action, tuple(current().read_process(pid) for pid in pids))
    return ActionRunner(current()).run_and_wait(request, options)


def test_force_quit_names_the_children_it_left_running_and_sends_them_nothing(
    spawn: Spawn, grandchildren: list[psutil.Process]
) -> None:
    parent, kids = start_family(spawn, grandchildren, "left-force", 2)
    report = run(Action.FORCE_QUIT, parent)
    assert [r.outcome for r in report.results] == [Outcome.FORCE_QUIT]
    assert sorted(s.key.pid for s in report.children_left) == sorted(kids)
    assert all(s.name == "sleep" for s in report.children_left)
    assert [s.key.pid for s in report.children_left_of] == [parent]
    assert not report.children_left_capped
    for pid in kids:
        process = psutil.Process(pid)
        assert process.is_running() and process.status() != psutil.STATUS_ZOMBIE
        assert process.ppid() != parent  # adopted: no longer in the ended process's tree


def test_end_names_them_too(spawn: Spawn, grandchildren: list[psutil.Process]) -> None:
    parent, kids = start_family(spawn, grandchildren, "left-end", 1)
    report = run(Action.END, parent)
    assert [r.outcome for r in report.results] == [Outcome.ENDED]
    assert [s.key.pid for s in report.children_left] == kids
    assert psutil.Process(kids[0]).is_running()


def test_children_ended_by_their_parent_are_not_named(
    spawn: Spawn, grandchildren: list[psutil.Process]
) -> None:
    parent, kids = start_family(spawn, grandchildren, "left-tidy", 2, TIDY)
    report = run(Action.END, parent)
    assert [r.outcome for r in report.results] == [Outcome.ENDED]
    assert all(not psutil.pid_exists(pid) for pid in kids)
    assert report.children_left == ()
    assert report.children_left_of == ()


def test_a_parent_still_running_leaves_no_children_to_name(
    spawn: Spawn, grandchildren: list[psutil.Process]
) -> None:
    stubborn = (
        "import signal, subprocess, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "k = subprocess.Popen(['sleep', '600'])\n"
        "print('ready', flush=True)\n"
        "print(k.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = spawn("left-stubborn", stubborn, ready_line=b"ready")
    assert parent.stdout is not None
    grandchildren.append(psutil.Process(int(parent.stdout.readline())))
    report = run(Action.END, parent.pid)
    assert [r.outcome for r in report.results] == [Outcome.STILL_RUNNING]
    assert report.children_left == ()


def test_a_child_that_was_selected_too_is_a_result_not_a_child_left(
    spawn: Spawn, grandchildren: list[psutil.Process]
) -> None:
    parent, kids = start_family(spawn, grandchildren, "left-both", 2)
    report = run(Action.FORCE_QUIT, parent, kids[0])
    assert sorted(r.target.key.pid for r in report.results) == sorted([parent, kids[0]])
    assert [s.key.pid for s in report.children_left] == [kids[1]]


def test_the_tree_action_covers_its_descendants_and_names_none(
    spawn: Spawn, grandchildren: list[psutil.Process]
) -> None:
    parent, kids = start_family(spawn, grandchildren, "left-tree", 2)
    report = run(Action.END_TREE, parent)
    assert report.children_left == ()
    for pid in kids:
        assert wait_gone_or_zombie(pid)


def test_at_most_a_bounded_number_are_looked_at(
    spawn: Spawn, grandchildren: list[psutil.Process], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent, kids = start_family(spawn, grandchildren, "left-many", 4)
    monkeypatch.setattr(runner_module, "CHILDREN_NOTED", 3)
    report = run(Action.FORCE_QUIT, parent)
    assert len(report.children_left) == 3
    assert {s.key.pid for s in report.children_left} <= set(kids)
    assert report.children_left_capped


def test_descendants_of_each_share_one_limit(spawn: Spawn, grandchildren: list[psutil.Process]) -> None:
    first, first_kids = start_family(spawn, grandchildren, "each-first", 2)
    second, second_kids = start_family(spawn, grandchildren, "each-second", 2)
    roots = [key_of_pid(first), key_of_pid(second)]
    found = current().descendants_of_each(roots, 10)
    assert [sorted(s.key.pid for s in found[root]) for root in roots] == [
        sorted(first_kids),
        sorted(second_kids),
    ]
    capped = current().descendants_of_each(roots, 3)
    assert sum(len(samples) for samples in capped.values()) == 3
    assert sorted(s.key.pid for s in capped[roots[0]]) == sorted(first_kids)


def key_of_pid(pid: int) -> ProcessKey:
    return current().read_process(pid).key
