"""Errors of the system as ids and numbers (gui/core/system_error.py), from real failing calls."""

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Callable

import pytest

from gui.core.outcomes import Detail, Outcome, ProcessResult
from gui.core.system_error import KIND_VALUE, NUMBER_VALUE, SystemErrorKind, SystemProblem
from gui.platforms import current


def raised(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except BaseException as error:  # noqa: BLE001 - the error is what the test looks at
        return error
    raise AssertionError("the call did not fail")


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="pidfd (Linux)")
def test_signalling_an_exited_process_is_no_such_process() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    pidfd = os.pidfd_open(child.pid)
    try:
        child.wait(timeout=30)
        error = raised(lambda: signal.pidfd_send_signal(pidfd, signal.SIGTERM))
    finally:
        os.close(pidfd)
    assert SystemProblem.of(error) == SystemProblem(SystemErrorKind.NO_SUCH_PROCESS)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file limits")
def test_no_file_left_is_too_many_open_files() -> None:
    import resource  # noqa: PLC0415 - POSIX only

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    lowest_free = os.dup(0)  # a new file gets the lowest free number, which the limit now forbids
    os.close(lowest_free)
    resource.setrlimit(resource.RLIMIT_NOFILE, (lowest_free, hard))
    try:
        error = raised(lambda: os.open(os.devnull, os.O_RDONLY))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert SystemProblem.of(error) == SystemProblem(SystemErrorKind.TOO_MANY_OPEN_FILES)


def test_another_error_of_the_system_keeps_its_number(tmp_path) -> None:
    error = raised(lambda: os.rmdir(tmp_path / "not here"))
    assert SystemProblem.of(error) == SystemProblem(SystemErrorKind.OTHER, errno.ENOENT)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (PermissionError(errno.EPERM, "Operation not permitted"), SystemErrorKind.PERMISSION_DENIED),
        (PermissionError(errno.EACCES, "Permission denied"), SystemErrorKind.PERMISSION_DENIED),
        (OSError(errno.ENFILE, "Too many open files in system"), SystemErrorKind.TOO_MANY_OPEN_FILES),
        (OSError(errno.ENOMEM, "Cannot allocate memory"), SystemErrorKind.OUT_OF_MEMORY),
        (MemoryError(), SystemErrorKind.OUT_OF_MEMORY),
        (OSError("no number"), SystemErrorKind.UNEXPECTED),
        (RuntimeError("a bug"), SystemErrorKind.UNEXPECTED),
    ],
)
def test_each_kind_and_only_other_carries_a_number(error: BaseException, kind: SystemErrorKind) -> None:
    assert SystemProblem.of(error) == SystemProblem(kind)


def test_a_result_carries_the_problem_and_gives_it_back() -> None:
    problem = SystemProblem(SystemErrorKind.OTHER, errno.EIO)
    target = current().read_process(os.getpid())
    result = ProcessResult(target, Outcome.FAILED, Detail.FAILED, tuple(problem.values().items()))
    assert SystemProblem.from_values(result.value(KIND_VALUE), result.value(NUMBER_VALUE)) == problem
    assert SystemProblem.from_values(None, None) is None  # a result without one
    assert SystemProblem.from_values("no such kind", 5) is None
