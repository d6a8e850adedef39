"""CPU % between passes, as top shows it."""

from dataclasses import replace

from gui.core.cpu_usage import CpuUsageTracker
from gui.core.process_key import ProcessKey
from tests.rows import make_test_row

START = 1_000.0


def sample(pid: int, cpu_seconds: float, create_time: float = START, threads: int = 8):
    base = make_test_row(pid, create_time=create_time).sample
    return replace(base, cpu_seconds=cpu_seconds, threads=threads)


def test_first_pass_has_nothing_to_measure_against() -> None:
    tracker = CpuUsageTracker(core_count=2)
    assert tracker.update([sample(1, 5.0)], monotonic_now=10.0, wall_now=START + 100) == {
        ProcessKey(1, START): None
    }


def test_percent_of_one_core_between_passes() -> None:
    tracker = CpuUsageTracker(core_count=4)
    tracker.update([sample(1, 5.0), sample(2, 1.0)], 10.0, START + 100)
    percents = tracker.update([sample(1, 5.5), sample(2, 3.0)], 11.0, START + 101)
    assert percents[ProcessKey(1, START)] == 50.0
    assert percents[ProcessKey(2, START)] == 200.0  # two cores busy


def test_percent_is_capped_by_the_core_count() -> None:
    tracker = CpuUsageTracker(core_count=1)
    tracker.update([sample(1, 0.0)], 10.0, START + 100)
    assert tracker.update([sample(1, 5.0)], 11.0, START + 101)[ProcessKey(1, START)] == 100.0


def test_process_started_since_the_last_pass_is_measured_over_its_lifetime() -> None:
    tracker = CpuUsageTracker(core_count=2)
    tracker.update([], 10.0, START + 100)
    newcomer = sample(9, 0.25, create_time=START + 100.5)
    assert tracker.update([newcomer], 11.0, START + 101)[newcomer.key] == 50.0


def test_refused_cpu_time_is_unknown() -> None:
    tracker = CpuUsageTracker(core_count=2)
    refused = replace(sample(3, 0.0), cpu_seconds=None)
    tracker.update([refused], 10.0, START + 100)
    assert tracker.update([refused], 11.0, START + 101) == {refused.key: None}


def test_a_single_thread_never_shows_more_than_one_core() -> None:
    tracker = CpuUsageTracker(core_count=4)
    tracker.update([sample(1, 0.0, threads=1)], 10.0, START + 100)
    # 1.004 s of CPU in 1 s of wall time: timing jitter, not a second core.
    assert tracker.update([sample(1, 1.004, threads=1)], 11.0, START + 101)[ProcessKey(1, START)] == 100.0
