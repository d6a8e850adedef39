"""Linux fast path: one read of ``/proc/<pid>/stat`` per process per refresh.

The stat files stay open between refreshes (``stat_files.py``): each is read again, not
looked up again. The folder is listed again only when a PID was handed out since
(``LinuxProcReader._pids``).

Everything that changes (state, parent, CPU time, threads) and the start time that
identifies the process are on that one line; resident memory comes from
``/proc/<pid>/statm``, as top and psutil take it (the stat line's copy is an
estimate on current kernels), read only when the stat line changed. What does not change
(command line, owner, full name) is read once per process. A process whose stat
line is byte-for-byte the same as last time is not parsed again: its previous
sample object is reused, which lets every later stage skip it too.

A pass may also leave quiet processes unread (``read(every_process=False)``, the timer's
passes): one whose line came back the same ``QUIET_PASSES`` passes in a row is read only
every ``READ_QUIET_EVERY``-th pass, a share of them each pass (by PID), until its line
changes. Reading a line is most of a pass's cost, and most processes sleep for minutes.
Where ``/proc`` shows every task (the host's PID namespace), each pass also compares the
machine's CPU time with that of the processes it read (``unread_cpu.py``): while they
agree, quiet processes are read only every ``READ_QUIET_EVERY_ACCOUNTED``-th pass, and
when they do not (an unread process started to work), the pass reads them all at once.
What such a process does otherwise shows a few passes late: its CPU time is
then measured over the time since it was last read (``ProcessSample.read_gap_s``), so no
CPU time is lost or put in the wrong second. Its end is not late: an ended process is
reaped, which changes the kernel's count of tasks, and the folder is then listed again;
its children, adopted meanwhile, are read at the next pass. A process the app acts on is
read at the next pass too (``read_soon``).

Values match psutil's exactly (same sources, same arithmetic): the tests compare
both readers on the same processes.
"""

import os
import pwd
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

from gui.core.display_text import COMMAND_LINE_LIMIT
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms.psutil_reader import command_line_text
from gui.platforms.stat_files import StatFiles
from gui.platforms.unread_cpu import UnreadCpu

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
#: Linux truncates the kernel's process name ("comm") to 15 characters.
_COMM_LIMIT = 15
_STAT_READ_SIZE = 4096
#: Enough bytes of ``/proc/<pid>/cmdline`` for the kept prefix even if every
#: character takes four bytes in UTF-8, and one more: a longer command line is
#: never read whole (they reach 2 MB, and each process's is read once).
_CMDLINE_READ_SIZE = 4 * (COMMAND_LINE_LIMIT + 2)
#: The kernel's "this is a kernel thread" bit in the flags field of the stat line.
PF_KTHREAD = 0x00200000

_STATES = {
    b"R": "running",
    b"S": "sleeping",
    b"D": "disk-sleep",
    b"T": "stopped",
    b"t": "tracing-stop",
    b"Z": "zombie",
    b"X": "dead",
    b"x": "dead",
    b"K": "wake-kill",
    b"W": "waking",
    b"I": "idle",
    b"P": "parked",
}

# Positions in the fields after "(comm) ", per proc(5) minus 3.
_STATE, _PPID, _FLAGS, _UTIME, _STIME, _NICE, _THREADS, _START = 0, 1, 6, 11, 12, 16, 17, 19
#: ``startcode`` and ``startstack``: where the program's code and stack were placed. An
#: ``exec`` that keeps the name (``python`` running another ``python``) moves them (address
#: space randomization), a fork does not. The kernel shows ``1`` and ``0`` for processes the
#: reader may not trace, whose exec is then seen by a name change only.
_START_CODE, _START_STACK = 23, 25


