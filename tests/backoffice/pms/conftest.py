"""A Mews simulator on 127.0.0.1 and the driver pointed at it, with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pms_clock import NOW

from kiosk.backoffice.pms.mews import MewsConnector
from kiosk.backoffice.pms.sim import ACCESS_TOKEN, CLIENT_TOKEN, MewsSimulator


@pytest.fixture
def sim() -> Iterator[MewsSimulator]:
    with MewsSimulator(clock=lambda: NOW) as simulator:
        yield simulator


@pytest.fixture
def pms(sim: MewsSimulator) -> Iterator[MewsConnector]:
    with MewsConnector(sim.url, CLIENT_TOKEN, ACCESS_TOKEN, "Kiosk tests 1.0", 5.0) as driver:
        yield driver
