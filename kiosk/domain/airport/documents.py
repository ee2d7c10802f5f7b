"""The documents step: read each travelling passenger's document and check it.

For the passenger asked for (``document_for``), or another travelling passenger
still without a document whose name it carries:

1. the MRZ must read: an unreadable read is retried ``document_retries`` times,
   then ``document_failed`` (not a passport or ID card counts as unreadable);
2. the name must be the booked one (:mod:`.names`), else ``name_mismatch``;
3. the document must be valid on the last travel date (the last flight's
   arrival), else ``document_expired``;
4. the APIS go to the DCS, whose verdict may need an agent (``agent_needed``);
   a refusal (``inhibited``, ``watchlist``...) is ``inhibited_passenger``.

An agent's ``accept`` on 2 or 3 goes on with the same read; ``retry`` asks for
a document again. What stays is a :class:`DocumentSummary` (invariant 6).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.dcs import DcsErrorKind, DocumentStatus, TravelDocument
from kiosk.domain.airport.events import DcsFailed, DocumentScanned, DocumentVerdictReceived
from kiosk.domain.airport.identify import document_of, read_mrz
from kiosk.domain.airport.states import CheckinState, DocumentCheck, PassengerState, Step
from kiosk.domain.airport.steps import (
    Kind,
    Result,
    advance,
    call,
    intervene,
    note,
    noted,
    with_passenger,
)
from kiosk.domain.travel.names import names_match

#: MRZ document codes of travel documents (passports, ID cards, others of ICAO 9303).
_TRAVEL_CODES = ("P", "I", "A", "C")


def last_travel_date(state: CheckinState) -> date | None:
    booking = state.booking
    if booking is None or not booking.flights:
        return None
    return max(max(f.arrival.date(), f.departure.date()) for f in booking.flights)


def scan_document(state: CheckinState, event: DocumentScanned, now: datetime) -> Result:
    if state.waiting is not None:
        return note(state, "busy")
    asked = state.passenger(state.document_for)
    if asked is None:
        return note(state, "document_not_needed")
    mrz = read_mrz(state, event, now)
    if mrz is None or mrz.document_code[:1] not in _TRAVEL_CODES:
        return _unreadable(state, asked, now)
    document = document_of(asked.passenger_id, mrz)
    owner = _owner_of(state, asked, mrz.name_truncated, document)
    if owner is None:
        held = replace(state, pending_document=document)
        return intervene(held, Kind.NAME_MISMATCH, asked.passenger_id, "name differs", now)
    state = replace(state, document_for=owner.passenger_id)
    return check_validity(state, replace(document, passenger_id=owner.passenger_id), now)


def _owner_of(
    state: CheckinState, asked: PassengerState, truncated: bool, document: TravelDocument
) -> PassengerState | None:
    waiting = [p for p in state.travelling() if p.document is DocumentCheck.NEEDED]
    for p in [asked, *waiting]:
        booked = p.passenger
        if names_match(
            booked.surname, booked.given_names, document.surname, document.given_names, truncated
        ):
            return p
    return None


def _unreadable(state: CheckinState, asked: PassengerState, now: datetime) -> Result:
    failures = asked.read_failures + 1
    state = with_passenger(state, asked.passenger_id, read_failures=failures)
    if failures > state.settings.document_retries:
        return intervene(state, Kind.DOCUMENT_FAILED, asked.passenger_id, "unreadable", now)
    left = state.settings.document_retries - failures + 1
    return noted(state, "document_unreadable", attempts_left=left), []


def check_validity(state: CheckinState, document: TravelDocument, now: datetime) -> Result:
    """Step 3 (expiry), then send the APIS (step 4)."""
    owner = state.passenger(document.passenger_id)
    assert owner is not None
    last = last_travel_date(state)
    expired = document.expiry is None or (last is not None and document.expiry < last)
    if expired and Kind.DOCUMENT_EXPIRED.value not in owner.cleared:
        held = replace(state, pending_document=document)
        detail = "no expiry date" if document.expiry is None else "expires before the last flight"
        return intervene(held, Kind.DOCUMENT_EXPIRED, owner.passenger_id, detail, now)
    return send(state, document)


def send(state: CheckinState, document: TravelDocument) -> Result:
    """Send the APIS; keep only the summary."""
    booking = state.booking
    assert booking is not None
    state = with_passenger(
        state, document.passenger_id, document=DocumentCheck.CHECKING, summary=document.summary()
    )
    state = replace(state, pending_document=None, notice="", document_for=document.passenger_id)
    return call(state, fx.SendDocument(booking.record_locator, document))


def verdict_received(state: CheckinState, event: DocumentVerdictReceived, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    owner = state.passenger(event.passenger_id)
    if owner is None:
        return state, []
    if event.verdict.status is DocumentStatus.ACCEPTED or Kind.AGENT_NEEDED.value in owner.cleared:
        state = with_passenger(state, event.passenger_id, document=DocumentCheck.ACCEPTED)
        return advance(state, now)
    reason = event.verdict.reason or "agent_needed"
    return intervene(state, Kind.AGENT_NEEDED, event.passenger_id, reason, now)


def send_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    pid = state.document_for
    if event.kind is DcsErrorKind.UNREACHABLE:
        return intervene(state, Kind.DCS_UNREACHABLE, pid, event.call.value, now)
    state = with_passenger(state, pid, document=DocumentCheck.NEEDED, summary=None)
    state = replace(state, waiting=None, retry_call=None)
    if event.kind is DcsErrorKind.REFUSED:
        return intervene(state, Kind.INHIBITED_PASSENGER, pid, event.code or "refused", now)
    return intervene(state, Kind.DOCUMENT_FAILED, pid, event.code or "invalid", now)


def reread(state: CheckinState, passenger_id: str, now: datetime) -> Result:
    """An agent's ``retry``: ask for the passenger's document again, retries anew."""
    state = with_passenger(
        state, passenger_id, document=DocumentCheck.NEEDED, read_failures=0, summary=None
    )
    return advance(replace(state, pending_document=None, document_for=passenger_id), now)


def use_identity(state: CheckinState, now: datetime) -> Result:
    """On the documents step, the passport that found the booking serves its holder."""
    identity = state.identity
    asked = state.passenger(state.document_for)
    if state.step is not Step.DOCUMENTS or state.waiting or identity is None or asked is None:
        return state, []
    state = replace(state, identity=None)
    for p in (asked, *(p for p in state.travelling() if p.document is DocumentCheck.NEEDED)):
        booked = p.passenger
        if p.document is DocumentCheck.NEEDED and names_match(
            booked.surname, booked.given_names, identity.surname, identity.given_names
        ):
            document = replace(identity, passenger_id=p.passenger_id)
            return check_validity(replace(state, document_for=p.passenger_id), document, now)
    return state, []