@dataclass(frozen=True, slots=True)
class _StaticFields:
    comm: str
    #: Where its code and stack were placed, hashed (an int: a tuple of bytes costs 150 bytes a process).
    placement: int
    name: str
    user: str | None
    command_line: str | None
    is_kernel_thread: bool


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _read_file(path: str, size: int = _STAT_READ_SIZE) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def stat_flags(stat_line: bytes) -> int:
    """The ``flags`` field of a ``/proc/<pid>/stat`` line (the name before it may hold
    spaces and parentheses: fields are counted from its last closing parenthesis)."""
    return int(stat_line[stat_line.rfind(b")") + 2 :].split()[_FLAGS])


def is_kernel_thread_stat(stat_line: bytes) -> bool:
    """Whether the kernel marked the process as one of its own threads (PF_KTHREAD).

    The flag decides, not the parent: inside a PID namespace PID 2 is an ordinary
    process, and its zombie children have empty command lines too.
    """
    return bool(stat_flags(stat_line) & PF_KTHREAD)


def _argv(raw: bytes, complete: bool = True) -> list[str]:
    """``/proc/<pid>/cmdline`` split as psutil splits it (some programs rewrite it with spaces).

    When only a prefix was read (``complete`` false), its last argument is cut;
    joined, the arguments start exactly as psutil's joined full list does.
    """
    text = _decode(raw)
    if not text:
        return []
    if not complete:
        # A NUL always separates arguments; a rewritten command line has none at all.
        return text.split("\x00" if "\x00" in text else " ")
    separator = "\x00" if text.endswith("\x00") else " "
    if text.endswith(separator):
        text = text[:-1]
    argv = text.split(separator)
    if separator == "\x00" and len(argv) == 1 and " " in text:
        argv = text.split(" ")
    return argv


#: Passes that may reuse the last listing of ``/proc`` before it is listed again anyway.
_UNLISTED_PASSES = 9
#: Passes in a row with the same stat line after which a process counts as quiet.
QUIET_PASSES = 5
#: A quiet process is read every this many passes (at 1 s a refresh: within 4 s)...
READ_QUIET_EVERY = 4
#: ...or this many while the processes read account for the machine's CPU time, so that
#: one that works shows at once anyway (``UnreadCpu``): what waits is a change without
#: work to speak of (stopped, reniced or left a zombie by another program, memory swapped
#: out). Every 16th read 60 lines fewer a pass at 1,000 processes, and such a change could
#: then wait 16 s: not worth it.
READ_QUIET_EVERY_ACCOUNTED = 8


#: Passes after which ``/proc/stat``'s boot time is read anyway, clock step or not.
_BOOT_TIME_READ_EVERY = 10
#: A difference between the wall and boot clocks' boot times taken as a clock step (the
#: two clocks are read one after the other, so a preemption in between also counts).
_CLOCK_STEP_S = 0.005


def _boot_time_by_clocks() -> float:
    """When the machine booted by the wall clock, as the kernel's ``btime`` is derived."""
    return time.time() - time.clock_gettime(time.CLOCK_BOOTTIME)


def _last_pid_of(tasks: bytes) -> int:
    """The last PID in a ``_read_tasks`` text (0 for none)."""
    last = tasks.rpartition(b" ")[2]
    return int(last) if last.isdigit() else 0


def _shows_kernel_threads(proc: str) -> bool:
    """Whether ``proc`` is the host's PID namespace: kthreadd, PID 2, is a kernel thread."""
    try:
        return is_kernel_thread_stat(_read_file(f"{proc}/2/stat"))
    except (OSError, IndexError, ValueError):
        return False


def _is_own_proc(proc: str) -> bool:
    """Whether ``proc`` shows this process's PID namespace (its ``self`` is this process)."""
    try:
        return os.readlink(f"{proc}/self") == str(os.getpid())
    except OSError:
        return False


