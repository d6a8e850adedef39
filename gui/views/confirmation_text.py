"""The words of the confirmations shown before processes are ended."""

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.core.actions import Action, ActionRequest
from gui.core.process_sample import ProcessSample
from gui.views.message_args import with_args
from gui.views.number_words import number_text
from gui.views.process_words import process_label
from gui.views.translation_contexts import Confirmations

#: Actions that ask before they run (unless the user said "Don't ask again").
CONFIRMED_ACTIONS = frozenset(
    {Action.END, Action.FORCE_QUIT, Action.END_GROUP, Action.END_TREE, Action.END_APP, Action.FORCE_QUIT_APP}
)


@dataclass(frozen=True, slots=True)
class ConfirmationText:
    """What a confirmation says; ``note`` is a warning shown above the list, when there is one."""

    title: str
    heading: str
    message: str
    confirm: str
    skip: str | None
    note: str | None = None


def _subject(processes: tuple[ProcessSample, ...]) -> str:
    if len(processes) == 1:
        return process_label(processes[0])
    return Confirmations.tr("%n processes", None, len(processes))


def _polite(count: int, grace_s: float) -> str:
    return with_args(
        Confirmations.tr(
            "ProcPilot asks them to close, so they can save their work. If any are still running "
            "after %1 s, you can force quit with one click.",
            None,
            count,
        )
        if count != 1
        else QCoreApplication.translate(
            "Confirmations",
            "ProcPilot asks it to close, so it can save its work. If it is still running after %1 s, "
            "you can force quit with one click.",
        ),
        number_text(grace_s),
    )


def confirmation_for(request: ActionRequest, label: str, grace_s: float) -> ConfirmationText:
    """Title, question, explanation and button text for ending what ``request`` covers.

    ``label`` is the platform's name for the action without its mnemonic ("End", "End task").
    """
    action = request.action
    members = request.covered
    count = len(members)
    skip = with_args(
        QCoreApplication.translate("Confirmations", "Don\u2019t ask again for \u201c%1\u201d"), label
    )
    if action is Action.FORCE_QUIT:
        return ConfirmationText(
            QCoreApplication.translate("Confirmations", "Force quit"),
            with_args(QCoreApplication.translate("Confirmations", "Force quit %1?"), _subject(members)),
            QCoreApplication.translate(
                "Confirmations",
                "It ends at once and cannot save its work: anything unsaved in it is lost. "
                "Use End first when you can.",
            )
            if count == 1
            else QCoreApplication.translate(
                "Confirmations",
                "They end at once and cannot save their work: anything unsaved in them is lost. "
                "Use End first when you can.",
            ),
            QCoreApplication.translate("Confirmations", "Force quit"),
            skip,
        )
    if action is Action.END_GROUP:
        return ConfirmationText(
            QCoreApplication.translate("Confirmations", "End process group"),
            with_args(
                Confirmations.tr("End the process group of %1: %n processes?", None, count),
                _subject(request.targets),
            ),
            with_args(
                QCoreApplication.translate(
                    "Confirmations", "Every process listed here gets the polite end. %1"
                ),
                _polite(count, grace_s),
            ),
            QCoreApplication.translate("Confirmations", "End group"),
            skip,
        )
    if action is Action.END_TREE:
        descendants = count - len(request.targets)
        return ConfirmationText(
            QCoreApplication.translate("Confirmations", "End process tree"),
            with_args(
                Confirmations.tr("End %1 and %n descendants?", None, descendants),
                _subject(request.targets),
            ),
            with_args(
                QCoreApplication.translate("Confirmations", "The descendants are ended first, then %1. %2"),
                _subject(request.targets),
                _polite(count, grace_s),
            ),
            QCoreApplication.translate("Confirmations", "End tree"),
            skip,
        )
    return ConfirmationText(
        label,
        with_args(QCoreApplication.translate("Confirmations", "%1 %2?"), label, _subject(members)),
        _polite(count, grace_s),
        label,
        skip,
    )


def critical_confirmation(label: str, warnings: list[tuple[ProcessSample, str]]) -> ConfirmationText:
    """The second, unskippable question for processes the system or ProcPilot needs."""
    lines = "\n".join(
        with_args(
            QCoreApplication.translate("Confirmations", "\u2022 %1: %2"), process_label(process), reason
        )
        for process, reason in warnings
    )
    if len(warnings) == 1:
        heading = with_args(
            QCoreApplication.translate("Confirmations", "%1 is critical. Continue anyway?"),
            process_label(warnings[0][0]),
        )
    else:
        heading = Confirmations.tr(
            "%n of these processes are critical. Continue anyway?", None, len(warnings)
        )
    return ConfirmationText(
        QCoreApplication.translate("Confirmations", "Critical process"),
        heading,
        with_args(
            QCoreApplication.translate("Confirmations", "%1\n\nOnly continue if you know what this does."),
            lines,
        ),
        with_args(QCoreApplication.translate("Confirmations", "%1 anyway"), label),
        None,
    )


def as_administrator(text: ConfirmationText, others: int) -> ConfirmationText:
    """``text`` for the same action as administrator: it says the password is asked once.

    ``others`` is how many of the processes this user may not signal (those go through
    the administrator helper). The note that others' processes would be refused goes.
    """
    if others == 0:
        return dataclasses.replace(text, note=None)
    sentence = (
        Confirmations.tr(
            "ProcPilot asks for the administrator password once, for the %n processes that belong "
            "to other users.",
            None,
            others,
        )
        if others != 1
        else QCoreApplication.translate(
            "Confirmations",
            "ProcPilot asks for the administrator password once, for the process that belongs to "
            "another user.",
        )
    )
    title = with_args(QCoreApplication.translate("Confirmations", "%1 as administrator"), text.title)
    return dataclasses.replace(text, title=title, message=f"{text.message}\n\n{sentence}", note=None)
