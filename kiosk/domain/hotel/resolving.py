"""Staff verdicts, cancel, idle, and the end of the visit.

``AgentVerdict`` must name the open intervention's kind and one of its
:data:`~.interventions.VERDICTS` (else :class:`~.states.IllegalEvent`); what
each verdict does is in :data:`~.interventions.VERDICT_MEANING`. ``refuse``
ends the visit (the guests go to the front desk), except for a payment, where
it means "not paid: try again".

Cancel (guest or staff) ends the visit as cancelled; a deposit this check-in
reserved for a stay not checked in is released first. Nobody cancels while a
call, a card operation or a printout is in flight (its answer comes first).
The guest cannot cancel once money was taken, once the stay was
checked in or out at the PMS: staff can (``Cancelled.staff_id``). Idle time
abandons the visit the same way, except past the point of no return (the
stay checked in or out): then the visit is completed as it stands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import guests, paying, rooms
from kiosk.domain.hotel.events import AgentVerdict, Cancelled, IdleTimedOut, RecordCommitted, Reset
from kiosk.domain.hotel.interventions import VERDICTS, HotelIntervention
from kiosk.domain.hotel.states import (
    GuestCheck,
    HotelState,
    IllegalEvent,
    Outcome,
    Purpose,
    Step,
)
from kiosk.domain.hotel.steps import (
    Kind,
    Result,
    advance,
    busy,
    call,
    clear_for,
    closed,
    commit,
    finish,
    note,
    with_guest,
)

_V = Verdict


def verdict(state: HotelState, event: AgentVerdict, now: datetime) -> Result:
    open_ = state.intervention
    if open_ is None or open_.kind is not event.kind:
        raise IllegalEvent(state.step, event, f"no open intervention of kind {event.kind.value}")
    if event.verdict not in VERDICTS[open_.kind]:
        why = f"verdict {event.verdict.value} does not apply to {open_.kind.value}"
        raise IllegalEvent(state.step, event, why)
    state, effects = closed(state, event.staff_id, event.verdict, now)
    after, more = _apply(state, open_, event, now)
    return after, effects + more


def _apply(
    state: HotelState, open_: HotelIntervention, event: AgentVerdict, now: datetime
) -> Result:
    kind, gid, v = open_.kind, open_.guest_id, event.verdict
    if kind is Kind.PAYMENT_FAILED:
        return paying.settle(state, v is _V.ACCEPT, now)
    if v is _V.REFUSE:
        if state.step is Step.CLOSING:
            return commit(state, now)
        return finish(state, Outcome.CANCELLED, now, event.staff_id)
    if kind is Kind.BOOKING_NOT_FOUND:
        return advance(replace(state, find_misses=0), now)
    if kind in (Kind.DOCUMENT_FAILED, Kind.NAME_MISMATCH, Kind.DOCUMENT_EXPIRED):
        return _document(state, kind, gid, v, now)
    if kind is Kind.REGISTER_INCOMPLETE:
        if v is _V.ACCEPT:
            return guests.review(clear_for(state, gid, kind), gid, now)
        return reread(state, gid, now)
    if kind is Kind.ENCODER_FAILED:
        return advance(replace(state, keys_settled=v is _V.ACCEPT), now)
    if kind is Kind.ROOM_NOT_READY:
        if v is _V.ACCEPT:
            return rooms.leave_luggage(state, now)
        return rooms.refresh_room(state, now)
    if kind is Kind.PRINTER_OUT:
        if v is _V.FIXED:
            return rooms.reprint(state, open_.detail, now)
        return rooms.handed_over(state, open_.detail, now)
    return _again(state, now)  # PMS_UNREACHABLE, PMS_REFUSED: retry


def _document(state: HotelState, kind: Kind, gid: str, v: Verdict, now: datetime) -> Result:
    pending = state.pending
    if v is _V.ACCEPT and pending is not None:
        if state.purpose is Purpose.REKEY:
            if kind is Kind.DOCUMENT_EXPIRED:
                return advance(replace(state, rekey_verified=True, pending=None), now)
            return guests.rekey_valid(replace(state, pending=None), pending[1], now)
        state = clear_for(state, pending[0], kind)
        return guests.check_validity(state, pending[0], pending[1], now)
    return reread(state, gid, now)


def reread(state: HotelState, guest_id: str, now: datetime) -> Result:
    """Staff's ``retry``: ask for the guest's document again, retries anew."""
    if state.guest(guest_id) is not None:
        state = with_guest(
            state, guest_id, check=GuestCheck.NEEDED, read_failures=0, identity=None, missing=()
        )
    return advance(replace(state, pending=None, document_for=guest_id), now)


def _again(state: HotelState, now: datetime) -> Result:
    """Repeat the last call (or go on if there is none)."""
    effect = state.retry_call
    if effect is None:
        return advance(state, now)
    return call(state, effect)  # type: ignore[arg-type]


# --- cancel, idle, the end ----------------------------------------------------------------


def _committed_to(state: HotelState) -> bool:
    """Past the point of no return: the PMS checked the stay in (at check-in) or out."""
    return (state.purpose is Purpose.CHECK_IN and state.checked_in) or state.checked_out


def cancel(state: HotelState, event: Cancelled, now: datetime) -> Result:
    staff = event.staff_id or ""
    if state.step in (Step.CLOSING, Step.DONE):
        return state, []
    if state.started_at is None:
        return HotelState.start(state.settings, state.checkin_id), []
    if state.step is Step.INTERVENTION and state.resume is Step.CLOSING:
        after, effects = closed(state, staff, None, now)
        after, more = commit(after, now)
        return after, effects + more
    if state.paying is not None:
        return note(state, "payment_in_progress")
    if busy(state):
        return note(state, "busy")  # a call or a printout in flight: its answer comes first
    if not staff and (state.money_taken().minor > 0 or _committed_to(state)):
        return note(state, "cancel_needs_agent")
    return finish(state, Outcome.CANCELLED, now, staff)


def idle(state: HotelState, event: IdleTimedOut, now: datetime) -> Result:
    if state.step in (Step.CLOSING, Step.DONE) or busy(state):
        return state, []
    if state.started_at is None:
        if state.step is Step.WELCOME and state.purpose is Purpose.CHECK_IN:
            return state, []
        return HotelState.start(state.settings, state.checkin_id), []
    if _committed_to(state):
        return finish(state, Outcome.COMPLETED, now)
    return finish(state, Outcome.ABANDONED, now)


def committed(state: HotelState, event: RecordCommitted, now: datetime) -> Result:
    return replace(state, step=Step.DONE, waiting=None, retry_call=None, notice=""), []


def reset(state: HotelState, event: Reset, now: datetime) -> Result:
    if state.step is Step.WELCOME and state.started_at is not None:
        raise IllegalEvent(state.step, event, "a visit is under way: cancel it first")
    return HotelState.start(state.settings, event.checkin_id), []
