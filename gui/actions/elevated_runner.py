"""Carries out one request as administrator: one helper (one password prompt) per batch.

Plain Python without Qt, blocking: run it on the controller's pool. Processes that
ignored End stay held by the helper, so the Force quit that follows for them goes over
the same session, without a second prompt.
"""

import logging
import os
import signal
import threading
from collections.abc import Iterable

from gui.actions.elevated_results import helper_failed_result, unsent_result
from gui.actions.elevation_client import Launcher, start_helper
from gui.actions.helper_failure import HelperError, HelperFailure
from gui.actions.helper_log import LoggedSession, log_request
from gui.actions.helper_session import HelperSession
from gui.actions.runner import FORCE_WAIT_S, RunOptions
from gui.actions.system_launcher import system_launcher
from gui.core.actions import Action, ActionRequest
from gui.core.elevation_protocol import MAX_ENTRIES, MAX_PID, Entry
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult, Value
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.platforms.adapter import NotSupportedHere, PlatformAdapter
from gui.platforms.process_handle import IdentityUnknown, PidReused, ProcessGone

logger = logging.getLogger(__name__)

#: Processes a Force quit takes over from an End: the session holding each, and its index there.
Held = dict[ProcessKey, tuple[HelperSession, int]]

#: The actions the helper carries out (one process each).
ELEVATED_ACTIONS = frozenset(
    {Action.END, Action.FORCE_QUIT, Action.STOP, Action.CONTINUE, Action.SEND_SIGNAL, Action.SET_PRIORITY}
)
_SENT = {
    Action.STOP: (Outcome.STOPPED, Detail.STOPPED),
    Action.CONTINUE: (Outcome.CONTINUED, Detail.CONTINUED),
    Action.SEND_SIGNAL: (Outcome.SIGNAL_SENT, Detail.SIGNAL_SENT),
    Action.SET_PRIORITY: (Outcome.PRIORITY_SET, Detail.PRIORITY_SET),
}


