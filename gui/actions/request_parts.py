"""One request carried out in parts: the user's own processes as usual, others' as administrator.

A request "as administrator" sends only the processes this user may not signal to the
helper (one batch, one password prompt); the rest never go through it. A Force quit
of End's survivors goes over the helper sessions that hold them. The parts run side by
side and come back as one report, in the order of the request.
"""

import dataclasses
import threading
from collections.abc import Callable, Sequence

from gui.core.actions import Action, ActionRequest, SignalSpec
from gui.core.outcomes import BatchReport
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample


def narrowed(request: ActionRequest, targets: tuple[ProcessSample, ...]) -> ActionRequest:
    """``request`` for ``targets`` alone (a subset of what it covers), as this user."""
    return dataclasses.replace(request, targets=targets, members=(), group_ids=(), as_administrator=False)


#: Actions the helper knows as Send signal of their own signal.
_AS_SIGNAL = frozenset({Action.HANG_UP, Action.INTERRUPT})


def for_helper(
    request: ActionRequest,
    targets: tuple[ProcessSample, ...],
    action_signal: Callable[[Action], SignalSpec | None],
) -> ActionRequest:
    """What the helper does for ``targets``: the same action one process at a time.

    End app's part is End (the helper asks no windows to close); a tree's or group's End
    is End of each confirmed member given here (the members the confirmation listed, in
    its order: a tree's deepest first), with the same grace period and Force quit after
    it; Hang up and Interrupt are Send signal of SIGHUP and SIGINT (``action_signal``
    names the signal of an action, as the platform adapter does).
    """
    action = request.action.per_process
    signal = request.signal
    if action.covers_members:
        action = Action.END
    elif action in _AS_SIGNAL and (spec := action_signal(action)) is not None:
        action, signal = Action.SEND_SIGNAL, spec
    return ActionRequest(action, targets, signal, as_administrator=True, priority=request.priority)


def split_by_permission(
    targets: Sequence[ProcessSample], may_signal: Callable[[ProcessKey], bool]
) -> tuple[tuple[ProcessSample, ...], tuple[ProcessSample, ...]]:
    """(the processes this user may signal, the others), in their order."""
    own = tuple(target for target in targets if may_signal(target.key))
    mine = {target.key for target in own}
    return own, tuple(target for target in targets if target.key not in mine)


def merged(request: ActionRequest, reports: Sequence[BatchReport]) -> BatchReport:
    """One report for ``request`` from the reports of its parts, in the request's order."""
    order = {target.key: index for index, target in enumerate(request.covered)}
    results = sorted(
        (result for report in reports for result in report.results),
        key=lambda result: order.get(result.target.key, len(order)),
    )
    return BatchReport(
        request.action,
        tuple(results),
        new_processes=tuple(p for report in reports for p in report.new_processes),
        children_left=tuple(p for report in reports for p in report.children_left),
        children_left_of=tuple(p for report in reports for p in report.children_left_of),
        children_left_capped=any(report.children_left_capped for report in reports),
        app=request.app,
        signal=request.signal,
        priority=request.priority,
    )


class JoinedReport:
    """Collects the reports of ``parts`` parts (from any thread) and hands on the merged one once."""

    def __init__(self, request: ActionRequest, parts: int, finished: Callable[[BatchReport], None]) -> None:
        self._request = request
        self._parts = parts
        self._finished = finished
        self._reports: list[BatchReport] = []
        self._lock = threading.Lock()

    def part_done(self, report: BatchReport) -> None:
        with self._lock:
            self._reports.append(report)
            complete = len(self._reports) == self._parts
        if complete:
            self._finished(merged(self._request, self._reports))
