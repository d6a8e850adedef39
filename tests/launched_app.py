"""A real multi-process application for End app tests: a launcher script and its children."""

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

#: The launcher starts three children and one more that the app does not own (as a terminal
#: app's shell job would be); it prints their PIDs, then waits for them.
LAUNCHER = """\
sleep 600 & a=$!
sleep 600 & b=$!
sleep 600 & c=$!
sleep 600 & outside=$!
echo "$a $b $c $outside"
wait
"""


@dataclass(frozen=True)
class LaunchedApp:
    """The launcher and its children make the app (``pids``); ``outside`` is its child that is not."""

    launcher: subprocess.Popen[bytes]
    children: tuple[int, ...]
    outside: int

    @property
    def pids(self) -> tuple[int, ...]:
        return (self.launcher.pid, *self.children)


@pytest.fixture
def launched_app(tmp_path: Path, grandchildren: list[psutil.Process]) -> Iterator[LaunchedApp]:
    """``sh launcher.sh`` with its children; everything is ended and reaped afterwards."""
    script = tmp_path / "blinking-owl.sh"
    script.write_text(LAUNCHER)
    launcher = subprocess.Popen(["sh", str(script)], stdout=subprocess.PIPE)
    assert launcher.stdout is not None
    *children, outside = (int(pid) for pid in launcher.stdout.readline().split())
    grandchildren.extend(psutil.Process(pid) for pid in (*children, outside))
    yield LaunchedApp(launcher, tuple(children), outside)
    if launcher.poll() is None:
        launcher.kill()
    launcher.wait(timeout=10)
    launcher.stdout.close()
