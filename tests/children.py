"""Fixtures that start real child processes; tests signal only these."""

import contextlib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import psutil
import pytest

from gui.core.process_key import ProcessKey

#: A child that sleeps until it is told otherwise; its last argument is a marker
#: that makes it easy to find in the table.
SLEEPER = "import time; time.sleep(600)"
#: A child that ignores the polite end (SIGTERM) and must be force-quit.
STUBBORN = (
    "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "print('ready', flush=True); time.sleep(600)"
)
#: A child that says ``ready``, waits for a line on stdin, then runs (exec) the same Python
#: with the arguments after ``-c CODE``: same PID, start time and name, another program.
EXECS_WHEN_TOLD = (
    "import os, sys; print('ready', flush=True); sys.stdin.readline(); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)

#: Spins for 30 s from the moment it gets SIGUSR1.
SPINS_WHEN_TOLD = (
    "import signal, time\n"
    "signal.signal(signal.SIGUSR1, lambda *_: None)\n"
    "print('ready', flush=True)\n"
    "signal.pause()\n"
    "end = time.monotonic() + 30\n"
    "while time.monotonic() < end: pass\n"
)

Spawn = Callable[..., subprocess.Popen[bytes]]


def family(count: int, on_end: str = "") -> str:
    """A parent that starts ``count`` sleeping children, prints their PIDs, and sleeps.

    ``on_end`` is code run after the children started (``kids`` names them).
    """
    return (
        "import signal, subprocess, sys, time\n"
        f"kids = [subprocess.Popen(['sleep', '600']) for _ in range({count})]\n"
        f"{on_end}"
        "print(' '.join(str(k.pid) for k in kids), flush=True)\n"
        "time.sleep(600)\n"
    )


def key_of(child: subprocess.Popen[bytes]) -> ProcessKey:
    process = psutil.Process(child.pid)
    return ProcessKey(child.pid, process.create_time())


def wait_gone_or_zombie(pid: int, timeout_s: float = 10.0) -> bool:
    """True once ``pid`` has exited (a zombie counts: it waits for its parent)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """Start ``python -c CODE MARKER`` children; all are killed and reaped afterwards.

    Their stdout is a pipe; with ``ready_line``, waits for the child to print it
    (its signal handlers are installed by then).
    """
    children: list[subprocess.Popen[bytes]] = []

    def start(
        marker: str = "procpilot-test-child",
        code: str = SLEEPER,
        *,
        new_session: bool = False,
        ready_line: bytes | None = None,
    ) -> subprocess.Popen[bytes]:
        child = subprocess.Popen(
            [sys.executable, "-c", code, marker],
            stdout=subprocess.PIPE,
            start_new_session=new_session,
        )
        children.append(child)
        if ready_line is not None:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == ready_line, f"child said {line!r}"
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
        if child.stdout is not None:
            child.stdout.close()


@pytest.fixture
def grandchildren() -> Iterator[list[psutil.Process]]:
    """Processes the tests' children started, to outlive them: add each as soon as it is known.

    Afterwards each one still running is killed (psutil checks it is still the same
    process), and all are waited for until gone: whoever adopted them reaps them.
    """
    processes: list[psutil.Process] = []
    yield processes
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    for process in processes:
        assert wait_gone_or_zombie(process.pid)
