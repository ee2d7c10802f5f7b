"""The visit's record: what the lane keeps of a check-in, check-out or key help, for HQ.

:func:`build_record` makes a :class:`CheckinRecord` from the final
:class:`~.states.HotelState`; :func:`record_document` turns it into the JSON
document (schema 1, kind ``checkin``, journey ``hotel_checkin``) that the store
commits with its outbox row and HQ takes as a ``CheckinDocument``
(``kiosk/hq/checkin_models.py``; ``docs/hotel.md`` shows one). No name, no MRZ,
no document number: a guest is their id and a document summary (type, issuing
state, nationality, expiry, the number's last 4 characters; invariant 6). The
signature is named by its reference, never included. Amounts are integer minor
units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk.domain.airport.dcs import DocumentSummary
from kiosk.domain.hotel.interventions import ResolvedHotelIntervention
from kiosk.domain.hotel.states import HotelPayment, HotelState, Outcome
from kiosk.domain.travel.record_document import (
    document_head,
    document_summary,
    intervention_entry,
    payment_entry,
)

_NOT_REFERENCE = re.compile(r"[^A-Z0-9]+")
_NOT_ROOM = re.compile(r"[^A-Z0-9-]+")

#: The record's payment ``method`` per purpose (HQ sums ``card`` sales and captures).
METHODS = {
    "balance": "card",
    "deposit": "card_preauth",
    "adjust": "card_preauth_adjust",
    "capture": "card_preauth_capture",
    "release": "card_preauth_cancel",
}


@dataclass(frozen=True, slots=True)
class GuestRecord:
    guest_id: str
    minor: bool
    registered: bool
    document: DocumentSummary | None
    missing: tuple[str, ...]  # register fields staff must still complete


@dataclass(frozen=True, slots=True)
class CheckinRecord:
    """One visit as stored and uploaded (see :func:`record_document`)."""

    checkin_id: str
    hotel: str
    country: str
    purpose: str
    status: Outcome
    identified_by: str
    started_at: datetime
    completed_at: datetime
    currency: str
    stay_id: str
    confirmation_number: str
    arrival: date | None
    departure: date | None
    room_type: str
    rate: str
    room: str
    adults: int
    children: int
    guests: tuple[GuestRecord, ...]
    checked_in: bool
    checked_out: bool
    payments: tuple[HotelPayment, ...]
    deposit_state: str
    deposit_minor: int
    interventions: tuple[ResolvedHotelIntervention, ...]
    keys_requested: int
    keys_encoded: int
    signature_ref: str
    card_delivery: str
    invoice_delivery: str
    luggage_left: bool
    register: str


def build_record(state: HotelState, status: Outcome, at: datetime) -> CheckinRecord:
    """The record of ``state`` ended as ``status`` at ``at``."""
    stay = state.stay
    started = state.started_at or at
    room = state.room or (None if stay is None else stay.room)
    return CheckinRecord(
        checkin_id=state.checkin_id,
        hotel=state.settings.hotel,
        country=state.settings.country,
        purpose=state.purpose.value,
        status=status,
        identified_by=state.identified_by,
        started_at=started,
        completed_at=max(at, started),
        currency=state.settings.currency,
        stay_id="" if stay is None else stay.stay_id,
        confirmation_number="" if stay is None else stay.confirmation_number,
        arrival=None if stay is None else stay.arrival,
        departure=None if stay is None else stay.departure,
        room_type="" if stay is None else stay.room_type,
        rate="" if stay is None else stay.rate,
        room="" if room is None else room.number,
        adults=0 if stay is None else stay.adults,
        children=0 if stay is None else stay.children,
        guests=tuple(
            GuestRecord(
                g.pms_id or g.guest_id, g.minor, g.check.value == "done", g.document, g.missing
            )
            for g in state.guests
        ),
        checked_in=state.checked_in,
        checked_out=state.checked_out,
        payments=state.payments,
        deposit_state=state.deposit_state.value,
        deposit_minor=0 if state.deposit_amount is None else state.deposit_amount.minor,
        interventions=state.interventions,
        keys_requested=state.key_count,
        keys_encoded=state.keys_encoded(),
        signature_ref=state.signature_ref,
        card_delivery="" if state.card_delivery is None else state.card_delivery.value,
        invoice_delivery="" if state.invoice_delivery is None else state.invoice_delivery.value,
        luggage_left=state.luggage_left,
        register=state.settings.rule.report,
    )


def reference_of(confirmation_number: str) -> str:
    """The confirmation number as HQ's ``reference`` (A-Z 0-9, at most 16; ``NONE``)."""
    return _NOT_REFERENCE.sub("", confirmation_number.upper())[:16] or "NONE"


def room_of(number: str) -> str:
    """The room number as HQ's ``seat_or_room`` (A-Z 0-9 and ``-``, at most 8)."""
    return _NOT_ROOM.sub("", number.upper())[:8]


def _traveller(record: CheckinRecord, g: GuestRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "traveller_id": g.guest_id,
        "checked_in": record.checked_in and g.registered,
        "seat_or_room": room_of(record.room),
    }
    summary = document_summary(g.document)
    if summary is not None:
        out["document"] = summary
    return out


def taken_minor(record: CheckinRecord) -> int:
    """What the card terminal took (sales and captures, approved or confirmed)."""
    return sum(p.amount.minor for p in record.payments if p.took_money)


def record_document(
    record: CheckinRecord,
    *,
    store_id: str,
    lane_id: str,
    language: str = "en",
    journey: str = "hotel_checkin",
) -> dict[str, Any]:
    """The check-in document (schema 1, kind ``checkin``) the lane stores in its outbox
    and HQ takes at ``/api/v1/checkins``; ``store_id`` / ``lane_id`` are the runner's."""
    head = document_head(
        record,
        store_id=store_id,
        lane_id=lane_id,
        language=language,
        journey=journey,
        reference=reference_of(record.confirmation_number),
        fees_total=taken_minor(record),
    )
    return {
        **head,
        "travellers": [_traveller(record, g) for g in record.guests],
        "payments": [
            payment_entry(p, "waived" if p.outcome == "waived" else METHODS[p.purpose.value])
            for p in record.payments
        ],
        "interventions": [intervention_entry(i) for i in record.interventions],
        "item_count": record.keys_encoded,
        "details": {
            "purpose": record.purpose,
            "hotel": record.hotel,
            "country": record.country,
            "identified_by": record.identified_by,
            "stay_id": record.stay_id,
            "arrival": None if record.arrival is None else record.arrival.isoformat(),
            "departure": None if record.departure is None else record.departure.isoformat(),
            "room_type": record.room_type,
            "rate": record.rate,
            "room": record.room,
            "adults": record.adults,
            "children": record.children,
            "checked_in": record.checked_in,
            "checked_out": record.checked_out,
            "guests": [
                {"traveller_id": g.guest_id, "minor": g.minor, "register_missing": list(g.missing)}
                for g in record.guests
            ],
            "deposit": {"state": record.deposit_state, "amount": record.deposit_minor},
            "keys": {"requested": record.keys_requested, "encoded": record.keys_encoded},
            "registration_card": {
                "signed": bool(record.signature_ref),
                "signature_ref": record.signature_ref,
                "delivery": record.card_delivery,
            },
            "invoice_delivery": record.invoice_delivery,
            "luggage_left": record.luggage_left,
            "register_report": record.register,
        },
    }
