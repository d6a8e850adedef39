"""Carries out one action request: identity checks, sending, waiting, escalation, results.

Plain Python without Qt. Sending happens on the caller's thread (the controller's
pool); waiting for exits happens on the adapter's one :class:`ExitWatcher`, so no
thread is held while processes take their grace period.
"""

import dataclasses
import logging
import math
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult, Value
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.system_error import SystemProblem
from gui.core.window_info import WindowInfo
from gui.core.window_requests import CloseOutcome
from gui.platforms.adapter import NotSupportedHere, PlatformAdapter
from gui.platforms.exit_watcher import ExitWatcher, WaitOutcome
from gui.platforms.process_handle import IdentityUnknown, PidReused, ProcessGone, ProcessHandle
from gui.platforms.window_source import WindowSource

logger = logging.getLogger(__name__)

#: How often a tree or group being ended is looked at for processes that joined it.
NEWCOMER_LOOK_S = 0.2
#: The grace period when none (or no usable one) is given.
DEFAULT_GRACE_S = 5.0
#: How long a force quit gets to take effect before it is reported as stuck.
FORCE_WAIT_S = 3.0
#: How long Stop or Continue gets to show in the process's state.
STATE_CHANGE_WAIT_S = 1.0
#: How long a stopped process gets before it is reported suspended: the kernel keeps the
#: polite end pending until it is resumed (unless someone resumes it right now).
STOPPED_WAIT_S = 0.5
#: How many descendants of the processes End or Force quit targets are noted, at most, to
#: tell which of them are left running (a build with thousands of jobs costs no more).
CHILDREN_NOTED = 100
#: The actions whose descendants are noted: the tree and group actions cover theirs. An
#: app's own processes are its targets; its descendants outside it (what was started in a
#: terminal app, say) are noted like any other children.
_LEAVE_CHILDREN = frozenset({Action.END, Action.FORCE_QUIT, Action.END_APP, Action.FORCE_QUIT_APP})

_SENT = {
    Action.STOP: (Outcome.STOPPED, Detail.STOPPED),
    Action.CONTINUE: (Outcome.CONTINUED, Detail.CONTINUED),
    Action.HANG_UP: (Outcome.SIGNAL_SENT, Detail.SIGNAL_SENT),
    Action.INTERRUPT: (Outcome.SIGNAL_SENT, Detail.SIGNAL_SENT),
    Action.SEND_SIGNAL: (Outcome.SIGNAL_SENT, Detail.SIGNAL_SENT),
}
_SIGNAL_NAMES = {Action.HANG_UP: "SIGHUP", Action.INTERRUPT: "SIGINT"}

