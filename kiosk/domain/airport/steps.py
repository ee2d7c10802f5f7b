"""Steps shared by the check-in's handlers: notices, DCS calls, interventions, and
:func:`advance`, the one place that decides what comes next.

Theory of operation. A handler records what its event changed (a passenger's
document accepted, a seat assigned, a bag weighed) and then calls
:func:`advance`, which walks the journey from the start and stops at the first
thing not yet done: who travels, inhibited passengers, documents, safety
questions, check-in, seats per flight, offers, bags, fees, bag tags, boarding
passes, printouts, and finally the record. So every route through the
journey (an agent's verdict, a retry, a passenger refused) arrives at the same
next step, and no handler needs to know which step follows it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.events import DcsCall
from kiosk.domain.airport.interventions import (
    AirportIntervention,
    AirportInterventionKind,
    ResolvedAirportIntervention,
    Verdict,
)
from kiosk.domain.airport.record import build_record
from kiosk.domain.airport.states import (
    CheckinState,
    DocumentCheck,
    Outcome,
    PassengerState,
    PrintKind,
    Step,
)

Result = tuple[CheckinState, list[fx.Effect]]
Kind = AirportInterventionKind

_DCS_CALLS = {
    fx.FindBooking: DcsCall.FIND_BOOKING,
    fx.FindByName: DcsCall.FIND_BY_NAME,
    fx.SendDocument: DcsCall.SEND_DOCUMENT,
    fx.FetchSeatMap: DcsCall.SEAT_MAP,
    fx.AssignSeat: DcsCall.ASSIGN_SEAT,
    fx.CheckIn: DcsCall.CHECK_IN,
    fx.AddBag: DcsCall.ADD_BAG,
    fx.FetchBoardingPasses: DcsCall.BOARDING_PASSES,
    fx.CancelCheckIn: DcsCall.CANCEL_CHECK_IN,
}


def noted(state: CheckinState, key: str, **params: object) -> CheckinState:
    """``state`` with the one-event notice ``key`` for the screen."""
    return replace(state, notice=key, notice_params=tuple((k, str(v)) for k, v in params.items()))


def note(state: CheckinState, key: str, **params: object) -> Result:
    """Refuse a traveller's request with a notice, changing nothing else."""
    return noted(state, key, **params), []


def call(state: CheckinState, effect: fx.Effect) -> Result:
    """Ask the DCS: ``waiting`` names the call until its answer (or failure) arrives."""
    kind = _DCS_CALLS[type(effect)]
    return replace(state, waiting=kind, retry_call=effect), [effect]


def started(state: CheckinState, now: datetime, identified_by: str) -> CheckinState:
    """The check-in has begun (the first identification) at ``now``."""
    return replace(state, started_at=state.started_at or now, identified_by=identified_by)


def with_passenger(state: CheckinState, passenger_id: str, **changes: object) -> CheckinState:
    """``state`` with passenger ``passenger_id``'s fields changed."""
    passengers = tuple(
        replace(p, **changes) if p.passenger_id == passenger_id else p  # type: ignore[arg-type]
        for p in state.passengers
    )
    return replace(state, passengers=passengers)


def infants_of(state: CheckinState, passenger_id: str) -> tuple[PassengerState, ...]:
    return tuple(p for p in state.passengers if p.passenger.infant_of == passenger_id)


def refuse_passenger(state: CheckinState, passenger_id: str, kind: Kind) -> CheckinState:
    """The passenger (and an infant on their lap) will not travel: an agent refused them."""
    for pid in (passenger_id, *(i.passenger_id for i in infants_of(state, passenger_id))):
        state = with_passenger(state, pid, refused=kind.value)
    return state


def clear_for(state: CheckinState, passenger_id: str, kind: Kind) -> CheckinState:
    """An agent accepted ``kind`` for the passenger: it is not asked again."""
    found = state.passenger(passenger_id)
    if found is None or kind.value in found.cleared:
        return state
    return with_passenger(state, passenger_id, cleared=(*found.cleared, kind.value))


def intervene(
    state: CheckinState, kind: Kind, passenger_id: str, detail: str, now: datetime
) -> Result:
    """Stop for an agent; ``resume`` keeps the step to return to."""
    resume = state.resume if state.step is Step.INTERVENTION else state.step
    opened = AirportIntervention(kind, passenger_id, detail, now)
    paused = replace(
        state, step=Step.INTERVENTION, resume=resume, intervention=opened, waiting=None
    )
    return paused, [fx.CallAgent(opened)]


def closed(state: CheckinState, staff_id: str, verdict: Verdict | None, now: datetime) -> Result:
    """Close the open intervention (if any): record it and turn the lamp off."""
    open_ = state.intervention
    if open_ is None:
        return state, []
    done = ResolvedAirportIntervention(
        open_.kind,
        open_.passenger_id,
        open_.detail,
        open_.raised_at,
        max(now, open_.raised_at),
        staff_id,
        verdict,
    )
    step = state.resume if state.step is Step.INTERVENTION else state.step
    after = replace(
        state,
        intervention=None,
        interventions=(*state.interventions, done),
        step=step,
        device_wait="",
    )
    return after, [fx.AgentCleared(open_.kind)]


