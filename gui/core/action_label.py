"""Which wording an action is shown with; the views turn it into words."""

from enum import Enum


class ActionLabel(Enum):
    """The name of an action as the user's OS calls it (the adapter picks one per action).

    Most actions have one name everywhere; ending a process is "End task" on Windows.
    """

    END = "end"
    END_TASK = "end_task"
    FORCE_QUIT = "force_quit"
    SUSPEND = "suspend"
    RESUME = "resume"
    HANG_UP = "hang_up"
    INTERRUPT = "interrupt"
    SEND_SIGNAL = "send_signal"
    END_GROUP = "end_group"
    END_TREE = "end_tree"
