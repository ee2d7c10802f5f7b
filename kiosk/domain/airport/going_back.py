"""Back: a way back from every step the traveller can still change (``WentBack``).

Theory of operation. :func:`back_target` says where Back goes from a state (or
None: no way back there), so the screen shows Back only where the machine takes
it; :func:`went_back` undoes just enough that :func:`.steps.advance` stops at that
step again. What the airline already has stays: documents accepted stay accepted,
seats assigned stay assigned.

==============================  =====================================================
from                            Back goes to
==============================  =====================================================
``documents``                   ``passengers`` (who travels, to confirm again)
``safety``                      ``passengers`` (the questions are asked again)
``seats`` of flight n > 1       ``seats`` of flight n - 1
``seats`` of the first flight   nowhere (see below)
``offers``                      ``seats`` of the last flight
``bags``, counting              ``offers`` when there are any, else ``seats`` of the
                                last flight (the counts are kept)
``bags``, weighing              the counts: every bag is taken off the list, weighed
                                ones too, and weighed again after counting (nothing
                                is tagged before printing, so the DCS knows of none)
``paying``                      ``bags`` (weighing, every bag kept: one can be taken
                                off), only while no payment is at the terminal and
                                none was approved, confirmed, waived or unknown
==============================  =====================================================

Never back past the check-in at the DCS: the seats of the first flight come right
after it, and going back there would leave passengers checked in for a journey the
traveller is still changing. Cancel (which cancels the check-in at the DCS) is the
way out there. Never back out of printing, an intervention or the end. While a
DCS call is in flight Back is ``busy``; where there is no way back it is the
notice ``no_way_back``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport.events import WentBack
from kiosk.domain.airport.states import CheckinState, Step
from kiosk.domain.airport.steps import Result, advance, note

#: Payment outcomes that hold money (or may): no way back from paying after one.
_MONEY_MOVED = ("approved", "confirmed", "waived", "unknown")

#: Steps from which there is never a way back (and no notice: no Back is shown).
_NEVER = (
    Step.WELCOME,
    Step.PICK_BOOKING,
    Step.PASSENGERS,
    Step.PRINTING,
    Step.INTERVENTION,
    Step.CLOSING,
    Step.DONE,
)


def back_target(state: CheckinState) -> Step | None:
    """The step Back goes to from ``state`` (None: Back is not offered)."""
    step, booking = state.step, state.booking
    if booking is None or step in _NEVER:
        return None
    if step in (Step.DOCUMENTS, Step.SAFETY):
        return None if state.checked_in else Step.PASSENGERS
    segments = [f.segment_id for f in booking.flights]
    if step is Step.SEATS:
        at = segments.index(state.seat_segment) if state.seat_segment in segments else 0
        return Step.SEATS if at > 0 else None
    if step is Step.OFFERS:
        return Step.SEATS if segments else None
    if step is Step.BAGS:
        if state.weighing:
            return Step.BAGS
        if booking.offers:
            return Step.OFFERS
        return Step.SEATS if segments else None
    if step is Step.PAYING:
        moved = any(p.outcome in _MONEY_MOVED for p in state.payments)
        return None if state.paying_now or moved else Step.BAGS
    return None


def went_back(state: CheckinState, event: WentBack, now: datetime) -> Result:
    """Go back one step (see the table in the module docstring)."""
    if state.step in _NEVER:
        return state, []
    if state.waiting is not None or state.paying_now:
        return note(state, "busy")
    target = back_target(state)
    if target is None:
        return note(state, "no_way_back")
    booking = state.booking
    assert booking is not None
    state = replace(state, notice="", notice_params=(), exit_row_pending=None)
    if state.step in (Step.DOCUMENTS, Step.SAFETY):
        before = replace(
            state, passengers_done=False, document_for="", pending_document=None, answers=()
        )
        return advance(before, now)
    segments = [f.segment_id for f in booking.flights]
    if state.step is Step.SEATS:
        previous = segments[segments.index(state.seat_segment) - 1]
        return advance(_seats_undone(state, previous), now)
    if state.step is Step.OFFERS or (state.step is Step.BAGS and not state.weighing):
        if state.step is Step.BAGS and booking.offers:
            return advance(replace(state, offers_done=False), now)
        return advance(_seats_undone(replace(state, offers_done=False), segments[-1]), now)
    if state.step is Step.BAGS:  # weighing: back to the counts, every bag off the list
        return replace(state, bags=(), weighing=False), []
    # PAYING, nothing paid: the weighed bags again (or the counts when there are none)
    again = replace(state, bags_done=False, weighing=bool(state.bags), payment_failure="")
    return advance(again, now)


def _seats_undone(state: CheckinState, segment_id: str) -> CheckinState:
    """Flight ``segment_id``'s seats not kept yet: :func:`advance` shows its map again
    (fetching it when the DCS gave none before)."""
    done = tuple(s for s in state.seats_done if s != segment_id)
    return replace(state, seats_done=done)
