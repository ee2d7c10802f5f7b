"""Domain DCS types -> the JSON of the DCS API (docs/dcs-api.md).

The simulator writes its replies with these functions and the driver writes its
request bodies with them, so both ends agree on one shape; :mod:`.parse` reads
the same shape back (``parse(dump(x)) == x``, a property test). Money is
``{"amount_minor": int, "currency": "EUR"}``; dates are ISO 8601 (``2026-12-05``),
flight times local and without an offset (``2026-12-05T15:30:00``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kiosk.domain.airport.dcs import (
    BagAllowance,
    BagTag,
    BoardingPassData,
    Booking,
    DocumentVerdict,
    Flight,
    Offer,
    Passenger,
    Seat,
    SeatMap,
    TravelDocument,
)
from kiosk.domain.money import Money

Json = dict[str, Any]


def money(value: Money | None) -> Json | None:
    return None if value is None else {"amount_minor": value.minor, "currency": value.currency}


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def allowance(value: BagAllowance | None) -> Json | None:
    if value is None:
        return None
    return {
        "pieces": value.pieces,
        "max_weight_g": value.max_weight_g,
        "heavy_limit_g": value.heavy_limit_g,
        "extra_piece_fee": money(value.extra_piece_fee),
        "overweight_fee": money(value.overweight_fee),
    }


def passenger(value: Passenger) -> Json:
    return {
        "passenger_id": value.passenger_id,
        "surname": value.surname,
        "given_names": value.given_names,
        "type": value.type.value,
        "ticket_number": value.ticket_number,
        "frequent_flyer": value.frequent_flyer,
        "seat": value.seat,
        "seats": dict(value.seats),
        "checked_in": value.checked_in,
        "sequence_number": value.sequence_number,
        "inhibited": value.inhibited,
        "document_required": value.document_required,
        "infant_of": value.infant_of,
        "allowance": allowance(value.allowance),
    }


def flight(value: Flight) -> Json:
    return {
        "segment_id": value.segment_id,
        "airline": value.airline,
        "number": value.number,
        "origin": value.origin,
        "destination": value.destination,
        "departure": _time(value.departure),
        "arrival": _time(value.arrival),
        "cabin": value.cabin,
        "compartment": value.compartment,
        "gate": value.gate,
        "boarding_time": _time(value.boarding_time),
        "open_for_checkin": value.open_for_checkin,
    }


def offer(value: Offer) -> Json:
    return {
        "offer_id": value.offer_id,
        "kind": value.kind,
        "title": value.title,
        "price": money(value.price),
        "passenger_id": value.passenger_id,
    }


def booking(value: Booking) -> Json:
    return {
        "record_locator": value.record_locator,
        "passengers": [passenger(p) for p in value.passengers],
        "flights": [flight(f) for f in value.flights],
        "safety_questions": list(value.safety_questions),
        "offers": [offer(o) for o in value.offers],
    }


def document(value: TravelDocument) -> Json:
    """The APIS request body (sent to the DCS, never stored)."""
    return {
        "document_code": value.document_code,
        "issuing_state": value.issuing_state,
        "nationality": value.nationality,
        "number": value.number,
        "surname": value.surname,
        "given_names": value.given_names,
        "birth_date": _day(value.birth_date),
        "sex": value.sex,
        "expiry": _day(value.expiry),
    }


def verdict(value: DocumentVerdict) -> Json:
    return {"status": value.status.value, "reason": value.reason}


def seat(value: Seat) -> Json:
    return {
        "number": value.number,
        "status": value.status.value,
        "exit_row": value.exit_row,
        "extra_legroom": value.extra_legroom,
        "window": value.window,
        "aisle": value.aisle,
        "price": money(value.price),
    }


def seat_map(value: SeatMap) -> Json:
    return {
        "segment_id": value.segment_id,
        "columns": value.columns,
        "rows": [
            {"row": row.row, "seats": [None if s is None else seat(s) for s in row.seats]}
            for row in value.rows
        ],
    }


def bag_tag(value: BagTag) -> Json:
    return {
        "passenger_id": value.passenger_id,
        "licence_plate": value.licence_plate,
        "weight_g": value.weight_g,
        "destination": value.destination,
        "routing": list(value.routing),
        "flight": value.flight,
        "fee": money(value.fee),
    }


def boarding_pass(value: BoardingPassData) -> Json:
    return {
        "passenger_id": value.passenger_id,
        "segment_id": value.segment_id,
        "name": value.name,
        "flight": value.flight,
        "origin": value.origin,
        "destination": value.destination,
        "departure": _time(value.departure),
        "boarding_time": _time(value.boarding_time),
        "gate": value.gate,
        "seat": value.seat,
        "sequence_number": value.sequence_number,
        "group": value.group,
        "compartment": value.compartment,
        "bcbp": value.bcbp,
        "extras": list(value.extras),
    }
