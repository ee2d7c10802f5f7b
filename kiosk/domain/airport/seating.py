"""Safety questions, the check-in call, seats and offers.

Safety: each of the airline's questions (keys from the booking) has a safe
answer (:data:`SAFE_ANSWERS`; a key not listed is a "do you carry / did anyone
give you" question whose safe answer is "no"). The other answer calls an agent
(``safety_answer``); an agent's ``accept`` records the safe answer for the DCS.

Seats, per flight: the traveller keeps the seats shown (``SeatsDone``) or
touches an available seat for a passenger (not an infant on lap). An exit-row
seat is not for a child or an adult with an infant on their lap, and first asks
"able and willing"; a seat with a price adds a fee (only when
the DCS priced it). The DCS assigns it; ``seat_taken`` reloads the map.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.dcs import (
    DcsErrorKind,
    PassengerType,
    Seat,
    SeatMap,
    SeatRow,
    SeatStatus,
)
from kiosk.domain.airport.events import (
    CheckedIn,
    DcsFailed,
    ExitRowAnswered,
    OfferAccepted,
    OffersDone,
    OfferWithdrawn,
    SafetyAnswered,
    SeatAssigned,
    SeatChosen,
    SeatMapReceived,
    SeatsDone,
)
from kiosk.domain.airport.states import CheckinState, Fee, FeeKind, PassengerState
from kiosk.domain.airport.steps import (
    Kind,
    Result,
    advance,
    call,
    intervene,
    note,
    with_passenger,
)

#: The answer to each known safety question that needs no agent.
SAFE_ANSWERS: dict[str, bool] = {
    "dangerous_goods": False,
    "packed_yourself": True,
    "bags_attended": True,
    "items_from_strangers": False,
    "carrying_for_others": False,
}


def safe_answer(question: str) -> bool:
    return SAFE_ANSWERS.get(question, False)


# --- safety and check-in -----------------------------------------------------------------


def answer(state: CheckinState, event: SafetyAnswered, now: datetime) -> Result:
    if state.waiting is not None:
        return note(state, "busy")
    if event.question != state.question:
        return note(state, "question_changed")
    if event.answer != safe_answer(event.question):
        return intervene(state, Kind.SAFETY_ANSWER, "", event.question, now)
    answered = replace(state, answers=(*state.answers, (event.question, event.answer)))
    return advance(answered, now)


def accept_answer(state: CheckinState, question: str) -> CheckinState:
    """An agent dealt with the answer: the DCS gets the safe one."""
    return replace(state, answers=(*state.answers, (question, safe_answer(question))))


def checked_in(state: CheckinState, event: CheckedIn, now: datetime) -> Result:
    booking = event.booking
    ours = {p.passenger_id: p for p in booking.passengers}
    passengers = tuple(
        replace(p, passenger=ours.get(p.passenger_id, p.passenger)) for p in state.passengers
    )
    after = replace(
        state,
        booking=booking,
        passengers=passengers,
        checked_in=True,
        waiting=None,
        retry_call=None,
    )
    return advance(after, now)


def check_in_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    if event.kind is DcsErrorKind.UNREACHABLE:
        return intervene(state, Kind.DCS_UNREACHABLE, "", event.call.value, now)
    kind = Kind.INHIBITED_PASSENGER if event.code == "inhibited" else Kind.AGENT_NEEDED
    return intervene(state, kind, "", event.code or event.kind.value, now)


# --- seats ---------------------------------------------------------------------------------


def seat_map_received(state: CheckinState, event: SeatMapReceived, now: datetime) -> Result:
    maps = tuple(m for m in state.seat_maps if m.segment_id != event.seat_map.segment_id)
    after = replace(state, seat_maps=(*maps, event.seat_map), waiting=None, retry_call=None)
    return advance(after, now)


def choose_seat(state: CheckinState, event: SeatChosen, now: datetime) -> Result:
    if state.waiting is not None:
        return note(state, "busy")
    passenger = state.passenger(event.passenger_id)
    seat_map = state.seat_map(event.segment_id)
    if passenger is None or passenger not in state.travelling() or passenger.is_infant:
        return note(state, "seat_not_for_passenger")
    if event.segment_id != state.seat_segment or seat_map is None:
        return note(state, "seat_unavailable", seat=event.seat)
    if passenger.passenger.seat_on(event.segment_id) == event.seat:
        return replace(state, notice="", exit_row_pending=None), []
    seat = seat_map.seat(event.seat)
    if seat is None or seat.status is not SeatStatus.AVAILABLE:
        return note(state, "seat_unavailable", seat=event.seat)
    request = (event.passenger_id, event.segment_id, event.seat)
    if seat.exit_row and not _may_sit_in_exit_row(state, passenger):
        return note(state, "exit_row_not_allowed", seat=event.seat)
    if seat.exit_row and not passenger.exit_row_ok:
        return replace(state, exit_row_pending=request, notice=""), []
    return _assign(state, request)


def _may_sit_in_exit_row(state: CheckinState, passenger: PassengerState) -> bool:
    """Not a child, and not an adult with an infant on their lap."""
    if passenger.passenger.type is PassengerType.CHILD:
        return False
    return not any(p.passenger.infant_of == passenger.passenger_id for p in state.travelling())


def _assign(state: CheckinState, request: tuple[str, str, str]) -> Result:
    booking = state.booking
    assert booking is not None
    pid, segment, seat = request
    asking = replace(state, seat_request=request, exit_row_pending=None, notice="")
    return call(asking, fx.AssignSeat(booking.record_locator, segment, pid, seat))


def exit_row_answered(state: CheckinState, event: ExitRowAnswered, now: datetime) -> Result:
    pending = state.exit_row_pending
    if pending is None:
        return note(state, "exit_row_not_asked")
    if not event.able_and_willing:
        return note(replace(state, exit_row_pending=None), "exit_row_declined")
    state = with_passenger(state, pending[0], exit_row_ok=True)
    return _assign(state, pending)


def seat_assigned(state: CheckinState, event: SeatAssigned, now: datetime) -> Result:
    booking = state.booking
    assert booking is not None
    pid = event.passenger.passenger_id
    old = state.passenger(pid)
    before = "" if old is None else old.passenger.seat_on(event.segment_id)
    new = event.passenger.seat_on(event.segment_id) or event.passenger.seat
    passengers = tuple(
        replace(p, passenger=event.passenger) if p.passenger_id == pid else p
        for p in state.passengers
    )
    fees = tuple(
        f
        for f in state.seat_fees
        if not (f.passenger_id == pid and f.ref.startswith(f"{event.segment_id}:"))
    )
    seat_map = state.seat_map(event.segment_id)
    priced = None if seat_map is None else seat_map.seat(new)
    if priced is not None and priced.price is not None and priced.price.minor > 0:
        fees = (*fees, Fee(FeeKind.SEAT, pid, priced.price, f"{event.segment_id}:{new}"))
    maps = tuple(
        _moved(m, before, new) if m.segment_id == event.segment_id else m for m in state.seat_maps
    )
    after = replace(
        state,
        passengers=passengers,
        seat_fees=fees,
        seat_maps=maps,
        seat_request=None,
        waiting=None,
        retry_call=None,
    )
    return after, []


def _moved(seat_map: SeatMap, old: str, new: str) -> SeatMap:
    """The map with ``old`` free again and ``new`` taken."""

    def status(seat: Seat) -> Seat:
        if seat.number == new:
            return replace(seat, status=SeatStatus.OCCUPIED)
        if seat.number == old and old:
            return replace(seat, status=SeatStatus.AVAILABLE)
        return seat

    rows = tuple(
        SeatRow(r.row, tuple(None if s is None else status(s) for s in r.seats))
        for r in seat_map.rows
    )
    return replace(seat_map, rows=rows)


def seat_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    booking = state.booking
    assert booking is not None
    if event.kind is DcsErrorKind.UNREACHABLE:
        return intervene(state, Kind.DCS_UNREACHABLE, "", event.call.value, now)
    request = state.seat_request
    state = replace(state, waiting=None, seat_request=None, retry_call=None)
    seat = "" if request is None else request[2]
    if event.call.value == "seat_map":
        # no map to choose from: keep the seats the DCS gave and go on
        return advance(replace(state, seats_done=(*state.seats_done, state.seat_segment)), now)
    after, effects = call(state, fx.FetchSeatMap(booking.record_locator, state.seat_segment))
    key = "seat_taken" if event.code == "seat_taken" else "seat_refused"
    return replace(after, notice=key, notice_params=(("seat", seat),)), effects


def seats_done(state: CheckinState, event: SeatsDone, now: datetime) -> Result:
    if state.waiting is not None:
        return note(state, "busy")
    done = replace(
        state, seats_done=(*state.seats_done, state.seat_segment), exit_row_pending=None, notice=""
    )
    return advance(done, now)


# --- offers -------------------------------------------------------------------------------


def take_offer(state: CheckinState, event: OfferAccepted, now: datetime) -> Result:
    offers = () if state.booking is None else state.booking.offers
    if not any(o.offer_id == event.offer_id for o in offers):
        return note(state, "offer_unknown")
    if event.offer_id in state.offers_taken:
        return state, []
    return replace(state, offers_taken=(*state.offers_taken, event.offer_id), notice=""), []


def withdraw_offer(state: CheckinState, event: OfferWithdrawn, now: datetime) -> Result:
    kept = tuple(o for o in state.offers_taken if o != event.offer_id)
    return replace(state, offers_taken=kept, notice=""), []


def offers_done(state: CheckinState, event: OffersDone, now: datetime) -> Result:
    return advance(replace(state, offers_done=True, notice=""), now)
