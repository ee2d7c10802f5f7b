"""Transition handlers for paying and finishing: terminal outcomes, commit, thank-you.

A card is never charged twice, and a sale completes only when its approved
payments add up to exactly what it is due (DESIGN invariants 3 and 9):

* what is still due is the basket total minus the approved payments already
  recorded for this basket (split tender: an approval from before a restart, or a
  partial approval, counts);
* an unknown outcome is never retried; it pauses for an attendant, who confirms
  (with the amount the terminal confirmed) or denies;
* more approved than due (a basket that shrank after a payment, an over-approval)
  pauses for an attendant, who gives the excess back; nothing is committed with it.

A payment that took no money says why (:class:`PaymentFailure`: declined, cancelled on
the terminal, timed out); the checkout keeps that as ``payment_failure`` until the
shopper's next step, so the pay screen shows the right words. "Back to items" while
the terminal waits sets ``aborting``: the terminal's answer then just returns to the
items.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.domain.checkout import pay_gate
from kiosk.domain.checkout.effects import AbortPayment, PrintReceipt, StartPayment
from kiosk.domain.checkout.events import (
    Cancelled,
    PaymentApproved,
    PaymentDeclined,
    PaymentNoticeClosed,
    PaymentReversed,
    PaymentUnknown,
    PayRequested,
    SaleCompleted,
    SaleRefused,
)
from kiosk.domain.checkout.interventions import ConfirmPayment, InterventionKind
from kiosk.domain.checkout.states import PaymentFailure, PaymentRecord, Phase
from kiosk.domain.checkout.steps import Result, commit, message, pause, reject
from kiosk.domain.money import Money

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.domain.checkout.machine import Checkout

PAID = "approved"  # the one outcome of a PaymentRecord that pays towards the sale

#: Terminal error conditions (nexo ErrorCondition, and the payment flow's own words for
#: a request that never reached a terminal) by what the shopper is told; anything else
#: is a decline.
_CANCELLED = frozenset({"Cancel", "Aborted", "cancelled"})
_TIMED_OUT = frozenset({
    "TimedOut", "Timeout", "timed_out", "Unreachable", "UnreachableHost", "UnavailableDevice",
    "UnavailableService", "DeviceOut", "Busy", "InProgress", "LoggedOut", "Rejected",
    "try again",
})  # fmt: skip
#: The message key of each failure (the pay screen shows it, so no toast).
FAILURE_MESSAGES = {
    PaymentFailure.DECLINED: "payment_declined",
    PaymentFailure.CANCELLED: "payment_cancelled_on_terminal",
    PaymentFailure.TIMED_OUT: "payment_timed_out",
}


def failure_of(reason: str) -> PaymentFailure:
    """What a declined payment's ``reason`` (the terminal's error condition) means."""
    if reason in _CANCELLED:
        return PaymentFailure.CANCELLED
    if reason in _TIMED_OUT:
        return PaymentFailure.TIMED_OUT
    return PaymentFailure.DECLINED


def paid(checkout: Checkout) -> Money:
    """What approved payments recorded for this basket have paid so far."""
    total = Money.zero(checkout.basket.currency)
    for record in checkout.payments:
        if record.outcome == PAID:
            total += record.amount
    return total


def with_payment(checkout: Checkout, record: PaymentRecord) -> Checkout:
    """``checkout`` with ``record`` replacing the record of the same reference (or added)."""
    payments = [p for p in checkout.payments if p.reference != record.reference]
    return replace(checkout, payments=(*payments, record))


def settle_due(checkout: Checkout, at: datetime) -> Result:
    """Commit when the approved payments equal the total; else say what is left to pay,
    or pause for the attendant to give back what was paid beyond the total."""
    total = checkout.totals().total
    credit = paid(checkout)
    due = total - credit
    if due.minor == 0 or (due.minor < 0 and credit.minor == 0):  # a negative total: refund
        return commit(checkout, "completed", at)
    if due.minor > 0:
        back = replace(checkout, phase=Phase.SHOPPING, amount_due=None)
        return back, [message("payment_partial", paid=credit, due=due)]
    return overpaid(checkout, at, f"paid {credit}, due {total}: give back {-due}")


def overpaid(checkout: Checkout, at: datetime, detail: str) -> Result:
    """Pause for the attendant to give back the newest approved payment."""
    newest = [p for p in checkout.payments if p.outcome == PAID][-1]
    action = ConfirmPayment(newest.reference, newest.amount)
    back = replace(checkout, amount_due=None)
    return pause(back, InterventionKind.PAYMENT_UNKNOWN, at, f"{newest.reference}: {detail}",
                 action=action, resume=Phase.SHOPPING)  # fmt: skip


def pay(checkout: Checkout, event: PayRequested) -> Result:
    """SHOPPING: charge what is still due; an empty basket is refused, a zero total (or
    one already paid) commits at once, an overpaid one calls the attendant."""
    if checkout.basket.is_empty and not checkout.aside:
        return reject(checkout, "basket_empty")
    gated = pay_gate.before_payment(checkout, event.at)  # put aside, age pending
    if gated is not None:
        return gated
    if checkout.basket.is_empty:
        return reject(checkout, "basket_empty")
    due = checkout.totals().total - paid(checkout)
    if due.minor <= 0:
        return settle_due(checkout, event.at)
    paying = replace(checkout, phase=Phase.PAYING, amount_due=due)
    return paying, [StartPayment(checkout.basket.basket_id, due), message("follow_terminal")]


def approved(checkout: Checkout, event: PaymentApproved) -> Result:
    """PAYING: record the approval; commit if the sale is now paid (see :func:`settle_due`)."""
    record = PaymentRecord(
        event.reference, event.amount, PAID, event.at, event.method, event.auth_code,
        event.masked_pan, event.brand, event.terminal_transaction_id,
    )  # fmt: skip
    recorded = replace(with_payment(checkout, record), declines=0, amount_due=None,
                       aborting=False)  # fmt: skip
    return settle_due(recorded, event.at)


def declined(checkout: Checkout, event: PaymentDeclined) -> Result:
    """PAYING: back to shopping to try again, told why (declined, cancelled on the
    terminal, timed out); after "Back to items" just back to the items. Too many
    failures in a row call the attendant."""
    due = checkout.amount_due or checkout.totals().total
    record = PaymentRecord(event.reference, due, "declined", event.at)
    count = checkout.declines + 1
    failure = failure_of(event.reason)
    shown = None if checkout.aborting else failure
    back = replace(checkout, phase=Phase.SHOPPING, amount_due=None, declines=count,
                   payments=(*checkout.payments, record), aborting=False,
                   payment_failure=shown)  # fmt: skip
    if count >= checkout.settings.max_declines:
        detail = f"{count} declined payments, last: {event.reason}"
        return pause(replace(back, payment_failure=None), InterventionKind.PAYMENT_FAILURE,
                     event.at, detail)  # fmt: skip
    key = "payment_cancelled" if shown is None else FAILURE_MESSAGES[failure]
    return back, [message(key, reason=event.reason)]


def unknown(checkout: Checkout, event: PaymentUnknown) -> Result:
    """PAYING: never retried automatically; the attendant checks the terminal."""
    record = PaymentRecord(event.reference, event.amount, "unknown", event.at)
    recorded = replace(with_payment(checkout, record), amount_due=None, aborting=False)
    action = ConfirmPayment(event.reference, event.amount)
    detail = f"{event.reference}: outcome unknown for {event.amount}"
    return pause(recorded, InterventionKind.PAYMENT_UNKNOWN, event.at, detail,
                 action=action, resume=Phase.SHOPPING)  # fmt: skip


def abort(checkout: Checkout, event: Cancelled) -> Result:
    """PAYING: ask the terminal to abort; its outcome still arrives as an event (an
    approval that came first still counts)."""
    return replace(checkout, aborting=True), [AbortPayment(checkout.basket.basket_id)]


def close_notice(checkout: Checkout, event: PaymentNoticeClosed) -> Result:
    """SHOPPING: the shopper left the failed payment's screen (see ``Checkout.handle``)."""
    return replace(checkout, payment_failure=None), []


