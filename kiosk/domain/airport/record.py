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
from kiosk.domain.travel.record_document import (
    document_head,
    document_summary,
    intervention_entry,
    payment_entry,
)


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


def _traveller(p: PassengerRecord) -> dict[str, Any]:
    seat = next((s for _, s in p.seats if s), "")
    out: dict[str, Any] = {
        "traveller_id": p.passenger_id,
        "checked_in": p.checked_in,
        "seat_or_room": seat,
    }
    summary = document_summary(p.document)
    if summary is not None:
        out["document"] = summary
    return out


def paid_minor(record: CheckinRecord) -> int:
    """What the card terminal took (approved, or confirmed by an agent), in minor units."""
    return sum(p.amount.minor for p in record.payments if p.outcome in ("approved", "confirmed"))


def record_document(
    record: CheckinRecord,
    *,
    store_id: str,
    lane_id: str,
    language: str = "en",
    journey: str = "airport_checkin",
) -> dict[str, Any]:
    """The check-in document (schema 1, kind ``checkin``) the lane stores in its outbox
    and HQ takes at ``/api/v1/checkins`` (docs/airport.md). No name, no MRZ, no document
    number: a traveller is their passenger id and a :class:`DocumentSummary`."""
    head = document_head(
        record,
        store_id=store_id,
        lane_id=lane_id,
        language=language,
        journey=journey,
        reference=record.record_locator or "NONE",
        fees_total=paid_minor(record),
    )
    return {
        **head,
        "travellers": [_traveller(p) for p in record.passengers],
        "bags": [
            {
                "traveller_id": b.passenger_id,
                "licence_plate": b.licence_plate,
                "weight_g": b.weight_g,
                "fee": 0 if b.fee is None else b.fee.minor,
            }
            for b in record.bags
            if b.licence_plate
        ],
        "payments": [
            payment_entry(p, "waived" if p.outcome == "waived" else "card") for p in record.payments
        ],
        "interventions": [intervention_entry(i) for i in record.interventions],
        "item_count": sum(1 for p in record.passengers if p.checked_in),
        "details": {
            "airport": record.airport,
            "identified_by": record.identified_by,
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
                    "traveller_id": p.passenger_id,
                    "type": p.type,
                    "travelling": p.travelling,
                    "refused": p.refused,
                    "seats": [{"segment_id": s, "seat": seat} for s, seat in p.seats],
                }
                for p in record.passengers
            ],
            "fees": [
                {
                    "kind": f.kind.value,
                    "traveller_id": f.passenger_id,
                    "ref": f.ref,
                    "amount": f.amount.minor,
                }
                for f in record.fees
            ],
            "printed": list(record.printed),
            "offers_taken": list(record.offers_taken),
        },
    }
