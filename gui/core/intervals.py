"""The time spans the user can choose (refresh interval, grace period) and their bounds.

Qt-free, so the command line can check ``--interval`` without loading Qt.
"""

import math

DEFAULT_INTERVAL_S = 1.5
MIN_INTERVAL_S = 0.5
MAX_INTERVAL_S = 10.0

DEFAULT_GRACE_S = 5.0
MIN_GRACE_S = 0.5
MAX_GRACE_S = 120.0
GRACE_CHOICES_S = (2.0, 5.0, 10.0, 30.0)


def _bounded(seconds: float, low: float, high: float, default: float) -> float:
    # NaN compares false with everything and would pass min/max unchanged.
    if not math.isfinite(seconds):
        return default
    return min(max(seconds, low), high)


def clamp_interval(seconds: float) -> float:
    """An interval inside the supported 0.5-10 s range; the default for NaN or infinity."""
    return _bounded(seconds, MIN_INTERVAL_S, MAX_INTERVAL_S, DEFAULT_INTERVAL_S)


def clamp_grace(seconds: float) -> float:
    """A grace period inside 0.5-120 s; the default for NaN or infinity."""
    return _bounded(seconds, MIN_GRACE_S, MAX_GRACE_S, DEFAULT_GRACE_S)
