"""What a user can ask ProcPilot to do to processes."""

from dataclasses import dataclass
from enum import Enum

from gui.core.app_identity import AppIdentity
from gui.core.priority import Priority
from gui.core.process_sample import ProcessSample
from gui.core.window_info import WindowInfo


class Action(Enum):
    """An action from the context menu; the platform adapter says which exist."""

    END = "end"  # the polite request: SIGTERM, Windows "End task"
    FORCE_QUIT = "force_quit"  # SIGKILL
    STOP = "stop"  # SIGSTOP, shown as "Suspend"
    CONTINUE = "continue"  # SIGCONT, shown as "Resume"
    HANG_UP = "hang_up"  # SIGHUP
    INTERRUPT = "interrupt"  # SIGINT
    SEND_SIGNAL = "send_signal"  # any signal, chosen from a submenu
    END_GROUP = "end_group"  # SIGTERM to the whole process group
    END_TREE = "end_tree"  # descendants first, then the process, politely
    END_APP = "end_app"  # the polite request to every process of an application
    FORCE_QUIT_APP = "force_quit_app"  # SIGKILL to every process of an application
    SET_PRIORITY = "set_priority"  # a nice value (Windows: a priority class), not a signal

    @property
    def ends_processes(self) -> bool:
        """Whether success means the process is gone (and is checked by waiting)."""
        return self in _ENDING

    @property
    def covers_members(self) -> bool:
        """Whether the action reaches past the selection: a group's or a tree's members."""
        return self in (Action.END_GROUP, Action.END_TREE)

    @property
    def acts_on_app(self) -> bool:
        """Whether the action is chosen on an application and names it (its request has ``app``)."""
        return self in _ON_APP

    @property
    def forces(self) -> bool:
        """Whether the action ends at once, without a grace period to save work."""
        return self in (Action.FORCE_QUIT, Action.FORCE_QUIT_APP)

    @property
    def per_process(self) -> "Action":
        """The same action on processes one by one: End app is End for each of its processes."""
        return _PER_PROCESS.get(self, self)


_ENDING = frozenset(
    {
        Action.END,
        Action.FORCE_QUIT,
        Action.END_GROUP,
        Action.END_TREE,
        Action.END_APP,
        Action.FORCE_QUIT_APP,
    }
)
_ON_APP = frozenset({Action.END_APP, Action.FORCE_QUIT_APP})
_PER_PROCESS = {Action.END_APP: Action.END, Action.FORCE_QUIT_APP: Action.FORCE_QUIT}


@dataclass(frozen=True, slots=True)
class SignalSpec:
    """One signal as the "Send signal" submenu lists it (the views word its meaning)."""

    name: str
    number: int


@dataclass(frozen=True, slots=True)
class ActionRequest:
    """An action on processes as they were when the menu opened.

    The targets carry their :class:`ProcessKey`, re-checked just before sending,
    and their name and user for every message about them. For a group or a tree,
    ``members`` are the processes the confirmation listed (deepest first for a tree)
    and ``group_ids`` the groups they were in: exactly these are acted on, never
    processes that joined later.

    End app and Force quit app name the application the user chose in ``app``; the
    targets are then all its processes as listed when the menu opened (one application
    per request), and exactly these are confirmed and acted on. End app's ``windows`` are
    the app's windows as listed then: they are asked to close before any signal (the
    window source checks again that each is still the same window of the same owner).

    ``as_administrator``: the processes this user may not signal go to the administrator
    helper in one batch (one password prompt); the others are acted on as usual. A priority
    change as administrator sends every target to the helper: raising one's own process's
    priority needs it too.

    Change priority carries the step chosen in ``priority`` (and only it does).
    """

    action: Action
    targets: tuple[ProcessSample, ...]
    signal: SignalSpec | None = None
    members: tuple[ProcessSample, ...] = ()
    group_ids: tuple[int, ...] = ()
    app: AppIdentity | None = None
    windows: tuple[WindowInfo, ...] = ()
    as_administrator: bool = False
    priority: Priority | None = None

    def __post_init__(self) -> None:
        if self.action.acts_on_app != (self.app is not None):
            raise ValueError(f"{self.action.value} needs an app exactly when it acts on one")
        if (self.action is Action.SET_PRIORITY) != (self.priority is not None):
            raise ValueError("Change priority, and only it, needs a priority")

    @property
    def covered(self) -> tuple[ProcessSample, ...]:
        """Every process the request acts on: the confirmed members, or the targets."""
        return self.members if self.action.covers_members and self.members else self.targets
