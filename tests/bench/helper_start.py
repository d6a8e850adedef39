"""The administrator helper's start-up, as installed: start to its first answer.

A copy laid out as ``packaging/install_polkit_policy.py`` installs it (the helper's modules,
compiled, in a folder of their own, and its wrapper run by the system's ``python3 -I``) is
sent a one-entry request: resume (SIGCONT) a ``sleep`` this module started. The time from
starting the wrapper to reading its ``RESULTS`` line is measured; the median of a few runs.
Not run as root, the helper answers at once that it is not root: the figure says so.

    python tests/bench/helper_start.py
"""

import compileall
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from install_polkit_policy import _WRAPPER, HELPER_MODULES  # noqa: E402

from gui.core.elevation_protocol import Entry, Operation, format_request  # noqa: E402
from gui.helper.linux_process import start_and_flags  # noqa: E402

SYSTEM_PYTHON = "/usr/bin/python3"
RUNS = 5


def installed_copy(folder: Path) -> Path:
    """The helper's wrapper and modules in ``folder``, as an install lays them out."""
    lib = folder / "lib" / "procpilot"
    for module in HELPER_MODULES:
        target = lib / module
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / module, target)
    compileall.compile_dir(lib, quiet=1)
    wrapper = folder / "procpilot-elevated-helper"
    wrapper.write_text(_WRAPPER.format(python=SYSTEM_PYTHON, action="bench", lib=str(lib)), encoding="utf-8")
    wrapper.chmod(0o755)
    return wrapper


def first_answer_seconds(wrapper: Path, request: bytes) -> tuple[float, bytes]:
    """Start the helper, send ``request``, read its first line: the seconds taken, and the line."""
    started = time.perf_counter()
    with subprocess.Popen(
        [str(wrapper)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={}
    ) as helper:
        assert helper.stdin is not None and helper.stdout is not None
        helper.stdin.write(request)
        helper.stdin.flush()
        line = helper.stdout.readline()
        took = time.perf_counter() - started
        helper.stdin.close()  # the conversation is over: it exits
        helper.wait(timeout=30)
    return took, line


def helper_start() -> dict[str, float | str] | None:
    """Median seconds from start to first answer of the installed-style helper; ``None`` without
    the system's python3."""
    if not Path(SYSTEM_PYTHON).exists():
        return None
    sleeper = subprocess.Popen(["sleep", "600"])
    try:
        start = start_and_flags(sleeper.pid)[0]
        request = format_request([Entry(Operation.SIGNAL, sleeper.pid, start, int(signal.SIGCONT))])
        with tempfile.TemporaryDirectory(prefix="procpilot-helper-bench-") as folder:
            wrapper = installed_copy(Path(folder))
            first_answer_seconds(wrapper, request)  # warm the page cache, as a second use would
            runs = [first_answer_seconds(wrapper, request) for _ in range(RUNS)]
    finally:
        sleeper.kill()
        sleeper.wait()
    answer = runs[-1][1].decode(errors="replace").strip()
    return {"median_s": statistics.median(t for t, _ in runs), "answer": answer, "root": os.geteuid() == 0}


if __name__ == "__main__":
    print(helper_start())
