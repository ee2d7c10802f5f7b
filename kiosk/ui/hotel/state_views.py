"""From the machine's ``HotelState`` to what each hotel screen shows.

Pure functions (no Qt): the presenter calls them on the UI thread with the latest state
the runner broadcast; tests call them with states they build. :func:`screen_for` says
which screen a state shows; each ``*_view`` makes that screen's view. The machine's
one-event ``notice`` keys are passed on as the screens' problem keys.
"""

from __future__ import annotations

from datetime import date

from kiosk.backoffice.mail.smtp import check_address
from kiosk.domain.hotel.events import PaymentPurpose
from kiosk.domain.hotel.pms import FolioLineKind, Stay
from kiosk.domain.hotel.states import GuestCheck, GuestState, HotelState, Outcome, Purpose, Step
from kiosk.domain.money import Money
from kiosk.ui.hotel import views as v

#: step -> the screen that shows it (WELCOME, INTERVENTION, CLOSING, DONE: screen_for)
SCREENS = {
    Step.PICK_STAY: "hotel_pick_stay",
    Step.STAY: "hotel_stay",
    Step.GUESTS: "hotel_guests",
    Step.DETAILS: "hotel_details",
    Step.REGISTRATION: "hotel_registration",
    Step.PAYING: "hotel_payment",
    Step.ROOM: "hotel_keys",
    Step.KEYS: "hotel_keys",
    Step.FIND_ROOM: "hotel_find_room",
    Step.FOLIO: "hotel_folio",
    Step.INVOICE: "hotel_invoice",
    Step.DROP_KEYS: "hotel_drop_keys",
    Step.INTERVENTION: "hotel_agent",
}
_GUEST_STATUS = {
    GuestCheck.NEEDED: v.GuestStatus.WAITING,
    GuestCheck.DETAILS: v.GuestStatus.DETAILS,
    GuestCheck.SAVING: v.GuestStatus.CHECKING,
    GuestCheck.DONE: v.GuestStatus.DONE,
}


def screen_for(state: HotelState, finding: bool) -> str:
    """The name of the screen ``state`` shows (``finding``: the guest chose to check in
    on the welcome screen and is finding the booking)."""
    if state.step in (Step.DONE, Step.CLOSING):
        return "hotel_done" if state.outcome is Outcome.COMPLETED else "hotel_welcome"
    if state.step is Step.WELCOME:
        searched = state.waiting is not None or bool(state.notice)  # e.g. an ID at welcome
        return "hotel_find" if finding or searched else "hotel_welcome"
    if state.step is Step.GUESTS and wants_child(state):
        return "hotel_child"
    return SCREENS[state.step]


def wants_child(state: HotelState) -> bool:
    """Every ID is read and a child the booking holds is still to be added."""
    return (
        state.purpose is Purpose.CHECK_IN
        and not state.document_for
        and state.children_missing > 0
        and all(g.check is GuestCheck.DONE for g in state.guests)
    )


def child_view(state: HotelState) -> v.ChildView:
    adults = state.adults()
    adult = adults[0] if adults else None
    guardian = adult.guest_id if adult is not None else ""
    surname = adult.surname if adult is not None else ""
    return v.ChildView(guardian, surname, name_of(adult), state.notice)


def name_of(guest: GuestState | None) -> str:
    """How a guest is named on the screens ("ANNA LINDQVIST")."""
    if guest is None:
        return ""
    return " ".join(p for p in (guest.given_names, guest.surname) if p).strip().upper()


def find_view(state: HotelState, mode: v.FindMode, today: date | None) -> v.FindView:
    return v.FindView(mode, state.notice, state.waiting is not None, today)


def stay_summary(stay: Stay) -> v.StaySummary:
    """A PMS ``Stay`` as the guest reads it."""
    names = tuple(" ".join(p for p in (g.given_names, g.surname) if p).upper() for g in stay.guests)
    return v.StaySummary(
        stay.stay_id, stay.confirmation_number, stay.arrival, stay.departure, stay.room_type,
        stay.adults, stay.children, names, stay.rate, stay.total, stay.paid, stay.deposit,
    )  # fmt: skip


def pick_stay_view(state: HotelState) -> tuple[v.StaySummary, ...]:
    return tuple(stay_summary(s) for s in state.candidates)


