"""What happened to each process, in words a user understands."""

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from gui.core.actions import Action
from gui.core.process_sample import ProcessSample


class Outcome(Enum):
    ENDED = "ended"
    FORCE_QUIT = "force quit"
    STOPPED = "stopped"
    CONTINUED = "continued"
    SIGNAL_SENT = "signal sent"
    ALREADY_EXITED = "already exited"
    STILL_RUNNING = "still running"
    PERMISSION_DENIED = "permission denied"
    PID_REUSED = "PID reused"
    NOT_SUPPORTED = "not supported"
    FAILED = "failed"

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
        Outcome.ALREADY_EXITED,
    }
)


@dataclass(frozen=True, slots=True)
class ProcessResult:
    """One process's result; ``detail`` is the sentence shown after its name."""

    target: ProcessSample
    outcome: Outcome
    detail: str

    @property
    def succeeded(self) -> bool:
        return self.outcome.succeeded

    def describe(self) -> str:
        """``firefox (PID 4242): ended``."""
        return f"{self.target.name or 'process'} (PID {self.target.key.pid}): {self.detail}"


@dataclass(frozen=True, slots=True)
class BatchReport:
    """Every result of one request, in the order the targets were given."""

    action: Action
    results: tuple[ProcessResult, ...]

    @property
    def failures(self) -> tuple[ProcessResult, ...]:
        return tuple(r for r in self.results if not r.succeeded and r.outcome != Outcome.STILL_RUNNING)

    @property
    def still_running(self) -> tuple[ProcessSample, ...]:
        return tuple(r.target for r in self.results if r.outcome == Outcome.STILL_RUNNING)

    def summary(self) -> str:
        """One sentence for the status bar: the single result, or counts per outcome."""
        if len(self.results) == 1:
            return self.results[0].describe()
        counts = Counter(result.outcome for result in self.results)
        parts = [f"{count} {outcome.value}" for outcome, count in counts.most_common()]
        return f"{len(self.results)} processes: " + ", ".join(parts)
