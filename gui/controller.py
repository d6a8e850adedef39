"""Runs action requests off the UI thread and reports back one result per process."""

import logging
import threading
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, Signal

from gui.action_runner import ActionRunner, RunOptions
from gui.core.actions import ActionRequest
from gui.core.outcomes import BatchReport, Outcome, ProcessResult
from gui.platforms import PlatformAdapter

logger = logging.getLogger(__name__)

#: Requests that may run at once (each may wait seconds for processes to exit).
_MAX_PARALLEL_REQUESTS = 4


class ActionController(QObject):
    """Accepts requests on the UI thread and runs them on its own thread pool.

    Signals are emitted from the pool's threads; Qt queues them to receivers on
    the UI thread. Only immutable data (requests, samples, results) crosses.
    """

    #: One process's result, as soon as it is known (ProcessResult).
    process_result = Signal(object)
    #: A whole request is done (BatchReport).
    batch_finished = Signal(object)
    #: The processes a request will act on, for its confirmation (ActionRequest, tuple of samples).
    expanded = Signal(object, object)

    def __init__(self, adapter: PlatformAdapter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = ActionRunner(adapter)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(_MAX_PARALLEL_REQUESTS)
        self._cancelled = threading.Event()
        self.grace_s = 5.0
        self.auto_force = False

    def submit(self, request: ActionRequest) -> None:
        """Carry out ``request`` in the background; ``batch_finished`` follows."""
        options = RunOptions(self.grace_s, self.auto_force, self._cancelled)
        self._pool.start(partial(self._run, request, options))

    def expand(self, request: ActionRequest) -> None:
        """Find a group's or tree's members in the background; ``expanded`` follows."""
        self._pool.start(partial(self._expand, request))

    def shutdown(self) -> None:
        """Cut waits short and join the workers (signals already sent stay sent)."""
        self._cancelled.set()
        self._pool.waitForDone()

    def wait_until_idle(self, timeout_ms: int = -1) -> bool:
        return self._pool.waitForDone(timeout_ms)

    # Worker threads -----------------------------------------------------------

    def _run(self, request: ActionRequest, options: RunOptions) -> None:
        try:
            report = self._runner.run(request, options, self.process_result.emit)
        except Exception:
            logger.exception("Action %s failed unexpectedly", request.action.value)
            report = BatchReport(
                request.action,
                tuple(
                    ProcessResult(target, Outcome.FAILED, "failed unexpectedly: see the log")
                    for target in request.targets
                ),
            )
        self.batch_finished.emit(report)

    def _expand(self, request: ActionRequest) -> None:
        try:
            members = self._runner.expand(request)
        except Exception:
            logger.exception("Listing the processes of %s failed", request.action.value)
            members = request.targets
        self.expanded.emit(request, members)
