"""End app asks the app's windows to close first, then signals only what is left (real
children, a fake window source: the X11 side is tested with xmessage in tests/qt)."""

import os
import signal
import sys

import pytest

from gui.actions.runner import ActionRunner, RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.app_identity import AppIdentity
from gui.core.outcomes import Detail, Outcome
from gui.core.window_info import WindowInfo, WindowList, WmClass
from gui.core.window_requests import ActivateOutcome, CloseOutcome
from gui.platforms import current
from tests.children import STUBBORN, Spawn

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

APP = AppIdentity("org.procpilot.Owl", "Owl", (), None, None)
FAST = RunOptions(grace_s=1.0)


class FakeWindows:
    """Closing a window ends its owner at once (as xmessage does), unless told otherwise."""

    def __init__(self, answer: CloseOutcome = CloseOutcome.ASKED_WINDOW, *, closes: bool = True) -> None:
        self.answer = answer
        self.closes = closes
        self.asked: list[int] = []

    def refresh(self) -> WindowList:
        return WindowList(())

    def windows_of(self, pids: frozenset[int]) -> tuple[WindowInfo, ...]:
        return ()

    def close(self, window: WindowInfo) -> CloseOutcome:
        self.asked.append(window.window_id)
        if self.closes and window.pid is not None:
            os.kill(window.pid, signal.SIGKILL)  # the test's own child: it "closes its window"
        return self.answer

    def activate(self, window: WindowInfo) -> ActivateOutcome:
        return ActivateOutcome.UNAVAILABLE

    def shutdown(self) -> None:
        """Nothing to let go of."""


def window_of(pid: int, window_id: int = 7) -> WindowInfo:
    return WindowInfo(window_id, "Owl", WmClass("owl", "Owl"), pid, True)


def end_app(windows: FakeWindows, pids: list[int], owned: list[WindowInfo]):
    samples = tuple(current().read_process(pid) for pid in pids)
    request = ActionRequest(Action.END_APP, samples, app=APP, windows=tuple(owned))
    return ActionRunner(current(), windows=windows).run_and_wait(request, FAST)


def test_a_window_that_closes_ends_its_process_without_any_signal(spawn: Spawn) -> None:
    stubborn = spawn("polite-stubborn", STUBBORN, ready_line=b"ready")  # ignores SIGTERM
    helper = spawn("polite-helper")  # no window: it gets SIGTERM after the grace period
    windows = FakeWindows()
    report = end_app(windows, [stubborn.pid, helper.pid], [window_of(stubborn.pid)])
    assert windows.asked == [7]
    assert [(r.outcome, r.detail) for r in report.results] == [
        (Outcome.ENDED, Detail.CLOSED_BY_WINDOW),
        (Outcome.ENDED, Detail.ENDED),
    ]
    assert stubborn.wait(timeout=5) == -signal.SIGKILL, "ended by its window closing, not by End"
    assert helper.wait(timeout=5) == -signal.SIGTERM


def test_a_window_that_stays_open_is_followed_by_sigterm_after_the_grace_period(spawn: Spawn) -> None:
    child = spawn("polite-asks-save")
    report = end_app(FakeWindows(closes=False), [child.pid], [window_of(child.pid)])
    assert [(r.outcome, r.detail) for r in report.results] == [(Outcome.ENDED, Detail.ENDED)]
    assert child.wait(timeout=5) == -signal.SIGTERM


def test_no_polite_way_and_foreign_windows_go_straight_to_sigterm(spawn: Spawn) -> None:
    child = spawn("polite-no-way")
    stranger = spawn("polite-stranger")
    windows = FakeWindows(CloseOutcome.NO_POLITE_WAY, closes=False)
    report = end_app(windows, [child.pid], [window_of(child.pid), window_of(stranger.pid, 8)])
    assert windows.asked == [7], "a window whose owner was not confirmed is never asked"
    assert [r.detail for r in report.results] == [Detail.ENDED]
    assert child.wait(timeout=5) == -signal.SIGTERM
    assert stranger.poll() is None
