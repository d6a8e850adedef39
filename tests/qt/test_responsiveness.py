"""The window keeps processing events while processes are ended or waited for.

A 10 ms heartbeat timer runs on the UI thread. A blocked event loop would show
a gap as long as the work (seconds); the bound below is far from both that and
from scheduler noise, so it tells "blocked" from "responsive" on a busy machine.
"""

import subprocess
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import Outcome
from gui.platforms import current
from tests.children import STUBBORN, key_of

BLOCKED_GAP_S = 1.0


class Heartbeat:
    def __init__(self) -> None:
        self.beats: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def __enter__(self) -> "Heartbeat":
        self.beats.append(time.perf_counter())
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()
        self.beats.append(time.perf_counter())

    @property
    def largest_gap_s(self) -> float:
        return max(b - a for a, b in zip(self.beats, self.beats[1:], strict=False))


@pytest.fixture
def sleepers() -> Iterator[list[subprocess.Popen[bytes]]]:
    """200 `sleep` children of the test."""
    children = [subprocess.Popen(["sleep", "600"]) for _ in range(200)]
    yield children
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


def test_ui_stays_responsive_while_200_processes_are_ended(qtbot, make_window, sleepers) -> None:
    window = make_window()
    adapter = current()
    targets = tuple(adapter.read_process(child.pid) for child in sleepers)
    with Heartbeat() as heartbeat, qtbot.waitSignal(window.controller.batch_finished, timeout=60_000) as done:
        window.controller.submit(ActionRequest(Action.END, targets))
    report = done.args[0]
    assert [r.outcome for r in report.results] == [Outcome.ENDED] * 200
    assert all(child.wait(timeout=10) is not None for child in sleepers)
    assert heartbeat.largest_gap_s < BLOCKED_GAP_S, f"event loop stalled {heartbeat.largest_gap_s:.2f} s"


def test_ui_stays_responsive_during_a_five_second_escalation_wait(qtbot, make_window, spawn) -> None:
    window = make_window()
    window.settings.grace_seconds = 5.0
    child = spawn("heartbeat-stubborn", STUBBORN, ready_line=b"ready")
    target = current().read_process(key_of(child).pid)
    started = time.perf_counter()
    with Heartbeat() as heartbeat, qtbot.waitSignal(window.controller.batch_finished, timeout=30_000) as done:
        window.controller.submit(ActionRequest(Action.END, (target,)))
    assert time.perf_counter() - started >= 5.0
    assert [r.outcome for r in done.args[0].results] == [Outcome.STILL_RUNNING]
    assert len(heartbeat.beats) > 100  # ~500 expected at 10 ms; a frozen loop gives 2
    assert heartbeat.largest_gap_s < BLOCKED_GAP_S, f"event loop stalled {heartbeat.largest_gap_s:.2f} s"
