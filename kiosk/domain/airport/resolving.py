"""Agent verdicts, cancel, idle, and the end of the journey.

``AgentVerdict`` must name the open intervention's kind and one of its
:data:`~.interventions.VERDICTS` (else :class:`~.states.IllegalEvent`); what each
verdict does is in :data:`~.interventions.VERDICT_MEANING`. A booking-wide
``refuse`` (``passenger_id == ""``) cancels the check-in.

Cancel (traveller or agent) before check-in leaves nothing at the DCS; after
check-in and before anything printed the check-in is cancelled at the DCS
(``CancelCheckIn``) before the record is committed. The traveller cannot cancel
while a payment is at the terminal, once a fee was paid, or once something was
printed: an agent can (``Cancelled.staff_id``). Idle time abandons the check-in
the same way, except when nothing more is asked of the traveller (printing,
closing, a payment taken).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport import bags, documents, paying, seating
from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.dcs import DcsErrorKind
from kiosk.domain.airport.events import (
    AgentVerdict,
    Cancelled,
    CheckInCancelled,
    DcsFailed,
    IdleTimedOut,
    RecordCommitted,
    RecordRefused,
    Reset,
)
from kiosk.domain.airport.fees import over_maximum
from kiosk.domain.airport.interventions import VERDICTS, AirportIntervention, Verdict
from kiosk.domain.airport.states import (
    CheckinState,
    DocumentCheck,
    FeePayment,
    IllegalEvent,
    Outcome,
    Step,
)
from kiosk.domain.airport.steps import (
    Kind,
    Result,
    advance,
    call,
    clear_for,
    closed,
    commit,
    finish,
    intervene,
    note,
    refuse_passenger,
    with_passenger,
)

_V = Verdict


def verdict(state: CheckinState, event: AgentVerdict, now: datetime) -> Result:
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
    state: CheckinState, open_: AirportIntervention, event: AgentVerdict, now: datetime
) -> Result:
    kind, pid, detail, v = open_.kind, open_.passenger_id, open_.detail, event.verdict
    if kind is Kind.PAYMENT_FAILED and state.step is Step.CLOSING:
        return commit(state, now)  # the record refused: it now holds the journal's word
    if v is _V.REFUSE and kind not in (Kind.BAG_OVER_MAXIMUM, Kind.PAYMENT_FAILED):
        if not pid:
            return finish(state, Outcome.CANCELLED, now, event.staff_id)
        return advance(replace(refuse_passenger(state, pid, kind), pending_document=None), now)
    if kind in (Kind.DOCUMENT_FAILED, Kind.NAME_MISMATCH, Kind.DOCUMENT_EXPIRED):
        return _document(state, kind, pid, v, now)
    if kind in (Kind.AGENT_NEEDED, Kind.INHIBITED_PASSENGER):
        if pid:
            state = clear_for(state, pid, kind)
            if kind is Kind.AGENT_NEEDED:
                state = with_passenger(state, pid, document=DocumentCheck.ACCEPTED)
            return advance(state, now)
        return _again(state, now)
    if kind is Kind.BAG_OVER_MAXIMUM:
        return _bag(state, v), []
    if kind is Kind.DCS_UNREACHABLE:
        return _again(state, now)
    if kind is Kind.PRINTER_OUT:
        # the agent's word: the printers work (a print that still fails says otherwise)
        state = replace(state, devices_down=tuple(d for d in state.devices_down if not d.printer))
        if v is _V.ACCEPT:
            return commit(replace(state, outcome=Outcome.COMPLETED), now)
        return advance(state, now)
    if kind is Kind.PAYMENT_FAILED:
        return advance(paying.settle_unknown(state, v is _V.ACCEPT, now), now)
    # SAFETY_ANSWER, accepted
    return advance(seating.accept_answer(state, detail), now)


def _document(state: CheckinState, kind: Kind, pid: str, v: Verdict, now: datetime) -> Result:
    pending = state.pending_document
    if v is _V.ACCEPT and pending is not None:
        state = clear_for(state, pid, kind)
        return documents.check_validity(state, pending, now)
    return documents.reread(state, pid, now)


def _bag(state: CheckinState, v: Verdict) -> CheckinState:
    allowances = bags.allowances(state)
    heavy = next(
        (
            b
            for b in state.bags
            if b.weight_g is not None
            and not b.heavy_accepted
            and over_maximum(b.weight_g, allowances.get(b.passenger_id))
        ),
        None,
    )
    if heavy is None:
        return state
    if v is _V.ACCEPT:
        return bags.take_heavy(state, heavy.bag_no)
    if v is _V.RETRY:
        return bags.reweigh(state, heavy.bag_no)
    return bags.drop_bag(state, heavy.bag_no)


def _again(state: CheckinState, now: datetime) -> Result:
    """Repeat the last DCS call (or go on if there is none)."""
    effect = state.retry_call
    if effect is None:
        return advance(state, now)
    return call(state, effect)  # type: ignore[arg-type]


# --- cancel, idle, the end ----------------------------------------------------------------


def cancel(state: CheckinState, event: Cancelled, now: datetime) -> Result:
    staff = event.staff_id or ""
    if state.started_at is None or state.step is Step.DONE:
        return state, []
    if state.step is Step.CLOSING:
        return state, []
    if state.step is Step.INTERVENTION and state.resume is Step.CLOSING:
        after, effects = closed(state, staff, None, now)
        more: list[fx.Effect] = []
        after, more = commit(after, now)
        return after, effects + more
    if state.paying_now:
        return note(state, "payment_in_progress")
    if not staff and (state.paid().minor > 0 or state.anything_printed):
        return note(state, "cancel_needs_agent")
    return finish(state, Outcome.CANCELLED, now, staff)


def idle(state: CheckinState, event: IdleTimedOut, now: datetime) -> Result:
    where = state.resume if state.step is Step.INTERVENTION else state.step
    if (
        state.started_at is None
        or where in (Step.PRINTING, Step.CLOSING, Step.DONE)
        or state.paying_now
        or state.paid().minor > 0
    ):
        return state, []
    return finish(state, Outcome.ABANDONED, now)


def check_in_cancelled(state: CheckinState, event: CheckInCancelled, now: datetime) -> Result:
    return commit(replace(state, checked_in=False, waiting=None), now)


def cancel_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    if event.kind is DcsErrorKind.UNREACHABLE:
        return intervene(state, Kind.DCS_UNREACHABLE, "", event.call.value, now)
    return commit(replace(state, checked_in=False, waiting=None), now)  # nothing to undo


def record_refused(state: CheckinState, event: RecordRefused, now: datetime) -> Result:
    """The record's card payments did not add up to the payment journal's (invariant 9):
    the journal's word replaces them (what it holds as approved is approved, at its amount;
    anything else that looked paid was not) and an agent is called (``payment_failed``);
    either verdict commits the record as the journal has it (the agent settles any
    difference at the desk)."""
    journal = dict(event.approved)
    payments = []
    for p in state.payments:
        if p.reference in journal:
            payments.append(replace(p, outcome="approved", amount=journal.pop(p.reference)))
        elif p.outcome in ("approved", "confirmed", "unknown"):
            payments.append(replace(p, outcome="failed"))
        else:
            payments.append(p)
    payments += [FeePayment(ref, amount, "approved", now) for ref, amount in journal.items()]
    after = replace(state, payments=tuple(payments), waiting=None)
    return intervene(after, Kind.PAYMENT_FAILED, "", f"record refused: {event.detail}", now)


def committed(state: CheckinState, event: RecordCommitted, now: datetime) -> Result:
    return replace(state, step=Step.DONE, waiting=None, retry_call=None, notice=""), []


def reset(state: CheckinState, event: Reset, now: datetime) -> Result:
    if state.step is Step.WELCOME and state.started_at is not None:
        raise IllegalEvent(state.step, event, "a check-in is under way: cancel it first")
    fresh = CheckinState.start(state.settings, event.checkin_id)
    # the devices stay as they are for the next traveller
    return replace(fresh, devices_down=state.devices_down, devices_low=state.devices_low), []
