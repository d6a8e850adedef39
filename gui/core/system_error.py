"""What went wrong at the operating system, as an id and a number: the views put it into words.

An ``OSError``'s own text is in English whatever the user's language (and sometimes in the
C library's words), so it goes to the log and the user gets one of a few plain sentences.
"""

import errno
from dataclasses import dataclass
from enum import Enum

from gui.core.outcomes import Value


class SystemErrorKind(Enum):
    """Which sentence describes the error; the value is what a ``ProcessResult`` stores."""

    PERMISSION_DENIED = "permission_denied"
    NO_SUCH_PROCESS = "no_such_process"
    TOO_MANY_OPEN_FILES = "too_many_open_files"
    OUT_OF_MEMORY = "out_of_memory"
    #: Another error of the system, said with its number (``errno``).
    OTHER = "other"
    #: Not an error of the system at all (a bug, or a library's own exception): see the log.
    UNEXPECTED = "unexpected"


_KINDS = {
    errno.EACCES: SystemErrorKind.PERMISSION_DENIED,
    errno.EPERM: SystemErrorKind.PERMISSION_DENIED,
    errno.ESRCH: SystemErrorKind.NO_SUCH_PROCESS,
    errno.EMFILE: SystemErrorKind.TOO_MANY_OPEN_FILES,
    errno.ENFILE: SystemErrorKind.TOO_MANY_OPEN_FILES,
    errno.ENOMEM: SystemErrorKind.OUT_OF_MEMORY,
}

#: The names under which a ``ProcessResult`` carries a :class:`SystemProblem` in its values.
KIND_VALUE = "system_error"
NUMBER_VALUE = "errno"


@dataclass(frozen=True, slots=True)
class SystemProblem:
    """An error as the user is told it: its kind, and for ``OTHER`` the system's number."""

    kind: SystemErrorKind
    number: int | None = None

    @classmethod
    def of(cls, error: BaseException) -> "SystemProblem":
        if isinstance(error, MemoryError):
            return cls(SystemErrorKind.OUT_OF_MEMORY)
        if not isinstance(error, OSError) or error.errno is None:
            return cls(SystemErrorKind.UNEXPECTED)
        kind = _KINDS.get(error.errno, SystemErrorKind.OTHER)
        return cls(kind, error.errno if kind is SystemErrorKind.OTHER else None)

    def values(self) -> dict[str, Value]:
        """For ``ProcessResult.values``: :data:`KIND_VALUE` and :data:`NUMBER_VALUE`."""
        return {KIND_VALUE: self.kind.value, NUMBER_VALUE: self.number}

    @classmethod
    def from_values(cls, kind: Value, number: Value) -> "SystemProblem | None":
        """The problem a result's values describe, or ``None`` if they describe none."""
        if not isinstance(kind, str):
            return None
        try:
            found = SystemErrorKind(kind)
        except ValueError:
            return None
        return cls(found, number if isinstance(number, int) else None)
