"""The words of the confirmations shown before processes are ended."""

from dataclasses import dataclass

from gui.core.actions import Action
from gui.core.display_text import display_text
from gui.core.process_sample import ProcessSample

#: Actions that ask before they run (unless the user said "Don't ask again").
CONFIRMED_ACTIONS = frozenset({Action.END, Action.FORCE_QUIT, Action.END_GROUP, Action.END_TREE})


@dataclass(frozen=True, slots=True)
class ConfirmationText:
    title: str
    heading: str
    message: str
    confirm: str
    skip: str | None


#: First-strong isolate and its end: a right-to-left name stays one unit and cannot
#: pull the quotes, the PID or the sentence around it into its direction.
_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"


def _named(process: ProcessSample) -> str:
    """The name as the table shows it (its own bidi controls made visible), isolated, and the PID."""
    name = display_text(process.name) if process.name else "process"
    return f"\u201c{_ISOLATE}{name}{_END_ISOLATE}\u201d (PID {process.key.pid})"


def _subject(processes: tuple[ProcessSample, ...]) -> str:
    return _named(processes[0]) if len(processes) == 1 else f"{len(processes)} processes"


def confirmation_for(
    action: Action,
    label: str,
    requested: tuple[ProcessSample, ...],
    members: tuple[ProcessSample, ...],
    grace_s: float,
) -> ConfirmationText:
    """Title, question, explanation and button text for ending ``members``.

    ``label`` is the platform's name for the action ("End", "End task");
    ``requested`` are the selected processes, ``members`` everything affected.
    """
    name = label.replace("&", "")
    one = len(members) == 1
    it, its = ("it", "its") if one else ("they", "their")
    skip = f"Don't ask again for \u201c{name}\u201d"
    polite = (
        f"ProcPilot asks {'it' if one else 'them'} to close, so {it} can save {its} work. "
        f"If {'it is' if one else 'any are'} still running after {grace_s:g} s, "
        "you can force quit with one click."
    )
    if action is Action.FORCE_QUIT:
        return ConfirmationText(
            "Force quit",
            f"Force quit {_subject(members)}?",
            f"{'It stops' if one else 'They stop'} at once and cannot save {its} work: "
            "anything unsaved in them is lost. Use End first when you can.",
            "Force quit",
            skip,
        )
    if action is Action.END_GROUP:
        leader = _subject(requested)
        return ConfirmationText(
            "End process group",
            f"End the process group of {leader}: {len(members)} process{'' if one else 'es'}?",
            f"Every process in the group gets the polite end. {polite}",
            "End group",
            skip,
        )
    if action is Action.END_TREE:
        descendants = len(members) - len(requested)
        return ConfirmationText(
            "End process tree",
            f"End {_subject(requested)} and {descendants} descendant{'' if descendants == 1 else 's'}?",
            f"The descendants are ended first, then {_subject(requested)}. {polite}",
            "End tree",
            skip,
        )
    return ConfirmationText(name, f"{name} {_subject(members)}?", polite, name, skip)


def critical_confirmation(label: str, warnings: list[tuple[ProcessSample, str]]) -> ConfirmationText:
    """The second, unskippable question for processes the system or ProcPilot needs."""
    name = label.replace("&", "")
    lines = "\n".join(f"\u2022 {_named(process)}: {reason}" for process, reason in warnings)
    subject = _named(warnings[0][0]) if len(warnings) == 1 else f"{len(warnings)} of these processes"
    return ConfirmationText(
        "Critical process",
        f"{subject} {'is' if len(warnings) == 1 else 'are'} critical. Continue anyway?",
        f"{lines}\n\nOnly continue if you know what this does.",
        f"{name} anyway",
        None,
    )
