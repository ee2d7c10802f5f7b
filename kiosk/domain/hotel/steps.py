"""Steps shared by the hotel journey's handlers: notices, calls, payments, interventions,
and :func:`advance`, the one place that decides what comes next.

Theory of operation. A handler records what its event changed (a guest
registered, a payment approved, a key confirmed) and then calls
:func:`advance`, which walks the visit from the start and stops at the first
thing not yet done. At check-in: the stay confirmed, every adult's ID, the
register's details, the children, the registration card signed and
delivered, payments posted to the PMS, the balance and the deposit, the PMS
check-in and its room, the key count, each key. At check-out: the deposit
looked up, the folio fetched and confirmed, the deposit captured / adjusted
then captured / released, the rest paid, the PMS check-out, the invoice, the
keys dropped. Key help: the ID checked again, then the keys. Every route (a
verdict, a retry) arrives at the same next step.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.events import Call, PaymentPurpose
from kiosk.domain.hotel.interventions import (
    HotelIntervention,
    HotelInterventionKind,
    ResolvedHotelIntervention,
)
from kiosk.domain.hotel.pms import PaymentMethod, PaymentRecord
from kiosk.domain.hotel.record import build_record
from kiosk.domain.hotel.states import (
    DepositState,
    GuestCheck,
    GuestState,
    HotelState,
    Outcome,
    Purpose,
    Step,
)

Result = tuple[HotelState, list[fx.Effect]]
Kind = HotelInterventionKind

CALLS: dict[type, Call] = {
    fx.FindByConfirmation: Call.FIND_BY_CONFIRMATION,
    fx.FindBySurname: Call.FIND_BY_SURNAME,
    fx.FindByGuestName: Call.FIND_BY_GUEST_NAME,
    fx.FindByRoom: Call.FIND_BY_ROOM,
    fx.FetchStay: Call.STAY,
    fx.AddCompanion: Call.ADD_COMPANION,
    fx.UpdateGuest: Call.UPDATE_GUEST,
    fx.CheckInStay: Call.CHECK_IN,
    fx.FetchFolio: Call.FOLIO,
    fx.PostPayment: Call.POST_PAYMENT,
    fx.CheckOutStay: Call.CHECK_OUT,
    fx.ReadKeyCard: Call.READ_KEY,
    fx.EncodeKey: Call.ENCODE_KEY,
    fx.LookUpDeposit: Call.LOOK_UP_DEPOSIT,
}

PURPOSES: dict[type, PaymentPurpose] = {
    fx.ChargeBalance: PaymentPurpose.BALANCE,
    fx.PreauthoriseDeposit: PaymentPurpose.DEPOSIT,
    fx.AdjustDeposit: PaymentPurpose.ADJUST,
    fx.CaptureDeposit: PaymentPurpose.CAPTURE,
    fx.ReleaseDeposit: PaymentPurpose.RELEASE,
}

#: Deposit states in which the pre-authorisation still holds money.
HELD = (DepositState.AUTHORISED, DepositState.ADJUSTED, DepositState.ADJUST_DECLINED)


def noted(state: HotelState, key: str, **params: object) -> HotelState:
    """``state`` with the one-event notice ``key`` for the screen."""
    return replace(state, notice=key, notice_params=tuple((k, str(v)) for k, v in params.items()))


def note(state: HotelState, key: str, **params: object) -> Result:
    """Refuse a guest's request with a notice, changing nothing else."""
    return noted(state, key, **params), []


def call(state: HotelState, effect: fx.Effect) -> Result:
    """Ask the PMS, the encoder or the journal: ``waiting`` names the call until answered."""
    return replace(state, waiting=CALLS[type(effect)], retry_call=effect), [effect]


def pay(state: HotelState, effect: fx.PaymentEffect) -> Result:
    """Hand a card operation to the journaled payment flow: ``paying`` names it."""
    amount = state.deposit_amount if isinstance(effect, fx.ReleaseDeposit) else effect.amount
    after = replace(state, paying=PURPOSES[type(effect)], paying_amount=amount, payment_failure="")
    return after, [effect]


def started(state: HotelState, now: datetime, identified_by: str) -> HotelState:
    """The visit has begun (the first search) at ``now``."""
    return replace(state, started_at=state.started_at or now, identified_by=identified_by)


def with_guest(state: HotelState, guest_id: str, **changes: object) -> HotelState:
    """``state`` with guest ``guest_id``'s fields changed."""
    guests = tuple(
        replace(g, **changes) if g.guest_id == guest_id else g  # type: ignore[arg-type]
        for g in state.guests
    )
    return replace(state, guests=guests)


