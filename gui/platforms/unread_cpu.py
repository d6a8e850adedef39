"""Whether the processes a pass left unread used CPU: the machine's CPU time against what was read.

The kernel counts every task's CPU time twice: per process (``/proc/<pid>/stat``) and for
the whole machine (the ``cpu`` line of ``/proc/stat``). When the processes a pass read
account for the machine's busy time since the last pass, the ones it did not read did
not run: their lines are the same, and need not be read to know it. When they do not,
some unread process ran (or one ended: its time left with it), and the pass reads them.
"""

import os
import weakref
from dataclasses import dataclass

#: A busy share of one core that unread processes may use unseen, per second of the pass's
#: interval: a quiet process that starts to work more than this shows at the same pass.
BUSY_SHARE = 0.05
#: The machine's count moves in clock ticks per core, the processes' is exact: this much
#: difference is noise (measured at rest: within two 10 ms ticks on two cores). Counted for
#: at most ``_NOISE_CORES`` cores: where more noise shows, the comparison disagrees often,
#: which costs reads (and then distrust), never a process left unread.
_NOISE_TICKS_BASE = 2
_NOISE_TICKS_PER_CORE = 0.5
_NOISE_CORES = 8
#: Passes in a row whose unread processes seemed to run after which the comparison is taken
#: to say nothing here (processes hidden from us by ``hidepid``, or a busy moment of many
#: short-lived processes): the reader then stops leaning on it until a pass agrees again.
DISTRUST_AFTER = 3


@dataclass(frozen=True, slots=True)
class _MachineTicks:
    """Clock ticks from ``/proc/stat``'s first line."""

    #: Tasks' time: user, nice and system (guest time is inside user and nice). Interrupts'
    #: own time, where the kernel counts it apart, is nobody's: left out.
    tasks: int
    #: Everything but guest time, and what was idle (idle and iowait), as psutil counts them
    #: for the machine's CPU %.
    total: int
    idle: int

    @classmethod
    def of(cls, line: bytes) -> "_MachineTicks":
        values = [int(value) for value in line.split()[1:]]
        user, nice, system, idle, iowait = values[:5]
        guest = sum(values[8:10])
        return cls(user + nice + system, sum(values) - guest, idle + iowait)


class UnreadCpu:
    """The machine's busy time between passes, against the CPU time of the processes read.

    Only meaningful where ``/proc`` shows every task the kernel counts: the host's PID
    namespace, whose kernel threads are listed (the reader checks).
    """

    def __init__(self, proc: str, clock_ticks: int, core_count: int) -> None:
        self._path = f"{proc}/stat"
        self._fd: int | None = None
        self._clock_ticks = clock_ticks
        noise_ticks = _NOISE_TICKS_BASE + _NOISE_TICKS_PER_CORE * min(core_count, _NOISE_CORES)
        self._noise_s = noise_ticks / clock_ticks
        self._before: _MachineTicks | None = None
        self._now: _MachineTicks | None = None
        self._seemed_to_run = 0

    @property
    def trusted(self) -> bool:
        """Whether recent passes' comparisons agreed often enough to lean on."""
        return self._before is not None and self._seemed_to_run < DISTRUST_AFTER

    @property
    def machine_percent(self) -> float | None:
        """The machine's CPU % between the last two passes, as psutil's ``cpu_percent``."""
        before, now = self._before, self._now
        if before is None or now is None:
            return None
        total = now.total - before.total
        if total <= 0:
            return 0.0
        busy = total - (now.idle - before.idle)
        return min(max(busy / total * 100.0, 0.0), 100.0)

    def pass_starting(self) -> None:
        """Take the machine's busy time now (call before reading the processes)."""
        self._before = self._now
        try:
            if self._fd is None:
                self._fd = os.open(self._path, os.O_RDONLY)
                weakref.finalize(self, os.close, self._fd)  # kept open while this lives
            self._now = _MachineTicks.of(os.pread(self._fd, 256, 0).partition(b"\n")[0])
        except (OSError, ValueError):
            self._now = None

    def unread_ran(self, read_cpu_s: float, interval_s: float) -> bool:
        """Whether processes not read since the last pass used more CPU than noise and
        ``BUSY_SHARE``: the machine was busier than ``read_cpu_s``, the CPU time of the
        processes read in both passes (and of those started since)."""
        if self._before is None or self._now is None:
            return True
        machine_s = (self._now.tasks - self._before.tasks) / self._clock_ticks
        ran = machine_s - read_cpu_s > self._noise_s + BUSY_SHARE * interval_s
        self._seemed_to_run = self._seemed_to_run + 1 if ran else 0
        return ran
