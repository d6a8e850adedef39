"""Fixtures that start real child processes; tests signal only these."""

import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import psutil
import pytest

from gui.core.process_key import ProcessKey

#: A child that sleeps until it is told otherwise; ``argv[1]`` is a marker
#: that makes it easy to find in the table.
SLEEPER = "import time; time.sleep(600)"


def key_of(child: subprocess.Popen[bytes]) -> ProcessKey:
    process = psutil.Process(child.pid)
    return ProcessKey(child.pid, process.create_time())


@pytest.fixture
def spawn() -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start ``python -c CODE MARKER`` children; all are killed and reaped afterwards."""
    children: list[subprocess.Popen[bytes]] = []

    def start(marker: str = "procpilot-test-child", code: str = SLEEPER) -> subprocess.Popen[bytes]:
        child = subprocess.Popen([sys.executable, "-c", code, marker])
        children.append(child)
        deadline = time.monotonic() + 10
        while psutil.Process(child.pid).cmdline()[-1:] != [marker]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"child {child.pid} did not start")
            time.sleep(0.01)
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
