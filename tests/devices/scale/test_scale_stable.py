"""StableWeight: motion flag AND repeated equal readings; tare; overload and under zero."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.scale.stable import StableWeight
from kiosk.devices.scale.weight import WeightReading as R


def feed(stable: StableWeight, *readings: R) -> list[bool]:
    return [stable.update(r).stable for r in readings]


def test_needs_repeats_without_motion() -> None:
    stable = StableWeight(repeats=3)
    assert feed(stable, R(500), R(500), R(500), R(500)) == [False, False, True, True]
    assert stable.stable_grams == 500


def test_motion_flag_breaks_the_run_even_with_equal_numbers() -> None:
    stable = StableWeight(repeats=2)
    assert feed(stable, R(500), R(500, motion=True), R(500), R(500)) == [False, False, False, True]


def test_changing_weight_is_not_stable() -> None:
    stable = StableWeight(repeats=2)
    assert feed(stable, R(500), R(501), R(502), R(502)) == [False, False, False, True]


@pytest.mark.parametrize(
    "bad", [R(None, over_capacity=True), R(-5, under_zero=True), R(500, fault="RAM error"), R(None)]
)
def test_unusable_readings_are_never_stable(bad: R) -> None:
    stable = StableWeight(repeats=1)
    state = stable.update(bad)
    assert not state.stable
    assert stable.stable_grams is None
    assert state.over_capacity == bad.over_capacity
    assert state.under_zero == bad.under_zero


def test_tare() -> None:
    stable = StableWeight(repeats=1)
    with pytest.raises(ValueError, match="not stable"):
        stable.take_tare()
    stable.update(R(120))
    assert stable.take_tare() == 120
    assert stable.current is not None
    assert stable.current.net_g == 0
    state = stable.update(R(620))
    assert (state.net_g, state.gross_g, state.tare_g, state.stable) == (500, 620, 120, True)
    state = stable.update(R(100))  # container lifted: net negative
    assert state.under_zero
    assert not state.stable
    stable.clear_tare()
    assert stable.current is not None
    assert stable.current.net_g == 100
    assert not stable.current.under_zero


@given(st.lists(st.tuples(st.integers(-100, 100), st.booleans()), max_size=30), st.integers(1, 5))
def test_stable_only_after_n_equal_still_readings(
    readings: list[tuple[int, bool]], repeats: int
) -> None:
    stable = StableWeight(repeats)
    history: list[tuple[int, bool]] = []
    for grams, motion in readings:
        history.append((grams, motion))
        state = stable.update(R(grams, motion=motion, under_zero=grams < 0))
        tail = history[-repeats:]
        expected = len(tail) == repeats and all(not m and g == grams and g >= 0 for g, m in tail)
        assert state.stable == expected
