"""What happened to each process, as ids and values; the views put them into words."""

from collections import Counter
from dataclasses import dataclass
from enum import Enum, auto

from gui.core.actions import Action, SignalSpec
from gui.core.app_identity import AppIdentity
from gui.core.priority import Priority
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo


class Outcome(Enum):
    """The kind of result: what is counted, and what may be offered next."""

    ENDED = auto()
    FORCE_QUIT = auto()
    STOPPED = auto()
    CONTINUED = auto()
    SIGNAL_SENT = auto()
    PRIORITY_SET = auto()
    ALREADY_EXITED = auto()
    STILL_RUNNING = auto()
    #: Asked to end while stopped: the end waits until the process is resumed.
    SUSPENDED = auto()
    #: End app asked its windows to close and the app answered with a question in a new
    #: window ("Save changes?"): nothing was signalled, the user answers it or force quits.
    ASKING = auto()
    PERMISSION_DENIED = auto()
    PID_REUSED = auto()
    NOT_SUPPORTED = auto()
    FAILED = auto()

    @property
    def succeeded(self) -> bool:
        return self in _SUCCESSES


_SUCCESSES = frozenset(
    {
        Outcome.ENDED,
        Outcome.FORCE_QUIT,
        Outcome.STOPPED,
        Outcome.CONTINUED,
        Outcome.SIGNAL_SENT,
        Outcome.PRIORITY_SET,
        Outcome.ALREADY_EXITED,
    }
)


class Detail(Enum):
    """Which sentence describes a result; its values are in :attr:`ProcessResult.values`."""

    ENDED = auto()
    CLOSED_BY_WINDOW = auto()  # exited when its window was asked to close, before any signal
    FORCE_QUIT = auto()
    FORCE_QUIT_AFTER_GRACE = auto()  # grace_s
    STOPPED = auto()
    CONTINUED = auto()
    NOT_STOPPED_YET = auto()
    NOT_CONTINUED_YET = auto()
    SIGNAL_SENT = auto()  # signal, number
    PRIORITY_SET = auto()  # priority (a Priority's value)
    ALREADY_EXITED = auto()
    ZOMBIE = auto()
    ZOMBIE_OF_PARENT = auto()  # parent, parent_pid
    STILL_RUNNING = auto()  # grace_s
    STUCK_AFTER_FORCE_QUIT = auto()
    SUSPENDED = auto()
    ASKING_IN_WINDOW = auto()  # title (of the window that asks)
    WAITING_FOR_QUESTION = auto()  # another of the app's processes asks: left running with it
    NOT_OWNER = auto()  # owner (None when unknown)
    NEEDS_ADMINISTRATOR = auto()
    PID_REUSED = auto()
    KERNEL_THREAD = auto()
    NOT_ON_ITSELF = auto()
    GROUP_HAS_PROCPILOT = auto()
    NOT_ON_THIS_SYSTEM = auto()
    PROCPILOT_CLOSES = auto()
    #: error (a text, from the administrator helper), or system_error and errno (gui/core/system_error.py)
    FAILED = auto()
    #: As administrator: the password dialog was dismissed (nothing was sent).
    ADMIN_CANCELLED = auto()
    #: As administrator: this account may not act as administrator (nothing was sent).
    ADMIN_NOT_AUTHORISED = auto()
    #: As administrator: there is no pkexec to ask with (nothing was sent).
    PKEXEC_MISSING = auto()
    #: As administrator: no authentication agent could ask for the password (nothing was sent).
    ADMIN_NO_AGENT = auto()
    #: As administrator: one of the system's first processes (PID 0 or 1), never sent (pid).
    ADMIN_FIRST_PROCESS = auto()
    #: As administrator: past the helper's limit of processes per batch, not sent (limit).
    ADMIN_BATCH_LIMIT = auto()
    #: As administrator: the id of a thread, not of a process (the helper refused it).
    NOT_A_PROCESS = auto()
    #: As administrator: the helper refused this one entry; its code is in the log.
    ADMIN_REFUSED = auto()
    #: As administrator: the system refused it even to root (a security module...).
    DENIED_TO_ADMINISTRATOR = auto()
    #: As administrator: the system failed to do it (error: the errno's name; the log has more).
    ADMIN_SYSTEM_ERROR = auto()
    #: As administrator: the helper did not carry out the batch (failure: a HelperFailure's
    #: value; launcher: what asked for the password); the log has its exit status and output.
    ADMIN_HELPER_FAILED = auto()


Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class ProcessResult:
    """One process's result: what happened, and which sentence says so with which values."""

    target: ProcessSample
    outcome: Outcome
    detail: Detail
    values: tuple[tuple[str, Value], ...] = ()

    @property
    def succeeded(self) -> bool:
        return self.outcome.succeeded

    def value(self, name: str) -> Value:
        return dict(self.values).get(name)


@dataclass(frozen=True, slots=True)
class BatchReport:
    """Every result of one request, in the order the processes were acted on.

    ``new_processes`` joined the tree or group after the confirmation and are still
    running: they were neither signalled nor ignored in silence. ``children_left`` are
    descendants of the processes End or Force quit ended (``children_left_of``) that
    are still running afterwards: orphans are adopted, not ended, so the user is told.
    Only a bounded number is looked at; ``children_left_capped`` says the count is a
    lower bound. ``app`` is the application an End app or Force quit app named, ``signal``
    the signal a Send signal sent and ``priority`` the step a Change priority set (so that
    either can be asked again, as administrator). ``questions`` are the windows an app opened
    when End app asked its windows to close (its "Save changes?"): Switch to shows them.
    """

    action: Action
    results: tuple[ProcessResult, ...]
    new_processes: tuple[ProcessSample, ...] = ()
    children_left: tuple[ProcessSample, ...] = ()
    children_left_of: tuple[ProcessSample, ...] = ()
    children_left_capped: bool = False
    app: AppIdentity | None = None
    signal: SignalSpec | None = None
    priority: Priority | None = None
    questions: tuple[WindowInfo, ...] = ()

    @property
    def failures(self) -> tuple[ProcessResult, ...]:
        return tuple(r for r in self.results if not r.succeeded and r.outcome not in _OFFERS)

    @property
    def still_running(self) -> tuple[ProcessSample, ...]:
        return tuple(r.target for r in self.results if r.outcome == Outcome.STILL_RUNNING)

    @property
    def asking(self) -> tuple[ProcessSample, ...]:
        """The processes left running because their app asks the user a question."""
        return tuple(r.target for r in self.results if r.outcome == Outcome.ASKING)

    @property
    def suspended(self) -> tuple[ProcessSample, ...]:
        return tuple(r.target for r in self.results if r.outcome == Outcome.SUSPENDED)

    def counts(self) -> list[tuple[Outcome, int]]:
        """How many processes had each outcome, most frequent first."""
        return Counter(result.outcome for result in self.results).most_common()


#: Outcomes that are followed by an offer (Force quit, Resume, Switch to), not reported as failures.
_OFFERS = frozenset({Outcome.STILL_RUNNING, Outcome.SUSPENDED, Outcome.ASKING})
