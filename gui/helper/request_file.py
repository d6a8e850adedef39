"""A request read from a file named on the command line, only if nobody else could have written it.

For systems that cannot pass standard input to an elevated program (UAC's
ShellExecuteW, ``osascript``). The file must be a regular file, not a symbolic link,
with one name, owned by root or by the user who started the helper, and closed to
group and others (no 0o077 bits): then only that user and the administrator can have
written or read it. It is opened once and checked through the open descriptor, so
swapping the name afterwards changes nothing. The follow-up FIFO next to it
(:mod:`gui.helper.follow_ups`) is checked the same way and must have the request's owner.
"""

import os
import stat
from collections.abc import Callable, Collection
from typing import BinaryIO

#: Group and others must have no access at all.
_OPEN_TO_OTHERS = 0o077


class UnsafeRequestFile(Exception):
    """The file could be read or written by someone other than the user and the administrator."""


def open_request_file(path: str, owners: Collection[int] | None) -> BinaryIO:
    """``path`` opened for reading; raises :class:`UnsafeRequestFile` with the reason.

    ``owners=None`` takes any owner (macOS, see :mod:`gui.helper.platform`): the file must
    still be closed to group and others.
    """
    try:
        fd = _open_checked(path, stat.S_ISREG, "not a regular file", owners)
    except FileNotFoundError as error:
        raise UnsafeRequestFile(f"cannot open: {error.strerror}") from None
    return os.fdopen(fd, "rb")


def open_command_fifo(path: str, owner: int) -> int | None:
    """The follow-up FIFO next to a request (:mod:`gui.helper.follow_ups`), opened without blocking.

    ``None`` when there is none (one run); :class:`UnsafeRequestFile` unless it is a FIFO,
    not a link, with one name, closed to group and others and owned by ``owner`` (the
    request file's owner).
    """
    try:
        return _open_checked(path, stat.S_ISFIFO, "not a FIFO", [owner])
    except FileNotFoundError:
        return None


def _open_checked(
    path: str, right_kind: Callable[[int], bool], wrong_kind: str, owners: Collection[int] | None
) -> int:
    try:
        # O_NONBLOCK: a FIFO must not block the open before it is refused (or taken).
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnsafeRequestFile(f"cannot open: {error.strerror}") from None
    try:
        info = os.fstat(fd)
        if not right_kind(info.st_mode):
            raise UnsafeRequestFile(wrong_kind)
        if info.st_mode & _OPEN_TO_OTHERS:
            raise UnsafeRequestFile(f"mode {stat.S_IMODE(info.st_mode):o} lets others in")
        if owners is not None and info.st_uid not in owners:
            raise UnsafeRequestFile(f"owned by uid {info.st_uid}")
        if info.st_nlink != 1:
            raise UnsafeRequestFile("has more than one name")
    except BaseException:
        os.close(fd)
        raise
    return fd
