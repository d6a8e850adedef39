"""Whether the menus offer "As administrator ▸" for a selection, and what its tooltip says.

Decided before anything is sent: the adapter says which selected processes this user
may not signal (their owner, signal 0), and whether this system can act as
administrator at all; the controller says whether the launcher (pkexec) is there.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.actions.helper_failure import HelperFailure
from gui.core.process_sample import ProcessSample
from gui.platforms import PlatformAdapter
from gui.views.message_args import with_args
from gui.views.translation_contexts import AdminMenu


@dataclass(frozen=True, slots=True)
class AdminOffer:
    """``refused``: how many selected processes only an administrator may signal.
    ``tooltip`` explains the submenu; ``usable`` is False when this system lacks what it needs."""

    refused: int
    usable: bool
    tooltip: str


def admin_offer(
    adapter: PlatformAdapter,
    targets: tuple[ProcessSample, ...],
    problem: Callable[[], HelperFailure | None],
) -> AdminOffer | None:
    """The offer for ``targets``, or ``None`` when every one of them is the user's to signal
    (or this system has no administrator helper). ``problem`` is asked only when needed."""
    if not targets or not adapter.can_elevate():
        return None
    refused = sum(not adapter.may_signal_key(target.key) for target in targets)
    if refused == 0:
        return None
    failure = problem()
    if failure is HelperFailure.PKEXEC_MISSING:
        return AdminOffer(refused, False, _missing_pkexec())
    if failure is not None:
        return AdminOffer(refused, False, _unavailable())
    return AdminOffer(refused, True, _explained(refused, len(targets)))


def _explained(refused: int, count: int) -> str:
    if count == 1:
        return QCoreApplication.translate(
            "AdminMenu",
            "This process belongs to another user: ProcPilot asks for the administrator password once, "
            "then acts on it",
        )
    return with_args(
        AdminMenu.tr(
            "%n of the %1 selected processes belong to other users: ProcPilot asks for the "
            "administrator password once for them all; your own processes are acted on as usual",
            None,
            refused,
        ),
        count,
    )


def _missing_pkexec() -> str:
    return QCoreApplication.translate(
        "AdminMenu",
        "Needs pkexec, which is not installed: install the pkexec package (called polkit on some "
        "systems) to act as administrator",
    )


def _unavailable() -> str:
    return QCoreApplication.translate("AdminMenu", "ProcPilot cannot act as administrator on this system")