def stay_view(state: HotelState) -> v.StaySummary | None:
    return None if state.stay is None else stay_summary(state.stay)


def guests_view(state: HotelState) -> v.GuestsView:
    wanted = [g for g in state.guests if g.needs_document or g.check is not GuestCheck.NEEDED]
    rows = tuple(
        v.GuestRow(g.guest_id, name_of(g), _GUEST_STATUS[g.check], g.minor) for g in wanted
    )
    params = dict(state.notice_params)
    attempts = int(params.get("attempts_left", "0") or 0)
    if state.purpose is Purpose.REKEY:
        return v.GuestsView((), "", state.notice, attempts, rekey=True)
    return v.GuestsView(rows, state.document_for, state.notice, attempts, state.children_missing)


def details_view(state: HotelState) -> v.DetailsView:
    guest = state.guest(state.details_for)
    fields = guest.missing if guest is not None else ()
    country = (guest.data.nationality if guest is not None else "") or state.settings.country
    return v.DetailsView(state.details_for, name_of(guest), tuple(fields), state.notice, country)


def registration_view(state: HotelState) -> v.RegistrationView:
    owner = None
    if state.stay is not None and state.stay.guests:
        owner = state.stay.guests[0]
    guest = state.guests[0] if state.guests else None
    email = owner.email if owner is not None else ""
    email = email if check_address(email) is None else ""  # no e-mail choice for it then
    return v.RegistrationView(name_of(guest), bool(state.signature_ref), email, state.notice)


def payment_view(state: HotelState) -> v.PaymentView:
    """The operation at the terminal, or the one "Pay" starts next."""
    zero = Money.zero(state.settings.currency)
    if state.paying is not None:
        stage = v.PaymentStage.AT_TERMINAL
        deposit_now = state.paying is PaymentPurpose.DEPOSIT
        amount = state.paying_amount or zero
    else:
        stage = v.PaymentStage.DECLINED if state.declines else v.PaymentStage.READY
        due = state.balance_due()
        deposit_now = due.minor == 0 and state.deposit_wanted() is not None
        amount = (state.deposit_wanted() or zero) if deposit_now else due
    if state.purpose is Purpose.CHECK_OUT:
        return v.PaymentView("bill", amount, stage)
    if deposit_now:
        return v.PaymentView("deposit", amount, stage)
    return v.PaymentView("balance", amount, stage, state.deposit_wanted())


def keys_view(state: HotelState) -> v.KeysView:
    room = state.room.number if state.room is not None else ""
    return v.KeysView(
        room, state.most_keys, state.suggested_keys, state.key_count,
        tuple(k.encoded for k in state.keys), state.encoding, state.step is Step.ROOM,
    )  # fmt: skip


def find_room_view(state: HotelState, typing: bool) -> v.FindRoomView:
    return v.FindRoomView(state.purpose.value, typing, state.notice, state.waiting is not None)


def folio_view(state: HotelState) -> v.FolioView:
    lines: tuple[v.FolioLineView, ...] = ()
    if state.folio is not None:
        lines = tuple(
            v.FolioLineView(
                line.description, line.amount, line.kind is FolioLineKind.PAYMENT, line.on
            )
            for line in state.folio.lines
        )
    return v.FolioView(lines, state.balance_due(), state.deposit_amount)


def done_view(state: HotelState, info: v.HotelInfo, deposit_queued: str = "") -> v.DoneView:
    """``deposit_queued``: the deposit's capture or release waits for the terminal."""
    room = state.room.number if state.room is not None else ""
    floor = state.room.floor if state.room is not None else ""
    return v.DoneView(
        state.purpose.value,
        room,
        floor,
        state.keys_encoded(),
        info,
        state.luggage_left,
        deposit_queued,
    )


def agent_view(state: HotelState) -> v.AgentView:
    intervention = state.intervention
    reason = intervention.kind.value if intervention is not None else "pms_unreachable"
    guest = state.guest(intervention.guest_id) if intervention is not None else None
    return v.AgentView(reason, name_of(guest), can_cancel(state))


def can_cancel(state: HotelState) -> bool:
    """Cancel is offered until money was taken or the stay was checked in or out."""
    return not (state.money_taken().minor or state.checked_in or state.checked_out)
