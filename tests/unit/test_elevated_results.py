"""The helper's answers become the results the views already word."""

import errno

from gui.actions.elevated_results import helper_failed_result, unsent_result
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.core.elevation_protocol import EntryResult, Refusal, Status
from gui.core.outcomes import Detail, Outcome
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample

TARGET = ProcessSample(
    ProcessKey(4242, 1.0), "sleep", "root", "sleeping", 0.0, 0, 1, "sleep 100", False, False
)


def mapped(status: Status, code: int = 0) -> tuple[Outcome, Detail]:
    result = unsent_result(TARGET, EntryResult(0, 4242, status, code))
    assert result is not None
    return result.outcome, result.detail


def test_each_answer_maps_to_an_outcome():
    assert unsent_result(TARGET, EntryResult(0, 4242, Status.SENT)) is None
    assert mapped(Status.GONE) == (Outcome.ALREADY_EXITED, Detail.ALREADY_EXITED)
    assert mapped(Status.PID_REUSED) == (Outcome.PID_REUSED, Detail.PID_REUSED)
    assert mapped(Status.REFUSED, Refusal.KERNEL_THREAD) == (Outcome.NOT_SUPPORTED, Detail.KERNEL_THREAD)
    assert mapped(Status.REFUSED, Refusal.PARENT) == (Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF)
    assert mapped(Status.REFUSED, Refusal.NOT_SUPPORTED) == (Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM)
    assert mapped(Status.REFUSED, Refusal.NOT_SENT) == (Outcome.FAILED, Detail.FAILED)
    assert mapped(Status.PERMISSION_DENIED, errno.EPERM) == (Outcome.PERMISSION_DENIED, Detail.FAILED)
    failed = unsent_result(TARGET, EntryResult(0, 4242, Status.FAILED, errno.EMFILE))
    assert failed is not None and failed.value("error") == "Too many open files"


def test_a_helper_failure_fails_each_process():
    result = helper_failed_result(TARGET, HelperError(HelperFailure.NOT_ROOT))
    assert (result.outcome, result.value("error")) == (Outcome.FAILED, "administrator helper: not_root")
