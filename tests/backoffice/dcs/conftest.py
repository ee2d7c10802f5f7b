"""Fixtures for the DCS tests: the simulator on a real port of 127.0.0.1 with a clock
the test moves, and the HTTP driver pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dcs_helpers import MovableClock

from kiosk.backoffice.dcs import HttpDepartureControl
from kiosk.backoffice.dcs.sim import DEFAULT_API_KEY, DcsSimulator


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def sim(clock: MovableClock) -> Iterator[DcsSimulator]:
    with DcsSimulator(airport="LIS", clock=clock) as running:
        yield running


@pytest.fixture
def dcs(sim: DcsSimulator) -> Iterator[HttpDepartureControl]:
    driver = HttpDepartureControl(sim.url, DEFAULT_API_KEY, timeout_s=5.0)
    yield driver
    driver.close()
