"""Carries out one action request: identity checks, sending, waiting, escalation, results.

Plain Python without Qt; the controller runs it on a worker thread.
"""

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Outcome, ProcessResult
from gui.core.process_sample import ProcessSample
from gui.platforms.adapter import NotSupportedHere, PlatformAdapter
from gui.platforms.process_handle import PidReused, ProcessGone, ProcessHandle, wait_for_exit

logger = logging.getLogger(__name__)

#: How long a force quit gets to take effect before it is reported as stuck.
FORCE_WAIT_S = 3.0
#: How long Stop or Continue gets to show in the process's state.
STATE_CHANGE_WAIT_S = 1.0

_VERBS = {Action.STOP: "stop", Action.CONTINUE: "continue", Action.FORCE_QUIT: "force quit"}
_SENT = {
    Action.STOP: (Outcome.STOPPED, "stopped"),
    Action.CONTINUE: (Outcome.CONTINUED, "continued"),
    Action.HANG_UP: (Outcome.SIGNAL_SENT, "hang-up signal (SIGHUP) sent"),
    Action.INTERRUPT: (Outcome.SIGNAL_SENT, "interrupt signal (SIGINT) sent"),
}

ReportResult = Callable[[ProcessResult], None]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How an ending action escalates; ``cancelled`` cuts waits short when the app quits."""

    grace_s: float = 5.0
    auto_force: bool = False
    cancelled: threading.Event | None = None


@dataclass(slots=True)
class _Pending:
    """A process that was sent an ending action and is watched until it exits."""

    index: int
    target: ProcessSample
    handle: ProcessHandle


@dataclass(slots=True)
class _Batch:
    """Results of one run by target index, passed on as soon as each is known."""

    report: ReportResult
    results: dict[int, ProcessResult] = field(default_factory=dict)

    def settle(self, index: int, target: ProcessSample, outcome: Outcome, detail: str) -> None:
        result = ProcessResult(target, outcome, detail)
        self.results[index] = result
        self.report(result)


class ActionRunner:
    """Runs requests against an adapter; reports one :class:`ProcessResult` per process."""

    def __init__(self, adapter: PlatformAdapter, own_pid: int | None = None) -> None:
        self._adapter = adapter
        self._own_pid = os.getpid() if own_pid is None else own_pid

    # Which processes a request covers -------------------------------------------

    def expand(self, request: ActionRequest) -> tuple[ProcessSample, ...]:
        """The processes a request acts on: a group's members or a tree's descendants too.

        Blocking (reads the process table): call it off the UI thread.
        """
        if request.action not in (Action.END_GROUP, Action.END_TREE):
            return request.targets
        expanded: dict[int, ProcessSample] = {}
        for target in request.targets:
            for member in self._members(request.action, target):
                expanded.setdefault(member.key.pid, member)
        return tuple(expanded.values())

    def _members(self, action: Action, target: ProcessSample) -> list[ProcessSample]:
        try:
            handle = self._adapter.open_process(target.key)
        except (ProcessGone, PidReused):
            return [target]
        try:
            if action is Action.END_GROUP:
                processes = self._adapter.process_group(handle)[1]
            else:
                processes = [*self._adapter.descendants(handle), handle.process]
        except (NotSupportedHere, OSError):
            return [target]
        finally:
            handle.close()
        members = []
        for process in processes:
            if process.pid == target.key.pid:
                members.append(target)
                continue
            try:
                members.append(self._adapter.read_process(process))
            except psutil.NoSuchProcess:
                continue
        return members

    # Running --------------------------------------------------------------------

    def run(self, request: ActionRequest, options: RunOptions, report: ReportResult) -> BatchReport:
        """Carry out ``request``; ``report`` is called as each process's result is known."""
        action = request.action
        batch = _Batch(report)
        if action not in self._adapter.actions():
            for index, target in enumerate(request.targets):
                batch.settle(index, target, Outcome.NOT_SUPPORTED, "this action does not exist here")
            return BatchReport(action, tuple(batch.results.values()))

        targets = self.expand(request)
        if action is Action.END_GROUP:
            pending = self._signal_groups(request, targets, batch)
        else:
            pending = self._signal_each(request, targets, batch)
        if pending:
            self._watch(action, pending, options, batch)
        return BatchReport(action, tuple(batch.results[i] for i in sorted(batch.results)))

    def _open(self, index: int, target: ProcessSample, action: Action, batch: _Batch) -> ProcessHandle | None:
        """A verified handle for sending, or ``None`` with the reason settled."""
        if target.is_kernel_thread:
            batch.settle(
                index,
                target,
                Outcome.NOT_SUPPORTED,
                "is a kernel thread: the kernel does not let it be signalled",
            )
            return None
        if target.key.pid == self._own_pid and not action.ends_processes:
            batch.settle(index, target, Outcome.NOT_SUPPORTED, "ProcPilot does not stop or signal itself")
            return None
        try:
            handle = self._adapter.open_process(target.key)
        except ProcessGone:
            batch.settle(index, target, Outcome.ALREADY_EXITED, "had already exited")
            return None
        except PidReused:
            batch.settle(
                index,
                target,
                Outcome.PID_REUSED,
                f"PID {target.key.pid} now belongs to another process: nothing was sent",
            )
            return None
        if action is not Action.CONTINUE and handle.is_zombie():
            parent = handle.parent_description()
            waiting = f"; it stays listed until its parent, {parent}, collects it" if parent else ""
            batch.settle(index, target, Outcome.ALREADY_EXITED, f"has already exited (zombie){waiting}")
            handle.close()
            return None
        return handle

    def _signal_each(
        self, request: ActionRequest, targets: tuple[ProcessSample, ...], batch: _Batch
    ) -> list[_Pending]:
        action = request.action
        pending: list[_Pending] = []
        for index, target in enumerate(targets):
            if target.key.pid == self._own_pid and action.ends_processes:
                batch.settle(index, target, Outcome.ENDED, "ProcPilot closes itself")
                continue
            handle = self._open(index, target, action, batch)
            if handle is None:
                continue
            try:
                self._adapter.deliver(handle, action, request.signal)
            except Exception as error:  # noqa: BLE001 - every failure becomes a sentence
                self._settle_failure(batch, index, target, action, error)
                handle.close()
                continue
            if action.ends_processes:
                pending.append(_Pending(index, target, handle))
                continue
            outcome, detail = self._sent_outcome(request, handle)
            handle.close()
            batch.settle(index, target, outcome, detail)
        return pending

    @staticmethod
    def _sent_outcome(request: ActionRequest, handle: ProcessHandle) -> tuple[Outcome, str]:
        """What to report once a non-ending signal went out; Stop and Continue are checked."""
        action = request.action
        if action is Action.SEND_SIGNAL and request.signal is not None:
            return Outcome.SIGNAL_SENT, f"{request.signal.name} ({request.signal.number}) sent"
        if action in (Action.STOP, Action.CONTINUE):
            stopping = action is Action.STOP
            if not handle.reaches_stopped_state(stopping, STATE_CHANGE_WAIT_S):
                verb = "stop" if stopping else "continue"
                return (
                    Outcome.SIGNAL_SENT,
                    f"{verb} signal sent, but it has not {verb}{'ped' if stopping else 'd'} yet",
                )
        return _SENT[action]

    def _signal_groups(
        self, request: ActionRequest, members: tuple[ProcessSample, ...], batch: _Batch
    ) -> list[_Pending]:
        """One ``killpg`` per distinct process group; every member is then watched."""
        if any(member.key.pid == self._own_pid for member in members):
            for index, member in enumerate(members):
                batch.settle(
                    index,
                    member,
                    Outcome.NOT_SUPPORTED,
                    "its process group includes ProcPilot itself: end the processes one by one",
                )
            return []
        groups: dict[int, list[_Pending]] = {}
        for index, member in enumerate(members):
            handle = self._open(index, member, request.action, batch)
            if handle is None:
                continue
            try:
                group_id = self._adapter.process_group(handle)[0]
            except (ProcessLookupError, NotSupportedHere):
                batch.settle(index, member, Outcome.ALREADY_EXITED, "had already exited")
                handle.close()
                continue
            groups.setdefault(group_id, []).append(_Pending(index, member, handle))
        pending: list[_Pending] = []
        for group_id, group in groups.items():
            try:
                self._adapter.signal_group(group_id, request.action)
            except Exception as error:  # noqa: BLE001 - every failure becomes a sentence
                for item in group:
                    self._settle_failure(batch, item.index, item.target, request.action, error)
                    item.handle.close()
                continue
            pending.extend(group)
        return pending

    def _watch(self, action: Action, pending: list[_Pending], options: RunOptions, batch: _Batch) -> None:
        """Report each process ended once it has; force or offer force for the rest."""
        forced = action is Action.FORCE_QUIT
        if forced:
            survivors = self._wait(
                pending, FORCE_WAIT_S, options, batch, outcome=Outcome.FORCE_QUIT, detail="force quit"
            )
        else:
            survivors = self._wait(
                pending, options.grace_s, options, batch, outcome=Outcome.ENDED, detail="ended"
            )
        if survivors and not forced and options.auto_force:
            forced = True
            sent = []
            for item in survivors:
                try:
                    self._adapter.force(item.handle)
                    sent.append(item)
                except Exception as error:  # noqa: BLE001 - every failure becomes a sentence
                    self._settle_failure(batch, item.index, item.target, Action.FORCE_QUIT, error)
                    item.handle.close()
            detail = f"force quit: it was still running {options.grace_s:g} s after End"
            survivors = self._wait(
                sent, FORCE_WAIT_S, options, batch, outcome=Outcome.FORCE_QUIT, detail=detail
            )
        for item in survivors:
            self._settle_survivor(batch, item, action, forced, options.grace_s)
            item.handle.close()

    @staticmethod
    def _wait(
        pending: list[_Pending],
        timeout_s: float,
        options: RunOptions,
        batch: _Batch,
        *,
        outcome: Outcome,
        detail: str,
    ) -> list[_Pending]:
        """Wait for exits; settle those that exited, return the others."""
        running = {
            id(handle) for handle in wait_for_exit([p.handle for p in pending], timeout_s, options.cancelled)
        }
        survivors = []
        for item in pending:
            if id(item.handle) in running:
                survivors.append(item)
            else:
                batch.settle(item.index, item.target, outcome, detail)
                item.handle.close()
        return survivors

    def _settle_survivor(
        self, batch: _Batch, item: _Pending, action: Action, forced: bool, grace_s: float
    ) -> None:
        if not self._adapter.may_signal(item.handle):
            verb = _VERBS.get(action, "end")
            batch.settle(
                item.index,
                item.target,
                Outcome.PERMISSION_DENIED,
                self._adapter.permission_hint(item.target.user, verb),
            )
        elif forced:
            batch.settle(
                item.index,
                item.target,
                Outcome.STILL_RUNNING,
                "still running after Force quit: it may be stuck waiting for a device",
            )
        else:
            batch.settle(
                item.index, item.target, Outcome.STILL_RUNNING, f"still running {grace_s:g} s after End"
            )

    def _settle_failure(
        self, batch: _Batch, index: int, target: ProcessSample, action: Action, error: Exception
    ) -> None:
        if isinstance(error, PermissionError):
            hint = self._adapter.permission_hint(target.user, _VERBS.get(action, "end"))
            batch.settle(index, target, Outcome.PERMISSION_DENIED, hint)
        elif isinstance(error, ProcessLookupError):
            batch.settle(index, target, Outcome.ALREADY_EXITED, "had already exited")
        elif isinstance(error, NotSupportedHere):
            batch.settle(index, target, Outcome.NOT_SUPPORTED, "not supported on this system")
        else:
            logger.warning("Could not %s PID %d: %r", action.value, target.key.pid, error)
            batch.settle(index, target, Outcome.FAILED, f"could not be signalled: {error}")
