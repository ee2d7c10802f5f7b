"""An SES.HOSPEDAJES simulator on 127.0.0.1 and the driver pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.backoffice.ses import SesClient
from kiosk.backoffice.ses.sim import LANDLORD, PASSWORD, USER, SesSimulator


@pytest.fixture
def sim() -> Iterator[SesSimulator]:
    with SesSimulator() as simulator:
        yield simulator


@pytest.fixture
def client(sim: SesSimulator) -> Iterator[SesClient]:
    driver = SesClient(sim.url, USER, PASSWORD, LANDLORD, timeout_s=10)
    yield driver
    driver.close()
