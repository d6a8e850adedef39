"""The words of the confirmation shown before an application is ended."""

from PySide6.QtCore import QCoreApplication

from gui.core.actions import Action, ActionRequest
from gui.core.app_ownership import OthersShare, others_share
from gui.core.display_text import display_text
from gui.views.app_words import app_name
from gui.views.confirmation_text import ConfirmationText
from gui.views.message_args import with_args
from gui.views.number_words import number_text
from gui.views.translation_contexts import Confirmations


def app_confirmation(
    request: ActionRequest, label: str, grace_s: float, *, others_allowed: bool = False
) -> ConfirmationText:
    """Title, question, explanation, button and ownership note for End app or Force quit app.

    ``label`` is the platform's name for the action without its mnemonic ("End app",
    "End task"). The note is set when some of the app's processes are someone else's;
    ``others_allowed``: ProcPilot may signal those too (it runs as administrator).
    """
    if request.app is None:
        raise ValueError("an app confirmation needs the app")
    name = app_name(request.app)
    count = len(request.targets)
    skip = with_args(
        QCoreApplication.translate("Confirmations", "Don\u2019t ask again for \u201c%1\u201d"), label
    )
    share = others_share(request.targets)
    note = None if share is None else (others_ended_note(share) if others_allowed else others_note(share))
    if request.action is Action.FORCE_QUIT_APP:
        return ConfirmationText(
            label,
            with_args(QCoreApplication.translate("Confirmations", "Force quit %1?"), name),
            with_args(
                Confirmations.tr(
                    "Its %n processes end at once and cannot save their work: anything unsaved in %1 "
                    "is lost. Use End app first when you can.",
                    None,
                    count,
                )
                if count != 1
                else QCoreApplication.translate(
                    "Confirmations",
                    "Its process ends at once and cannot save its work: anything unsaved in %1 is lost. "
                    "Use End app first when you can.",
                ),
                name,
            ),
            label,
            skip,
            note,
        )
    return ConfirmationText(
        label,
        with_args(QCoreApplication.translate("Confirmations", "End %1?"), name),
        _windows_first(grace_s) if request.windows else _signals_only(count, name, grace_s),
        label,
        skip,
        note,
    )


def _windows_first(grace_s: float) -> str:
    return with_args(
        QCoreApplication.translate(
            "Confirmations",
            "ProcPilot first asks its windows to close, so it can offer to save your work. What is "
            "still running after %1 s is asked to end, unless it is asking you a question in a new "
            "window; if anything still runs %1 s later, you can force quit it with one click.",
        ),
        number_text(grace_s),
    )


def _signals_only(count: int, name: str, grace_s: float) -> str:
    return with_args(
        Confirmations.tr(
            "ProcPilot asks each of its %n processes to close, so %1 can save its work. If any are "
            "still running after %2 s, you can force quit them with one click.",
            None,
            count,
        )
        if count != 1
        else QCoreApplication.translate(
            "Confirmations",
            "ProcPilot asks its process to close, so %1 can save its work. If it is still running "
            "after %2 s, you can force quit it with one click.",
        ),
        name,
        number_text(grace_s),
    )


def others_note(share: OthersShare) -> str:
    """``2 of its processes belong to root: only root or an administrator can end them. …``"""
    count = len(share.processes)
    if len(share.users) == 1 and not share.unknown_users:
        text = Confirmations.tr(
            "%n of its processes belong to %1: only %1 or an administrator can end them. Unless "
            "ProcPilot runs as administrator, they are refused and keep running.",
            None,
            count,
        )
        if count == 1:
            text = QCoreApplication.translate(
                "Confirmations",
                "One of its processes belongs to %1: only %1 or an administrator can end it. Unless "
                "ProcPilot runs as administrator, it is refused and keeps running.",
            )
        return with_args(text, display_text(share.users[0]))
    if share.users:
        return with_args(
            Confirmations.tr(
                "%n of its processes belong to other users (%1): only they or an administrator can end "
                "them. Unless ProcPilot runs as administrator, they are refused and keep running.",
                None,
                count,
            ),
            QCoreApplication.translate("Confirmations", ", ").join(
                display_text(user) for user in share.users
            ),
        )
    return Confirmations.tr(
        "%n of its processes belong to other users: only they or an administrator can end them. "
        "Unless ProcPilot runs as administrator, they are refused and keep running.",
        None,
        count,
    )


def others_ended_note(share: OthersShare) -> str:
    """``2 of its processes belong to root. ProcPilot runs as administrator, so they are ended too.``"""
    count = len(share.processes)
    whose = (
        QCoreApplication.translate("Confirmations", ", ").join(display_text(user) for user in share.users)
        if share.users
        else QCoreApplication.translate("Confirmations", "other users")
    )
    if count == 1:
        text = QCoreApplication.translate(
            "Confirmations",
            "One of its processes belongs to %1. ProcPilot runs as administrator, so it is ended too.",
        )
    else:
        text = Confirmations.tr(
            "%n of its processes belong to %1. ProcPilot runs as administrator, so they are ended too.",
            None,
            count,
        )
    return with_args(text, whose)
