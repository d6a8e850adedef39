"""Why a batch as administrator did not happen, whichever system asked for the password."""

from enum import Enum

from gui.core.elevation_protocol import (
    EXIT_BAD_REQUEST,
    EXIT_NO_IDENTITY_CHECK,
    EXIT_NOT_ROOT,
    EXIT_UNSAFE_REQUEST_FILE,
    ErrorCode,
)


class HelperFailure(Enum):
    """Why a batch as administrator did not happen (or broke off): nothing more was sent."""

    NOT_STARTED = "not_started"  # the launcher (pkexec...) is missing or could not run
    REJECTED = "rejected"  # the helper refused the request as malformed
    NOT_ROOT = "not_root"  # the launcher did not give it administrator rights
    NO_IDENTITY_CHECK = "no_identity_check"  # no pidfds here: it will not signal unchecked
    UNSAFE_REQUEST_FILE = "unsafe_request_file"
    BROKE_OFF = "broke_off"  # it exited or answered off the format
    PKEXEC_MISSING = "pkexec_missing"
    CANCELLED = "cancelled"  # pkexec 126, UAC 1223, osascript -128: the dialog was dismissed
    NOT_AUTHORISED = "not_authorised"  # pkexec 127 with its "Not authorized"
    NO_AGENT = "no_agent"  # pkexec 127: no authentication agent to ask for the password
    LAUNCHER_ERROR = "launcher_error"  # pkexec 127 (or UAC, osascript) for another reason


_BY_EXIT_STATUS = {
    EXIT_BAD_REQUEST: HelperFailure.REJECTED,
    EXIT_NOT_ROOT: HelperFailure.NOT_ROOT,
    EXIT_NO_IDENTITY_CHECK: HelperFailure.NO_IDENTITY_CHECK,
    EXIT_UNSAFE_REQUEST_FILE: HelperFailure.UNSAFE_REQUEST_FILE,
}


def failure_of_exit_status(status: int | None) -> HelperFailure | None:
    """What the helper's own exit status says went wrong (``None``: nothing it reports)."""
    return _BY_EXIT_STATUS.get(status) if status is not None else None


class HelperError(Exception):
    """The helper could not do the batch; ``exit_status`` and ``stderr`` are for the log
    and for telling the launcher's refusals apart (pkexec's "Not authorized"...)."""

    def __init__(
        self,
        failure: HelperFailure,
        error_code: ErrorCode | None = None,
        error_line: int = 0,
        exit_status: int | None = None,
        stderr: str = "",
        *,
        launcher: str = "pkexec",
    ) -> None:
        super().__init__(f"{failure.value} ({error_code!r} at line {error_line}, exit {exit_status})")
        self.failure = failure
        self.error_code = error_code
        self.error_line = error_line
        self.exit_status = exit_status
        self.stderr = stderr
        #: What asked for the password (pkexec, UAC, osascript): names its own messages.
        self.launcher = launcher
