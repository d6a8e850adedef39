"""The helper's answer as ``FILE.answer`` next to the request, for a helper with no standard output.

A UAC- or ``osascript``-started program has no pipe back to ProcPilot, so it answers
in a file, which ProcPilot reads as soon as it appears. The answer is written to a new temporary
name in the request's folder (which only the user and the administrators can open) and
then renamed over ``FILE.answer`` (``os.replace``, ``MoveFileExW`` with
``MOVEFILE_REPLACE_EXISTING`` on Windows): ProcPilot sees the whole answer or none.
The answers to follow-ups (:mod:`gui.helper.follow_ups`) are ``FILE.1.answer``,
``FILE.2.answer``... in the order of the commands, made the same way.
"""

import os

ANSWER_SUFFIX = ".answer"  # the same as gui.actions.held_file_session's
_TEMPORARY_SUFFIX = ".answer.partial"


def numbered(request_file: str, number: int) -> str:
    """The name whose answer is the ``number``-th (0: the request's, then each follow-up's)."""
    return request_file if number == 0 else f"{request_file}.{number}"


def answer_path(request_file: str) -> str:
    return request_file + ANSWER_SUFFIX


def write_answer(request_file: str, answer: bytes) -> None:
    """Write ``answer`` to ``FILE.answer`` in one step; ``OSError`` if it cannot."""
    temporary = request_file + _TEMPORARY_SUFFIX
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(answer)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.replace(temporary, answer_path(request_file))
    except OSError:
        os.unlink(temporary)
        raise
