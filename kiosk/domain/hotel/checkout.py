"""Check-out: the deposit looked up, the folio shown and settled, the PMS check-out, the
invoice, the keys dropped.

The stay is found by a key card or by room and surname (:mod:`.finding`).
The deposit pre-authorised at check-in is looked up in the payment journal
(``LookUpDeposit``; a stay checked in at another lane has none here and pays
by card). The folio is fetched and shown; once the guest confirms it, the
deposit is captured, adjusted then captured, or released, and anything left
is paid by card (:mod:`.paying`); every payment that took money is posted to
the bill; then the PMS checks the stay out and the lock system voids the
room's keys. The invoice is printed or e-mailed, the guest drops the keys and
the visit is done.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.events import (
    CheckedOut,
    Delivery,
    DepositLookedUp,
    FolioConfirmed,
    FolioReceived,
    InvoiceChosen,
    KeysDropped,
    PaymentPosted,
)
from kiosk.domain.hotel.states import DepositState, HotelState, Outcome
from kiosk.domain.hotel.steps import Result, advance, busy, commit, note


def deposit_looked_up(state: HotelState, event: DepositLookedUp, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None, deposit_looked_up=True)
    amount = event.amount
    if event.reference and amount is not None and amount.minor > 0:
        state = replace(
            state,
            deposit_ref=event.reference,
            deposit_amount=amount,
            deposit_state=DepositState.AUTHORISED,
        )
    return advance(state, now)


def folio_received(state: HotelState, event: FolioReceived, now: datetime) -> Result:
    return advance(replace(state, waiting=None, retry_call=None, folio=event.folio), now)


def confirm_folio(state: HotelState, event: FolioConfirmed, now: datetime) -> Result:
    if busy(state) or state.folio is None:
        return note(state, "busy")
    return advance(replace(state, folio_confirmed=True, notice=""), now)


def payment_posted(state: HotelState, event: PaymentPosted, now: datetime) -> Result:
    payments = tuple(
        replace(p, posted=True) if p.reference == event.reference and p.took_money else p
        for p in state.payments
    )
    return advance(replace(state, payments=payments, waiting=None, retry_call=None), now)


def checked_out(state: HotelState, event: CheckedOut, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None, checked_out=True, stay=event.stay)
    room = state.room or event.stay.room
    after, effects = advance(state, now)
    return after, ([fx.VoidKeys(room.number)] if room is not None else []) + effects


def choose_invoice(state: HotelState, event: InvoiceChosen, now: datetime) -> Result:
    if busy(state):
        return note(state, "busy")
    folio = state.folio
    assert folio is not None
    state = replace(state, invoice_delivery=event.delivery, notice="")
    if event.delivery is Delivery.PRINT:
        document_id = f"invoice:{folio.stay_id}"
        return replace(state, printing_now=document_id), [fx.PrintInvoice(document_id, folio)]
    if event.delivery is Delivery.EMAIL:
        email = event.email.strip() or next(
            (g.data.email for g in state.guests if g.data.email), ""
        )
        if "@" not in email:
            return note(replace(state, invoice_delivery=None), "email_missing")
        after, more = advance(replace(state, invoice_delivered=True), now)
        return after, [fx.EmailInvoice(folio, email), *more]
    return advance(replace(state, invoice_delivered=True), now)


def keys_dropped(state: HotelState, event: KeysDropped, now: datetime) -> Result:
    return commit(replace(state, outcome=Outcome.COMPLETED), now)
