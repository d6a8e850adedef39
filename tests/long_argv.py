"""A real child whose command line is about 900 KB (any user can start one)."""

import subprocess
import sys
import time
from collections.abc import Iterator

import psutil
import pytest

from tests.children import SLEEPER

#: Linux limits one argument to 128 KiB, so the bulk is spread over several. The
#: accented letters take two bytes each: the kept prefix must not cut one in half.
LONG_ARGS = ["\u00e9x" * 37_000, *(["y" * 110_000] * 7)]
MARKER = "procpilot-long-argv"


@pytest.fixture
def long_argv_child() -> Iterator[subprocess.Popen[bytes]]:
    child = subprocess.Popen([sys.executable, "-c", SLEEPER, *LONG_ARGS, MARKER])
    try:
        deadline = time.monotonic() + 10
        while psutil.Process(child.pid).cmdline()[-1:] != [MARKER]:
            assert time.monotonic() < deadline, "child did not start"
            time.sleep(0.01)
        yield child
    finally:
        child.kill()
        child.wait(timeout=10)
