"""The simulated airline's world: airports, flights, passengers, and the demo bookings.

Theory of operation. :func:`build_world` makes the sample day from one instant
(the simulator's clock when it starts or resets): every departure is a fixed
offset from "now" at the simulator's airport, rounded up to 5 minutes, so the
demo always has flights a few hours ahead. The records are plain mutable
classes owned by :class:`~kiosk.backoffice.dcs.sim.state.DcsState`, which holds
the lock; nothing here is shared between simulators.

Flight times are local to the airport they happen at (naive datetimes), as the
DCS contract says; the time zones come from the system's zoneinfo (UTC when an
airport is unknown or the zone database is missing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.airport.dcs import BagAllowance, Offer, PassengerType, TravelDocument
from kiosk.domain.money import Money

#: airport -> (ISO 3166 alpha-3 country, IANA time zone)
AIRPORTS: dict[str, tuple[str, str]] = {
    "LIS": ("PRT", "Europe/Lisbon"),
    "OPO": ("PRT", "Europe/Lisbon"),
    "CDG": ("FRA", "Europe/Paris"),
    "FRA": ("DEU", "Europe/Berlin"),
    "MUC": ("DEU", "Europe/Berlin"),
    "MAD": ("ESP", "Europe/Madrid"),
    "BCN": ("ESP", "Europe/Madrid"),
    "AMS": ("NLD", "Europe/Amsterdam"),
    "LHR": ("GBR", "Europe/London"),
    "JFK": ("USA", "America/New_York"),
    "LOS": ("NGA", "Africa/Lagos"),
    "NRT": ("JPN", "Asia/Tokyo"),
}
#: carrier designator -> (3-digit numeric code, name); KX is the simulator's own airline
AIRLINES: dict[str, tuple[str, str]] = {"KX": ("617", "KIOSK AIR")}
CHECKIN_CLOSES = timedelta(minutes=45)
BOARDING_BEFORE = timedelta(minutes=40)
SEAT_COLUMNS = "ABC DEF"
EUR = "EUR"


def local_now(now: datetime, airport: str) -> datetime:
    """``now`` (aware) as the naive local time at ``airport``."""
    return now.astimezone(_zone(airport)).replace(tzinfo=None)


def _zone(airport: str) -> tzinfo:
    try:
        return ZoneInfo(AIRPORTS.get(airport, ("", "UTC"))[1])
    except (ZoneInfoNotFoundError, ValueError):  # no zone database on this system
        return UTC


def arrival_local(departure: datetime, origin: str, destination: str, minutes: int) -> datetime:
    """The local arrival time at ``destination`` of a flight of ``minutes``."""
    leaving = departure.replace(tzinfo=_zone(origin))
    return (
        (leaving + timedelta(minutes=minutes)).astimezone(_zone(destination)).replace(tzinfo=None)
    )


def country(airport: str) -> str:
    """The airport's country ("" for an airport the simulator does not know)."""
    return AIRPORTS.get(airport, ("", ""))[0]


@dataclass
class SimFlight:
    """One operated flight and its cabin: who sits where, the next check-in number."""

    airline: str
    number: str
    origin: str
    destination: str
    departure: datetime  # local at origin
    arrival: datetime  # local at destination
    gate: str
    rows: int = 30
    exit_rows: frozenset[int] = frozenset({12})
    legroom_rows: frozenset[int] = frozenset({1, 2, 3})
    legroom_price: Money | None = field(default_factory=lambda: Money(2500, EUR))
    taken: dict[str, str] = field(default_factory=dict)  # seat -> passenger key ("" a stranger)
    blocked: set[str] = field(default_factory=set)
    next_sequence: int = 1

    @property
    def code(self) -> str:
        return f"{self.airline}{self.number}"

    @property
    def boarding_time(self) -> datetime:
        return self.departure - BOARDING_BEFORE

    def open_at(self, local: datetime) -> bool:
        """Check-in is open until 45 minutes before departure (local time at origin)."""
        return local < self.departure - CHECKIN_CLOSES

    def seat_numbers(self) -> list[str]:
        return [
            f"{row}{letter}"
            for row in range(1, self.rows + 1)
            for letter in SEAT_COLUMNS
            if letter != " "
        ]


@dataclass
class SimPassenger:
    """A passenger of a booking and what happened to them so far."""

    passenger_id: str
    surname: str
    given_names: str
    type: PassengerType
    ticket_number: str
    frequent_flyer: str = ""
    inhibited: str = ""
    infant_of: str = ""
    allowance: BagAllowance | None = None
    seats: dict[str, str] = field(default_factory=dict)  # segment id -> seat
    sequence: dict[str, int] = field(default_factory=dict)  # segment id -> check-in number
    checked_in: bool = False
    document: TravelDocument | None = None  # APIS, in memory only
    bags: list[str] = field(default_factory=list)  # licence plates


@dataclass
class SimSegment:
    segment_id: str
    flight: SimFlight
    cabin: str = "Y"
    compartment: str = "Y"


@dataclass
class SimBooking:
    record_locator: str
    passengers: list[SimPassenger]
    segments: list[SimSegment]
    safety_questions: tuple[str, ...] = ("dangerous_goods", "packed_yourself")
    offers: tuple[Offer, ...] = ()

    def key(self, passenger: SimPassenger) -> str:
        """A passenger's identity across bookings (who holds a seat)."""
        return f"{self.record_locator}/{passenger.passenger_id}"


@dataclass
class World:
    """Everything the simulator knows: flights by code, bookings by record locator."""

    airport: str
    built_at: datetime  # local time at the airport
    flights: dict[str, SimFlight]
    bookings: dict[str, SimBooking]
    next_serial: int = 100_001  # bag tag serial numbers

    @property
    def demo_flight(self) -> SimFlight:
        return self.flights["KX0123"]


