"""The airport check-in machine: events in, a new state and effects out.

Theory of operation
-------------------
:class:`CheckinMachine` is stateless: :meth:`CheckinMachine.handle` takes a
:class:`~.states.CheckinState`, an event and ``now`` (the lane's clock, passed
in: the domain reads no clock), looks up ``TRANSITIONS[step][type(event)]`` -
one dictionary lookup, as h11 does - and calls the handler, which returns
``(new_state, effects)``. A pair missing from the table raises
:class:`~.states.IllegalEvent` naming the event and the step; so does a reply
that answers no call in flight (a ``BookingFound`` while nothing was asked, a
payment outcome with no payment at the terminal), and a verdict for another
intervention. Nothing else is raised: a traveller's impossible request (an
occupied seat, too many bags) is a ``notice`` on the state, not an exception.

Steps::

    WELCOME -> (PICK_BOOKING) -> PASSENGERS -> DOCUMENTS -> SAFETY --check in-->
      SEATS (per flight) -> (OFFERS) -> BAGS -> (PAYING) -> PRINTING -> CLOSING -> DONE
    any step <-> INTERVENTION (an agent's verdict goes back, or on)
    WentBack: one step back where the traveller may still change things (going_back.py)
    DeviceChanged: a needed device down stops for an agent when it is needed (devices.py)
    Cancelled / IdleTimedOut -> CLOSING (cancel at the DCS if checked in, commit) -> DONE
    DONE --Reset--> WELCOME

What comes after a step is decided in one place, :func:`.steps.advance`.
Scale readings are taken in every step (the scale streams); a document or a
boarding pass read where none is asked for changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from kiosk.domain.airport import (
    bags,
    devices,
    documents,
    going_back,
    identify,
    paying,
    resolving,
    seating,
)
from kiosk.domain.airport.effects import Effect
from kiosk.domain.airport.events import (
    AgentVerdict,
    BagCountChosen,
    BagRemoved,
    BagsConfirmed,
    BagsCounted,
    BagTagIssued,
    BoardingPassesReceived,
    BoardingPassScanned,
    BookingEntered,
    BookingFound,
    BookingPicked,
    BookingsFound,
    Cancelled,
    CheckedIn,
    CheckInCancelled,
    DcsCall,
    DcsFailed,
    DeviceChanged,
    DocumentPrinted,
    DocumentScanned,
    DocumentVerdictReceived,
    Event,
    ExitRowAnswered,
    IdleTimedOut,
    OfferAccepted,
    OffersDone,
    OfferWithdrawn,
    PassengersConfirmed,
    PassengerToggled,
    PaymentApproved,
    PaymentDeclined,
    PaymentUnknown,
    PayRequested,
    PrintFailed,
    RecordCommitted,
    RecordRefused,
    Reset,
    SafetyAnswered,
    ScaleRead,
    SeatAssigned,
    SeatChosen,
    SeatMapReceived,
    SeatsDone,
    WentBack,
)
from kiosk.domain.airport.states import CheckinState, IllegalEvent, Step

Result = tuple[CheckinState, list[Effect]]
Handler = Callable[[CheckinState, Any, datetime], Result]

#: The DCS call each answer must answer (``CheckinState.waiting``).
ANSWERS: dict[type[Any], tuple[DcsCall, ...]] = {
    BookingFound: (DcsCall.FIND_BOOKING,),
    BookingsFound: (DcsCall.FIND_BY_NAME,),
    DocumentVerdictReceived: (DcsCall.SEND_DOCUMENT,),
    CheckedIn: (DcsCall.CHECK_IN,),
    SeatMapReceived: (DcsCall.SEAT_MAP,),
    SeatAssigned: (DcsCall.ASSIGN_SEAT,),
    BagTagIssued: (DcsCall.ADD_BAG,),
    BoardingPassesReceived: (DcsCall.BOARDING_PASSES,),
    CheckInCancelled: (DcsCall.CANCEL_CHECK_IN,),
}


def _ignore(state: CheckinState, event: object, now: datetime) -> Result:
    """A read nobody asked for: nothing changes."""
    return state, []


def _dcs_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    handler = _FAILURES[event.call]
    return handler(state, event, now)


_FAILURES: dict[DcsCall, Handler] = {
    DcsCall.FIND_BOOKING: identify.find_failed,
    DcsCall.FIND_BY_NAME: identify.find_failed,
    DcsCall.SEND_DOCUMENT: documents.send_failed,
    DcsCall.CHECK_IN: seating.check_in_failed,
    DcsCall.SEAT_MAP: seating.seat_failed,
    DcsCall.ASSIGN_SEAT: seating.seat_failed,
    DcsCall.ADD_BAG: paying.issue_failed,
    DcsCall.BOARDING_PASSES: paying.issue_failed,
    DcsCall.CANCEL_CHECK_IN: resolving.cancel_failed,
}

_EVERYWHERE: dict[type[Any], Handler] = {
    ScaleRead: bags.scale_read,
    DocumentScanned: _ignore,
    BoardingPassScanned: _ignore,
    Cancelled: resolving.cancel,
    IdleTimedOut: resolving.idle,
    WentBack: going_back.went_back,
    DeviceChanged: devices.device_changed,
}

TRANSITIONS: dict[Step, dict[type[Any], Handler]] = {
    Step.WELCOME: {
        **_EVERYWHERE,
        BoardingPassScanned: identify.scan_boarding_pass,
        BookingEntered: identify.enter_booking,
        DocumentScanned: identify.scan_passport,
        BookingFound: identify.booking_found,
        BookingsFound: identify.bookings_found,
        DcsFailed: _dcs_failed,
        Reset: resolving.reset,
    },
    Step.PICK_BOOKING: {**_EVERYWHERE, BookingPicked: identify.pick_booking},
    Step.PASSENGERS: {
        **_EVERYWHERE,
        PassengerToggled: identify.toggle_passenger,
        PassengersConfirmed: identify.confirm_passengers,
    },
    Step.DOCUMENTS: {
        **_EVERYWHERE,
        DocumentScanned: documents.scan_document,
        DocumentVerdictReceived: documents.verdict_received,
        DcsFailed: _dcs_failed,
    },
    Step.SAFETY: {
        **_EVERYWHERE,
        SafetyAnswered: seating.answer,
        CheckedIn: seating.checked_in,
        DcsFailed: _dcs_failed,
    },
    Step.SEATS: {
        **_EVERYWHERE,
        SeatChosen: seating.choose_seat,
        ExitRowAnswered: seating.exit_row_answered,
        SeatsDone: seating.seats_done,
        SeatMapReceived: seating.seat_map_received,
        SeatAssigned: seating.seat_assigned,
        DcsFailed: _dcs_failed,
    },
    Step.OFFERS: {
        **_EVERYWHERE,
        OfferAccepted: seating.take_offer,
        OfferWithdrawn: seating.withdraw_offer,
        OffersDone: seating.offers_done,
    },
    Step.BAGS: {
        **_EVERYWHERE,
        BagCountChosen: bags.choose_count,
        BagsCounted: bags.counted,
        BagRemoved: bags.remove,
        BagsConfirmed: bags.confirmed,
    },
    Step.PAYING: {
        **_EVERYWHERE,
        PayRequested: paying.pay,
        PaymentApproved: paying.approved,
        PaymentDeclined: paying.declined,
        PaymentUnknown: paying.unknown,
    },
    Step.PRINTING: {
        **_EVERYWHERE,
        BagTagIssued: paying.tag_issued,
        BoardingPassesReceived: paying.passes_received,
        DcsFailed: _dcs_failed,
        DocumentPrinted: paying.printed,
        PrintFailed: paying.print_failed,
    },
    Step.INTERVENTION: {**_EVERYWHERE, AgentVerdict: resolving.verdict},
    Step.CLOSING: {
        **_EVERYWHERE,
        CheckInCancelled: resolving.check_in_cancelled,
        DcsFailed: _dcs_failed,
        RecordCommitted: resolving.committed,
        RecordRefused: resolving.record_refused,
    },
    Step.DONE: {**_EVERYWHERE, Reset: resolving.reset},
}

_PAYMENT_OUTCOMES = (PaymentApproved, PaymentDeclined, PaymentUnknown)


class CheckinMachine:
    """The check-in's transitions (stateless: the state is passed in and returned)."""

    def handle(self, state: CheckinState, event: Event, now: datetime) -> Result:
        """Apply ``event`` at ``now``; return the new state and the effects, in order.

        Raises:
            IllegalEvent: the step does not take the event, or it answers nothing asked.
        """
        handler = TRANSITIONS[state.step].get(type(event))
        if handler is None:
            raise IllegalEvent(state.step, event)
        self._check_answer(state, event)
        if not isinstance(event, (ScaleRead, DeviceChanged)) and state.notice:
            state = replace(state, notice="", notice_params=())
        after, effects = handler(state, event, now)
        if after.identity is not None and after.step is Step.DOCUMENTS:
            after, more = documents.use_identity(after, now)
            effects = [*effects, *more]
        if after.step is Step.DOCUMENTS and after.devices_down:
            after, more = devices.reader_needed(after, now)  # no reader: an agent
            effects = [*effects, *more]
        return after, effects

    @staticmethod
    def _check_answer(state: CheckinState, event: Event) -> None:
        expected = ANSWERS.get(type(event))
        if expected is not None and state.waiting not in expected:
            raise IllegalEvent(state.step, event, f"no {expected[0].value} call in flight")
        if isinstance(event, DcsFailed) and state.waiting is not event.call:
            raise IllegalEvent(state.step, event, f"no {event.call.value} call in flight")
        if isinstance(event, _PAYMENT_OUTCOMES) and not state.paying_now:
            known = any(p.reference == event.reference for p in state.payments)
            if not known or not event.reference:
                raise IllegalEvent(state.step, event, "no payment at the terminal")
        if isinstance(event, (DocumentPrinted, PrintFailed)) and not state.printing_now:
            raise IllegalEvent(state.step, event, "nothing at the printer")


__all__ = ["TRANSITIONS", "CheckinMachine", "IllegalEvent", "Step"]
