"""The check-in record: what the lane keeps of a check-in and sends to HQ (kind "checkin").

:func:`build_record` makes it from the final :class:`~.states.CheckinState`;
:func:`record_document` turns it into the JSON document that the store commits
with its outbox row and HQ receives (``docs/airport.md`` shows one). A
passenger's document is a :class:`~kiosk.domain.airport.dcs.DocumentSummary`
only (type, issuing state, nationality, expiry, last 4 characters of the
number): never the MRZ (invariant 6). Amounts are integer minor units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.airport.dcs import DocumentSummary
from kiosk.domain.airport.interventions import ResolvedAirportIntervention
from kiosk.domain.airport.states import CheckinState, Fee, FeePayment, Outcome
from kiosk.domain.money import Money


@dataclass(frozen=True, slots=True)
class FlightRecord:
    segment_id: str
    flight: str  # "KX0123"
    origin: str
    destination: str
    departure: datetime  # local to the airport, naive


@dataclass(frozen=True, slots=True)
class PassengerRecord:
    passenger_id: str
    name: str  # "SURNAME/GIVEN NAMES" as booked
    type: str  # "ADT" | "CHD" | "INF"
    travelling: bool
    checked_in: bool
    refused: str  # the intervention kind that refused them, or ""
    document: DocumentSummary | None
    seats: tuple[tuple[str, str], ...]  # (segment_id, seat)


@dataclass(frozen=True, slots=True)
class BagRecord:
    bag_no: int
    passenger_id: str
    weight_g: int
    licence_plate: str  # "" when no tag was issued (the journey ended first)
    fee: Money | None


@dataclass(frozen=True, slots=True)
class CheckinRecord:
    """One check-in as stored and uploaded (see :func:`record_document`)."""

    checkin_id: str
    airport: str
    record_locator: str
    status: Outcome
    identified_by: str
    started_at: datetime
    completed_at: datetime
    currency: str
    flights: tuple[FlightRecord, ...]
    passengers: tuple[PassengerRecord, ...]
    bags: tuple[BagRecord, ...]
    fees: tuple[Fee, ...]
    payments: tuple[FeePayment, ...]
    interventions: tuple[ResolvedAirportIntervention, ...]
    printed: tuple[str, ...]  # document ids printed ("bp:<passenger>:<segment>", "tag:<plate>")
    offers_taken: tuple[str, ...]


def _bag_fee(fees: tuple[Fee, ...], currency: str) -> Money | None:
    if not fees:
        return None
    total = Money.zero(currency)
    for fee in fees:
        total = total + fee.amount
    return total


def build_record(state: CheckinState, status: Outcome, at: datetime) -> CheckinRecord:
    """The record of ``state`` ended as ``status`` at ``at``."""
    booking = state.booking
    started = state.started_at or at
    flights = () if booking is None else booking.flights
    currency = state.settings.currency
    return CheckinRecord(
        checkin_id=state.checkin_id,
        airport=state.settings.airport,
        record_locator="" if booking is None else booking.record_locator,
        status=status,
        identified_by=state.identified_by,
        started_at=started,
        completed_at=max(at, started),  # a clock stepped back must not end it before it began
        currency=currency,
        flights=tuple(
            FlightRecord(f.segment_id, f.airline + f.number, f.origin, f.destination, f.departure)
            for f in flights
        ),
        passengers=tuple(
            PassengerRecord(
                passenger_id=p.passenger_id,
                name=p.name,
                type=p.passenger.type.value,
                travelling=p.travelling and not p.refused,
                checked_in=state.checked_in and p.passenger.checked_in,
                refused=p.refused,
                document=p.summary,
                seats=tuple((f.segment_id, p.passenger.seat_on(f.segment_id)) for f in flights),
            )
            for p in state.passengers
        ),
        bags=tuple(
            BagRecord(
                b.bag_no,
                b.passenger_id,
                b.weight_g,
                "" if b.tag is None else b.tag.licence_plate,
                _bag_fee(b.fees, currency),
            )
            for b in state.bags
            if b.weight_g is not None
        ),
        fees=state.fees(),
        payments=state.payments,
        interventions=state.interventions,
        printed=tuple(p.document_id for p in state.printouts if p.printed),
        offers_taken=state.offers_taken,
    )


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _money(amount: Money | None) -> int | None:
    return None if amount is None else amount.minor


def record_document(record: CheckinRecord) -> dict[str, Any]:
    """The JSON document of ``record`` (the outbox row's payload; HQ's ``/api/v1/checkins``)."""
    return {
        "checkin_id": record.checkin_id,
        "airport": record.airport,
        "record_locator": record.record_locator,
        "status": record.status.value,
        "identified_by": record.identified_by,
        "started_at": _iso(record.started_at),
        "completed_at": _iso(record.completed_at),
        "currency": record.currency,
        "flights": [
            {
                "segment_id": f.segment_id,
                "flight": f.flight,
                "origin": f.origin,
                "destination": f.destination,
                "departure": f.departure.isoformat(),
            }
            for f in record.flights
        ],
        "passengers": [
            {
                "passenger_id": p.passenger_id,
                "name": p.name,
                "type": p.type,
                "travelling": p.travelling,
                "checked_in": p.checked_in,
                "refused": p.refused,
                "document": None
                if p.document is None
                else {
                    "document_code": p.document.document_code,
                    "issuing_state": p.document.issuing_state,
                    "nationality": p.document.nationality,
                    "expiry": None if p.document.expiry is None else p.document.expiry.isoformat(),
                    "number_last4": p.document.number_last4,
                },
                "seats": [{"segment_id": s, "seat": seat} for s, seat in p.seats],
            }
            for p in record.passengers
        ],
        "bags": [
            {
                "bag_no": b.bag_no,
                "passenger_id": b.passenger_id,
                "weight_g": b.weight_g,
                "licence_plate": b.licence_plate,
                "fee_minor": _money(b.fee),
            }
            for b in record.bags
        ],
        "fees": [
            {
                "kind": f.kind.value,
                "passenger_id": f.passenger_id,
                "ref": f.ref,
                "amount_minor": f.amount.minor,
            }
            for f in record.fees
        ],
        "payments": [
            {
                "reference": p.reference,
                "amount_minor": p.amount.minor,
                "outcome": p.outcome,
                "at": _iso(p.at),
                "masked_pan": p.masked_pan,
                "brand": p.brand,
                "auth_code": p.auth_code,
            }
            for p in record.payments
        ],
        "interventions": [
            {
                "kind": i.kind.value,
                "passenger_id": i.passenger_id,
                "detail": i.detail,
                "raised_at": _iso(i.raised_at),
                "resolved_at": _iso(i.resolved_at),
                "staff_id": i.staff_id,
                "verdict": None if i.verdict is None else i.verdict.value,
            }
            for i in record.interventions
        ],
        "printed": list(record.printed),
        "offers_taken": list(record.offers_taken),
    }
