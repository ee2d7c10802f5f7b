"""Transition handlers for paying and finishing: terminal outcomes, commit, thank-you.

A card is never charged twice (DESIGN invariant 3): an unknown outcome or an
approved amount that differs from the amount due pauses for an attendant, who
confirms (the sale commits) or denies (back to shopping); nothing is retried.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.domain.checkout.effects import AbortPayment, PrintReceipt, StartPayment
from kiosk.domain.checkout.events import (
    Cancelled,
    PaymentApproved,
    PaymentDeclined,
    PaymentUnknown,
    PayRequested,
    SaleCompleted,
)
from kiosk.domain.checkout.interventions import ConfirmPayment, InterventionKind
from kiosk.domain.checkout.states import PaymentRecord, Phase
from kiosk.domain.checkout.steps import Result, commit, message, pause, reject

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout


def pay(checkout: Checkout, event: PayRequested) -> Result:
    """SHOPPING: charge the total; an empty basket is refused, a zero total commits at once."""
    if checkout.basket.is_empty:
        return reject(checkout, "basket_empty")
    total = checkout.totals().total
    if total.minor <= 0:
        return commit(checkout, "completed", event.at)
    paying = replace(checkout, phase=Phase.PAYING, amount_due=total)
    return paying, [StartPayment(checkout.basket.basket_id, total), message("follow_terminal")]


def approved(checkout: Checkout, event: PaymentApproved) -> Result:
    """PAYING: the amount due was approved: commit. Any other amount: ask the attendant."""
    record = PaymentRecord(
        event.reference, event.amount, "approved", event.at, event.method, event.auth_code,
        event.masked_pan, event.brand, event.terminal_transaction_id,
    )  # fmt: skip
    recorded = replace(checkout, payments=(*checkout.payments, record), declines=0, amount_due=None)
    if event.amount == checkout.amount_due:
        return commit(recorded, "completed", event.at)
    detail = f"{event.reference}: approved {event.amount}, due {checkout.amount_due}"
    action = ConfirmPayment(event.reference, event.amount)
    return pause(recorded, InterventionKind.PAYMENT_UNKNOWN, event.at, detail,
                 action=action, resume=Phase.SHOPPING)  # fmt: skip


def declined(checkout: Checkout, event: PaymentDeclined) -> Result:
    """PAYING: back to shopping to try again; too many declines call the attendant."""
    due = checkout.amount_due or checkout.totals().total
    record = PaymentRecord(event.reference, due, "declined", event.at)
    count = checkout.declines + 1
    back = replace(checkout, phase=Phase.SHOPPING, amount_due=None, declines=count,
                   payments=(*checkout.payments, record))  # fmt: skip
    if count >= checkout.settings.max_declines:
        detail = f"{count} declined payments, last: {event.reason}"
        return pause(back, InterventionKind.PAYMENT_FAILURE, event.at, detail)
    return back, [message("payment_declined", reason=event.reason)]


def unknown(checkout: Checkout, event: PaymentUnknown) -> Result:
    """PAYING: never retried automatically; the attendant checks the terminal."""
    record = PaymentRecord(event.reference, event.amount, "unknown", event.at)
    recorded = replace(checkout, payments=(*checkout.payments, record), amount_due=None)
    action = ConfirmPayment(event.reference, event.amount)
    detail = f"{event.reference}: outcome unknown for {event.amount}"
    return pause(recorded, InterventionKind.PAYMENT_UNKNOWN, event.at, detail,
                 action=action, resume=Phase.SHOPPING)  # fmt: skip


def abort(checkout: Checkout, event: Cancelled) -> Result:
    """PAYING: ask the terminal to abort; its outcome still arrives as an event."""
    return checkout, [AbortPayment(checkout.basket.basket_id)]


def completed(checkout: Checkout, event: SaleCompleted) -> Result:
    """COMPLETING: the sale is durable: print and thank (invariant 1)."""
    done = replace(checkout, phase=Phase.FINISHED)
    sale = checkout.sale
    if sale is None or sale.status != "completed":
        return done, [message("sale_cancelled")]
    return done, [PrintReceipt(sale), message("thank_you")]
