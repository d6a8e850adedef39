"""Windows: the request file, opened once and checked through its handle (owner and DACL).

Windows has no mode bits: who may read or write a file is its DACL. The helper opens
the file, then reads the owner and the DACL of that open file (``GetSecurityInfo`` on
its handle, so renaming things afterwards changes nothing) and takes it only if every
entry of the DACL is an allow or deny entry for the file's owner, ``SYSTEM``
(S-1-5-18), ``Administrators`` (S-1-5-32-544) or ``OWNER RIGHTS`` (S-1-3-4): then
nobody but the owner and the administrators can have written it. A file without a DACL
(open to all), with any other entry (Users, Everyone, another account...) or one of
another kind is refused, as is anything that is not a regular file with one name, or a
link. The follow-up file next to it (:mod:`gui.helper.follow_ups`) is checked the same
way and must have the request's owner.

What is *not* checked: that the owner is the user who started the helper. Finding that
needs the parent's token; ProcPilot creates the file in the user's own temporary
folder, which only that user and the administrators can open, and only someone who
passed the UAC prompt can run the helper on a path of their choosing.
"""

import ctypes
import os
import stat
from collections.abc import Callable
from ctypes import wintypes
from dataclasses import dataclass
from typing import BinaryIO

from gui.helper.request_file import UnsafeRequestFile

SYSTEM_SID = "S-1-5-18"
ADMINISTRATORS_SID = "S-1-5-32-544"
OWNER_RIGHTS_SID = "S-1-3-4"
ACCESS_ALLOWED_ACE_TYPE = 0
ACCESS_DENIED_ACE_TYPE = 1
SE_FILE_OBJECT = 1
OWNER_SECURITY_INFORMATION = 0x1
DACL_SECURITY_INFORMATION = 0x4


@dataclass(frozen=True, slots=True)
class AccessEntry:
    """One entry of a DACL: its type (allow 0, deny 1, ...) and whom it names (a SID string)."""

    kind: int
    sid: str


@dataclass(frozen=True, slots=True)
class FileSecurity:
    """A file's owner and DACL; ``entries`` is ``None`` for a NULL DACL (everyone may do anything)."""

    owner: str
    entries: tuple[AccessEntry, ...] | None


#: Reads the security of an open file, from its Windows handle.
SecurityReader = Callable[[int], FileSecurity]


def check_security(security: FileSecurity) -> None:
    """Raises :class:`UnsafeRequestFile` unless only the owner and the administrators are named."""
    if security.entries is None:
        raise UnsafeRequestFile("has no access list: everyone may write it")
    trusted = {security.owner, SYSTEM_SID, ADMINISTRATORS_SID, OWNER_RIGHTS_SID}
    for entry in security.entries:
        if entry.kind not in (ACCESS_ALLOWED_ACE_TYPE, ACCESS_DENIED_ACE_TYPE):
            raise UnsafeRequestFile(f"has an access entry of kind {entry.kind}")
        if entry.kind == ACCESS_ALLOWED_ACE_TYPE and entry.sid not in trusted:
            raise UnsafeRequestFile(f"lets {entry.sid} in")


def open_windows_request_file(
    path: str, read_security: SecurityReader, handle_of: Callable[[int], int] | None = None
) -> BinaryIO:
    """``path`` opened for reading, checked through the open file; raises :class:`UnsafeRequestFile`."""
    try:
        fd, _security = _open_checked(path, read_security, handle_of)
    except FileNotFoundError as error:
        raise UnsafeRequestFile(f"cannot open: {error.strerror}") from None
    return os.fdopen(fd, "rb")


def open_windows_command_file(
    path: str,
    request: BinaryIO,
    read_security: SecurityReader,
    handle_of: Callable[[int], int] | None = None,
) -> int | None:
    """The follow-up file next to a request (:mod:`gui.helper.follow_ups`), as a descriptor.

    ``None`` when there is none (one run); :class:`UnsafeRequestFile` unless it passes
    the request file's checks and has the request file's owner.
    """
    try:
        fd, security = _open_checked(path, read_security, handle_of)
    except FileNotFoundError:
        return None
    try:
        request_owner = read_security((handle_of or _os_handle)(request.fileno())).owner
        if security.owner != request_owner:
            raise UnsafeRequestFile(f"owned by {security.owner}, the request by {request_owner}")
    except OSError as error:
        os.close(fd)
        raise UnsafeRequestFile(f"cannot read the request's owner: {error}") from None
    except BaseException:
        os.close(fd)
        raise
    return fd


