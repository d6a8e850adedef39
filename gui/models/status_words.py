"""A process's status (psutil's status id) as the word the Status column shows."""

from PySide6.QtCore import QCoreApplication

from gui.core.formatting import UNKNOWN

#: Translated words by status id, filled on first use (the table asks once per cell it writes).
_words: dict[str, str] = {}


def status_words() -> dict[str, str]:
    """Every status psutil reports, as a word in the user's language."""
    return {
        "running": QCoreApplication.translate("Status", "Running"),
        "sleeping": QCoreApplication.translate("Status", "Sleeping"),
        "disk-sleep": QCoreApplication.translate("Status", "Waiting (disk)"),
        "stopped": QCoreApplication.translate("Status", "Suspended"),
        "tracing-stop": QCoreApplication.translate("Status", "Suspended (traced)"),
        "zombie": QCoreApplication.translate("Status", "Zombie"),
        "dead": QCoreApplication.translate("Status", "Dead"),
        "wake-kill": QCoreApplication.translate("Status", "Wake kill"),
        "waking": QCoreApplication.translate("Status", "Waking"),
        "idle": QCoreApplication.translate("Status", "Idle"),
        "locked": QCoreApplication.translate("Status", "Locked"),
        "waiting": QCoreApplication.translate("Status", "Waiting"),
        "suspended": QCoreApplication.translate("Status", "Suspended"),
        "parked": QCoreApplication.translate("Status", "Parked"),
        # Not psutil's: a process that exited while its row was kept in place.
        "exited": QCoreApplication.translate("Status", "Exited"),
    }


def status_text(status: str) -> str:
    """The word for a status id; an id psutil adds later is shown as it is, none as the unknown mark."""
    word = _words.get(status)
    if word is None:
        if not _words:
            _words.update(status_words())
        word = _words.get(status) or status or UNKNOWN
    return word


def forget_status_words() -> None:
    """Translate again on next use (after the translators changed: a new table calls it)."""
    _words.clear()