def finish(state: CheckinState, outcome: Outcome, now: datetime, staff_id: str = "") -> Result:
    """End the check-in as ``outcome``: close an open intervention, cancel the check-in at
    the DCS when nothing was printed (not for a completed one), then commit the record."""
    if state.started_at is None:
        return replace(state, step=Step.WELCOME, waiting=None), []
    state, effects = closed(state, staff_id, None, now)
    state = replace(state, outcome=outcome, step=Step.CLOSING, waiting=None, paying_now=False)
    booking = state.booking
    undo = outcome is not Outcome.COMPLETED and state.checked_in and not state.anything_printed
    if undo and booking is not None:
        ids = tuple(p.passenger_id for p in state.travelling())
        after, more = call(state, fx.CancelCheckIn(booking.record_locator, ids))
        return after, effects + more
    return commit(state, now, effects)


def commit(state: CheckinState, now: datetime, effects: list[fx.Effect] | None = None) -> Result:
    """Hand the record to the store; ``RecordCommitted`` ends the journey."""
    outcome = state.outcome or Outcome.COMPLETED
    record = build_record(state, outcome, now)
    after = replace(state, step=Step.CLOSING, waiting=None, outcome=outcome, retry_call=None)
    return after, [*(effects or []), fx.CommitCheckin(record)]


def advance(state: CheckinState, now: datetime) -> Result:
    """Go to the first thing not yet done (see the module docstring)."""
    if state.waiting is not None or state.step in (Step.INTERVENTION, Step.CLOSING, Step.DONE):
        return state, []
    if state.booking is None:
        return replace(state, step=Step.WELCOME), []
    if not state.travelling():
        return finish(state, Outcome.CANCELLED, now)  # everybody was refused
    if not state.checked_in:
        return _before_check_in(state, now)
    return _after_check_in(state, now)


def _before_check_in(state: CheckinState, now: datetime) -> Result:
    booking = state.booking
    assert booking is not None
    if not state.passengers_done:
        return replace(state, step=Step.PASSENGERS), []
    travelling = state.travelling()
    for p in travelling:
        if p.passenger.inhibited and Kind.INHIBITED_PASSENGER.value not in p.cleared:
            reason = p.passenger.inhibited  # the DCS's reason, for the agent
            return intervene(state, Kind.INHIBITED_PASSENGER, p.passenger_id, reason, now)
    for p in travelling:
        if p.document is DocumentCheck.NEEDED:
            return replace(state, step=Step.DOCUMENTS, document_for=p.passenger_id), []
    if state.question:
        return replace(state, step=Step.SAFETY, document_for=""), []
    ids = tuple(p.passenger_id for p in travelling)
    answers = state.answers
    return call(replace(state, step=Step.SAFETY), fx.CheckIn(booking.record_locator, ids, answers))


def _after_check_in(state: CheckinState, now: datetime) -> Result:
    booking = state.booking
    assert booking is not None
    for flight in booking.flights:
        if flight.segment_id not in state.seats_done:
            shown = replace(state, step=Step.SEATS, seat_segment=flight.segment_id)
            if state.seat_map(flight.segment_id) is None:
                return call(shown, fx.FetchSeatMap(booking.record_locator, flight.segment_id))
            return shown, []
    if booking.offers and not state.offers_done:
        return replace(state, step=Step.OFFERS), []
    if not state.bags_done:
        return replace(state, step=Step.BAGS), []
    if state.amount_due().minor > 0:
        return replace(state, step=Step.PAYING), []
    return _issue_and_print(replace(state, step=Step.PRINTING), now)


def _issue_and_print(state: CheckinState, now: datetime) -> Result:
    booking = state.booking
    assert booking is not None
    locator = booking.record_locator
    for bag in state.bags:
        if bag.weight_g is not None and bag.tag is None:
            paid = None
            if bag.fees:
                paid = bag.fees[0].amount
                for fee in bag.fees[1:]:
                    paid = paid + fee.amount
            effect = fx.AddBag(locator, bag.bag_no, bag.passenger_id, bag.weight_g, paid)
            return call(state, effect)
    if not state.passes:
        ids = tuple(p.passenger_id for p in state.travelling())
        return call(state, fx.FetchBoardingPasses(locator, ids))
    if state.printing_now:
        return state, []
    for printout in state.printouts:
        if not printout.printed:
            from kiosk.domain.airport.devices import printer_needed

            stop = printer_needed(state, printout.kind, now)
            return stop if stop is not None else _print(state, printout.document_id)
    return commit(state, now)


def _print(state: CheckinState, document_id: str) -> Result:
    printout = next(p for p in state.printouts if p.document_id == document_id)
    shown = replace(state, printing_now=document_id)
    if printout.kind is PrintKind.BOARDING_PASS:
        data = next(
            bp for bp in state.passes if f"bp:{bp.passenger_id}:{bp.segment_id}" == document_id
        )
        return shown, [fx.PrintBoardingPass(document_id, data)]
    bag = next(
        b for b in state.bags if b.tag is not None and f"tag:{b.tag.licence_plate}" == document_id
    )
    assert bag.tag is not None
    owner = state.passenger(bag.passenger_id)
    name = "" if owner is None else owner.name
    return shown, [fx.PrintBagTag(document_id, bag.tag, name)]
