"""The helper's answers become results the views word in sentences; raw codes stay for the log."""

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
    assert mapped(Status.REFUSED, Refusal.NOT_A_PROCESS) == (Outcome.NOT_SUPPORTED, Detail.NOT_A_PROCESS)
    assert mapped(Status.REFUSED, Refusal.NOT_SENT) == (Outcome.FAILED, Detail.ADMIN_REFUSED)
    assert mapped(Status.REFUSED, 99) == (Outcome.FAILED, Detail.ADMIN_REFUSED)


def test_denied_even_to_root_is_not_offered_as_administrator_again():
    # PERMISSION_DENIED would bring "Try as administrator" back for what the administrator could not do.
    assert mapped(Status.PERMISSION_DENIED, errno.EPERM) == (Outcome.FAILED, Detail.DENIED_TO_ADMINISTRATOR)


def test_a_system_error_carries_its_errno_name_not_the_c_librarys_english():
    failed = unsent_result(TARGET, EntryResult(0, 4242, Status.FAILED, errno.EMFILE))
    assert failed is not None and failed.detail is Detail.ADMIN_SYSTEM_ERROR
    assert failed.value("error") == "EMFILE"


def test_a_helper_failure_fails_each_process_with_its_code_for_the_sentence():
    result = helper_failed_result(TARGET, HelperError(HelperFailure.NOT_ROOT))
    assert (result.outcome, result.detail) == (Outcome.FAILED, Detail.ADMIN_HELPER_FAILED)
    assert result.value("failure") == "not_root"
    launcher = helper_failed_result(TARGET, HelperError(HelperFailure.LAUNCHER_ERROR, stderr="boom"))
    assert (launcher.value("failure"), launcher.value("launcher")) == ("launcher_error", "pkexec")
    assert "boom" not in str(launcher.values)  # the launcher's own words are for the log
    cancelled = helper_failed_result(TARGET, HelperError(HelperFailure.CANCELLED))
    assert cancelled.detail is Detail.ADMIN_CANCELLED