def _open_checked(
    path: str, read_security: SecurityReader, handle_of: Callable[[int], int] | None
) -> tuple[int, FileSecurity]:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    try:
        named = os.lstat(path)  # Windows' os.open follows links: refuse them by name first
        if stat.S_ISLNK(named.st_mode):
            raise UnsafeRequestFile("is a link")
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnsafeRequestFile(f"cannot open: {error.strerror}") from None
    try:
        info = os.fstat(fd)
        if (info.st_dev, info.st_ino) != (named.st_dev, named.st_ino):
            raise UnsafeRequestFile("was replaced while it was opened")
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeRequestFile("not a regular file")
        if info.st_nlink != 1:
            raise UnsafeRequestFile("has more than one name")
        handle = (handle_of or _os_handle)(fd)
        try:
            security = read_security(handle)
        except OSError as error:
            raise UnsafeRequestFile(f"cannot read its access list: {error}") from None
        check_security(security)
    except BaseException:
        os.close(fd)
        raise
    return fd, security


def _os_handle(fd: int) -> int:
    import msvcrt  # noqa: PLC0415 - Windows only

    return int(getattr(msvcrt, "get_osfhandle")(fd))  # noqa: B009 - absent from msvcrt's stubs off Windows


class _AclHeader(ctypes.Structure):
    _fields_ = [
        ("AclRevision", ctypes.c_ubyte),
        ("Sbz1", ctypes.c_ubyte),
        ("AclSize", wintypes.WORD),
        ("AceCount", wintypes.WORD),
        ("Sbz2", wintypes.WORD),
    ]


class _AceHeader(ctypes.Structure):
    _fields_ = [("AceType", ctypes.c_ubyte), ("AceFlags", ctypes.c_ubyte), ("AceSize", wintypes.WORD)]


_SID_OFFSET = ctypes.sizeof(_AceHeader) + ctypes.sizeof(wintypes.DWORD)  # header, access mask


def advapi32_security(handle: int) -> FileSecurity:
    """The real reader: ``GetSecurityInfo`` and ``GetAce`` from advapi32 (Windows only)."""
    win_dll = getattr(ctypes, "WinDLL")  # noqa: B009 - Windows only
    advapi32 = win_dll("advapi32", use_last_error=True)
    kernel32 = win_dll("kernel32", use_last_error=True)
    owner, dacl, descriptor = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    status = advapi32.GetSecurityInfo(
        wintypes.HANDLE(handle),
        SE_FILE_OBJECT,
        OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
        ctypes.byref(owner),
        None,
        ctypes.byref(dacl),
        None,
        ctypes.byref(descriptor),
    )
    if status:
        raise OSError(status, "GetSecurityInfo failed")
    try:

        def sid_text(sid: int | None) -> str:
            text = wintypes.LPWSTR()
            if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
                raise OSError(getattr(ctypes, "get_last_error")(), "ConvertSidToStringSidW failed")  # noqa: B009
            try:
                return str(text.value)
            finally:
                kernel32.LocalFree(text)

        if not dacl.value:
            return FileSecurity(sid_text(owner.value), None)
        header = _AclHeader.from_address(dacl.value)
        entries = []
        for index in range(header.AceCount):
            ace = ctypes.c_void_p()
            if not advapi32.GetAce(dacl, index, ctypes.byref(ace)):
                raise OSError(getattr(ctypes, "get_last_error")(), "GetAce failed")  # noqa: B009
            kind = _AceHeader.from_address(ace.value or 0).AceType
            known = kind in (ACCESS_ALLOWED_ACE_TYPE, ACCESS_DENIED_ACE_TYPE)
            sid = sid_text((ace.value or 0) + _SID_OFFSET) if known else ""
            entries.append(AccessEntry(kind, sid))
        return FileSecurity(sid_text(owner.value), tuple(entries))
    finally:
        kernel32.LocalFree(descriptor)
