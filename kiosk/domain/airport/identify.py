"""Identify the booking and choose who travels: the welcome, pick and passenger steps.

Three ways in: a boarding pass (its BCBP names the record locator and the
surname), a typed locator and surname, or a passport (its MRZ name and today's
date search the DCS; several bookings -> the traveller picks one). A passport
used this way is kept in memory (``CheckinState.identity``) and counts as that
passenger's document later, so they are not asked for it twice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.dcs import Booking, DcsErrorKind, TravelDocument
from kiosk.domain.airport.events import (
    BoardingPassScanned,
    BookingEntered,
    BookingFound,
    BookingPicked,
    BookingsFound,
    DcsFailed,
    DocumentScanned,
    PassengersConfirmed,
    PassengerToggled,
)
from kiosk.domain.airport.states import CheckinState, DocumentCheck, PassengerState, Step
from kiosk.domain.airport.steps import (
    Kind,
    Result,
    advance,
    call,
    infants_of,
    intervene,
    note,
    noted,
    started,
    with_passenger,
)
from kiosk.domain.travel import TravelDocumentError, parse_bcbp, parse_mrz
from kiosk.domain.travel.mrz import MrzDocument

_LOCATOR = re.compile(r"^[A-Z0-9]{5,8}$")


def document_of(passenger_id: str, mrz: MrzDocument) -> TravelDocument:
    """The APIS data of ``mrz`` for ``passenger_id`` (memory only: invariant 6)."""
    return TravelDocument(
        passenger_id=passenger_id,
        document_code=mrz.document_code,
        issuing_state=mrz.issuing_state,
        nationality=mrz.nationality,
        number=mrz.document_number,
        surname=mrz.primary_name,
        given_names=mrz.secondary_name,
        birth_date=mrz.birth_date,
        sex=mrz.sex,
        expiry=mrz.expiry_date,
    )


def read_mrz(state: CheckinState, event: DocumentScanned, now: datetime) -> MrzDocument | None:
    """The document of ``event``'s lines, or None if they cannot be read."""
    try:
        return parse_mrz(event.lines, state.settings.local_date(now))
    except (TravelDocumentError, ValueError):
        return None


def _busy(state: CheckinState) -> bool:
    return state.waiting is not None


def scan_boarding_pass(state: CheckinState, event: BoardingPassScanned, now: datetime) -> Result:
    if _busy(state):
        return note(state, "busy")
    try:
        bcbp = parse_bcbp(event.data, state.settings.local_date(now))
    except (TravelDocumentError, ValueError):
        return note(state, "boarding_pass_unreadable")
    locator = bcbp.legs[0].pnr.strip().upper() if bcbp.legs else ""
    if not _LOCATOR.match(locator) or not bcbp.surname:
        return note(state, "boarding_pass_unreadable")
    begun = started(state, now, "boarding_pass")
    return call(replace(begun, notice=""), fx.FindBooking(locator, bcbp.surname))


def enter_booking(state: CheckinState, event: BookingEntered, now: datetime) -> Result:
    if _busy(state):
        return note(state, "busy")
    locator = event.record_locator.strip().upper()
    surname = " ".join(event.surname.split()).upper()
    if not _LOCATOR.match(locator):
        return note(state, "locator_invalid")
    if not surname:
        return note(state, "surname_missing")
    begun = started(state, now, "locator")
    return call(replace(begun, notice=""), fx.FindBooking(locator, surname))


def scan_passport(state: CheckinState, event: DocumentScanned, now: datetime) -> Result:
    if _busy(state):
        return note(state, "busy")
    mrz = read_mrz(state, event, now)
    if mrz is None or not mrz.primary_name:
        return note(state, "document_unreadable")
    begun = replace(started(state, now, "passport"), identity=document_of("", mrz), notice="")
    on = state.settings.local_date(now)
    return call(begun, fx.FindByName(mrz.primary_name, mrz.secondary_name, on))


def load(state: CheckinState, booking: Booking, now: datetime) -> Result:
    """Show the booking's passengers (all chosen to travel by default)."""
    state = replace(state, waiting=None, candidates=())
    if not any(f.open_for_checkin for f in booking.flights):
        return note(replace(state, step=Step.WELCOME), "checkin_closed")
    passengers = tuple(
        PassengerState(
            passenger=p,
            document=DocumentCheck.NEEDED if p.document_required else DocumentCheck.NOT_REQUIRED,
        )
        for p in booking.passengers
    )
    loaded = replace(state, booking=booking, passengers=passengers, passengers_done=False)
    return advance(replace(loaded, step=Step.PASSENGERS), now)


def booking_found(state: CheckinState, event: BookingFound, now: datetime) -> Result:
    return load(state, event.booking, now)


def bookings_found(state: CheckinState, event: BookingsFound, now: datetime) -> Result:
    state = replace(state, waiting=None)
    if not event.bookings:
        return note(state, "booking_not_found")
    if len(event.bookings) == 1:
        return load(state, event.bookings[0], now)
    return replace(state, step=Step.PICK_BOOKING, candidates=event.bookings), []


def pick_booking(state: CheckinState, event: BookingPicked, now: datetime) -> Result:
    chosen = next((b for b in state.candidates if b.record_locator == event.record_locator), None)
    if chosen is None:
        return note(state, "booking_not_found")
    return load(state, chosen, now)


def find_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    """A lookup failed: not found is the traveller's to retry; unreachable calls an agent."""
    if event.kind is DcsErrorKind.UNREACHABLE:
        return intervene(state, Kind.DCS_UNREACHABLE, "", event.call.value, now)
    back = replace(state, waiting=None, step=Step.WELCOME, identity=None)
    return note(back, "checkin_closed" if event.code == "flight_closed" else "booking_not_found")


def toggle_passenger(state: CheckinState, event: PassengerToggled, now: datetime) -> Result:
    chosen = state.passenger(event.passenger_id)
    if chosen is None:
        return note(state, "passenger_unknown")
    if chosen.is_infant:
        return note(state, "infant_follows_adult")
    state = with_passenger(state, chosen.passenger_id, travelling=event.travelling)
    for infant in infants_of(state, chosen.passenger_id):
        state = with_passenger(state, infant.passenger_id, travelling=event.travelling)
    return replace(state, notice=""), []


def confirm_passengers(state: CheckinState, event: PassengersConfirmed, now: datetime) -> Result:
    if not state.travelling():
        return note(state, "choose_a_passenger")
    orphans = [
        p
        for p in state.travelling()
        if p.is_infant and p.passenger.infant_of and not _travels(state, p.passenger.infant_of)
    ]
    if orphans:
        return note(state, "infant_follows_adult")
    return advance(noted(replace(state, passengers_done=True), ""), now)


def _travels(state: CheckinState, passenger_id: str) -> bool:
    found = state.passenger(passenger_id)
    return found is not None and found.travelling and not found.refused
