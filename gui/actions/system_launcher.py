"""How this system starts the administrator helper: pkexec, UAC or ``osascript``.

Linux passes the request on the helper's standard input through ``pkexec``; Windows
(UAC, :mod:`gui.actions.uac_channel`) and macOS (``osascript``,
:mod:`gui.actions.osascript_channel`) cannot, so there the helper gets it in a file and
its follow-ups over a channel next to it (:mod:`gui.actions.held_file_session`).
"""

import sys

from gui.actions.elevation_client import HelperLaunch, direct_launcher, pkexec_launcher
from gui.actions.osascript_channel import OsascriptChannel
from gui.actions.uac_channel import UacChannel


def mac_prompt() -> str:
    """The sentence macOS shows in its password dialog, in the window's language."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - the rest of this module is Qt-free

    return QCoreApplication.translate(
        "AdminMenu", "ProcPilot needs an administrator's password to act on processes of other users."
    )


def system_launcher(platform: str = sys.platform) -> HelperLaunch:
    """The way to start the helper for one batch here; raises ``HelperError`` (no pkexec...)."""
    if platform == "win32":
        return UacChannel(direct_launcher())
    if platform == "darwin":
        return OsascriptChannel(direct_launcher(), mac_prompt())
    return pkexec_launcher()
