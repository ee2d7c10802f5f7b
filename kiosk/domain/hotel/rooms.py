"""The registration card, the PMS check-in and its room, and the key cards.

Registration card: ``CardSigned`` keeps the reference of the stored signature
image (never the pixels) and the language the terms were shown in; then the
card is printed (answered by the printer), e-mailed (queued by the runner) or
not taken. A print failure is ``printer_out``.

Room: the stay is checked in at the PMS; a refusal for a room not ready (or
none assigned), or a room the PMS gives that is not clean yet, is
``room_not_ready``: staff ``retry`` (the PMS is asked again), ``accept`` (the
guest leaves the luggage and is told when the room is ready: the visit ends
without keys) or ``refuse``.

Keys: the guest chooses 1 to ``max_keys`` (at most 4); each key is one
``EncodeKey`` and counts as made only when the encoder confirms it
(``KeyEncoded`` for the key at the encoder); a failure is ``encoder_failed``
(``retry`` the key; ``accept``: the rest at the desk). At check-in the first
key voids the room's earlier keys; key help makes copies only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.events import (
    CardDeliveryChosen,
    CardSigned,
    CheckedIn,
    Delivery,
    DocumentPrinted,
    KeyCountChosen,
    KeyEncoded,
    KeyEncodingFailed,
    PrintFailed,
    StayFound,
)
from kiosk.domain.hotel.states import HotelState, KeyCard, Outcome
from kiosk.domain.hotel.steps import Kind, Result, advance, busy, call, commit, intervene, note


def card(state: HotelState) -> fx.RegistrationCard:
    stay = state.stay
    assert stay is not None
    return fx.RegistrationCard(
        stay_id=stay.stay_id,
        confirmation_number=stay.confirmation_number,
        guest_names=tuple(f"{g.surname}/{g.given_names}" for g in state.guests if g.named),
        arrival=stay.arrival,
        departure=stay.departure,
        room_type=stay.room_type,
        rate=stay.rate,
        language=state.card_language,
        signature_ref=state.signature_ref,
    )


def _owner_email(state: HotelState) -> str:
    return next((g.data.email for g in state.guests if g.data.email), "")


def sign(state: HotelState, event: CardSigned, now: datetime) -> Result:
    if not event.signature_ref.strip():
        return note(state, "signature_missing")
    signed = replace(state, signature_ref=event.signature_ref.strip(), card_language=event.language)
    return advance(replace(signed, notice=""), now)


def deliver_card(state: HotelState, event: CardDeliveryChosen, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    if not state.signature_ref:
        return note(state, "sign_first")
    if state.card_delivered:
        return note(state, "card_already_delivered")
    stay = state.stay
    assert stay is not None
    state = replace(state, card_delivery=event.delivery, notice="")
    if event.delivery is Delivery.PRINT:
        document_id = f"card:{stay.stay_id}"
        return replace(state, printing_now=document_id), [
            fx.PrintRegistrationCard(document_id, card(state))
        ]
    if event.delivery is Delivery.EMAIL:
        email = event.email.strip() or _owner_email(state)
        if "@" not in email:
            return note(replace(state, card_delivery=None), "email_missing")
        after, more = advance(replace(state, card_delivered=True), now)
        return after, [fx.EmailRegistrationCard(card(state), email), *more]
    return advance(replace(state, card_delivered=True), now)


def printed(state: HotelState, event: DocumentPrinted, now: datetime) -> Result:
    if event.document_id != state.printing_now:
        return state, []
    state = replace(state, printing_now="")
    if event.document_id.startswith("card:"):
        state = replace(state, card_delivered=True)
    else:
        state = replace(state, invoice_delivered=True)
    return advance(state, now)


def print_failed(state: HotelState, event: PrintFailed, now: datetime) -> Result:
    if event.document_id != state.printing_now:
        return state, []
    state = replace(state, printing_now="")
    return intervene(state, Kind.PRINTER_OUT, "", event.document_id, now)


def reprint(state: HotelState, document_id: str, now: datetime) -> Result:
    """Staff fixed the printer: print ``document_id`` again."""
    if document_id.startswith("card:"):
        return replace(state, printing_now=document_id), [
            fx.PrintRegistrationCard(document_id, card(state))
        ]
    if state.folio is None:
        return advance(state, now)
    return replace(state, printing_now=document_id), [fx.PrintInvoice(document_id, state.folio)]


def handed_over(state: HotelState, document_id: str, now: datetime) -> Result:
    """Staff hand over at the desk what did not print."""
    if document_id.startswith("card:"):
        return advance(replace(state, card_delivered=True), now)
    return advance(replace(state, invoice_delivered=True), now)


# --- the room -------------------------------------------------------------------------------


def checked_in(state: HotelState, event: CheckedIn, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None, checked_in=True, stay=event.stay)
    return _room(replace(state, room=event.stay.room), now)


def stay_refreshed(state: HotelState, event: StayFound, now: datetime) -> Result:
    """``stay`` answered after ``room_not_ready``: is the room ready now?"""
    state = replace(state, waiting=None, retry_call=None, stay=event.stay, room=event.stay.room)
    return _room(state, now)


def _room(state: HotelState, now: datetime) -> Result:
    room = state.room
    if room is None:
        return intervene(state, Kind.ROOM_NOT_READY, "", "no room assigned", now)
    if not room.ready:
        return intervene(
            state, Kind.ROOM_NOT_READY, "", f"room {room.number} {room.state.value}", now
        )
    return advance(state, now)


def refresh_room(state: HotelState, now: datetime) -> Result:
    """Staff say the room is ready: ask the PMS again (the stay, or the check-in)."""
    stay = state.stay
    assert stay is not None
    if state.checked_in:
        return call(state, fx.FetchStay(stay.stay_id))
    return call(state, fx.CheckInStay(stay.stay_id))


def leave_luggage(state: HotelState, now: datetime) -> Result:
    """The guest leaves the luggage and is told when the room is ready: the visit ends."""
    stay = state.stay
    assert stay is not None
    owner = next((g for g in state.guests if g.data.email or g.data.phone), None)
    notify = fx.NotifyWhenRoomReady(
        stay.stay_id,
        "" if owner is None else owner.data.email,
        "" if owner is None else owner.data.phone,
    )
    state = replace(state, luggage_left=True, outcome=Outcome.COMPLETED)
    after, effects = commit(state, now)
    return after, [notify, *effects]


# --- keys -----------------------------------------------------------------------------------


def choose_keys(state: HotelState, event: KeyCountChosen, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    top = state.most_keys
    if not 1 <= event.count <= top:
        return note(state, "key_count_invalid", most=top)
    if state.key_count:
        return note(state, "keys_in_progress")
    keys = tuple(KeyCard(n) for n in range(1, event.count + 1))
    return advance(replace(state, key_count=event.count, keys=keys, notice=""), now)


def key_encoded(state: HotelState, event: KeyEncoded, now: datetime) -> Result:
    keys = tuple(replace(k, encoded=True) if k.key_no == event.key_no else k for k in state.keys)
    state = replace(state, keys=keys, encoding=0, waiting=None, retry_call=None)
    return advance(state, now)


def key_failed(state: HotelState, event: KeyEncodingFailed, now: datetime) -> Result:
    keys = tuple(
        replace(k, failures=k.failures + 1) if k.key_no == event.key_no else k for k in state.keys
    )
    state = replace(state, keys=keys, encoding=0, waiting=None, retry_call=None)
    detail = f"key {event.key_no}: {event.reason or 'failed'}"
    return intervene(state, Kind.ENCODER_FAILED, "", detail, now)
