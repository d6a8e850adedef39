"""Which wording an action is shown with; the views turn it into words."""

from enum import Enum


class ActionLabel(Enum):
    """The name of an action as the user's OS calls it (the adapter picks one per action).

    Most actions have one name everywhere; ending a process is "End task" on Windows,
    and so is ending an app (``END_APP_TASK``: all its processes, at once).
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
    END_APP = "end_app"
    END_APP_TASK = "end_app_task"
    FORCE_QUIT_APP = "force_quit_app"
    CHANGE_PRIORITY = "change_priority"
