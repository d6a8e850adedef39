"""Every signal a POSIX system defines, by name and number (the views say what each means)."""

import signal

from gui.core.actions import SignalSpec


def posix_signals() -> tuple[SignalSpec, ...]:
    """The running system's signals by number, real-time ones included."""
    named = {int(sig): sig.name for sig in signal.Signals}
    rt_min = getattr(signal, "SIGRTMIN", None)
    rt_max = getattr(signal, "SIGRTMAX", None)
    if rt_min is not None and rt_max is not None:
        for number in range(int(rt_min) + 1, int(rt_max)):
            named.setdefault(number, f"SIGRTMIN+{number - int(rt_min)}")
    return tuple(SignalSpec(name, number) for number, name in sorted(named.items()))
