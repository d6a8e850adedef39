"""Whose processes an application's are: the part that is someone else's is said before acting."""

from dataclasses import dataclass

from gui.core.process_sample import ProcessSample


@dataclass(frozen=True, slots=True)
class OthersShare:
    """The processes of an app that belong to other users, and those users.

    ``users`` are their names in the order first met, without the unknown ones
    (``unknown_users`` says whether some could not be read).
    """

    processes: tuple[ProcessSample, ...]
    users: tuple[str, ...]
    unknown_users: bool


def others_share(processes: tuple[ProcessSample, ...]) -> OthersShare | None:
    """The part of ``processes`` that is not the user's own, or ``None`` when all are.

    Ending those needs their owner's rights: without them each one is refused
    (and reported so), while the user's own processes end.
    """
    others = tuple(process for process in processes if not process.owned_by_me)
    if not others:
        return None
    users = tuple(dict.fromkeys(process.user for process in others if process.user))
    return OthersShare(others, users, any(not process.user for process in others))
