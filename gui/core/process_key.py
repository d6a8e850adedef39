"""The identity every action targets."""

from typing import NamedTuple


class ProcessKey(NamedTuple):
    """A process's identity: PIDs are reused by the OS, pid + start time is not.

    ``create_time`` is seconds since the epoch as the OS reports it (psutil's
    ``create_time()``); 0.0 when the OS refused to tell. A named tuple, because
    the sampler hashes thousands of keys per refresh and tuples hash in C.
    """

    pid: int
    create_time: float
