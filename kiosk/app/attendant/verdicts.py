"""The attendant's decisions about card payments: a verdict on a payment whose outcome is
unknown, and giving back what a cancelled basket paid (DESIGN.md invariants 3 and 9).

Every function works on the lane's :class:`~kiosk.payment.flow.PaymentFlow` and the
checkout as it stands; the terminal is asked again before any verdict counts, and a
refund that fails raises :class:`AttendantError` so the intervention stays open.
"""

from __future__ import annotations

from typing import Any

from kiosk.app.attendant.model import AttendantError
from kiosk.app.payments import PAYING_KINDS, approved_payments
from kiosk.domain.checkout.interventions import ConfirmPayment
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase
from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentError
from kiosk.payment.journal import PaymentState

_OPEN = (PaymentState.SENT, PaymentState.UNKNOWN)


def settle_verdict(
    flow: Any, checkout: Checkout, action: ConfirmPayment, paid: bool, staff_id: str
) -> tuple[bool, Money | None]:
    """Settle the payment behind a PAYMENT_UNKNOWN intervention; return whether it
    counts towards this basket, and with what amount.

    An unresolved payment is first asked about again: the terminal's final answer
    wins over the verdict (an approval counts, a decline pays nothing), a payment the
    terminal is still working on refuses both verdicts, and only when the terminal
    cannot be asked does the verdict decide. An approval already known that the
    attendant says was not taken (more than due), or one of another sale, is given
    back with a reversal; one that would pay more than the basket is due cannot be
    counted. A reversal that fails keeps the intervention open with the reason.
    Raises AttendantError.
    """
    basket_id = checkout.basket.basket_id
    reference = action.reference
    try:
        record = flow.journal.get(reference)
        was_open = record.state in _OPEN
        if was_open:
            record = flow.resolve(reference, paid, staff_id)
        if record.state is not PaymentState.APPROVED:
            return False, None  # declined, cancelled, reversed: it paid nothing
        amount = record.approved_amount or record.amount
        ours = record.sale_id == basket_id and record.kind in PAYING_KINDS
        # An open payment the terminal now calls approved counts, whatever the
        # verdict (the card was charged); "not paid" on an approval already known
        # (more than due, a basket being cancelled) means: give it back.
        if ours and (paid or was_open):
            _check_not_overpaid(flow, checkout, amount)
            return True, amount
        give_back(flow, record.reference, amount)
        return False, None
    except PaymentError as error:  # PaymentInProgressError says to wait
        text = str(error)
        message = text if reference in text else f"payment {reference}: {text}"
        raise AttendantError(message) from None


def give_back_basket_payments(flow: Any, checkout: Checkout) -> list[str]:
    """Before a basket is cancelled, reverse what it has paid (split tender); return
    the references given back. Nothing is reversed while a payment is running or
    unresolved (the cancel then aborts it, or is refused). Raises AttendantError."""
    if checkout.phase in (Phase.PAYING, Phase.COMPLETING, Phase.FINISHED, Phase.IDLE):
        return []
    if flow is None:  # a lane without a card terminal took no card payment
        return []
    records = flow.journal.for_sale(checkout.basket.basket_id)
    if any(r.state in _OPEN for r in records):
        return []  # plans.cancel refuses: settle the unknown payment first
    given_back = []
    try:
        for record in approved_payments(records):
            give_back(flow, record.reference, record.approved_amount or record.amount)
            given_back.append(record.reference)
    except PaymentError as error:
        raise AttendantError(f"cannot give the payment back: {error}") from None
    return given_back


def give_back(flow: Any, reference: str, amount: Money) -> None:
    """Reverse an approval; anything but an approved reversal raises AttendantError."""
    done = flow.reverse(reference)
    if done.state is not PaymentState.APPROVED:
        raise AttendantError(
            f"the terminal did not give back {amount} (reversal "
            f"{done.record.reference} {done.state.value.lower()}): try again, or "
            "refund it on the terminal by hand"
        )


def _check_not_overpaid(flow: Any, checkout: Checkout, amount: Money) -> None:
    total = checkout.totals().total
    credit = flow.journal.paid_total(checkout.basket.basket_id, total.currency)
    if credit > total:
        raise AttendantError(
            f"the card was approved for {amount} but the basket is due {total} "
            f"({credit} approved in all): choose 'not paid' to give it back"
        )