class LinuxProcReader:
    """Samples every process from ``/proc`` with as few reads and as little parsing as possible."""

    def __init__(self, proc: str = "/proc", *, account_cpu: bool = True) -> None:
        """``account_cpu=False`` reads quiet processes by turns only (``READ_QUIET_EVERY``),
        never by the machine's CPU time (see ``UnreadCpu``)."""
        self._proc = proc
        self._boot_time = self._read_boot_time()
        self._boot_time_by_clocks = _boot_time_by_clocks()
        self._passes_since_btime = 0
        self._my_uid = os.getuid()
        self._user_names: dict[int, str] = {}
        self._my_user = self._user_name(self._my_uid)
        # Last pass's stat line (its hash: 1 MB less per 3,000 processes than the bytes)
        # and sample per PID, in two dicts rather than a dict of tuples: a pass over
        # idle processes then allocates no objects the GC tracks.
        self._last_line: dict[int, int] = {}
        self._last_sample: dict[int, ProcessSample] = {}
        self._static: dict[ProcessKey, _StaticFields] = {}
        self._stat_files = StatFiles(proc)
        #: Whether that is this process's own ``/proc`` (not another PID namespace's, or a
        #: test's copy): its ``loadavg`` then tells our last PID handed out (see ``_pids``),
        #: and its boot time follows our clocks (see ``_follow_boot_time``).
        self._proc_is_ours = _is_own_proc(proc)
        self._tasks = b""
        self._listed: list[int] = []
        self._passes_unlisted = 0
        #: Passes in a row each process's line came back the same, while fewer than
        #: ``QUIET_PASSES``; then it is quiet, and in ``_quiet_read_at`` instead, with the
        #: ``time.monotonic()`` of its last read.
        self._same_passes: dict[int, int] = {}
        self._quiet_read_at: dict[int, float] = {}
        self._passes = 0
        self._pass_at: float | None = None
        #: The machine's CPU time against the processes read: only where every task shows.
        self._unread_cpu = (
            UnreadCpu(proc, CLOCK_TICKS, os.cpu_count() or 1)
            if account_cpu and self._proc_is_ours and _shows_kernel_threads(proc)
            else None
        )
        #: CPU seconds of this pass's reads that fall in the time since the last pass.
        self._read_cpu_s = 0.0
        self._read_soon: set[int] = set()
        self._read_soon_lock = threading.Lock()

    def _read_boot_time(self) -> float:
        with open(f"{self._proc}/stat", "rb") as stat:
            for line in stat:
                if line.startswith(b"btime"):
                    return float(line.split()[1])
        raise RuntimeError(f"no btime in {self._proc}/stat")

    def _user_name(self, uid: int) -> str:
        name = self._user_names.get(uid)
        if name is None:
            try:
                name = pwd.getpwuid(uid).pw_name
            except KeyError:
                name = str(uid)
            self._user_names[uid] = name
        return name

    def read_soon(self, pids: Iterable[int]) -> None:
        """Thread-safe: read these processes at the next pass even if they are quiet (the
        app just acted on them)."""
        with self._read_soon_lock:
            self._read_soon.update(pids)

    def machine_cpu_percent(self) -> float | None:
        """The machine's CPU % between the last two passes, from the ``/proc/stat`` line the
        pass read to account for CPU time (``None`` where it does not read it)."""
        return None if self._unread_cpu is None else self._unread_cpu.machine_percent

    def quiet_read_every(self) -> int:
        """A quiet process is read one timer pass in this many, now."""
        unread_cpu = self._unread_cpu
        if unread_cpu is not None and unread_cpu.trusted:
            return READ_QUIET_EVERY_ACCOUNTED
        return READ_QUIET_EVERY

    def read(self, every_process: bool = True) -> list[ProcessSample]:
        """One pass over ``/proc``; processes that vanish mid-pass are left out.

        At rest most processes' lines are the same as last pass: each costs a ``pread``,
        a hash and a lookup, and the pass builds nothing for it but its place in the list.
        ``every_process=False`` leaves most quiet processes unread (see the module's text).
        """
        last_sample = self._last_sample
        boot_time_moved = self._follow_boot_time()
        pids, listed_again, pids_wrapped = self._pids()
        unread_cpu = self._unread_cpu
        lean_on_cpu = unread_cpu is not None and unread_cpu.trusted
        if unread_cpu is not None:
            unread_cpu.pass_starting()
        samples: list[ProcessSample] = []
        append = samples.append
        gone: list[int] = []
        now = time.monotonic()
        interval_s = 0.0 if self._pass_at is None else now - self._pass_at
        self._pass_at = now
        self._read_cpu_s = 0.0
        quiet_read_at = self._quiet_read_at
        with self._read_soon_lock:
            read_soon, self._read_soon = self._read_soon, set()
        # Quiet processes are read when PID % every == phase; with every = 1, always: a PID
        # handed out again, once the counter wrapped, may now be another process's, and a
        # new boot time moves every process's start time (its key).
        every = self.quiet_read_every() if not (every_process or pids_wrapped or boot_time_moved) else 1
        self._passes += 1
        phase = self._passes % every
        unread: list[int] = []  # where the quiet processes left unread are in ``samples``
        read_pid = self._read_pid
        for pid in pids:
            read_at = quiet_read_at.get(pid)
            if read_at is not None and pid % every != phase and pid not in read_soon:
                unread.append(len(samples))
                append(last_sample[pid])
                continue
            sample = read_pid(pid, read_at, now)
            if sample is None:
                gone.append(pid)
            else:
                append(sample)
        if unread_cpu is not None and interval_s > 0:
            ran = unread_cpu.unread_ran(self._read_cpu_s, interval_s)
            if ran and lean_on_cpu and unread:
                samples = self._read_unread(samples, unread, gone, now)
        self._forget(pids, gone, listed_again)
        return samples

    def _read_unread(
        self, samples: list[ProcessSample], unread: list[int], gone: list[int], now: float
    ) -> list[ProcessSample]:
        """Read the quiet processes this pass had left unread, in place (some of them ran)."""
        ended = False
        for position in unread:
            pid = samples[position].key.pid
            sample = self._read_pid(pid, self._quiet_read_at.get(pid), now)
            if sample is None:
                gone.append(pid)
                ended = True
            else:
                samples[position] = sample
        if ended:
            left = set(gone)
            samples = [sample for sample in samples if sample.key.pid not in left]
        return samples

    def _read_pid(self, pid: int, read_at: float | None, now: float) -> ProcessSample | None:
        """This pass's sample of one process (the last one when its line is the same), or
        ``None`` when it is gone."""
        stat_files = self._stat_files
        fd = stat_files.descriptors.get(pid)
        raw = None
        if fd is not None:
            try:  # noqa: SIM105 - contextlib.suppress would cost more than the read, per process
                raw = os.pread(fd, _STAT_READ_SIZE, 0)
            except OSError:  # ESRCH: it ended (its PID may be someone else's now)
                pass
        if raw is None:
            try:
                raw = stat_files.open(pid, _STAT_READ_SIZE)
            except OSError:  # gone (ENOENT, ESRCH) or hidden from us (hidepid)
                return None
        line_hash = hash(raw)
        last_sample = self._last_sample
        if self._last_line.get(pid) == line_hash:
            # Same line: no CPU time, page fault or state change since last time, so
            # memory is taken as unchanged too (only kernel reclaim could move it).
            self._note_same_line(pid, read_at, now)
            return last_sample[pid]
        read_gap_s = self._note_changed_line(pid, read_at, now)
        before = last_sample.get(pid)
        sample = self._sample_of(pid, raw, before, read_gap_s)
        if sample is None:
            return None
        self._last_line[pid] = line_hash
        last_sample[pid] = sample
        if read_at is None and sample.cpu_seconds is not None:  # read last pass too, or new
            if before is None:
                self._read_cpu_s += sample.cpu_seconds
            elif before.cpu_seconds is not None and before.key == sample.key:
                self._read_cpu_s += sample.cpu_seconds - before.cpu_seconds
        return sample

    def _follow_boot_time(self) -> bool:
        """The kernel derives boot time from the wall clock, so a clock step moves it, and
        psutil (which re-checks identities before signals) reads it afresh: follow it, and
        parse every line again, since start times are derived from it.

        ``/proc/stat`` costs as much to read as a few dozen stat lines (the kernel sums
        every interrupt's count), so in our own ``/proc`` it is read again only when the
        wall clock moved against the boot clock, and every ``_BOOT_TIME_READ_EVERY`` passes.
        Returns whether it moved.
        """
        if self._proc_is_ours:
            by_clocks = _boot_time_by_clocks()
            self._passes_since_btime += 1
            if abs(by_clocks - self._boot_time_by_clocks) < _CLOCK_STEP_S and (
                self._passes_since_btime < _BOOT_TIME_READ_EVERY
            ):
                return False
            self._boot_time_by_clocks = by_clocks
            self._passes_since_btime = 0
        boot_time = self._read_boot_time()
        if boot_time == self._boot_time:
            return False
        self._boot_time = boot_time
        self._last_line.clear()
        self._static.clear()
        return True

    def _note_same_line(self, pid: int, read_at: float | None, now: float) -> None:
        """Count one more pass with the same line; the ``QUIET_PASSES``-th makes it quiet."""
        if read_at is not None:
            self._quiet_read_at[pid] = now
            return
        same = self._same_passes.get(pid, 0) + 1
        if same < QUIET_PASSES:
            self._same_passes[pid] = same
        else:
            del self._same_passes[pid]
            self._quiet_read_at[pid] = now

    def _note_changed_line(self, pid: int, read_at: float | None, now: float) -> float | None:
        """It is not quiet (any more); the seconds since its last read if it was."""
        if read_at is not None:
            del self._quiet_read_at[pid]
            return now - read_at
        self._same_passes.pop(pid, None)
        return None

    def _sample_of(
        self, pid: int, raw: bytes, before: ProcessSample | None, read_gap_s: float | None
    ) -> ProcessSample | None:
        """The sample of a changed (or new) stat line; ``None`` when the process is gone."""
        try:
            statm = _read_file(f"{self._proc}/{pid}/statm")
        except OSError:
            return None
        sample = self._parse(pid, raw, statm, read_gap_s)
        if before is not None and (sample is None or sample.key != before.key):
            self._static.pop(before.key, None)  # ended, or its PID went to another process
        return sample

    def _forget(self, pids: list[int], gone: list[int], listed_again: bool) -> None:
        """Let go of the processes that ended: those whose read failed, and, when ``/proc``
        was listed again, those no longer in it."""
        ended = set(gone)
        if listed_again:
            ended.update(self._last_sample.keys() - set(pids))
        for pid in ended:
            self._last_line.pop(pid, None)
            self._same_passes.pop(pid, None)
            self._quiet_read_at.pop(pid, None)
            sample = self._last_sample.pop(pid, None)
            if sample is not None:
                self._static.pop(sample.key, None)
        self._stat_files.forget(ended)
        if ended or listed_again:
            self._listed = [pid for pid in pids if pid not in ended]
        if ended and self._quiet_read_at:
            # Their children were adopted (a new parent in their lines, though they did not
            # run): read them at the next pass, quiet or not, so a tree shows them moved.
            orphans = [pid for pid, sample in self._last_sample.items() if sample.parent_pid in ended]
            if orphans:
                self.read_soon(orphans)

    def _pids(self) -> tuple[list[int], bool, bool]:
        """The PIDs to read: the folder's listing, or last pass's when no task started or
        ended since; whether the folder was listed; whether PIDs were handed out again
        from the bottom (the counter wrapped) since last pass.

        Listing ``/proc`` is the dearest call of a pass over idle processes (the kernel walks
        every task). A new process (or thread) takes a new PID, and the kernel shows the last
        one it handed out in ``loadavg``, next to how many tasks there are: while both stay
        the same, nothing started and nothing ended (a task is counted until its parent reaps
        it; a zombie's state shows when its line is read). The folder is listed anyway every
        few passes, and always when that ``loadavg`` is not this process's own (another PID
        namespace's ``/proc``, or a test's copy).
        """
        tasks = self._read_tasks() if self._proc_is_ours else b""
        if tasks and tasks == self._tasks and self._passes_unlisted < _UNLISTED_PASSES:
            self._passes_unlisted += 1
            return self._listed, False, False
        wrapped = _last_pid_of(tasks) < _last_pid_of(self._tasks)
        self._tasks = tasks  # read before listing: a task started meanwhile lists again
        self._passes_unlisted = 0
        return [int(entry) for entry in os.listdir(self._proc) if entry.isdigit()], True, wrapped

    def _read_tasks(self) -> bytes:
        """``loadavg``'s task count and last PID handed out (``b"1024 52187"``), or ``b""``."""
        try:
            fields = _read_file(f"{self._proc}/loadavg").split()
            return fields[3].partition(b"/")[2] + b" " + fields[4]
        except (OSError, IndexError):
            return b""

    def _parse(self, pid: int, raw: bytes, statm: bytes, read_gap_s: float | None) -> ProcessSample | None:
        close = raw.rfind(b")")
        comm = _decode(raw[raw.find(b"(") + 1 : close])
        fields = raw[close + 2 :].split()
        resident_pages = int(statm.split()[1])
        key = ProcessKey(pid, float(fields[_START]) / CLOCK_TICKS + self._boot_time)
        placement = hash((fields[_START_CODE], fields[_START_STACK]))
        static = self._static.get(key)
        if static is None or static.comm != comm or static.placement != placement:
            # New, or it ran another program (exec keeps the PID and start time).
            static = self._read_static(pid, comm, placement, bool(int(fields[_FLAGS]) & PF_KTHREAD))
            if static is None:
                return None
            self._static[key] = static
        return ProcessSample(
            key=key,
            name=static.name,
            user=static.user,
            status=_STATES.get(fields[_STATE], "unknown"),
            cpu_seconds=int(fields[_UTIME]) / CLOCK_TICKS + int(fields[_STIME]) / CLOCK_TICKS,
            memory_rss=resident_pages * PAGE_SIZE,
            threads=int(fields[_THREADS]),
            command_line=static.command_line,
            owned_by_me=static.user is not None and static.user == self._my_user,
            is_kernel_thread=static.is_kernel_thread,
            parent_pid=int(fields[_PPID]) or None,
            nice=int(fields[_NICE]),
            read_gap_s=read_gap_s,
        )

    def _read_static(
        self, pid: int, comm: str, placement: int, is_kernel_thread: bool
    ) -> _StaticFields | None:
        base = f"{self._proc}/{pid}"
        try:
            raw_argv = _read_file(f"{base}/cmdline", _CMDLINE_READ_SIZE)
            argv = _argv(raw_argv, complete=len(raw_argv) < _CMDLINE_READ_SIZE)
        except PermissionError:
            argv = None
        except OSError:
            return None
        user = None
        try:
            for line in _read_file(f"{base}/status", 1 << 14).splitlines():
                if line.startswith(b"Uid:"):
                    user = self._user_name(int(line.split()[1]))
                    break
        except PermissionError:
            pass
        except OSError:
            return None
        name = comm
        if len(comm) >= _COMM_LIMIT and argv:
            extended = os.path.basename(argv[0])
            if extended.startswith(comm):
                name = extended
        return _StaticFields(
            comm,
            placement,
            name,
            user,
            command_line_text(name, argv, is_kernel_thread),
            is_kernel_thread,
        )