ReportResult = Callable[[ProcessResult], None]
Finished = Callable[[BatchReport], None]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How an ending action escalates; ``cancelled`` ends waits without any further signal."""

    grace_s: float = DEFAULT_GRACE_S
    auto_force: bool = False
    cancelled: threading.Event | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.grace_s) and self.grace_s >= 0):  # a wait must end
            object.__setattr__(self, "grace_s", DEFAULT_GRACE_S)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled is not None and self.cancelled.is_set()


@dataclass(slots=True)
class _Pending:
    """A process that was sent an ending action and is watched until it exits."""

    index: int
    target: ProcessSample
    handle: ProcessHandle


@dataclass(slots=True)
class _Batch:
    """One run's results by position, passed on as soon as each is known.

    Settled from the sending thread first, then from the watcher's thread; the lock
    keeps the two waits of one run (stopped processes, the rest) from overlapping.
    """

    request: ActionRequest
    options: RunOptions
    report: ReportResult
    finished: Finished
    results: dict[int, ProcessResult] = field(default_factory=dict)
    new_processes: dict[ProcessKey, ProcessSample] = field(default_factory=dict)
    #: Each target's descendants just before sending (End and Force quit only).
    descendants: dict[ProcessKey, tuple[ProcessSample, ...]] = field(default_factory=dict)
    descendants_capped: bool = False
    #: The processes that exited after their windows were asked to close (End app).
    closed_by_window: frozenset[ProcessKey] = frozenset()
    #: The windows the app opened once its windows were asked to close ("Save changes?").
    questions: tuple[WindowInfo, ...] = ()
    open_waits: int = 0
    lock: threading.RLock = field(default_factory=threading.RLock)
    done: threading.Event = field(default_factory=threading.Event)

    def settle(
        self, item: "_Pending | tuple[int, ProcessSample]", outcome: Outcome, detail: Detail, **values: Value
    ) -> None:
        index, target = (item.index, item.target) if isinstance(item, _Pending) else item
        result = ProcessResult(target, outcome, detail, tuple(values.items()))
        with self.lock:
            self.results[index] = result
        self.report(result)


class ActionRunner:
    """Runs requests against an adapter; reports one :class:`ProcessResult` per process."""

    def __init__(
        self,
        adapter: PlatformAdapter,
        watcher: ExitWatcher | None = None,
        own_pid: int | None = None,
        windows: WindowSource | None = None,
    ) -> None:
        self._adapter = adapter
        self._windows = windows
        self._watcher = watcher if watcher is not None else ExitWatcher()
        self._own_pid = os.getpid() if own_pid is None else own_pid

    @property
    def watcher(self) -> ExitWatcher:
        return self._watcher

    # Which processes a request covers -------------------------------------------

    def expand(self, request: ActionRequest) -> ActionRequest:
        """The request with the members it covers now, for the confirmation to list.

        Blocking (reads the process table): call it off the UI thread.
        """
        if request.action is Action.END_GROUP:
            group_ids: list[int] = []
            for target in request.targets:
                try:
                    group_id = self._adapter.group_id(target.key)
                except (ProcessGone, NotSupportedHere):
                    continue
                if group_id not in group_ids:
                    group_ids.append(group_id)
            members = [*request.targets]
            for group_id in group_ids:
                members.extend(self._adapter.group_members(group_id))
            return dataclasses.replace(request, members=_unique(members), group_ids=tuple(group_ids))
        if request.action is Action.END_TREE:
            descendants = self._adapter.descendants(target.key for target in request.targets)
            return dataclasses.replace(request, members=_unique([*descendants, *request.targets]))
        return request

    # Running --------------------------------------------------------------------

    def run(
        self, request: ActionRequest, options: RunOptions, report: ReportResult, finished: Finished
    ) -> None:
        """Carry out ``request``: ``report`` follows each process's result as it is known,
        ``finished`` the whole batch, once (possibly on the watcher's thread, later)."""
        if request.action.covers_members and not request.members:
            request = self.expand(request)
        batch = _Batch(request, options, report, finished)
        if request.windows and self._windows is not None and request.action is Action.END_APP:
            known = known_windows(self._windows, request)
            asked = close_windows(self._adapter, self._windows, request)
            if asked:
                self._watcher.watch(
                    list(asked.values()), options.grace_s, partial(self._after_close, batch, asked, known)
                )
                return
        self._send(batch)

    def _after_close(
        self,
        batch: _Batch,
        asked: dict[ProcessKey, ProcessHandle],
        known: frozenset[int],
        outcome: WaitOutcome,
    ) -> None:
        """The windows' grace period is over: signal what is left (on the watcher's thread),
        unless the app is asking the user something in a window it opened meanwhile."""
        exited = {id(handle) for handle in outcome.exited}
        closed = frozenset(key for key, handle in asked.items() if id(handle) in exited)
        for handle in asked.values():
            handle.close()
        batch.closed_by_window = closed
        if outcome.cancelled:  # quitting: nothing more is sent
            for item in enumerate(batch.request.covered):
                if item[1].key in closed:
                    batch.settle(item, Outcome.ENDED, Detail.CLOSED_BY_WINDOW)
                else:
                    grace = batch.options.grace_s
                    batch.settle(item, Outcome.STILL_RUNNING, Detail.STILL_RUNNING, grace_s=grace)
            self._finish_if_done(batch)
            return
        questions = self._questions(batch, known)
        if questions:
            self._hold_for_questions(batch, questions)
            return
        self._send(batch)

    def _questions(self, batch: _Batch, known: frozenset[int]) -> tuple[WindowInfo, ...]:
        """The windows the app's running processes opened after their windows were asked to
        close: an editor's "Save changes?" waiting for the user (as Windows' End task waits)."""
        if self._windows is None:
            return ()
        running = {t.key.pid: t for t in batch.request.covered if t.key not in batch.closed_by_window}
        new = [w for w in self._windows.windows_of(frozenset(running)) if w.window_id not in known]
        # Only from the processes confirmed, still themselves (not a new owner of a reused PID).
        asking = {pid for pid in {w.pid for w in new} if pid in running and self._still_there(running[pid])}
        return tuple(window for window in new if window.pid in asking)

    def _hold_for_questions(self, batch: _Batch, questions: tuple[WindowInfo, ...]) -> None:
        """Nothing of the app is signalled while it asks: signalling would lose the work its
        question is about. The report offers Switch to (the question) and Force quit."""
        batch.questions = questions
        titles = {window.pid: window.title for window in reversed(questions)}  # each one's first
        with batch.lock:
            for item in enumerate(batch.request.covered):
                key = item[1].key
                if key in batch.closed_by_window:
                    batch.settle(item, Outcome.ENDED, Detail.CLOSED_BY_WINDOW)
                    continue
                handle = self._open(item, batch.request.action, batch)  # settles those gone
                if handle is None:
                    continue
                handle.close()
                if key.pid in titles:
                    batch.settle(item, Outcome.ASKING, Detail.ASKING_IN_WINDOW, title=titles[key.pid])
                else:
                    batch.settle(item, Outcome.ASKING, Detail.WAITING_FOR_QUESTION)
        self._finish_if_done(batch)

    def _send(self, batch: _Batch) -> None:
        request = batch.request
        with batch.lock:
            batch.open_waits += 1  # sending counts as a wait, so no early wait finishes the batch
            if request.action not in self._adapter.actions():
                for index, target in enumerate(request.covered):
                    batch.settle((index, target), Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM)
            else:
                self._note_descendants(batch)
                self._look_for_newcomers(batch)
                if request.action is Action.END_GROUP:
                    pending = self._signal_groups(batch)
                else:
                    pending = self._signal_each(batch)
                self._look_for_newcomers(batch)
                self._watch(batch, pending)
                if pending and request.action.covers_members:
                    self._patrol(batch)
            batch.open_waits -= 1
        self._finish_if_done(batch)

    def run_and_wait(
        self, request: ActionRequest, options: RunOptions, report: ReportResult | None = None
    ) -> BatchReport:
        """:meth:`run`, returning once the batch is finished (for scripts and tests)."""
        done = threading.Event()
        reports: list[BatchReport] = []

        def finished(batch_report: BatchReport) -> None:
            reports.append(batch_report)
            done.set()

        self.run(request, options, report or (lambda _result: None), finished)
        done.wait()
        return reports[0]

    def _open(self, item: tuple[int, ProcessSample], action: Action, batch: _Batch) -> ProcessHandle | None:
        """A verified handle for sending, or ``None`` with the reason settled."""
        target = item[1]
        if target.is_kernel_thread:
            batch.settle(item, Outcome.NOT_SUPPORTED, Detail.KERNEL_THREAD)
            return None
        if target.key.pid == self._own_pid and not action.ends_processes:
            batch.settle(item, Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF)
            return None
        try:
            handle = self._adapter.open_process(target.key)
        except ProcessGone:
            if target.key in batch.closed_by_window:
                batch.settle(item, Outcome.ENDED, Detail.CLOSED_BY_WINDOW)
            else:
                batch.settle(item, Outcome.ALREADY_EXITED, Detail.ALREADY_EXITED)
            return None
        except PidReused:
            batch.settle(item, Outcome.PID_REUSED, Detail.PID_REUSED)
            return None
        except IdentityUnknown:
            batch.settle(
                item, Outcome.PERMISSION_DENIED, self._adapter.permission_detail(), owner=target.user
            )
            return None
        if action is not Action.CONTINUE and handle.is_zombie():
            parent = handle.parent()
            if target.key in batch.closed_by_window:
                batch.settle(item, Outcome.ENDED, Detail.CLOSED_BY_WINDOW)
            elif parent is None:
                batch.settle(item, Outcome.ALREADY_EXITED, Detail.ZOMBIE)
            else:
                batch.settle(
                    item,
                    Outcome.ALREADY_EXITED,
                    Detail.ZOMBIE_OF_PARENT,
                    parent=parent[0],
                    parent_pid=parent[1],
                )
            handle.close()
            return None
        return handle

    def _signal_each(self, batch: _Batch) -> list[_Pending]:
        request = batch.request
        action = request.action
        pending: list[_Pending] = []
        for index, target in enumerate(request.covered):
            if target.key.pid == self._own_pid and action.ends_processes:
                batch.settle((index, target), Outcome.ENDED, Detail.PROCPILOT_CLOSES)
                continue
            handle = self._open((index, target), action, batch)
            if handle is None:
                continue
            try:
                if request.priority is not None:
                    self._adapter.set_priority(handle, request.priority)
                else:
                    self._adapter.deliver(handle, action, request.signal)
            except Exception as error:  # noqa: BLE001 - every failure becomes a sentence
                self._settle_failure(batch, (index, target), error)
                handle.close()
                continue
            if action.ends_processes:
                pending.append(_Pending(index, target, handle))
                continue
            if request.priority is not None:
                handle.close()
                batch.settle((index, target), Outcome.PRIORITY_SET, Detail.PRIORITY_SET,
                             priority=request.priority.value)  # fmt: skip
                continue
            outcome, detail = self._sent_outcome(action, handle)
            handle.close()
            signal = request.signal
            batch.settle(
                (index, target),
                outcome,
                detail,
                signal=signal.name if signal else _SIGNAL_NAMES.get(action),
                number=signal.number if signal else None,
            )
        return pending

    @staticmethod
    def _sent_outcome(action: Action, handle: ProcessHandle) -> tuple[Outcome, Detail]:
        """What to report once a non-ending signal went out; Stop and Continue are checked."""
        if action in (Action.STOP, Action.CONTINUE):
            stopping = action is Action.STOP
            if not handle.reaches_stopped_state(stopping, STATE_CHANGE_WAIT_S):
                return Outcome.SIGNAL_SENT, Detail.NOT_STOPPED_YET if stopping else Detail.NOT_CONTINUED_YET
        return _SENT[action]

    def _signal_groups(self, batch: _Batch) -> list[_Pending]:
        """The confirmed members of each group, and only them.

        A group gets one ``killpg`` only while its id still names it and every process
        in it now was confirmed; otherwise each confirmed member is signalled on its own,
        so a process that changed its group never drags another group along.
        """
        request = batch.request
        members = request.covered
        confirmed = {member.key for member in members}
        if self._own_pid in {member.key.pid for member in members}:
            for index, member in enumerate(members):
                batch.settle((index, member), Outcome.NOT_SUPPORTED, Detail.GROUP_HAS_PROCPILOT)
            return []
        opened: list[_Pending] = []
        for index, member in enumerate(members):
            handle = self._open((index, member), request.action, batch)
            if handle is not None:
                opened.append(_Pending(index, member, handle))
        whole_groups: dict[int, set[ProcessKey]] = {}
        for group_id in request.group_ids:
            now = {sample.key for sample in self._adapter.group_members(group_id)}
            if now and now <= confirmed and self._own_pid not in {key.pid for key in now}:
                whole_groups[group_id] = now
        signalled: set[ProcessKey] = set()
        for group_id, keys in whole_groups.items():
            try:
                self._adapter.signal_group(group_id, request.action)
            except (ProcessLookupError, PermissionError, NotSupportedHere):
                continue  # each member on its own below says why
            signalled |= keys
        pending: list[_Pending] = []
        for item in opened:
            if item.target.key not in signalled:
                try:
                    self._adapter.deliver(item.handle, request.action)
                except Exception as error:  # noqa: BLE001 - every failure becomes a sentence
                    self._settle_failure(batch, (item.index, item.target), error)
                    item.handle.close()
                    continue
            pending.append(item)
        return pending

    # Waiting --------------------------------------------------------------------

    def _watch(self, batch: _Batch, pending: list[_Pending]) -> None:
        """Hand the sent processes to the watcher: stopped ones briefly, the rest for the grace period."""
        if not pending:
            return
        action = batch.request.action
        if action.forces:
            self._wait(batch, pending, FORCE_WAIT_S, forced=True, after_grace=False)
            return
        stopped = [item for item in pending if item.handle.is_stopped()]
        running = [item for item in pending if item not in stopped]
        if stopped:
            self._wait(batch, stopped, STOPPED_WAIT_S, forced=False, after_grace=False)
        if running:
            self._wait(batch, running, batch.options.grace_s, forced=False, after_grace=False)

    def _wait(
        self, batch: _Batch, pending: list[_Pending], timeout_s: float, *, forced: bool, after_grace: bool
    ) -> None:
        by_handle = {id(item.handle): item for item in pending}
        with batch.lock:
            batch.open_waits += 1

        def done(outcome: WaitOutcome) -> None:
            self._waited(batch, [by_handle[id(h)] for h in outcome.exited],
                         [by_handle[id(h)] for h in outcome.running], outcome.cancelled,
                         forced=forced, after_grace=after_grace)  # fmt: skip

        self._watcher.watch([item.handle for item in pending], timeout_s, done)

    def _waited(
        self,
        batch: _Batch,
        exited: list[_Pending],
        survivors: list[_Pending],
        cancelled: bool,
        *,
        forced: bool,
        after_grace: bool,
    ) -> None:
        """One wait is over: report who ended; force, offer or report the rest."""
        with batch.lock:
            batch.open_waits -= 1
            for item in exited:
                if not forced:
                    batch.settle(item, Outcome.ENDED, Detail.ENDED)
                elif after_grace:
                    grace = batch.options.grace_s
                    batch.settle(item, Outcome.FORCE_QUIT, Detail.FORCE_QUIT_AFTER_GRACE, grace_s=grace)
                else:
                    batch.settle(item, Outcome.FORCE_QUIT, Detail.FORCE_QUIT)
                item.handle.close()
            if cancelled or batch.options.is_cancelled:
                # ProcPilot is quitting: what was sent stays sent, and nothing more is.
                for item in survivors:
                    item.handle.close()
            else:
                survivors = self._escalate(batch, survivors, forced)
                for item in survivors:
                    self._settle_survivor(batch, item, forced)
                    item.handle.close()
            if not batch.open_waits:
                self._look_for_newcomers(batch)
        self._finish_if_done(batch)

    def _escalate(self, batch: _Batch, survivors: list[_Pending], forced: bool) -> list[_Pending]:
        """Force quit automatically when asked to; returns the survivors still to report."""
        if forced or not batch.options.auto_force or not survivors:
            return survivors
        left, sent = [], []
        for item in survivors:
            if item.handle.is_stopped():
                left.append(item)  # suspended, not ignoring: offered Resume or Force quit
                continue
            try:
                self._adapter.force(item.handle)
            except Exception as error:  # noqa: BLE001 - every failure becomes a sentence
                self._settle_failure(batch, item, error)
                item.handle.close()
                continue
            sent.append(item)
        if sent:
            self._wait(batch, sent, FORCE_WAIT_S, forced=True, after_grace=True)
        return left

    def _settle_survivor(self, batch: _Batch, item: _Pending, forced: bool) -> None:
        if not self._adapter.may_signal(item.handle):
            batch.settle(
                item, Outcome.PERMISSION_DENIED, self._adapter.permission_detail(), owner=item.target.user
            )
        elif forced:
            batch.settle(item, Outcome.STILL_RUNNING, Detail.STUCK_AFTER_FORCE_QUIT)
        elif item.handle.is_stopped():
            batch.settle(item, Outcome.SUSPENDED, Detail.SUSPENDED)
        else:
            batch.settle(item, Outcome.STILL_RUNNING, Detail.STILL_RUNNING, grace_s=batch.options.grace_s)

    def _settle_failure(
        self, batch: _Batch, item: "_Pending | tuple[int, ProcessSample]", error: Exception
    ) -> None:
        target = item.target if isinstance(item, _Pending) else item[1]
        if isinstance(error, PermissionError):
            batch.settle(
                item, Outcome.PERMISSION_DENIED, self._adapter.permission_detail(), owner=target.user
            )
        elif isinstance(error, ProcessLookupError):
            batch.settle(item, Outcome.ALREADY_EXITED, Detail.ALREADY_EXITED)
        elif isinstance(error, NotSupportedHere):
            batch.settle(item, Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM)
        else:
            logger.warning("Could not %s PID %d: %r", batch.request.action.value, target.key.pid, error)
            batch.settle(item, Outcome.FAILED, Detail.FAILED, **SystemProblem.of(error).values())

    # Children an ended process leaves running -------------------------------------

    def _note_descendants(self, batch: _Batch) -> None:
        """Note each target's descendants before it is sent anything: once it has ended,
        they are no longer its descendants (they are adopted and keep running)."""
        request = batch.request
        if request.action not in _LEAVE_CHILDREN:
            return
        roots = [t.key for t in request.targets if t.key.pid != self._own_pid and not t.is_kernel_thread]
        if not roots:
            return
        targets = {target.key for target in request.targets}
        noted = 0
        for root, found in self._adapter.descendants_of_each(roots, CHILDREN_NOTED).items():
            noted += len(found)
            kept = tuple(s for s in found if s.key not in targets and s.key.pid != self._own_pid)
            if kept:
                batch.descendants[root] = kept
        batch.descendants_capped = noted >= CHILDREN_NOTED

    def _children_left(
        self, batch: _Batch, results: tuple[ProcessResult, ...]
    ) -> tuple[tuple[ProcessSample, ...], tuple[ProcessSample, ...]]:
        """The noted descendants of processes that ended and are still there, and those parents.

        Looked at only, never signalled: the user decides, after a confirmation.
        """
        if not batch.descendants or batch.options.is_cancelled:
            return (), ()
        ended = [
            r.target
            for r in results
            if r.outcome in (Outcome.ENDED, Outcome.FORCE_QUIT) and r.detail is not Detail.PROCPILOT_CLOSES
        ]
        left: dict[ProcessKey, ProcessSample] = {}
        parents: list[ProcessSample] = []
        for parent in ended:
            running = [
                s for s in batch.descendants.get(parent.key, ()) if s.key not in left and self._still_there(s)
            ]
            if running:
                parents.append(parent)
                left.update((s.key, s) for s in running)
        return tuple(left.values()), tuple(parents)

    # Processes that joined after the confirmation ---------------------------------

    def _look_for_newcomers(self, batch: _Batch) -> None:
        """Note processes now in the confirmed tree or groups that the user never saw.

        They are not signalled; the report names them and the window offers to end them
        too, after a confirmation of their own.
        """
        request = batch.request
        if not request.action.covers_members or batch.options.is_cancelled:
            return
        confirmed = {member.key for member in request.covered}
        found: Iterable[ProcessSample]
        if request.action is Action.END_GROUP:
            found = [s for group_id in request.group_ids for s in self._safe_group(group_id)]
        else:
            found = self._adapter.descendants(member.key for member in request.covered)
        with batch.lock:
            for sample in found:
                if sample.key not in confirmed and sample.key.pid != self._own_pid:
                    batch.new_processes.setdefault(sample.key, sample)

    def _patrol(self, batch: _Batch) -> None:
        """Look for newcomers while the members take their grace period: a child started by
        a member that is ending is found only while that member still lives (then it is
        handed to init and is no longer part of the tree)."""

        def look() -> None:
            while not batch.done.wait(NEWCOMER_LOOK_S):
                if batch.options.is_cancelled:
                    return
                self._look_for_newcomers(batch)

        threading.Thread(target=look, name="procpilot-newcomers", daemon=True).start()

    def _safe_group(self, group_id: int) -> tuple[ProcessSample, ...]:
        try:
            return self._adapter.group_members(group_id)
        except NotSupportedHere:
            return ()

    def _finish_if_done(self, batch: _Batch) -> None:
        with batch.lock:
            if batch.open_waits or batch.done.is_set():
                return
            batch.done.set()
            results = tuple(batch.results[i] for i in sorted(batch.results))
            newcomers = tuple(s for s in batch.new_processes.values() if self._still_there(s))
        children, parents = self._children_left(batch, results)
        batch.finished(
            BatchReport(
                batch.request.action,
                results,
                newcomers,
                children_left=children,
                children_left_of=parents,
                children_left_capped=bool(children) and batch.descendants_capped,
                app=batch.request.app,
                signal=batch.request.signal,
                priority=batch.request.priority,
                questions=batch.questions,
            )
        )

    def _still_there(self, sample: ProcessSample) -> bool:
        try:
            handle = self._adapter.open_process(sample.key)
        except (ProcessGone, PidReused, IdentityUnknown):
            return False
        try:
            return not handle.is_zombie()
        finally:
            handle.close()


def known_windows(windows: WindowSource, request: ActionRequest) -> frozenset[int]:
    """The windows there before End app asked any to close: the ones it confirmed, and every
    window of its processes now (a dialog already open is no answer to the request)."""
    pids = frozenset(target.key.pid for target in request.covered)
    return frozenset(w.window_id for w in (*request.windows, *windows.windows_of(pids)))


def close_windows(
    adapter: PlatformAdapter, windows: WindowSource, request: ActionRequest
) -> dict[ProcessKey, ProcessHandle]:
    """Ask End app's windows to close, each only if its owner is one of the confirmed processes
    (and the source still sees the same window of the same owner). The owners asked, with a
    handle each to wait on: opened before asking, so a reused PID is never waited on."""
    by_pid = {target.key.pid: target.key for target in request.covered}
    asked: dict[ProcessKey, ProcessHandle] = {}
    for window in request.windows:
        key = by_pid.get(window.pid) if window.pid is not None else None
        if key is None:
            continue
        handle = asked.get(key)
        if handle is None:
            try:
                handle = adapter.open_process(key)
            except (ProcessGone, PidReused, IdentityUnknown):
                continue
        if windows.close(window) in (CloseOutcome.ASKED_WINDOW, CloseOutcome.ASKED_WINDOW_MANAGER):
            asked[key] = handle
        elif key not in asked:
            handle.close()
    return asked


def _unique(samples: Iterable[ProcessSample]) -> tuple[ProcessSample, ...]:
    """Each process once, by key, at its first place."""
    seen: dict[ProcessKey, ProcessSample] = {}
    for sample in samples:
        seen.setdefault(sample.key, sample)
    return tuple(seen.values())
