"""What the helper reads about a process on macOS: its ``kinfo_proc`` from ``sysctl``.

``sysctl({CTL_KERN, KERN_PROC, KERN_PROC_PID, pid})`` fills one ``struct kinfo_proc``
(648 bytes on 64-bit macOS). Only four fields are read, at fixed offsets of
``<sys/sysctl.h>``/``<sys/proc.h>``: ``kp_proc.p_starttime`` (a ``struct timeval``
at offset 0: it shares a union with two list pointers), ``kp_proc.p_flag`` (offset 32;
``P_SYSTEM`` marks kernel_task), ``kp_proc.p_stat`` (offset 36, a char; ``SZOMB``: a
zombie) and ``kp_eproc.e_pcred.p_ruid`` (offset 392). The
start time goes into requests as one integer: microseconds since 1970
(``tv_sec * 1_000_000 + tv_usec``), exact, never a float.

The libc call goes through :data:`Sysctl`, so the tests run this on Linux against a fake.
"""

import ctypes
import ctypes.util
import struct
from collections.abc import Callable

CTL_KERN = 1
KERN_PROC = 14
KERN_PROC_PID = 1
KINFO_PROC_SIZE = 648
P_SYSTEM = 0x00000200
SZOMB = 5
_STARTTIME = struct.Struct("=qi")  # tv_sec (long), tv_usec (int)
_FLAG_OFFSET = 32
_STAT_OFFSET = 36
_RUID_OFFSET = 392

#: Calls sysctl for ``name`` (a list of ints) and returns the bytes it wrote; ``OSError`` on failure.
Sysctl = Callable[[list[int], int], bytes]


def libc_sysctl(name: list[int], size: int) -> bytes:
    """The real ``sysctl(3)`` through ctypes (macOS)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    mib = (ctypes.c_int * len(name))(*name)
    buffer = ctypes.create_string_buffer(size)
    length = ctypes.c_size_t(size)
    if libc.sysctl(mib, ctypes.c_uint(len(name)), buffer, ctypes.byref(length), None, ctypes.c_size_t(0)):
        errno = ctypes.get_errno()
        raise OSError(errno, "sysctl failed")
    return buffer.raw[: length.value]


def process_info(pid: int, sysctl: Sysctl = libc_sysctl) -> tuple[int, int, int]:
    """``(start, flags, real uid)`` of ``pid``; ``ProcessLookupError`` when there is none.

    sysctl answers a PID nobody holds with success and zero bytes.
    """
    data = sysctl([CTL_KERN, KERN_PROC, KERN_PROC_PID, pid], KINFO_PROC_SIZE)
    if len(data) < KINFO_PROC_SIZE:
        raise ProcessLookupError(pid)
    seconds, microseconds = _STARTTIME.unpack_from(data, 0)
    (flags,) = struct.unpack_from("=i", data, _FLAG_OFFSET)
    (ruid,) = struct.unpack_from("=I", data, _RUID_OFFSET)
    return seconds * 1_000_000 + microseconds, flags, ruid


def live_start(pid: int, sysctl: Sysctl = libc_sysctl) -> int | None:
    """The start time of ``pid`` while it runs; ``None`` once it is gone or a zombie."""
    data = sysctl([CTL_KERN, KERN_PROC, KERN_PROC_PID, pid], KINFO_PROC_SIZE)
    if len(data) < KINFO_PROC_SIZE or data[_STAT_OFFSET] == SZOMB:
        return None
    seconds, microseconds = _STARTTIME.unpack_from(data, 0)
    return int(seconds * 1_000_000 + microseconds)


def start_microseconds(pid: int, sysctl: Sysctl = libc_sysctl) -> int:
    """The start time ProcPilot puts in a macOS request for ``pid``."""
    return process_info(pid, sysctl)[0]
