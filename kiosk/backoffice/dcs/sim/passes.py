"""Boarding passes of the simulated airline: the readable data and its BCBP string.

One pass per passenger and flight, each a one-leg IATA BCBP (Resolution 792,
version 6) written with :func:`kiosk.domain.travel.encode_bcbp`: the date of
flight as its Julian day, the seat as ``012A``, the check-in sequence as
``0001``, the source of check-in and issuance ``K`` (kiosk), up to three bag
licence plates, the ticket's document serial, the frequent flyer number and the
fast track flag. An infant has no seat: ``INF`` is printed instead.
"""

from __future__ import annotations

from datetime import date

from kiosk.backoffice.dcs.sim.world import AIRLINES, SimBooking, SimPassenger, SimSegment
from kiosk.domain.airport.dcs import BoardingPassData, PassengerType
from kiosk.domain.travel import BoardingPass, Leg, encode_bcbp, julian_day

_DESCRIPTION = {PassengerType.ADULT: "0", PassengerType.CHILD: "3", PassengerType.INFANT: "4"}
INFANT_SEAT = "INF"


def boarding_pass(
    booking: SimBooking, passenger: SimPassenger, segment: SimSegment, issued: date
) -> BoardingPassData:
    """The pass of ``passenger`` (checked in) on ``segment``, issued on ``issued``."""
    flight = segment.flight
    seat = passenger.seats.get(segment.segment_id, "")
    infant = passenger.type is PassengerType.INFANT
    has_infant = any(other.infant_of == passenger.passenger_id for other in booking.passengers)
    priority = bool(passenger.frequent_flyer) or segment.compartment in "JF"
    name = f"{passenger.surname}/{passenger.given_names}"
    tags = _bag_tags(passenger.bags)
    bcbp = encode_bcbp(
        BoardingPass(
            passenger_name=name[:20],
            legs=(_leg(booking, passenger, segment, seat, fast_track=priority),),
            version="6",
            passenger_description="6" if has_infant else _DESCRIPTION[passenger.type],
            check_in_source="K",
            issuance_source="K",
            issue_date_text=f"{issued.year % 10}{julian_day(issued):03d}",
            document_type="B",
            issuer=flight.airline,
            bag_tag_1=tags[0],
            bag_tag_2=tags[1],
            bag_tag_3=tags[2],
        )
    )
    return BoardingPassData(
        passenger_id=passenger.passenger_id,
        segment_id=segment.segment_id,
        name=name,
        flight=flight.code,
        origin=flight.origin,
        destination=flight.destination,
        departure=flight.departure,
        boarding_time=flight.boarding_time,
        gate=flight.gate,
        seat=INFANT_SEAT if infant else seat,
        sequence_number=passenger.sequence.get(segment.segment_id, 0),
        group=_group(seat, priority),
        compartment=segment.compartment,
        bcbp=bcbp,
        extras=("FAST TRACK", "PRIORITY") if priority else (),
    )


def _leg(
    booking: SimBooking,
    passenger: SimPassenger,
    segment: SimSegment,
    seat: str,
    *,
    fast_track: bool,
) -> Leg:
    flight = segment.flight
    ff_airline, _, ff_number = passenger.frequent_flyer.partition(" ")
    printed_seat = INFANT_SEAT if passenger.type is PassengerType.INFANT else _seat(seat)
    return Leg(
        pnr=booking.record_locator,
        origin=flight.origin,
        destination=flight.destination,
        carrier=flight.airline,
        flight_number=flight.number,
        flight_day=julian_day(flight.departure.date()),
        compartment=segment.compartment,
        seat=printed_seat,
        check_in_sequence=f"{passenger.sequence.get(segment.segment_id, 0):04d}",
        passenger_status="3" if passenger.bags else "1",
        airline_numeric_code=AIRLINES.get(flight.airline, ("000", ""))[0],
        document_serial=passenger.ticket_number[3:13],
        selectee="0",
        documentation_verification="2" if passenger.document is not None else "0",
        marketing_carrier=flight.airline,
        frequent_flyer_airline=ff_airline if ff_number else "",
        frequent_flyer_number=ff_number,
        id_ad_indicator="0",
        free_baggage_allowance=_free_bags(passenger),
        fast_track="Y" if fast_track else "N",
    )


def _seat(seat: str) -> str:
    """``12A`` -> ``012A`` (the BCBP form)."""
    return f"{int(seat[:-1]):03d}{seat[-1]}" if seat[:-1].isdigit() else seat


def _free_bags(passenger: SimPassenger) -> str:
    allowance = passenger.allowance
    return f"{allowance.pieces}PC" if allowance is not None else ""


def _bag_tags(plates: list[str]) -> list[str | None]:
    """Up to three licence plates, each as its own 13-digit field (``000`` following)."""
    fields: list[str | None] = [f"{plate}000" for plate in plates[:3]]
    return fields + [None] * (3 - len(fields))


def _group(seat: str, priority: bool) -> str:
    """Boarding group: priority first, then from the back of the cabin forward."""
    if priority:
        return "1"
    row = int(seat[:-1]) if seat[:-1].isdigit() else 0
    return "2" if row >= 20 else "3" if row >= 10 else "4"
