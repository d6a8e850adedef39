"""The refresh interval and the grace period stay inside their ranges, whatever comes in."""

import math

from hypothesis import given
from hypothesis import strategies as st

from gui.core.intervals import (
    DEFAULT_GRACE_S,
    DEFAULT_INTERVAL_S,
    MAX_GRACE_S,
    MAX_INTERVAL_S,
    MIN_GRACE_S,
    MIN_INTERVAL_S,
    clamp_grace,
    clamp_interval,
)


def test_non_finite_input_gives_the_default() -> None:
    for value in (math.nan, math.inf, -math.inf):
        assert clamp_interval(value) == DEFAULT_INTERVAL_S
        assert clamp_grace(value) == DEFAULT_GRACE_S


def test_finite_input_is_bounded() -> None:
    assert clamp_interval(0.01) == MIN_INTERVAL_S
    assert clamp_interval(1e300) == MAX_INTERVAL_S
    assert clamp_interval(2.5) == 2.5
    assert clamp_grace(0.0) == MIN_GRACE_S
    assert clamp_grace(9999.0) == MAX_GRACE_S
    assert clamp_grace(30.0) == 30.0


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_gives_a_usable_interval_and_grace(value: float) -> None:
    assert MIN_INTERVAL_S <= clamp_interval(value) <= MAX_INTERVAL_S
    assert MIN_GRACE_S <= clamp_grace(value) <= MAX_GRACE_S
