"""The list's words about disk figures and priorities are true on each OS: Linux counts
what reached the device, Windows every read and write; Windows ranks by priority class.
(Windows is asked of its adapter here: its wording needs no Windows to be checked.)"""

from collections.abc import Iterator

import pytest

from gui.core.columns import Column
from gui.core.delta import diff_snapshots
from gui.models.column_titles import column_tooltips
from gui.models.platform_wording import PlatformWording, platform_wording, use_platform_wording
from gui.models.process_table_model import ProcessTableModel
from gui.platforms import WindowsAdapter, current
from gui.platforms.adapter import PlatformAdapter
from tests.rows import make_test_row


def wording_of(adapter: PlatformAdapter) -> PlatformWording:
    return PlatformWording(adapter.disk_counting(), adapter.priority_scheme())


@pytest.fixture
def windows_wording() -> Iterator[None]:
    """The models word things as on Windows; Linux's words come back afterwards."""
    before = platform_wording()
    use_platform_wording(wording_of(WindowsAdapter()))
    yield
    use_platform_wording(before)


def test_disk_and_priority_tooltips_say_what_this_os_counts() -> None:
    linux = column_tooltips(wording_of(current()))
    assert "storage device" in linux[Column.DISK_READ] and "tmpfs" in linux[Column.DISK_READ]
    assert "tmpfs" in linux[Column.DISK_WRITE]
    assert linux[Column.PRIORITY].startswith("Nice value")

    windows = column_tooltips(wording_of(WindowsAdapter()))
    for column in (Column.DISK_READ, Column.DISK_WRITE):
        assert "tmpfs" not in windows[column] and "page cache" not in windows[column]
        assert "network" in windows[column] and "Windows counts together" in windows[column]
    assert windows[Column.PRIORITY].startswith("Priority class")
    assert "nice" not in windows[Column.PRIORITY].casefold()


def test_the_priority_column_names_windows_classes(qtbot, windows_wording) -> None:
    model = ProcessTableModel()
    rows = {
        row.key: row
        for row in (
            make_test_row(101, "high", nice=-10),
            make_test_row(102, "normal", nice=0),
            make_test_row(103, "idle", nice=10),
            make_test_row(104, "realtime", nice=-20),
            make_test_row(105, "unknown", nice=None),
        )
    }
    model.apply_delta(diff_snapshots({}, rows))
    shown = {
        model.row_at(row).sample.name: model.index(row, Column.PRIORITY).data()
        for row in range(model.rowCount())
    }
    assert shown == {
        "high": "High",
        "normal": "Normal",
        "idle": "Idle",
        "realtime": "Realtime",
        "unknown": "",
    }
    tooltip = model.horizontalHeaderItem(Column.PRIORITY).toolTip()
    assert tooltip.startswith("Priority class")

    # A change of class is worded too.
    changed = dict(rows)
    changed[make_test_row(102).key] = make_test_row(102, "normal", nice=5)
    model.apply_delta(diff_snapshots(rows, changed))
    assert model.index(model.index_of(make_test_row(102).key).row(), Column.PRIORITY).data() == "Below normal"
