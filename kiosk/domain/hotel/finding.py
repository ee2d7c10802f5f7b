"""Find the stay: the welcome, pick, stay and find-room steps.

Check-in has three ways in: a confirmation number (typed, or the text of the
booking e-mail's QR code), a surname and the arrival date, or an ID document
(its MRZ name and today's date search the PMS; the document then counts as
its holder's ID, so they are not asked for it twice). Several stays found: the
guest picks one. A stay must be expected and arrive today or earlier (and not
have left) to check in; checked in to check out or to have keys made again.

A search that finds nothing is a notice; ``max_find_misses`` of them in a row
call staff (``booking_not_found``). Check-out and key help find the stay by a
key card read on the encoder or by room number and surname.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.events import (
    Call,
    CheckOutChosen,
    ConfirmationEntered,
    DocumentScanned,
    KeyCardRead,
    KeyCardTapped,
    KeyCardUnreadable,
    KeyHelpChosen,
    PmsFailed,
    RoomEntered,
    StayConfirmed,
    StayFound,
    StayPicked,
    StaysFound,
    SurnameEntered,
)
from kiosk.domain.hotel.guests import guests_of
from kiosk.domain.hotel.identity import read_mrz
from kiosk.domain.hotel.pms import PmsErrorKind, RefusalCode, Stay, StayState
from kiosk.domain.hotel.states import HotelState, Purpose, Step
from kiosk.domain.hotel.steps import (
    Kind,
    Result,
    advance,
    busy,
    call,
    intervene,
    note,
    noted,
    started,
)

_MAX_CODE = 512  # a QR code's text is longer than a typed number, never this long


def _clean(text: str) -> str:
    return " ".join(text.split())


def enter_confirmation(state: HotelState, event: ConfirmationEntered, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    code = event.code.strip()
    if not code or len(code) > _MAX_CODE:
        return note(state, "confirmation_invalid")
    begun = started(state, now, "qr" if event.scanned else "confirmation")
    return call(replace(begun, notice=""), fx.FindByConfirmation(code))


def enter_surname(state: HotelState, event: SurnameEntered, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    surname = _clean(event.surname)
    if not surname:
        return note(state, "surname_missing")
    begun = started(state, now, "surname")
    return call(replace(begun, notice=""), fx.FindBySurname(surname, event.arrival))


def scan_document(state: HotelState, event: DocumentScanned, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    mrz = read_mrz(event.lines, state.settings.local_date(now))
    if mrz is None or not mrz.primary_name:
        return note(state, "document_unreadable")
    begun = replace(started(state, now, "document"), identity=mrz, notice="")
    on = state.settings.local_date(now)
    return call(begun, fx.FindByGuestName(mrz.primary_name, mrz.secondary_name, on))


def choose_check_out(state: HotelState, event: CheckOutChosen, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    return replace(state, purpose=Purpose.CHECK_OUT, step=Step.FIND_ROOM, notice=""), []


def choose_key_help(state: HotelState, event: KeyHelpChosen, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    return replace(state, purpose=Purpose.REKEY, step=Step.FIND_ROOM, notice=""), []


def tap_key_card(state: HotelState, event: KeyCardTapped, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    return call(replace(started(state, now, "key_card"), notice=""), fx.ReadKeyCard())


def key_card_read(state: HotelState, event: KeyCardRead, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    room = event.room.strip()
    if not room:
        return note(state, "key_card_unreadable")
    return call(state, fx.FindByRoom(room, ""))


def key_card_unreadable(state: HotelState, event: KeyCardUnreadable, now: datetime) -> Result:
    return note(replace(state, waiting=None, retry_call=None), "key_card_unreadable")


def enter_room(state: HotelState, event: RoomEntered, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    room, surname = _clean(event.room), _clean(event.surname)
    if not room:
        return note(state, "room_missing")
    if not surname:
        return note(state, "surname_missing")
    begun = started(state, now, "room")
    return call(replace(begun, notice=""), fx.FindByRoom(room, surname))


# --- answers --------------------------------------------------------------------------------


def _why_not(state: HotelState, stay: Stay, now: datetime) -> str:
    """The notice that says why this stay cannot be served here (``""``: it can)."""
    today = state.settings.local_date(now)
    if state.purpose is not Purpose.CHECK_IN:
        return "" if stay.state is StayState.CHECKED_IN else "not_checked_in"
    if stay.state is StayState.CHECKED_IN:
        return "already_checked_in"
    if stay.state is not StayState.EXPECTED:
        return "booking_not_valid"
    if stay.arrival > today:
        return "too_early"
    if stay.departure <= today:
        return "booking_not_valid"
    return ""


def load(state: HotelState, stay: Stay, now: datetime) -> Result:
    """Show ``stay`` (check-in) or go on with it (check-out, key help)."""
    state = replace(state, waiting=None, retry_call=None, candidates=())
    why = _why_not(state, stay, now)
    if why:
        return note(_back(state), why)
    adult_age = state.settings.adult_age
    today = state.settings.local_date(now)
    loaded = replace(
        state,
        stay=stay,
        guests=guests_of(stay, adult_age, today),
        stay_confirmed=state.purpose is not Purpose.CHECK_IN,
        find_misses=0,
        room=stay.room,
        checked_in=state.purpose is not Purpose.CHECK_IN,
    )
    return advance(loaded, now)


def _back(state: HotelState) -> HotelState:
    first = Step.WELCOME if state.purpose is Purpose.CHECK_IN else Step.FIND_ROOM
    return replace(state, step=first, identity=None, candidates=())


def stay_found(state: HotelState, event: StayFound, now: datetime) -> Result:
    return load(state, event.stay, now)


def stays_found(state: HotelState, event: StaysFound, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    usable = tuple(s for s in event.stays if not _why_not(state, s, now))
    if len(usable) == 1:
        return load(state, usable[0], now)
    if usable:
        return replace(state, candidates=usable, step=Step.PICK_STAY, notice=""), []
    if event.stays:
        return note(_back(state), _why_not(state, event.stays[0], now))
    return missed(state, now)


def missed(state: HotelState, now: datetime) -> Result:
    """Nothing found: a notice, or staff after ``max_find_misses`` in a row."""
    misses = state.find_misses + 1
    state = replace(_back(state), find_misses=misses, waiting=None, retry_call=None)
    if misses >= state.settings.max_find_misses:
        return intervene(state, Kind.BOOKING_NOT_FOUND, "", f"{misses} searches", now)
    return noted(state, "booking_not_found"), []


def pick_stay(state: HotelState, event: StayPicked, now: datetime) -> Result:
    chosen = next((s for s in state.candidates if s.stay_id == event.stay_id), None)
    if chosen is None:
        return note(state, "stay_unknown")
    return load(state, chosen, now)


def confirm_stay(state: HotelState, event: StayConfirmed, now: datetime) -> Result:
    return advance(replace(state, stay_confirmed=True, notice=""), now)


def find_failed(state: HotelState, event: PmsFailed, now: datetime) -> Result:
    """A find (or ``stay``) failed: not found is a miss; the rest call staff."""
    if event.kind is PmsErrorKind.NOT_FOUND:
        return missed(state, now)
    return pms_trouble(state, event, now)


def pms_trouble(state: HotelState, event: PmsFailed, now: datetime) -> Result:
    """The PMS did not answer, or refused: staff (``retry`` repeats the call)."""
    if event.kind is PmsErrorKind.UNREACHABLE:
        return intervene(state, Kind.PMS_UNREACHABLE, "", event.call.value, now)
    if event.call is Call.CHECK_IN and event.code in (
        RefusalCode.ROOM_NOT_READY,
        RefusalCode.NO_ROOM,
    ):
        return intervene(state, Kind.ROOM_NOT_READY, "", event.code, now)
    detail = f"{event.call.value}: {event.code or event.kind.value}"
    return intervene(state, Kind.PMS_REFUSED, "", detail, now)
