"""How many files ProcPilot may keep open for waiting on processes."""

import sys

#: Files kept free for everything else: Qt, the X connection, fonts, the log, /proc reads.
_RESERVED = 256
_budget: int | None = None


def raise_open_file_limit() -> int:
    """Raise the soft limit on open files to the hard limit, as far as the OS allows.

    Each process that is waited for holds a pidfd; 1,024 (a common soft limit) runs
    out on a large tree. Returns how many pidfds may be open at once.
    """
    global _budget  # noqa: PLW0603 - one process-wide limit
    if sys.platform == "win32":
        _budget = 0
        return 0
    import resource  # noqa: PLC0415 - POSIX only

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    limit = soft if soft != resource.RLIM_INFINITY else 1 << 20
    _budget = max(0, limit - _RESERVED)
    return _budget


def pidfd_budget() -> int:
    """How many pidfds may be open at once (measured on first use)."""
    return raise_open_file_limit() if _budget is None else _budget
