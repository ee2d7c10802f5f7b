"""Fixtures for the DCS tests: the simulator on a real port of 127.0.0.1 with a clock
the test moves, and the HTTP driver pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.backoffice.dcs import HttpDepartureControl
from kiosk.backoffice.dcs.sim import DEFAULT_API_KEY, DcsSimulator
from kiosk.domain.airport.dcs import Passenger, TravelDocument

#: 10:00 in Lisbon (UTC+0 in winter): the demo flight KX0123 leaves at 13:00.
START = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
SAFE = {"dangerous_goods": False, "packed_yourself": True}


class MovableClock:
    """A clock the test sets forward."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def document(
    passenger: Passenger,
    nationality: str = "UTO",
    expiry: date | None = date(2032, 4, 15),
    number: str = "L898902C3",
) -> TravelDocument:
    """The APIS of ``passenger`` as read from a passport of ``nationality``."""
    return TravelDocument(
        passenger_id=passenger.passenger_id,
        document_code="P",
        issuing_state=nationality,
        nationality=nationality,
        number=number,
        surname=passenger.surname,
        given_names=passenger.given_names,
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry=expiry,
    )


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
