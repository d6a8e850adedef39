"""The helper's answers as the :class:`ProcessResult` s the unprivileged runner gives.

Only what the helper could not do is mapped here: what a sent signal achieved depends
on the action and on waiting (the caller's job, as in :mod:`gui.actions.runner`). Raw
codes (errno, refusal and failure codes, the launcher's own output) go to the log; the
results carry a :class:`Detail` the views turn into a translated sentence.
"""

import errno

from gui.actions.helper_failure import HelperError, HelperFailure
from gui.core.elevation_protocol import EntryResult, Refusal, Status
from gui.core.outcomes import Detail, Outcome, ProcessResult
from gui.core.process_sample import ProcessSample

_REFUSALS = {
    Refusal.KERNEL_THREAD: (Outcome.NOT_SUPPORTED, Detail.KERNEL_THREAD),
    Refusal.SELF: (Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF),
    Refusal.PARENT: (Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF),  # the parent is ProcPilot
    Refusal.NOT_SUPPORTED: (Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM),
    Refusal.NOT_A_PROCESS: (Outcome.NOT_SUPPORTED, Detail.NOT_A_PROCESS),
}


def error_name(code: int) -> str:
    """``EPERM`` for 1: the errno's symbolic name, or its number where it has none."""
    return errno.errorcode.get(code, str(code))


def unsent_result(target: ProcessSample, answer: EntryResult) -> ProcessResult | None:
    """The result for an entry the helper did not send, or ``None`` for one it sent."""
    if answer.status is Status.SENT:
        return None
    if answer.status is Status.GONE:
        return ProcessResult(target, Outcome.ALREADY_EXITED, Detail.ALREADY_EXITED)
    if answer.status is Status.PID_REUSED:
        return ProcessResult(target, Outcome.PID_REUSED, Detail.PID_REUSED)
    if answer.status is Status.REFUSED and answer.code in _REFUSALS:
        outcome, detail = _REFUSALS[Refusal(answer.code)]
        return ProcessResult(target, outcome, detail)
    if answer.status is Status.REFUSED:  # e.g. a follow-up for an entry it did not signal
        return ProcessResult(target, Outcome.FAILED, Detail.ADMIN_REFUSED)
    if answer.status is Status.PERMISSION_DENIED:  # denied even to root: asking again will not help
        return ProcessResult(target, Outcome.FAILED, Detail.DENIED_TO_ADMINISTRATOR)
    return ProcessResult(
        target, Outcome.FAILED, Detail.ADMIN_SYSTEM_ERROR, (("error", error_name(answer.code)),)
    )


_FAILURES = {
    HelperFailure.CANCELLED: Detail.ADMIN_CANCELLED,
    HelperFailure.NOT_AUTHORISED: Detail.ADMIN_NOT_AUTHORISED,
    HelperFailure.PKEXEC_MISSING: Detail.PKEXEC_MISSING,
    HelperFailure.NO_AGENT: Detail.ADMIN_NO_AGENT,
}


def helper_failed_result(target: ProcessSample, error: HelperError) -> ProcessResult:
    """The result for each process of a batch the helper did not carry out (or broke off)."""
    if error.failure in _FAILURES:
        return ProcessResult(target, Outcome.FAILED, _FAILURES[error.failure])
    return ProcessResult(
        target,
        Outcome.FAILED,
        Detail.ADMIN_HELPER_FAILED,
        (("failure", error.failure.value), ("launcher", error.launcher)),
    )
