"""The identity every action targets."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class ProcessKey:
    """A process's identity: PIDs are reused by the OS, pid + start time is not.

    ``create_time`` is seconds since the epoch as the OS reports it (psutil's
    ``create_time()``); 0.0 when the OS refused to tell.
    """

    pid: int
    create_time: float