def clear_for(state: HotelState, guest_id: str, kind: Kind) -> HotelState:
    """Staff accepted ``kind`` for the guest: it is not asked again."""
    found = state.guest(guest_id)
    if found is None or kind.value in found.cleared:
        return state
    return with_guest(state, guest_id, cleared=(*found.cleared, kind.value))


def intervene(state: HotelState, kind: Kind, guest_id: str, detail: str, now: datetime) -> Result:
    """Stop for staff; ``resume`` keeps the step to return to."""
    resume = state.resume if state.step is Step.INTERVENTION else state.step
    opened = HotelIntervention(kind, guest_id, detail, now)
    paused = replace(
        state, step=Step.INTERVENTION, resume=resume, intervention=opened, waiting=None
    )
    return paused, [fx.CallAgent(opened)]


def closed(state: HotelState, staff_id: str, verdict: Verdict | None, now: datetime) -> Result:
    """Close the open intervention (if any): record it and turn the lamp off."""
    open_ = state.intervention
    if open_ is None:
        return state, []
    done = ResolvedHotelIntervention(
        open_.kind,
        open_.guest_id,
        open_.detail,
        open_.raised_at,
        max(now, open_.raised_at),
        staff_id,
        verdict,
    )
    step = state.resume if state.step is Step.INTERVENTION else state.step
    after = replace(state, intervention=None, interventions=(*state.interventions, done), step=step)
    return after, [fx.AgentCleared(open_.kind)]


def finish(state: HotelState, outcome: Outcome, now: datetime, staff_id: str = "") -> Result:
    """End the visit as ``outcome``: close an open intervention, release a deposit this
    check-in reserved for a stay that was not checked in, then commit the record."""
    if state.started_at is None:
        return HotelState.start(state.settings, state.checkin_id), []
    state, effects = closed(state, staff_id, None, now)
    state = replace(state, outcome=outcome, step=Step.CLOSING, waiting=None, printing_now="")
    release = (
        state.purpose is Purpose.CHECK_IN
        and not state.checked_in
        and state.deposit_state in HELD
        and state.paying is None
    )
    if release:
        after, more = pay(state, fx.ReleaseDeposit(state.deposit_ref))
        return after, effects + more
    return commit(state, now, effects)


def commit(state: HotelState, now: datetime, effects: list[fx.Effect] | None = None) -> Result:
    """Hand the record to the store; ``RecordCommitted`` ends the visit."""
    outcome = state.outcome or Outcome.COMPLETED
    record = build_record(state, outcome, now)
    after = replace(state, step=Step.CLOSING, waiting=None, outcome=outcome, retry_call=None)
    return after, [*(effects or []), fx.CommitCheckin(record)]


def busy(state: HotelState) -> bool:
    """Something is in flight: a call, a card operation, a printout."""
    return state.waiting is not None or state.paying is not None or bool(state.printing_now)


def advance(state: HotelState, now: datetime) -> Result:
    """Go to the first thing not yet done (see the module docstring)."""
    if busy(state) or state.step in (Step.INTERVENTION, Step.CLOSING, Step.DONE):
        return state, []
    if state.stay is None:
        if state.candidates:
            return replace(state, step=Step.PICK_STAY), []
        first = Step.WELCOME if state.purpose is Purpose.CHECK_IN else Step.FIND_ROOM
        return replace(state, step=first), []
    if state.purpose is Purpose.CHECK_OUT:
        return _check_out_next(state, now)
    if state.purpose is Purpose.REKEY:
        if not state.rekey_verified:
            return replace(state, step=Step.GUESTS, document_for=""), []
        return _keys_next(state, now)
    return _check_in_next(state, now)


def next_guest(state: HotelState) -> tuple[Step, GuestState | None]:
    """The guests step's next question: a guest's details, an adult's ID, or a child."""
    for g in state.guests:
        if g.check is GuestCheck.DETAILS:
            return Step.DETAILS, g
    for g in state.guests:
        if g.needs_document and g.check is GuestCheck.NEEDED:
            return Step.GUESTS, g
    return Step.GUESTS, None