def completed(checkout: Checkout, event: SaleCompleted) -> Result:
    """COMPLETING: the sale is durable: print and thank (invariant 1)."""
    done = replace(checkout, phase=Phase.FINISHED)
    sale = checkout.sale
    if sale is None or sale.status != "completed":
        return done, [message("sale_cancelled")]
    return done, [PrintReceipt(sale), message("thank_you")]


def reversed_(checkout: Checkout, event: PaymentReversed) -> Result:
    """SHOPPING, INTERVENTION: an approved payment was given back; it no longer counts."""
    payments = tuple(
        replace(p, outcome="reversed") if p.reference == event.reference else p
        for p in checkout.payments
    )
    return replace(checkout, payments=payments), []


def refused(checkout: Checkout, event: SaleRefused) -> Result:
    """COMPLETING: the store found the payments do not match the sale; take the journal's
    approved payments as the truth and call the attendant before anything else."""
    truth = dict(event.approved)
    corrected = replace(checkout, payments=tuple(
        replace(p, outcome="failed") if p.outcome == PAID and p.reference not in truth else p
        for p in checkout.payments
    ))  # fmt: skip
    for reference, amount in event.approved:
        old = next((p for p in corrected.payments if p.reference == reference), None)
        record = (replace(old, outcome=PAID, amount=amount) if old is not None
                  else PaymentRecord(reference, amount, PAID, event.at))  # fmt: skip
        corrected = with_payment(corrected, record)
    back = replace(corrected, sale=None, amount_due=None)
    return pause(back, InterventionKind.PAYMENT_FAILURE, event.at, event.detail,
                 resume=Phase.SHOPPING)  # fmt: skip
