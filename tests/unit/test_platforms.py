"""What each platform adapter says about its OS (any adapter can be built on any OS)."""

from dataclasses import replace

import pytest

from gui.actions.runner import ActionRunner, RunOptions
from gui.core.action_label import ActionLabel
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import Detail, Outcome
from gui.core.process_details import PriorityScheme
from gui.platforms import PosixAdapter, WindowsAdapter
from gui.platforms.adapter import MissingDisplay
from tests.rows import make_test_row


def test_linux_needs_a_display_or_an_explicit_qt_platform() -> None:
    linux = PosixAdapter(linux=True, needs_display_server=True)
    assert linux.missing_display_reason({}) is MissingDisplay.NO_DISPLAY_VARIABLE
    assert linux.missing_display_reason({"DISPLAY": ":0"}) is None
    assert linux.missing_display_reason({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert linux.missing_display_reason({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_macos_and_windows_always_have_a_desktop() -> None:
    assert PosixAdapter(linux=False, needs_display_server=False).missing_display_reason({}) is None
    assert WindowsAdapter().missing_display_reason({}) is None


def test_windows_offers_end_task_end_process_tree_and_priority_classes() -> None:
    windows = WindowsAdapter()
    assert windows.actions() == (Action.END, Action.END_TREE, Action.END_APP, Action.SET_PRIORITY)
    assert windows.priority_scheme() is PriorityScheme.WINDOWS_CLASS
    assert windows.action_label(Action.END) is ActionLabel.END_TASK
    assert windows.action_label(Action.END_APP) is ActionLabel.END_APP_TASK
    assert windows.signals() == ()
    assert windows.permission_detail() is Detail.NEEDS_ADMINISTRATOR


def test_posix_offers_every_action_and_every_signal() -> None:
    posix = PosixAdapter(linux=True, needs_display_server=True)
    assert set(posix.actions()) == set(Action)
    names = {spec.name for spec in posix.signals()}
    assert {"SIGHUP", "SIGINT", "SIGKILL", "SIGTERM", "SIGSTOP", "SIGCONT", "SIGUSR1"} <= names
    numbers = [spec.number for spec in posix.signals()]
    assert numbers == sorted(set(numbers))
    assert posix.permission_detail() is Detail.NOT_OWNER


@pytest.mark.parametrize(
    ("adapter", "pid", "name", "critical"),
    [
        (PosixAdapter(linux=True, needs_display_server=True), 1, "systemd", True),
        # Names alone decide nothing on POSIX (tests/unit/test_critical.py has the real cases).
        (PosixAdapter(linux=True, needs_display_server=True), 2**22 + 900, "Xorg", False),
        (PosixAdapter(linux=True, needs_display_server=True), 2**22 + 903, "firefox", False),
        (WindowsAdapter(), 4, "System", True),
        (WindowsAdapter(), 700, "lsass.exe", True),
        (WindowsAdapter(), 701, "CSRSS.EXE", True),
        (WindowsAdapter(), 702, "notepad.exe", False),
    ],
)
def test_critical_processes_are_named_by_the_adapter(adapter, pid, name, critical) -> None:
    sample = replace(make_test_row(pid, name).sample)
    assert (adapter.critical_reason(sample) is not None) == critical


def test_windows_end_task_terminates_a_real_child(spawn) -> None:
    """The Windows adapter's logic on a real process: psutil's terminate() is the syscall."""
    child = spawn("windows-end-task")
    windows = WindowsAdapter()
    report = ActionRunner(windows).run_and_wait(
        ActionRequest(Action.END, (windows.read_process(child.pid),)), RunOptions(grace_s=2.0)
    )
    assert [r.outcome for r in report.results] == [Outcome.ENDED]
    assert child.wait(timeout=5) != 0


def test_windows_refuses_posix_only_actions(spawn) -> None:
    child = spawn("windows-no-stop")
    windows = WindowsAdapter()
    target = windows.read_process(child.pid)
    report = ActionRunner(windows).run_and_wait(ActionRequest(Action.STOP, (target,)), RunOptions())
    assert [r.outcome for r in report.results] == [Outcome.NOT_SUPPORTED]
    assert child.poll() is None
