"""Reading a process's details (no Qt): identity checks, refusals, history and containers."""

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from gui.core.container_id import container_of
from gui.core.details_history import SHORTEST_SPAN_SECONDS, History, HistoryPoint, rates_between
from gui.core.process_details import Missing, ResourceReading, Tab, TabProblem
from gui.core.process_key import ProcessKey
from gui.platforms import current
from gui.platforms.process_handle import PidReused, ProcessGone


def _key(pid: int) -> ProcessKey:
    return ProcessKey(pid, psutil.Process(pid).create_time())


def test_a_childs_facts_and_environment(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)", "unit-details"],
        cwd=tmp_path,
        env={**os.environ, "UNIT_DETAILS": "yes"},
    )
    try:
        deadline = time.monotonic() + 10
        while psutil.Process(child.pid).cmdline()[-1:] != ["unit-details"]:  # until it has run exec
            assert time.monotonic() < deadline, "the child did not start"
            time.sleep(0.01)
        reader = current().details_reader()
        key = _key(child.pid)
        facts = reader.facts(key)
        assert facts.working_directory == str(tmp_path)
        assert isinstance(facts.command_line, tuple)
        assert facts.command_line[-1] == "unit-details"
        assert facts.parent == _key(os.getpid())
        environment = reader.tab(key, Tab.ENVIRONMENT)
        assert environment.problem is None
        assert ("UNIT_DETAILS", "yes") in [(v.name, v.value) for v in environment.rows]  # type: ignore[union-attr]
        reading = reader.resources(key, time.monotonic(), full_memory=True)
        assert reading.threads == 1
        assert isinstance(reading.memory_unique, int)
        assert isinstance(reading.memory_proportional, int)
        lighter = reader.resources(key, time.monotonic(), full_memory=False)
        assert lighter.memory_unique is Missing.NOT_HERE and not lighter.full_memory
    finally:
        child.kill()
        child.wait(timeout=10)
    with pytest.raises(ProcessGone):
        reader.resources(key, time.monotonic(), full_memory=False)
    assert reader.tab(key, Tab.OPEN_FILES).problem is TabProblem.GONE


def test_another_start_time_is_another_process() -> None:
    reader = current().details_reader()
    me = _key(os.getpid())
    with pytest.raises(PidReused):
        reader.facts(ProcessKey(me.pid, me.create_time + 50.0))
    assert reader.tab(ProcessKey(me.pid, me.create_time - 50.0), Tab.ENVIRONMENT).problem is TabProblem.GONE


def test_rates_and_a_history_that_keeps_five_minutes() -> None:
    key = ProcessKey(1, 1.0)

    def reading(at: float, cpu: float, read: int) -> ResourceReading:
        return ResourceReading(key, at, "sleeping", cpu, 100, 50, 60, 1, 0, read, Missing.REFUSED)

    rates = rates_between(reading(10.0, 1.0, 0), reading(12.0, 2.0, 4096))
    assert rates.cpu_percent == pytest.approx(50.0)
    assert rates.disk_read_per_s == pytest.approx(2048.0)
    assert rates.disk_written_per_s is None
    history = History(300.0)
    for second in range(400):
        history.add(HistoryPoint(float(second), 1.0, 10))
    assert len(history) == 301
    assert history.span() == 300.0
    young = History(300.0)
    young.add(HistoryPoint(0.0, None, None))
    assert young.span() == SHORTEST_SPAN_SECONDS


@pytest.mark.parametrize(
    ("cgroup", "container"),
    [
        ("0::/system.slice/docker-" + "a1" * 32 + ".scope\n", "a1a1a1a1a1a1"),
        ("12:memory:/docker/" + "b2" * 32 + "\n", "b2b2b2b2b2b2"),
        ("0::/machine.slice/libpod-" + "c3" * 32 + ".scope/container\n", "c3c3c3c3c3c3"),
        ("0::/lxc.payload.web/init.scope\n", "web"),
        ("0::/user.slice/user-1000.slice/app-gnome-org.gnome.Terminal-12.scope\n", None),
    ],
)
def test_containers_are_named_by_their_cgroup(cgroup: str, container: str | None) -> None:
    assert container_of(cgroup) == container
