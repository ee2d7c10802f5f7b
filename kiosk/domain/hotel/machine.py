"""The hotel machine: check-in, check-out and key help; events in, a new state and effects out.

Theory of operation
-------------------
:class:`HotelMachine` is stateless: :meth:`HotelMachine.handle` takes a
:class:`~.states.HotelState`, an event and ``now`` (the lane's clock, passed
in: the domain reads no clock), looks up ``TRANSITIONS[step][type(event)]`` -
one dictionary lookup, as h11 does - and calls the handler, which returns
``(new_state, effects)``. A pair missing from the table raises
:class:`~.states.IllegalEvent` naming the event and the step; so does a reply
that answers no call in flight (a ``StayFound`` while nothing was asked, a
``KeyEncoded`` for a key not at the encoder, a payment outcome for an
operation not at the terminal, a printout nothing printed) and a verdict for
another intervention. Nothing else is raised: a guest's impossible request
(five keys, a child the booking does not hold) is a ``notice``.

Steps::

    WELCOME -> (PICK_STAY) -> STAY -> GUESTS <-> DETAILS -> REGISTRATION -> PAYING
      -> ROOM -> KEYS -> CLOSING -> DONE                                    (check-in)
    WELCOME -> FIND_ROOM -> FOLIO -> (PAYING) -> INVOICE -> DROP_KEYS -> CLOSING -> DONE
                                                                           (check-out)
    WELCOME -> FIND_ROOM -> GUESTS (one ID again) -> KEYS -> CLOSING -> DONE (key help)
    any step <-> INTERVENTION (a verdict goes back, or on)
    Cancelled / IdleTimedOut -> CLOSING (release a deposit, commit) -> DONE
    DONE --Reset--> WELCOME

What comes after a step is decided in one place, :func:`.steps.advance`.
Replies are taken in every step but ``DONE`` (the call in flight decides); an
ID or a QR code read where none is asked changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from kiosk.domain.hotel import checkout, finding, guests, paying, resolving, rooms
from kiosk.domain.hotel.events import (
    PMS_CALLS,
    AgentVerdict,
    Call,
    Cancelled,
    CardDeliveryChosen,
    CardSigned,
    CheckedIn,
    CheckedOut,
    CheckOutChosen,
    ConfirmationEntered,
    DepositLookedUp,
    DocumentPrinted,
    DocumentScanned,
    Event,
    FolioConfirmed,
    FolioReceived,
    GuestAdded,
    GuestDetailsEntered,
    GuestUpdated,
    IdleTimedOut,
    InvoiceChosen,
    KeyCardRead,
    KeyCardTapped,
    KeyCardUnreadable,
    KeyCountChosen,
    KeyEncoded,
    KeyEncodingFailed,
    KeyHelpChosen,
    KeysDropped,
    MinorAdded,
    PaymentApproved,
    PaymentDeclined,
    PaymentPosted,
    PaymentUnknown,
    PayRequested,
    PmsFailed,
    PrintFailed,
    RecordCommitted,
    Reset,
    RoomEntered,
    StayConfirmed,
    StayFound,
    StayPicked,
    StaysFound,
    SurnameEntered,
)
from kiosk.domain.hotel.states import HotelState, IllegalEvent, Step

Result = tuple[HotelState, list[Any]]
Handler = Callable[[HotelState, Any, datetime], Result]

#: The call each reply must answer (``HotelState.waiting``).
ANSWERS: dict[type[Any], tuple[Call, ...]] = {
    StayFound: (Call.FIND_BY_CONFIRMATION, Call.FIND_BY_ROOM, Call.STAY),
    StaysFound: (Call.FIND_BY_SURNAME, Call.FIND_BY_GUEST_NAME),
    GuestAdded: (Call.ADD_COMPANION,),
    GuestUpdated: (Call.UPDATE_GUEST,),
    CheckedIn: (Call.CHECK_IN,),
    FolioReceived: (Call.FOLIO,),
    PaymentPosted: (Call.POST_PAYMENT,),
    CheckedOut: (Call.CHECK_OUT,),
    KeyCardRead: (Call.READ_KEY,),
    KeyCardUnreadable: (Call.READ_KEY,),
    KeyEncoded: (Call.ENCODE_KEY,),
    KeyEncodingFailed: (Call.ENCODE_KEY,),
    DepositLookedUp: (Call.LOOK_UP_DEPOSIT,),
}

_FINDS = (
    Call.FIND_BY_CONFIRMATION,
    Call.FIND_BY_SURNAME,
    Call.FIND_BY_GUEST_NAME,
    Call.FIND_BY_ROOM,
)


def _ignore(state: HotelState, event: object, now: datetime) -> Result:
    """A read nobody asked for: nothing changes."""
    return state, []


def _stay_found(state: HotelState, event: StayFound, now: datetime) -> Result:
    if state.waiting is Call.STAY:
        return rooms.stay_refreshed(state, event, now)
    return finding.stay_found(state, event, now)


def _pms_failed(state: HotelState, event: PmsFailed, now: datetime) -> Result:
    if event.call in _FINDS:
        return finding.find_failed(state, event, now)
    return finding.pms_trouble(state, event, now)


_EVERYWHERE: dict[type[Any], Handler] = {
    DocumentScanned: _ignore,
    ConfirmationEntered: _ignore,
    Cancelled: resolving.cancel,
    IdleTimedOut: resolving.idle,
}

_REPLIES: dict[type[Any], Handler] = {
    StayFound: _stay_found,
    StaysFound: finding.stays_found,
    GuestAdded: guests.guest_added,
    GuestUpdated: guests.guest_updated,
    CheckedIn: rooms.checked_in,
    FolioReceived: checkout.folio_received,
    PaymentPosted: checkout.payment_posted,
    CheckedOut: checkout.checked_out,
    PmsFailed: _pms_failed,
    KeyCardRead: finding.key_card_read,
    KeyCardUnreadable: finding.key_card_unreadable,
    KeyEncoded: rooms.key_encoded,
    KeyEncodingFailed: rooms.key_failed,
    DepositLookedUp: checkout.deposit_looked_up,
    PaymentApproved: paying.approved,
    PaymentDeclined: paying.declined,
    PaymentUnknown: paying.unknown,
    DocumentPrinted: rooms.printed,
    PrintFailed: rooms.print_failed,
}

_ANY = {**_EVERYWHERE, **_REPLIES}

TRANSITIONS: dict[Step, dict[type[Any], Handler]] = {
    Step.WELCOME: {
        **_ANY,
        ConfirmationEntered: finding.enter_confirmation,
        SurnameEntered: finding.enter_surname,
        DocumentScanned: finding.scan_document,
        CheckOutChosen: finding.choose_check_out,
        KeyHelpChosen: finding.choose_key_help,
        Reset: resolving.reset,
    },
    Step.PICK_STAY: {**_ANY, StayPicked: finding.pick_stay},
    Step.STAY: {**_ANY, StayConfirmed: finding.confirm_stay},
    Step.GUESTS: {**_ANY, DocumentScanned: guests.scan_document, MinorAdded: guests.add_minor},
    Step.DETAILS: {**_ANY, GuestDetailsEntered: guests.enter_details},
    Step.REGISTRATION: {
        **_ANY,
        CardSigned: rooms.sign,
        CardDeliveryChosen: rooms.deliver_card,
    },
    Step.PAYING: {**_ANY, PayRequested: paying.pay_requested},
    Step.ROOM: dict(_ANY),
    Step.KEYS: {**_ANY, KeyCountChosen: rooms.choose_keys},
    Step.FIND_ROOM: {
        **_ANY,
        KeyCardTapped: finding.tap_key_card,
        RoomEntered: finding.enter_room,
    },
    Step.FOLIO: {**_ANY, FolioConfirmed: checkout.confirm_folio},
    Step.INVOICE: {**_ANY, InvoiceChosen: checkout.choose_invoice},
    Step.DROP_KEYS: {**_ANY, KeysDropped: checkout.keys_dropped},
    Step.INTERVENTION: {**_ANY, AgentVerdict: resolving.verdict},
    Step.CLOSING: {**_ANY, RecordCommitted: resolving.committed},
    Step.DONE: {**_EVERYWHERE, Reset: resolving.reset},
}

_PAYMENT_OUTCOMES = (PaymentApproved, PaymentDeclined, PaymentUnknown)


class HotelMachine:
    """The hotel journey's transitions (stateless: the state is passed in and returned)."""

    def handle(self, state: HotelState, event: Event, now: datetime) -> Result:
        """Apply ``event`` at ``now``; return the new state and the effects, in order.

        Raises:
            IllegalEvent: the step does not take the event, or it answers nothing asked.
        """
        handler = TRANSITIONS[state.step].get(type(event))
        if handler is None:
            raise IllegalEvent(state.step, event)
        self._check_answer(state, event)
        if state.notice:
            state = replace(state, notice="", notice_params=())
        after, effects = handler(state, event, now)
        if after.identity is not None and after.step is Step.GUESTS:
            after, more = guests.use_identity(after, now)
            effects = [*effects, *more]
        return after, effects

    @staticmethod
    def _check_answer(state: HotelState, event: Event) -> None:
        expected = ANSWERS.get(type(event))
        if expected is not None and state.waiting not in expected:
            raise IllegalEvent(state.step, event, f"no {expected[0].value} call in flight")
        if isinstance(event, PmsFailed) and (
            event.call not in PMS_CALLS or state.waiting is not event.call
        ):
            raise IllegalEvent(state.step, event, f"no {event.call.value} call in flight")
        if isinstance(event, (KeyEncoded, KeyEncodingFailed)) and event.key_no != state.encoding:
            raise IllegalEvent(state.step, event, f"key {event.key_no} is not at the encoder")
        if isinstance(event, _PAYMENT_OUTCOMES) and state.paying is not event.purpose:
            known = any(p.reference == event.reference for p in state.payments)
            if not known or not event.reference:
                why = f"no {event.purpose.value} operation at the terminal"
                raise IllegalEvent(state.step, event, why)
        if isinstance(event, (DocumentPrinted, PrintFailed)) and not state.printing_now:
            raise IllegalEvent(state.step, event, "nothing at the printer")


__all__ = ["TRANSITIONS", "HotelMachine", "IllegalEvent", "Step"]
