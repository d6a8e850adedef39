"""The helper's answers as the :class:`ProcessResult` s the unprivileged runner gives.

Only what the helper could not do is mapped here: what a sent signal achieved depends
on the action and on waiting (the caller's job, as in :mod:`gui.actions.runner`).
"""

import os

from gui.actions.helper_failure import HelperError, HelperFailure
from gui.core.elevation_protocol import EntryResult, Refusal, Status
from gui.core.outcomes import Detail, Outcome, ProcessResult
from gui.core.process_sample import ProcessSample

_REFUSALS = {
    Refusal.KERNEL_THREAD: (Outcome.NOT_SUPPORTED, Detail.KERNEL_THREAD),
    Refusal.SELF: (Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF),
    Refusal.PARENT: (Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF),  # the parent is ProcPilot
    Refusal.NOT_SUPPORTED: (Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM),
}


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
    if answer.status is Status.REFUSED:
        name = Refusal(answer.code).name if answer.code in Refusal._value2member_map_ else answer.code
        return ProcessResult(target, Outcome.FAILED, Detail.FAILED, (("error", f"refused: {name}"),))
    # Denied even to root (a security module, another user namespace), or another error.
    outcome = Outcome.PERMISSION_DENIED if answer.status is Status.PERMISSION_DENIED else Outcome.FAILED
    return ProcessResult(target, outcome, Detail.FAILED, (("error", os.strerror(answer.code)),))


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
    if error.failure is HelperFailure.LAUNCHER_ERROR:  # the launcher's own words say which error
        message = error.stderr.strip().splitlines()[0] if error.stderr.strip() else "failed"
        return ProcessResult(
            target, Outcome.FAILED, Detail.FAILED, (("error", f"{error.launcher}: {message}"),)
        )
    return ProcessResult(
        target, Outcome.FAILED, Detail.FAILED, (("error", f"administrator helper: {error.failure.value}"),)
    )
