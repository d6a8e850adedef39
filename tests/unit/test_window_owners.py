"""Windows attached to the rows of their processes: regrouped only when something changed."""

import time

from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.snapshot_builder import SnapshotBuilder
from gui.core.window_info import WindowInfo, WindowList, WmClass
from gui.core.window_owners import WindowOwners

XMESSAGE = WmClass("xmessage", "Xmessage")


def sample(pid: int, created: float = 1000.0) -> ProcessSample:
    return ProcessSample(
        ProcessKey(pid, created), "xmessage", "me", "sleeping", 1.0, 1 << 20, 1, "xmessage", True, False
    )


def window(window_id: int, pid: int | None, title: str = "hoot") -> WindowInfo:
    return WindowInfo(window_id, title, XMESSAGE, pid, True)


def test_the_same_window_list_gives_the_same_mapping_and_the_builder_reuses_every_row() -> None:
    samples = [sample(10), sample(11)]
    windows = WindowList((window(1, 10, "Report"), window(2, 10, "Help")))
    owners = WindowOwners()
    first = owners.update(windows, samples)
    assert [w.title for w in first[samples[0].key]] == ["Report", "Help"]
    assert samples[1].key not in first
    builder = SnapshotBuilder(2)
    builder.build(samples, 0.0, 999.0)  # CPU % is known from the second pass on
    rows = builder.build(samples, 1.0, 1000.0, windows=first)
    assert rows[samples[0].key].window_titles == ("Report", "Help")
    assert owners.update(windows, samples) is first
    again = builder.build(samples, 2.0, 1001.0, windows=first)
    assert all(again[key] is rows[key] for key in rows), "nothing changed: every row reused"


def test_a_title_change_rebuilds_only_that_process_s_row_and_makes_it_unequal() -> None:
    samples = [sample(10), sample(11)]
    owners = WindowOwners()
    builder = SnapshotBuilder(2)
    builder.build(samples, 0.0, 999.0)
    rows = builder.build(samples, 1.0, 1000.0, windows=owners.update(WindowList((window(1, 10),)), samples))
    changed = owners.update(WindowList((window(1, 10, "Renamed"),)), samples)
    after = builder.build(samples, 2.0, 1001.0, windows=changed)
    assert after[samples[0].key] != rows[samples[0].key]
    assert after[samples[0].key].window_titles == ("Renamed",)
    assert after[samples[1].key] is rows[samples[1].key]


def test_a_reused_pid_does_not_inherit_the_windows_of_the_process_before_it() -> None:
    owners = WindowOwners()
    old = sample(10, created=1000.0)
    windows = WindowList((window(1, 10),))
    assert old.key in owners.update(windows, [old])
    newcomer = sample(10, created=2000.0)  # same PID, another process; the window list did not change
    assert owners.update(windows, [newcomer]).get(newcomer.key) is None


def test_a_window_whose_owner_was_not_listed_yet_joins_it_when_it_is() -> None:
    owners = WindowOwners()
    windows = WindowList((window(1, 42),))
    assert owners.update(windows, [sample(10)]) == {}
    late = sample(42)
    assert [w.window_id for w in owners.update(windows, [sample(10), late])[late.key]] == [1]


def test_titles_are_made_displayable_and_bounded() -> None:
    hostile = "<b>bold</b>\u202egnp.exe\n" + "x" * 1000
    rows = SnapshotBuilder(1).build(
        [sample(10)], 1.0, 1000.0, windows={sample(10).key: (window(1, 10, hostile), window(2, 10, ""))}
    )
    (title,) = rows[sample(10).key].window_titles
    assert "\u202e" not in title and "\n" not in title and len(title) <= 301  # 300 and "…"
    assert title.startswith("<b>bold</b>"), "kept as text: the views show it plainly"


def test_a_pass_with_nothing_new_costs_about_nothing_with_thousands_of_processes() -> None:
    samples = [sample(pid) for pid in range(100, 3100)]
    windows = WindowList(tuple(window(i, 100 + i * 7) for i in range(50)))
    owners = WindowOwners()
    owners.update(windows, samples)
    start = time.perf_counter()
    for _ in range(100):
        owners.update(windows, samples)
    assert (time.perf_counter() - start) / 100 < 0.0005