def _check_in_next(state: HotelState, now: datetime) -> Result:
    stay = state.stay
    assert stay is not None
    if not state.stay_confirmed:
        return replace(state, step=Step.STAY), []
    step, guest = next_guest(state)
    if guest is not None:
        if step is Step.DETAILS:
            return replace(state, step=step, details_for=guest.guest_id, document_for=""), []
        return replace(state, step=step, document_for=guest.guest_id, details_for=""), []
    if state.children_missing or any(g.check is not GuestCheck.DONE for g in state.guests):
        return replace(state, step=Step.GUESTS, document_for="", details_for=""), []
    state = replace(state, document_for="", details_for="")
    if not state.signature_ref or state.card_delivery is None or not state.card_delivered:
        return replace(state, step=Step.REGISTRATION), []
    posted = _post_next(state)
    if posted is not None:
        return posted
    if state.balance_due().minor > 0 or state.deposit_wanted() is not None:
        return replace(state, step=Step.PAYING), []
    if not state.checked_in:
        return call(replace(state, step=Step.ROOM), fx.CheckInStay(stay.stay_id))
    return _keys_next(state, now)


def _keys_next(state: HotelState, now: datetime) -> Result:
    stay = state.stay
    room = state.room or (None if stay is None else stay.room)
    assert stay is not None
    if room is None:
        return intervene(replace(state, step=Step.KEYS), Kind.ROOM_NOT_READY, "", "no room", now)
    if state.key_count == 0:
        return replace(state, step=Step.KEYS), []
    if not state.keys_settled:
        for key in state.keys:
            if not key.encoded:
                return encode(replace(state, step=Step.KEYS), key.key_no, now)
    return commit(replace(state, outcome=Outcome.COMPLETED), now)


def encode(state: HotelState, key_no: int, now: datetime) -> Result:
    """Ask the encoder for key ``key_no`` (the first at check-in voids the room's old keys)."""
    stay = state.stay
    room = state.room or (None if stay is None else stay.room)
    assert stay is not None
    assert room is not None
    owner = state.guests[0] if state.guests else None
    name = "" if owner is None else f"{owner.surname} {owner.given_names}".strip()
    effect = fx.EncodeKey(
        room=room.number,
        key_no=key_no,
        count=state.key_count,
        valid_from=now,
        valid_until=max(stay.departure_at, now),
        replace_existing=state.purpose is Purpose.CHECK_IN and key_no == 1,
        guest_name=name,
    )
    shown, effects = call(state, effect)
    return replace(shown, encoding=key_no), effects


def _post_next(state: HotelState) -> Result | None:
    """Record on the PMS bill the next payment that took money and is not posted yet."""
    stay = state.stay
    assert stay is not None
    for p in state.payments:
        if p.took_money and not p.posted:
            record = PaymentRecord(
                amount=p.amount,
                method=PaymentMethod.CARD,
                reference=p.reference,
                card_brand=p.brand or "",
                masked_card=p.masked_pan or "",
                notes="deposit captured" if p.purpose is PaymentPurpose.CAPTURE else "",
            )
            return call(state, fx.PostPayment(stay.stay_id, record))
    return None


def _check_out_next(state: HotelState, now: datetime) -> Result:
    stay = state.stay
    assert stay is not None
    if not state.deposit_looked_up:
        return call(replace(state, step=Step.FOLIO), fx.LookUpDeposit(stay.stay_id))
    if state.folio is None:
        return call(replace(state, step=Step.FOLIO), fx.FetchFolio(stay.stay_id))
    if not state.folio_confirmed:
        return replace(state, step=Step.FOLIO), []
    posted = _post_next(state)
    if posted is not None:
        return posted
    settle = _settle_deposit(state)
    if settle is not None:
        return settle
    if state.balance_due().minor > 0:
        return replace(state, step=Step.PAYING), []
    if not state.checked_out:
        return call(replace(state, step=Step.PAYING), fx.CheckOutStay(stay.stay_id))
    if state.invoice_delivery is None or not state.invoice_delivered:
        return replace(state, step=Step.INVOICE), []
    return replace(state, step=Step.DROP_KEYS), []


def _settle_deposit(state: HotelState) -> Result | None:
    """Capture, adjust then capture, or release the deposit against the folio's balance."""
    held = state.deposit_amount
    if state.deposit_state not in HELD or held is None:
        return None
    due = state.balance_due()
    ref = state.deposit_ref
    shown = replace(state, step=Step.PAYING)
    if due.minor == 0:
        return pay(shown, fx.ReleaseDeposit(ref))
    if state.deposit_state is DepositState.AUTHORISED and due.minor > held.minor:
        return pay(shown, fx.AdjustDeposit(ref, due))
    amount = due if due.minor <= held.minor else held
    return pay(shown, fx.CaptureDeposit(ref, amount))
