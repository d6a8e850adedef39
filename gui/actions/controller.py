"""Runs action requests off the UI thread and reports back one result per process."""

import dataclasses
import logging
import threading
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from gui.actions.helper_failure import HelperFailure
from gui.actions.request_parts import JoinedReport, for_helper, narrowed, split_by_permission
from gui.actions.runner import ActionRunner, Finished, RunOptions
from gui.core.actions import Action, ActionRequest
from gui.core.outcomes import BatchReport, Detail, Outcome, ProcessResult
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo
from gui.platforms import PlatformAdapter
from gui.platforms.exit_watcher import ExitWatcher
from gui.platforms.open_files import raise_open_file_limit
from gui.platforms.window_source import WindowSource
from gui.settings import Settings

if TYPE_CHECKING:
    from gui.actions.elevated_runner import ElevatedRunner, Held
    from gui.actions.elevation_client import Launcher

logger = logging.getLogger(__name__)

#: Requests being sent at once; sending is quick, waiting happens on the exit watcher.
_MAX_PARALLEL_REQUESTS = 4


class ActionController(QObject):
    """Accepts requests on the UI thread; sends on a small pool, waits on one watcher thread.

    Signals are emitted from those threads; Qt queues them to receivers on the UI
    thread. Only immutable data (requests, samples, results) crosses.
    """

    #: A whole request is done (BatchReport).
    batch_finished = Signal(object)
    #: The request with the members it covers, for its confirmation (ActionRequest, ActionRequest).
    expanded = Signal(object, object)
    #: A Switch to was asked for (WindowInfo, ActivateOutcome).
    switched = Signal(object, object)

    def __init__(
        self,
        adapter: PlatformAdapter,
        settings: Settings,
        parent: QObject | None = None,
        windows: WindowSource | None = None,
        launcher: "Launcher | None" = None,
    ) -> None:
        """``launcher``: how the administrator helper starts (the system's way when ``None``)."""
        super().__init__(parent)
        self._windows = windows
        self._adapter = adapter
        raise_open_file_limit()
        self._watcher = ExitWatcher()
        self._runner = ActionRunner(adapter, self._watcher, windows=windows)
        self._launcher = launcher
        self._elevated_runner: ElevatedRunner | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(_MAX_PARALLEL_REQUESTS)
        self._cancelled = threading.Event()
        self._settings = settings
        # What an action changed shows at the next refresh, even in a process the list
        # reads only now and then because it was quiet.
        self.batch_finished.connect(self._read_acted_on_soon)

    def submit(self, request: ActionRequest) -> None:
        """Carry out ``request`` in the background; ``batch_finished`` follows, once.

        As administrator, only the processes this user may not signal go to the helper
        (one password prompt for them all); a Force quit of processes an End as
        administrator left running goes over the session that holds them (no prompt).
        """
        if self._cancelled.is_set():
            return
        self._adapter.read_soon(target.key for target in request.covered)
        # Read when sent: the settings are the one place the grace period and auto-force live.
        options = RunOptions(self._settings.grace_seconds, self._settings.auto_force, self._cancelled)
        claimed: Held = self._elevated_runner.claim(request) if self._elevated_runner is not None else {}
        rest = tuple(target for target in request.covered if target.key not in claimed)
        own: tuple[ProcessSample, ...] = rest
        others: tuple[ProcessSample, ...] = ()
        if request.as_administrator and request.action is Action.SET_PRIORITY:
            own, others = (), rest  # raising one's own process's priority needs the helper too
        elif request.as_administrator:
            own, others = split_by_permission(rest, self._adapter.may_signal_key)
        if not claimed and not others:
            self._pool.start(
                partial(self._run, narrowed(request, own) if request.as_administrator else request, options)
            )
            return
        elevated = self._elevated  # made here, on the UI thread, before the pool uses it
        parts = [bool(claimed), bool(others), bool(own)].count(True)
        joined = JoinedReport(request, parts, self.batch_finished.emit)
        if claimed:
            held = for_helper(
                request, tuple(t for t in request.covered if t.key in claimed), self._adapter.action_signal
            )
            self._pool.start(partial(self._force_held, elevated, held, claimed, joined.part_done))
        if others:
            self._pool.start(
                partial(
                    self._run_elevated,
                    elevated,
                    for_helper(request, others, self._adapter.action_signal),
                    options,
                    joined.part_done,
                )
            )
        if own:
            self._pool.start(partial(self._run, narrowed(request, own), options, joined.part_done))

    def _read_acted_on_soon(self, report: BatchReport) -> None:
        self._adapter.read_soon(result.target.key for result in report.results)

    def submit_elevated(self, request: ActionRequest) -> None:
        """Carry out ``request`` as administrator (one prompt for it all); ``batch_finished`` follows."""
        self.submit(dataclasses.replace(request, as_administrator=True))

    def release_held(self, keys: Iterable[ProcessKey]) -> None:
        """No Force quit will come for ``keys``: close the helper sessions held for them."""
        if self._elevated_runner is None:
            return
        unused = self._elevated_runner.release(keys)
        if unused:
            self._pool.start(partial(self._elevated_runner.close_sessions, unused))

    @property
    def held_for_force_quit(self) -> int:
        """How many processes a helper session holds for a Force quit without a prompt."""
        return 0 if self._elevated_runner is None else self._elevated_runner.held_count()

    @property
    def _elevated(self) -> "ElevatedRunner":
        """The administrator helper's runner, made (and its modules loaded: about 2 MB) at the
        first request or menu that needs it, on the UI thread."""
        if self._elevated_runner is None:
            from gui.actions.elevated_runner import ElevatedRunner  # noqa: PLC0415 - on first use
            from gui.actions.system_launcher import system_launcher  # noqa: PLC0415 - on first use

            self._elevated_runner = ElevatedRunner(self._adapter, self._launcher or system_launcher)
        return self._elevated_runner

    def elevation_problem(self) -> HelperFailure | None:
        """Why nothing can be done as administrator here (pkexec missing...), or ``None``."""
        if not self._adapter.can_elevate():
            return HelperFailure.NOT_STARTED
        return self._elevated.launcher_problem()

    def expand(self, request: ActionRequest) -> None:
        """Find a group's or tree's members in the background; ``expanded`` follows."""
        self._pool.start(partial(self._expand, request))

    def switch_to(self, window: WindowInfo) -> None:
        """Bring ``window`` to the front in the background (the display may be slow); ``switched`` follows."""
        if self._windows is not None and not self._cancelled.is_set():
            self._pool.start(partial(self._switch, self._windows, window))

    def shutdown(self) -> None:
        """Stop waiting, send nothing more, join the threads (what was sent stays sent).

        An End in its grace period is never escalated by quitting, whatever the settings.
        """
        self._cancelled.set()
        self._pool.waitForDone()
        if self._elevated_runner is not None:
            self._elevated_runner.shutdown()
        self._watcher.shutdown()

    def wait_until_idle(self, timeout_ms: int = -1) -> bool:
        """Whether all sending finished in time (waits for exits may still be open)."""
        return self._pool.waitForDone(timeout_ms)

    @property
    def waiting(self) -> int:
        """How many waits for processes to exit are open."""
        return self._watcher.waiting

    # Worker threads -----------------------------------------------------------

    def _run(self, request: ActionRequest, options: RunOptions, finished: Finished | None = None) -> None:
        report = finished or self.batch_finished.emit
        try:
            self._runner.run(request, options, _ignore_result, report)
        except Exception:
            logger.exception("Action %s failed unexpectedly", request.action.value)
            report(_failed(request))

    def _run_elevated(
        self, elevated: "ElevatedRunner", request: ActionRequest, options: RunOptions, finished: Finished
    ) -> None:
        try:
            report = elevated.run(request, options)
        except Exception:
            logger.exception("Action %s as administrator failed unexpectedly", request.action.value)
            report = _failed(request)
        finished(report)

    def _force_held(
        self, elevated: "ElevatedRunner", request: ActionRequest, claimed: "Held", finished: Finished
    ) -> None:
        try:
            report = elevated.force_held(request, claimed)
        except Exception:
            logger.exception("Force quit as administrator failed unexpectedly")
            report = _failed(request)
        finished(report)

    def _switch(self, windows: WindowSource, window: WindowInfo) -> None:
        self.switched.emit(window, windows.activate(window))

    def _expand(self, request: ActionRequest) -> None:
        try:
            expanded = self._runner.expand(request)
        except Exception:
            logger.exception("Listing the processes of %s failed", request.action.value)
            expanded = request
        self.expanded.emit(request, expanded)


def _failed(request: ActionRequest) -> BatchReport:
    """Every process failed, for a reason only the log knows."""
    return BatchReport(
        request.action,
        tuple(
            ProcessResult(target, Outcome.FAILED, Detail.FAILED, (("error", None),))
            for target in request.covered
        ),
        app=request.app,
    )


def _ignore_result(_result: ProcessResult) -> None:
    """Results are shown per batch; the runner's per-process report is for scripts and tests."""
