"""Helpers shared by the DCS tests (imported by name: a sibling module, not conftest,
so that several test folders can be collected in one run)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

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
