"""The head start: the first pass's full reading done on a thread while the window loads."""

import logging
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from gui import platforms
from gui.core.app_identity import ProcessIdentity
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms.head_start import HeadStart
from gui.platforms.linux_proc_reader import LinuxProcReader
from tests.unit.test_linux_proc_reader import write_proc

NO_IDENTITIES: Mapping[ProcessKey, ProcessIdentity] = {}


def head_start_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "procpilot-head-start"]


def test_what_the_head_start_read_is_kept_for_the_first_pass(tmp_path: Path) -> None:
    write_proc(tmp_path, btime=1_000_000)
    reader = LinuxProcReader(proc=str(tmp_path))
    identified: list[Sequence[ProcessSample]] = []

    def identify(samples: Sequence[ProcessSample], _wall_now: float) -> Mapping[ProcessKey, ProcessIdentity]:
        identified.append(samples)
        return NO_IDENTITIES

    head_start = HeadStart(reader.read, identify)
    head_start.wait()
    (read_ahead,) = identified[0]
    # What is read once per process is not read again: the first pass finds it known.
    (tmp_path / "4242" / "cmdline").unlink()
    (tmp_path / "4242" / "status").unlink()
    (first,) = reader.read()
    assert first is read_ahead  # the same stat line: the same sample
    assert first.command_line == "/usr/bin/worker --one"
    assert first.user == "root"
    assert not head_start_threads()


def test_a_failing_head_start_leaves_the_first_pass_to_say_so(caplog: pytest.LogCaptureFixture) -> None:
    def unreadable() -> list[ProcessSample]:
        raise PermissionError("no /proc here")

    caplog.set_level(logging.DEBUG, logger="gui.platforms.head_start")
    head_start = HeadStart(unreadable, lambda _samples, _now: NO_IDENTITIES)
    head_start.wait()  # no exception here: the sampler's own pass meets it and reports it
    head_start.wait()
    assert "head start" in caplog.text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads this machine's /proc")
def test_the_first_read_waits_for_the_head_start_and_lists_every_process() -> None:
    adapter = platforms.current()
    adapter.start_head_start()
    samples = adapter.read_processes()
    assert not head_start_threads()
    assert os.getpid() in {sample.key.pid for sample in samples}
    identities = adapter.identify_processes(samples, 0.0)
    assert all(key in {sample.key for sample in samples} for key in identities)