class ElevatedRunner:
    """Runs requests through the privileged helper; holds the session of End's survivors."""

    def __init__(
        self, adapter: PlatformAdapter, launcher: Launcher = system_launcher, own_pid: int | None = None
    ) -> None:
        self._adapter = adapter
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._launcher = launcher
        self._lock = threading.Lock()
        #: End's survivors: the session that signalled them and their index in it.
        self._held: dict[ProcessKey, tuple[HelperSession, int]] = {}
        #: Sessions a Force quit is using now (claimed, not yet done), by id: kept open.
        self._in_use: dict[int, int] = {}

    def holds(self, request: ActionRequest) -> bool:
        """Whether this is a Force quit of processes an earlier batch here left running."""
        with self._lock:
            return (
                request.action.per_process is Action.FORCE_QUIT
                and bool(request.covered)
                and all(target.key in self._held for target in request.covered)
            )

    def claim(self, request: ActionRequest) -> Held:
        """For a Force quit: take the held sessions of the processes it covers (quick, any thread).

        What is claimed is no longer held: give it to :meth:`force_held`, which closes the
        sessions it leaves unused.
        """
        if request.action.per_process is not Action.FORCE_QUIT:
            return {}
        with self._lock:
            claimed = {t.key: self._held.pop(t.key) for t in request.covered if t.key in self._held}
            # Once per session (force_held is done with each once), however many it holds here.
            for session_id in {id(session) for session, _position in claimed.values()}:
                self._in_use[session_id] = self._in_use.get(session_id, 0) + 1
        return claimed

    def release(self, keys: Iterable[ProcessKey]) -> list[HelperSession]:
        """Stop holding ``keys`` (no Force quit will come for them); the sessions now unused,
        for :meth:`close_sessions` (off the UI thread: closing waits for the helper to exit)."""
        with self._lock:
            sessions = {id(s): s for key in keys if (s := self._held.pop(key, (None, 0))[0]) is not None}
            return [s for s in sessions.values() if self._unused(s)]

    @staticmethod
    def close_sessions(sessions: Iterable[HelperSession]) -> None:
        """Close ``sessions``: each helper exits once its input closes."""
        for session in sessions:
            session.close()

    def launcher_problem(self) -> HelperFailure | None:
        """Why the helper could not be started now (``PKEXEC_MISSING``...), or ``None``.
        Only builds the command: nothing is started, nobody is asked for a password."""
        try:
            self._launcher()
        except HelperError as error:
            return error.failure
        return None

    def held_count(self) -> int:
        """How many processes are held for a Force quit without a second prompt."""
        with self._lock:
            return len(self._held)

    def _unused(self, session: HelperSession) -> bool:
        """Whether nobody is held by ``session`` and no Force quit is using it (under the lock)."""
        return not self._in_use.get(id(session)) and all(
            held is not session for held, _position in self._held.values()
        )

    def run(self, request: ActionRequest, options: RunOptions) -> BatchReport:
        """Carry out ``request`` as administrator; one result per process.

        Nothing the helper would refuse is sent to it (one such entry would fail the whole
        batch): those get their own result here, as the unprivileged runner gives them.
        Past the protocol's limit of entries, the rest are not sent (one prompt for one
        batch): their result says so and offers Try as administrator again.
        """
        if self.holds(request):
            return self.force_held(request, self.claim(request))
        action = request.action
        results: dict[int, ProcessResult] = {}
        entries: list[Entry] = []
        sent_targets: list[tuple[int, ProcessSample]] = []
        sent_pids: set[int] = set()
        for index, target in enumerate(request.covered):
            refusal = self._refusal(target, len(entries), sent_pids)
            if refusal is not None:
                results[index] = refusal
                continue
            try:
                if action not in ELEVATED_ACTIONS:
                    raise NotSupportedHere(action)
                entries.append(
                    self._adapter.helper_entry(target.key, action, request.signal, request.priority)
                )
                sent_targets.append((index, target))
                sent_pids.add(target.key.pid)
            except ProcessGone:
                results[index] = ProcessResult(target, Outcome.ALREADY_EXITED, Detail.ALREADY_EXITED)
            except (PidReused, IdentityUnknown):
                results[index] = ProcessResult(target, Outcome.PID_REUSED, Detail.PID_REUSED)
            except NotSupportedHere:
                results[index] = ProcessResult(target, Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM)
        if entries:
            results.update(self._send(request, options, entries, sent_targets))
        return BatchReport(
            action,
            tuple(results[i] for i in range(len(request.covered))),
            app=request.app,
            signal=request.signal,
            priority=request.priority,
        )

    def _refusal(self, target: ProcessSample, entry_count: int, sent_pids: set[int]) -> ProcessResult | None:
        """The result of a process the helper must not be sent (it would refuse it, or the whole
        batch), or ``None`` for one it may be."""
        pid = target.key.pid
        if pid <= 1:  # PID 0 and 1 (init, launchd): the protocol refuses the whole batch
            return ProcessResult(target, Outcome.NOT_SUPPORTED, Detail.ADMIN_FIRST_PROCESS, (("pid", pid),))
        if target.is_kernel_thread:
            return ProcessResult(target, Outcome.NOT_SUPPORTED, Detail.KERNEL_THREAD)
        if pid == self._own_pid:  # the helper's parent: it would refuse it
            return ProcessResult(target, Outcome.NOT_SUPPORTED, Detail.NOT_ON_ITSELF)
        if pid > MAX_PID:
            return ProcessResult(target, Outcome.NOT_SUPPORTED, Detail.NOT_ON_THIS_SYSTEM)
        if pid in sent_pids:  # listed twice: the protocol refuses a PID twice
            return ProcessResult(target, Outcome.FAILED, Detail.ADMIN_REFUSED)
        if entry_count >= MAX_ENTRIES:
            return ProcessResult(
                target, Outcome.PERMISSION_DENIED, Detail.ADMIN_BATCH_LIMIT, (("limit", MAX_ENTRIES),)
            )
        return None

    def _send(
        self,
        request: ActionRequest,
        options: RunOptions,
        entries: list[Entry],
        targets: list[tuple[int, ProcessSample]],
    ) -> dict[int, ProcessResult]:
        log_request(request.action.value, entries)
        try:
            session: HelperSession = LoggedSession(
                start_helper(self._launcher(), entries), request.action.value
            )
        except HelperError as error:
            logger.warning("Administrator helper for %s: %s (%s)", request.action.value, error, error.stderr)
            return {index: helper_failed_result(target, error) for index, target in targets}
        results: dict[int, ProcessResult] = {}
        keep = False
        try:
            sent: list[int] = []
            for position, answer in enumerate(session.results):
                index, target = targets[position]
                unsent = unsent_result(target, answer)
                if unsent is None:
                    sent.append(position)
                else:
                    results[index] = unsent
            if request.action is Action.END and sent:
                keep = self._wait_for_end(session, options, targets, sent, results)
            elif request.action is Action.FORCE_QUIT and sent:
                self._wait_for_force(session, targets, sent, results, Detail.FORCE_QUIT)
            else:
                outcome, detail = _SENT[request.action]
                for position in sent:
                    index, target = targets[position]
                    values = _sent_values(request, detail)
                    results[index] = ProcessResult(target, outcome, detail, values)
        except HelperError as error:
            logger.warning("Administrator helper broke off: %s (%s)", error, error.stderr)
            for index, target in targets:
                results.setdefault(index, helper_failed_result(target, error))
        finally:
            if not keep:
                session.close()
        return results

    def _wait_for_end(
        self,
        session: HelperSession,
        options: RunOptions,
        targets: list[tuple[int, ProcessSample]],
        sent: list[int],
        results: dict[int, ProcessResult],
    ) -> bool:
        """Wait through the grace period; force quit or hold the survivors. Whether it holds any."""
        running = set(session.wait(options.grace_s))
        for position in sent:
            if position not in running:
                index, target = targets[position]
                results[index] = ProcessResult(target, Outcome.ENDED, Detail.ENDED)
        survivors = [position for position in sent if position in running]
        if not survivors:
            return False
        if options.auto_force:
            session.signal_again(signal.SIGKILL, survivors)
            self._wait_for_force(
                session, targets, survivors, results, Detail.FORCE_QUIT_AFTER_GRACE, grace_s=options.grace_s
            )
            return False
        with self._lock:
            for position in survivors:
                index, target = targets[position]
                results[index] = ProcessResult(
                    target, Outcome.STILL_RUNNING, Detail.STILL_RUNNING, (("grace_s", options.grace_s),)
                )
                self._held[target.key] = (session, position)
        return True

    @staticmethod
    def _wait_for_force(
        session: HelperSession,
        targets: list[tuple[int, ProcessSample]],
        sent: list[int],
        results: dict[int, ProcessResult],
        detail: Detail,
        *,
        grace_s: float | None = None,
    ) -> None:
        running = set(session.wait(FORCE_WAIT_S))
        for position in sent:
            index, target = targets[position]
            if position in running:
                results[index] = ProcessResult(target, Outcome.FAILED, Detail.STUCK_AFTER_FORCE_QUIT)
            else:
                values = (("grace_s", grace_s),) if grace_s is not None else ()
                results[index] = ProcessResult(target, Outcome.FORCE_QUIT, detail, values)

    def force_held(self, request: ActionRequest, claimed: Held) -> BatchReport:
        """Force quit End's survivors over the sessions that hold them (``claimed`` by
        :meth:`claim` for exactly ``request.covered``): no second prompt."""
        results: dict[int, ProcessResult] = {}
        by_session: dict[int, tuple[HelperSession, list[tuple[int, int, ProcessSample]]]] = {}
        for index, target in enumerate(request.covered):
            session, position = claimed[target.key]
            by_session.setdefault(id(session), (session, []))[1].append((index, position, target))
        for session, members in by_session.values():
            try:
                self._force_members(session, members, results)
            except HelperError as error:
                logger.warning("Administrator helper broke off: %s (%s)", error, error.stderr)
                for index, _position, target in members:
                    results.setdefault(index, helper_failed_result(target, error))
            finally:
                self._done_with(session)
        return BatchReport(
            request.action, tuple(results[i] for i in range(len(request.covered))), app=request.app
        )

    @staticmethod
    def _force_members(
        session: HelperSession,
        members: list[tuple[int, int, ProcessSample]],
        results: dict[int, ProcessResult],
    ) -> None:
        targets = {position: (index, target) for index, position, target in members}
        answers = session.signal_again(signal.SIGKILL, list(targets))
        sent = []
        for answer in answers:
            index, target = targets[answer.index]
            unsent = unsent_result(target, answer)
            if unsent is None:
                sent.append(answer.index)
            else:
                results[index] = unsent
        if not sent:
            return
        running = set(session.wait(FORCE_WAIT_S))
        for position in sent:
            index, target = targets[position]
            stuck = position in running
            results[index] = ProcessResult(
                target,
                Outcome.FAILED if stuck else Outcome.FORCE_QUIT,
                Detail.STUCK_AFTER_FORCE_QUIT if stuck else Detail.FORCE_QUIT,
            )

    def _done_with(self, session: HelperSession) -> None:
        """A Force quit is done with ``session``: close it once nobody else needs it."""
        with self._lock:
            count = self._in_use.pop(id(session), 0) - 1
            if count > 0:
                self._in_use[id(session)] = count
            unused = self._unused(session)
        if unused:
            session.close()

    def shutdown(self) -> None:
        """Close every held session: the helpers exit, nothing more is sent."""
        with self._lock:
            sessions = {id(session): session for session, _position in self._held.values()}
            self._held.clear()
            sessions = {key: s for key, s in sessions.items() if self._unused(s)}
        self.close_sessions(sessions.values())


def _sent_values(request: ActionRequest, detail: Detail) -> tuple[tuple[str, Value], ...]:
    """The values a sent entry's sentence names: the signal, or the priority set."""
    if detail is Detail.SIGNAL_SENT and request.signal is not None:
        return (("signal", request.signal.name), ("number", request.signal.number))
    if detail is Detail.PRIORITY_SET and request.priority is not None:
        return (("priority", request.priority.value),)
    return ()
