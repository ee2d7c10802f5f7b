"""The guests step: an ID for every adult, the register's details, the children.

Theory of operation. :func:`guests_of` turns the stay into places: every
booked profile, then ``new-<n>`` places for adults the booking counts but has
no profile for. For the guest asked (``document_for``), or any other guest
still without an ID whose name the document carries:

1. the MRZ must read (a passport or an identity card, TD1 included); an
   unreadable read is retried ``document_retries`` times, then
   ``document_failed``;
2. the name must be a booked guest's (:func:`.identity.same_person`); a
   document that matches nobody fills an unnamed place, or registers a child
   the booking expects, else ``name_mismatch``;
3. the document must be valid on the day of arrival, else ``document_expired``;
4. the country's register rule (:mod:`.register`) is checked: what the guest
   can type is asked on the details screen, anything else is
   ``register_incomplete``;
5. the PMS gets a profile (``add_companion``, for a new place) and the
   identity (``update_guest_identity``); then the guest is done.

A child without an ID is added with ``MinorAdded`` (name, birth date, the
adult they are with and how they are related); a child the register wants an
ID of (Spain: from 14) is asked for one like an adult. What stays in the state
is a document summary; the identity (:func:`.identity.identity_of`) goes to the
PMS and is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from kiosk.domain.airport.dcs import DocumentSummary
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.events import (
    DocumentScanned,
    GuestAdded,
    GuestDetailsEntered,
    GuestUpdated,
    MinorAdded,
)
from kiosk.domain.hotel.identity import ID_CODES, identity_of, read_mrz, register_data, same_person
from kiosk.domain.hotel.pms import NewGuest, Stay
from kiosk.domain.hotel.register import (
    GUEST_SUPPLIED,
    RegisterData,
    age_on,
    missing_fields,
)
from kiosk.domain.hotel.states import GuestCheck, GuestState, HotelState, Purpose, Step
from kiosk.domain.hotel.steps import (
    Kind,
    Result,
    advance,
    busy,
    call,
    intervene,
    note,
    noted,
    with_guest,
)
from kiosk.domain.travel.mrz import MrzDocument


def guests_of(stay: Stay, adult_age: int, today: date) -> tuple[GuestState, ...]:
    """The stay's places: its profiles, then unnamed places for adults without one."""
    places: list[GuestState] = []
    for g in stay.guests:
        age = age_on(g.birth_date, today)
        minor = age is not None and age < adult_age
        data = RegisterData(
            surname=g.surname,
            given_names=g.given_names,
            sex=g.sex,
            birth_date=g.birth_date,
            nationality=g.nationality,
            address=g.address,
            email=g.email,
        )
        places.append(
            GuestState(
                g.guest_id, g.surname, g.given_names, g.guest_id, minor, not minor, data=data
            )
        )
    adults = sum(1 for p in places if not p.minor)
    for n in range(1, stay.adults - adults + 1):
        places.append(GuestState(f"new-{n}", "", ""))
    return tuple(places)


def _today(state: HotelState, now: datetime) -> date:
    return state.settings.local_date(now)


def _first_adult(state: HotelState) -> str:
    return next((g.guest_id for g in state.adults()), "")


# --- reading a document --------------------------------------------------------------------