def adult_allowance() -> BagAllowance:
    return BagAllowance(1, 23_000, 32_000, Money(6000, EUR), Money(7500, EUR))


def infant_allowance() -> BagAllowance:
    return BagAllowance(1, 10_000, 23_000, None, Money(7500, EUR))


def _away(destination: str, airport: str, alternative: str) -> str:
    return alternative if destination == airport else destination


def _at(local: datetime, hours: float) -> datetime:
    """``hours`` after ``local``, rounded up to the next 5 minutes."""
    moment = local + timedelta(hours=hours)
    extra = (5 - moment.minute % 5) % 5
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=extra)


def _flight(
    number: str, origin: str, destination: str, departure: datetime, *, minutes: int, gate: str
) -> SimFlight:
    arrival = arrival_local(departure, origin, destination, minutes)
    return SimFlight("KX", number, origin, destination, departure, arrival, gate)


def _strangers(flight: SimFlight, free: set[str] | None = None) -> None:
    """Seat other (unnamed) passengers: a fixed pattern, or everyone but ``free``."""
    for index, seat in enumerate(flight.seat_numbers()):
        if free is not None:
            if seat not in free:
                flight.taken[seat] = ""
        elif (index * 7) % 5 == 0 or (index % 11 == 3):
            flight.taken[seat] = ""


def _ticket(serial: int) -> str:
    return f"{AIRLINES['KX'][0]}{serial:010d}"


def _adult(
    pid: str,
    surname: str,
    given: str,
    serial: int,
    *,
    frequent_flyer: str = "",
    inhibited: str = "",
) -> SimPassenger:
    return SimPassenger(
        pid,
        surname,
        given,
        PassengerType.ADULT,
        _ticket(serial),
        frequent_flyer=frequent_flyer,
        inhibited=inhibited,
        allowance=adult_allowance(),
    )


def build_world(now: datetime, airport: str) -> World:
    """The sample day at ``airport`` as of ``now`` (aware): flights, seats, bookings."""
    local = local_now(now, airport)
    paris = _away("CDG", airport, "AMS")
    hub = _away("FRA", airport, "MUC")
    flights = {
        "KX0123": _flight("0123", airport, paris, _at(local, 3), minutes=150, gate="12"),
        "KX0125": _flight("0125", airport, paris, _at(local, 0.5), minutes=150, gate="14"),
        "KX0905": _flight(
            "0905", airport, _away("LOS", airport, "NRT"), _at(local, 4), minutes=360, gate="31"
        ),
        "KX0410": _flight("0410", airport, hub, _at(local, 2.5), minutes=180, gate="8"),
        "KX0777": _flight("0777", airport, paris, _at(local, 5), minutes=150, gate="15"),
    }
    flights["KX0412"] = _flight(
        "0412",
        hub,
        "JFK",
        flights["KX0410"].arrival + timedelta(minutes=90),
        minutes=510,
        gate="B44",
    )
    for flight in flights.values():
        if flight.number != "0777":
            _strangers(flight)
        flight.blocked.update({f"{flight.rows}D", f"{flight.rows}E", f"{flight.rows}F"})
    _strangers(flights["KX0777"], free={"17C"})

    def segments(*codes: str) -> list[SimSegment]:
        return [SimSegment(f"S{i}", flights[code]) for i, code in enumerate(codes, start=1)]

    upgrade = Offer("UPG-J", "upgrade", "Business class", Money(18_000, EUR), "")
    bookings = [
        SimBooking(
            "KX7Q2M",
            [
                _adult(
                    "P1", "ERIKSSON", "ANNA MARIA", 2_345_678_901, frequent_flyer="KX 123456789"
                ),
                _adult("P2", "ERIKSSON", "LARS", 2_345_678_902),
            ],
            segments("KX0123"),
            offers=(upgrade,),
        ),
        SimBooking(
            "VISA01", [_adult("P1", "NAKAMURA", "KENJI", 2_345_678_911)], segments("KX0905")
        ),
        SimBooking(
            "INHIB1",
            [_adult("P1", "BLOCK", "MAX", 2_345_678_921, inhibited="see agent: ticket on hold")],
            segments("KX0123"),
        ),
        SimBooking(
            "FAMILY",
            [
                _adult("P1", "GARCIA", "ELENA", 2_345_678_931),
                _adult("P2", "GARCIA", "PABLO", 2_345_678_932),
                SimPassenger(
                    "P3",
                    "GARCIA",
                    "LUCIA",
                    PassengerType.CHILD,
                    _ticket(2_345_678_933),
                    allowance=adult_allowance(),
                ),
                SimPassenger(
                    "P4",
                    "GARCIA",
                    "MATEO",
                    PassengerType.INFANT,
                    _ticket(2_345_678_934),
                    infant_of="P1",
                    allowance=infant_allowance(),
                ),
            ],
            segments("KX0123"),
        ),
        SimBooking(
            "CONNX1",
            [_adult("P1", "LINDQVIST", "ERIK", 2_345_678_941)],
            segments("KX0410", "KX0412"),
        ),
        SimBooking(
            "FULL01",
            [
                _adult("P1", "PEREIRA", "RITA", 2_345_678_951),
                _adult("P2", "PEREIRA", "JOSE", 2_345_678_952),
            ],
            segments("KX0777"),
        ),
        SimBooking("LATE01", [_adult("P1", "TARDY", "TOM", 2_345_678_961)], segments("KX0125")),
    ]
    return World(airport, local, flights, {b.record_locator: b for b in bookings})


def travel_date(booking: SimBooking) -> date:
    """The day of the booking's first flight (local)."""
    return booking.segments[0].flight.departure.date()
