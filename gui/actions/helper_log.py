"""The whole exchange with the administrator helper, in the app's log: one readable line per
message (the request, its results, each wait and what was still running, each follow-up
signal and its results). Raw codes (errno names, refusal codes) are kept here, where
someone debugging needs them; the window shows sentences.
"""

import logging
import os
from collections.abc import Sequence

from gui.actions.helper_session import HelperSession
from gui.core.elevation_protocol import Entry, EntryResult, Operation, Refusal, Status

logger = logging.getLogger("gui.actions.helper")


def entries_text(entries: Sequence[Entry]) -> str:
    """``PID 4242 (start 123456, signal 15), PID 4243 (start 123460, nice -5)``."""
    return ", ".join(
        f"PID {e.pid} (start {e.start}, {'nice' if e.op is Operation.SET_NICE else 'signal'} {e.value})"
        for e in entries
    )


def _result_text(result: EntryResult) -> str:
    word = result.status.name.lower().replace("_", " ")
    if result.status is Status.REFUSED:
        reason = Refusal(result.code).name if result.code in Refusal._value2member_map_ else str(result.code)
        return f"PID {result.pid} {word} ({reason.lower().replace('_', ' ')})"
    if result.status in (Status.PERMISSION_DENIED, Status.FAILED):
        return f"PID {result.pid} {word} ({os.strerror(result.code)}, errno {result.code})"
    return f"PID {result.pid} {word}"


def results_text(results: Sequence[EntryResult]) -> str:
    """``PID 4242 sent, PID 4243 gone, PID 2 refused (kernel thread)``."""
    return ", ".join(map(_result_text, results)) or "none"


def log_request(action: str, entries: Sequence[Entry]) -> None:
    logger.info("Administrator helper, %s: request of %d: %s", action, len(entries), entries_text(entries))


class LoggedSession:
    """A :class:`HelperSession` that logs each exchange it carries (results, waits, follow-ups)."""

    def __init__(self, session: HelperSession, action: str) -> None:
        self._session = session
        self._action = action
        self.entries = session.entries
        self.results = session.results
        logger.info("Administrator helper, %s: results: %s", action, results_text(session.results))

    def wait(self, grace_s: float) -> tuple[int, ...]:
        running = self._session.wait(grace_s)
        still = ", ".join(f"PID {self.entries[i].pid}" for i in running) or "none"
        logger.info(
            "Administrator helper, %s: waited up to %.1f s; still running: %s", self._action, grace_s, still
        )
        return running

    def signal_again(self, signal: int, indexes: Sequence[int]) -> tuple[EntryResult, ...]:
        pids = ", ".join(f"PID {self.entries[i].pid}" for i in indexes)
        logger.info("Administrator helper, %s: signal %d again to %s", self._action, signal, pids or "none")
        results = self._session.signal_again(signal, indexes)
        logger.info(
            "Administrator helper, %s: signal %d results: %s", self._action, signal, results_text(results)
        )
        return results

    def close(self) -> int:
        status = self._session.close()
        logger.info("Administrator helper, %s: closed (exit status %d)", self._action, status)
        return status

    def __enter__(self) -> "LoggedSession":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
