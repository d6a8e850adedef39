"""5,000 processes appearing in one refresh are listed in slices, the event loop running in between.

The extra processes are made up by a wrapped platform adapter (PIDs far above any
real one, never signalled), so one sampling pass really delivers 5,000 additions
through the sampler, the loop, the applier, the model, the proxy and the view.
"""

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from gui import platforms
from gui.core.columns import Column
from gui.core.delta import Delta
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.view_mode import ViewMode
from gui.models.delta_applier import DeltaApplier
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.models.roles import KEY_ROLE
from gui.settings import Settings
from gui.views.main_window import MainWindow
from gui.views.process_view import ProcessView
from tests.rows import make_test_row

BURST = 5000
FIRST_FAKE_PID = 90_000_000


def fake_sample(pid: int) -> ProcessSample:
    return ProcessSample(
        key=ProcessKey(pid, 1_700_000_000.0),
        name=f"burst-{pid % 7}",
        user="nobody",
        status="sleeping",
        cpu_seconds=0.0,
        memory_rss=4096,
        threads=1,
        command_line=f"burst-{pid}",
        owned_by_me=False,
        is_kernel_thread=False,
    )


def with_burst(adapter: Any, extra: list[ProcessSample]) -> Any:
    """The adapter, reading ``extra`` on top of this machine's processes once it is filled."""
    real = adapter.read_processes
    adapter.read_processes = lambda every_process=True: real(every_process) + list(extra)
    return adapter


class SliceWatch:
    """Counts the applier's slices and the zero-timer turns of the event loop between them."""

    def __init__(self, applier: DeltaApplier) -> None:
        self.slices = 0
        self.turns_between: list[int] = []
        self._turns = 0
        applier.slice_starting.connect(self._slice_starting)
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)
        self._timer.start()

    def _slice_starting(self) -> None:
        if self.slices:
            self.turns_between.append(self._turns)
        self.slices += 1
        self._turns = 0

    def _turn(self) -> None:
        self._turns += 1

    def stop(self) -> None:
        self._timer.stop()


def test_a_burst_is_listed_in_slices_and_the_next_pass_waits(qtbot, settings_file) -> None:
    extra: list[ProcessSample] = []
    adapter = with_burst(platforms.current(), extra)
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(adapter, settings, 0.5)
    window.show_view(ViewMode.ALL_PROCESSES)  # the flat list's items and proxy are looked at below
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        pass

    requests: list[bool] = []  # per pass started: was the applier still busy?
    # Direct: runs on the sampling thread the moment a pass starts, and reads the applier's state then.
    window.loop.pass_started.connect(
        lambda: requests.append(window.applier.busy), Qt.ConnectionType.DirectConnection
    )
    watch = SliceWatch(window.applier)
    refreshed_during: list[int] = []

    def ask_for_a_refresh_once() -> None:  # F5 while the burst is being listed
        if window.applier.busy and not refreshed_during:
            refreshed_during.append(len(requests))
            window.loop.refresh_now()

    window.applier.slice_finished.connect(ask_for_a_refresh_once)
    extra.extend(fake_sample(FIRST_FAKE_PID + i) for i in range(BURST))
    started = len(requests)

    def burst_listed() -> bool:
        return window.model.index_of(extra[-1].key).isValid() and not window.applier.busy

    qtbot.waitUntil(burst_listed, timeout=30_000)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        pass  # a pass after the burst was applied
    watch.stop()

    assert watch.slices >= 3, "5,000 rows went in at once"
    assert watch.turns_between and min(watch.turns_between) >= 1, "no event-loop turn between slices"
    assert refreshed_during, "the burst was applied in one go"
    assert len(requests) > refreshed_during[0] > started, "the pending refresh never ran"
    assert not any(requests), "a pass was requested while a delta was still being applied"
    keys = [window.model.row_at(row).key for row in range(window.model.rowCount())]
    assert len(keys) == len(set(keys))
    burst_keys = {sample.key for sample in extra}
    assert sum(1 for key in keys if key in burst_keys) == BURST
    listed = {window.proxy.index(row, 0).data(KEY_ROLE) for row in range(window.proxy.rowCount())}
    assert burst_keys <= listed
    window.close()


@pytest.fixture
def table(qtbot) -> tuple[ProcessTableModel, ProcessFilterProxy, ProcessView]:
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    view = ProcessView(proxy)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return model, proxy, view


def test_applier_keeps_the_proxy_consistent(qtbot, qtmodeltester, table) -> None:
    model, proxy, _view = table
    applier = DeltaApplier(model, budget_s=0.001)
    first = {row.key: row for row in (make_test_row(pid, f"p{pid % 5}", cpu=None) for pid in range(1, 301))}
    with qtbot.waitSignal(applier.finished, timeout=30_000):
        applier.apply(Delta(added=tuple(first.values())))
    assert applier.slices >= 3
    qtmodeltester.check(proxy, force_py=True)

    # Everyone's CPU % changes, half exit, 200 new ones arrive: all in one delta, sliced.
    changed = tuple(make_test_row(pid, f"p{pid % 5}", cpu=float(pid % 90)) for pid in range(1, 301, 2))
    removed = tuple(row.key for row in first.values() if row.key.pid % 2 == 0)
    added = tuple(make_test_row(pid, "new") for pid in range(5000, 5200))
    with qtbot.waitSignal(applier.finished, timeout=60_000):
        applier.apply(Delta(added=added, removed=removed, changed=changed))
    assert applier.slices >= 2
    expected = {row.key: row for row in changed + added}
    assert {row.key: row for row in model.rows()} == expected
    assert model.rowCount() == proxy.rowCount() == len(expected)
    cpu_column = [model.index(row, Column.CPU).data() for row in range(model.rowCount())]
    assert cpu_column == [row.display[Column.CPU] for row in model.rows()]
    listed = [proxy.index(row, 0).data(KEY_ROLE) for row in range(proxy.rowCount())]
    assert sorted(listed) == sorted(expected)


def test_applier_refuses_a_delta_while_busy(qtbot, qtmodeltester) -> None:
    model = ProcessTableModel()
    applier = DeltaApplier(model, budget_s=0.0002)
    qtmodeltester.check(model, force_py=True)
    applier.apply(Delta(added=tuple(make_test_row(pid) for pid in range(1, 301))))
    assert applier.busy
    with pytest.raises(RuntimeError):
        applier.apply(Delta())
    with qtbot.waitSignal(applier.finished, timeout=30_000):
        pass
    assert model.rowCount() == 300
    assert applier.slices >= 3