def scan_document(state: HotelState, event: DocumentScanned, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    mrz = read_mrz(event.lines, _today(state, now))
    usable = mrz is not None and mrz.document_code[:1] in ID_CODES
    if state.purpose is Purpose.REKEY:
        return _rekey_check(state, mrz if usable else None, now)
    asked = state.guest(state.document_for)
    if mrz is None or not usable:
        return unreadable(state, asked, now)
    return take_document(state, asked, mrz, now)


def unreadable(state: HotelState, asked: GuestState | None, now: datetime) -> Result:
    if asked is None:
        return note(state, "document_unreadable", attempts_left=state.settings.document_retries)
    failures = asked.read_failures + 1
    state = with_guest(state, asked.guest_id, read_failures=failures)
    if failures > state.settings.document_retries:
        return intervene(state, Kind.DOCUMENT_FAILED, asked.guest_id, "unreadable", now)
    left = state.settings.document_retries - failures + 1
    return noted(state, "document_unreadable", attempts_left=left), []


def take_document(
    state: HotelState,
    asked: GuestState | None,
    mrz: MrzDocument,
    now: datetime,
    quiet: bool = False,
) -> Result:
    """Steps 2 and 3 for ``mrz``: whose it is, then whether it is valid."""
    owner = _owner_of(state, asked, mrz)
    if owner is None:
        state, owner = _new_place(state, mrz, now)
    if owner is None:
        if quiet:
            return state, []
        if asked is None:
            return note(state, "document_not_needed")
        held = replace(state, pending=(asked.guest_id, mrz))
        return intervene(held, Kind.NAME_MISMATCH, asked.guest_id, "name differs", now)
    return check_validity(replace(state, document_for=owner.guest_id), owner.guest_id, mrz, now)


def _owner_of(state: HotelState, asked: GuestState | None, mrz: MrzDocument) -> GuestState | None:
    waiting = [g for g in state.guests if g.needs_document and g.check is GuestCheck.NEEDED]
    for g in [*([asked] if asked else []), *waiting]:
        if g.named and g.check is GuestCheck.NEEDED and same_person(g.surname, g.given_names, mrz):
            return g
    return None


def _new_place(
    state: HotelState, mrz: MrzDocument, now: datetime
) -> tuple[HotelState, GuestState | None]:
    """An unnamed adult place takes the document's name; or a child the booking expects."""
    age = age_on(mrz.birth_date, _today(state, now))
    minor = age is not None and age < state.settings.adult_age
    if not minor:
        place = next((g for g in state.guests if not g.named and not g.minor), None)
        if place is None:
            return state, None
        state = with_guest(
            state, place.guest_id, surname=mrz.primary_name, given_names=mrz.secondary_name
        )
        return state, state.guest(place.guest_id)
    if state.children_missing <= 0:
        return state, None
    child = GuestState(
        f"child-{len(state.minors()) + 1}",
        mrz.primary_name,
        mrz.secondary_name,
        minor=True,
        data=RegisterData(guardian_id=_first_adult(state)),
    )
    return replace(state, guests=(*state.guests, child)), child


def check_validity(state: HotelState, guest_id: str, mrz: MrzDocument, now: datetime) -> Result:
    """Step 3 (valid on arrival), then keep the document and check the register."""
    guest = state.guest(guest_id)
    stay = state.stay
    assert guest is not None
    assert stay is not None
    day = max(stay.arrival, _today(state, now))
    expired = mrz.expiry_date is None or mrz.expiry_date < day
    if expired and Kind.DOCUMENT_EXPIRED.value not in guest.cleared:
        held = replace(state, pending=(guest_id, mrz))
        detail = "no expiry date" if mrz.expiry_date is None else "expired on arrival"
        return intervene(held, Kind.DOCUMENT_EXPIRED, guest_id, detail, now)
    summary = DocumentSummary(
        mrz.document_code, mrz.issuing_state, mrz.nationality, mrz.expiry_date, mrz.number_last4
    )
    identity = identity_of(mrz, guest.data)
    data = register_data(mrz, guest.data)
    state = with_guest(
        state, guest_id, data=data, document=summary, identity=identity, read_failures=0
    )
    return review(replace(state, pending=None, notice=""), guest_id, now)


# --- the register and the PMS --------------------------------------------------------------


def review(state: HotelState, guest_id: str, now: datetime) -> Result:
    """Step 4: ask what the guest can type; staff for the rest; else save (step 5)."""
    guest = state.guest(guest_id)
    assert guest is not None
    age = age_on(guest.data.birth_date, _today(state, now))
    missing = missing_fields(state.settings.rule, guest.data, age)
    typed = tuple(f.value for f in missing if f in GUEST_SUPPLIED)
    other = tuple(f.value for f in missing if f not in GUEST_SUPPLIED)
    if other and Kind.REGISTER_INCOMPLETE.value not in guest.cleared:
        state = with_guest(state, guest_id, missing=other)
        return intervene(state, Kind.REGISTER_INCOMPLETE, guest_id, ",".join(other), now)
    if typed:
        state = with_guest(state, guest_id, check=GuestCheck.DETAILS, missing=typed + other)
        return advance(state, now)
    return save(with_guest(state, guest_id, missing=other), guest_id, now)


def save(state: HotelState, guest_id: str, now: datetime) -> Result:
    """Step 5: a profile for a new place, then the identity; then the guest is done."""
    guest = state.guest(guest_id)
    stay = state.stay
    assert guest is not None
    assert stay is not None
    if not guest.pms_id:
        new = NewGuest(
            surname=guest.surname,
            given_names=guest.given_names,
            nationality=guest.data.nationality,
            birth_date=guest.data.birth_date,
            email=guest.data.email,
        )
        saving = with_guest(state, guest_id, check=GuestCheck.SAVING)
        return call(saving, fx.AddCompanion(stay.stay_id, guest_id, new))
    if guest.identity is not None:
        identity = replace(
            guest.identity, address=guest.data.address, birth_place=guest.data.birth_place
        )
        saving = with_guest(state, guest_id, check=GuestCheck.SAVING)
        return call(saving, fx.UpdateGuest(stay.stay_id, guest.pms_id, identity))
    return advance(with_guest(state, guest_id, check=GuestCheck.DONE), now)


def guest_added(state: HotelState, event: GuestAdded, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    guest = state.guest(event.guest_id)
    if guest is None or guest.pms_id:
        return advance(state, now)
    return save(with_guest(state, event.guest_id, pms_id=event.guest.guest_id), event.guest_id, now)


def guest_updated(state: HotelState, event: GuestUpdated, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    for g in state.guests:
        if g.check is GuestCheck.SAVING and g.pms_id == event.guest.guest_id:
            state = with_guest(state, g.guest_id, check=GuestCheck.DONE, identity=None)
    return advance(state, now)


def enter_details(state: HotelState, event: GuestDetailsEntered, now: datetime) -> Result:
    guest = state.guest(event.guest_id)
    if guest is None or guest.check is not GuestCheck.DETAILS:
        return note(state, "details_not_needed")
    if event.guardian_id and ((g := state.guest(event.guardian_id)) is None or g.minor):
        return note(state, "guardian_unknown")
    data = guest.data
    data = replace(
        data,
        address=event.address or data.address,
        email=event.email.strip() or data.email,
        phone=event.phone.strip() or data.phone,
        birth_place=event.birth_place.strip() or data.birth_place,
        birth_date=event.birth_date or data.birth_date,
        nationality=event.nationality.strip().upper() or data.nationality,
        sex=event.sex.strip().upper() or data.sex,
        has_support_number=data.has_support_number or bool(event.support_number.strip()),
        relationship=event.relationship or data.relationship,
        guardian_id=event.guardian_id
        or data.guardian_id
        or (_first_adult(state) if guest.minor else ""),
    )
    identity = guest.identity
    if identity is not None and event.support_number.strip():
        document = replace(identity.document, support_number=event.support_number.strip().upper())
        identity = replace(identity, document=document)
    state = with_guest(state, guest.guest_id, data=data, identity=identity)
    age = age_on(data.birth_date, _today(state, now))
    missing = missing_fields(state.settings.rule, data, age)
    typed = tuple(f.value for f in missing if f in GUEST_SUPPLIED)
    if typed:
        state = with_guest(state, guest.guest_id, missing=typed)
        return noted(state, "details_missing", fields=",".join(typed)), []
    state = with_guest(state, guest.guest_id, check=GuestCheck.NEEDED)
    return review(replace(state, notice=""), guest.guest_id, now)


def add_minor(state: HotelState, event: MinorAdded, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    if state.children_missing <= 0:
        return note(state, "no_child_expected")
    guardian = state.guest(event.guardian_id)
    if guardian is None or guardian.minor:
        return note(state, "guardian_unknown")
    if not event.surname.strip() or not event.given_names.strip():
        return note(state, "name_missing")
    age = age_on(event.birth_date, _today(state, now))
    if age is None or age < 0 or age >= state.settings.adult_age:
        return note(state, "not_a_minor")
    needs_document = age >= state.settings.rule.document_from_age
    child = GuestState(
        f"child-{len(state.minors()) + 1}",
        event.surname.strip(),
        event.given_names.strip(),
        minor=True,
        needs_document=needs_document,
        data=RegisterData(
            surname=event.surname.strip(),
            given_names=event.given_names.strip(),
            birth_date=event.birth_date,
            sex=event.sex.strip().upper(),
            nationality=guardian.data.nationality,
            relationship=event.relationship,
            guardian_id=guardian.guest_id,
        ),
    )
    state = replace(state, guests=(*state.guests, child), notice="")
    if needs_document:
        return advance(state, now)
    return review(state, child.guest_id, now)


# --- key help: the ID checked again, and the identity that found the stay -------------------


def _rekey_check(state: HotelState, mrz: MrzDocument | None, now: datetime) -> Result:
    if state.rekey_verified:
        return note(state, "document_not_needed")
    if mrz is None:
        return note(state, "document_unreadable", attempts_left=state.settings.document_retries)
    if not any(g.named and same_person(g.surname, g.given_names, mrz) for g in state.guests):
        held = replace(state, pending=("", mrz))
        return intervene(held, Kind.NAME_MISMATCH, "", "name differs", now)
    return rekey_valid(state, mrz, now)


def rekey_valid(state: HotelState, mrz: MrzDocument, now: datetime) -> Result:
    """The ID of key help: valid today, or staff."""
    expired = mrz.expiry_date is None or mrz.expiry_date < _today(state, now)
    cleared = any(i.kind is Kind.DOCUMENT_EXPIRED for i in state.interventions)
    if expired and not cleared:
        held = replace(state, pending=("", mrz))
        return intervene(held, Kind.DOCUMENT_EXPIRED, "", "expired", now)
    return advance(replace(state, rekey_verified=True, pending=None, notice=""), now)


def use_identity(state: HotelState, now: datetime) -> Result:
    """On the guests step, the document that found the stay serves its holder."""
    identity = state.identity
    if state.step is not Step.GUESTS or busy(state) or identity is None:
        return state, []
    state = replace(state, identity=None)
    if state.purpose is Purpose.REKEY:
        return state, []
    return take_document(state, state.guest(state.document_for), identity, now, quiet=True)
