"""Resolving interventions: check the kind, record the outcome, apply the paused action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.domain.basket import BasketError
from kiosk.domain.checkout import bagging, pay_gate, paying, pending_age, placing
from kiosk.domain.checkout.effects import AttendantCleared
from kiosk.domain.checkout.events import InterventionResolved, RequestWithdrawn
from kiosk.domain.checkout.interventions import (
    AddItem,
    AgeApproval,
    AuditEntry,
    CheckAge,
    ConfirmPayment,
    Intervention,
    InterventionKind,
    OverridePrice,
    ResolvedIntervention,
    SetQuantity,
    VoidLine,
    withdrawable,
)
from kiosk.domain.checkout.states import IllegalTransition, PaymentRecord, Phase
from kiosk.domain.checkout.steps import Result, added, message, offer_item, reject

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

Resolver = Callable[["Checkout", Intervention, InterventionResolved], Result]


def resolve(checkout: Checkout, event: InterventionResolved) -> Result:
    """INTERVENTION: resolve the pending intervention, which must be of ``event.kind``.

    Raises:
        IllegalTransition: for another kind, or an age approval with neither a
            date of birth nor ``id_seen``.
    """
    pending = checkout.pending
    if pending is None or event.kind is not pending.kind:
        expected = pending.kind.value if pending else "none"
        why = f"pending intervention is {expected}, not {event.kind.value}"
        raise IllegalTransition(checkout.phase, event, why)
    age = _age_approval(checkout, pending, event)
    outcome = "approved" if event.approved else "denied"
    if age is not None and not _covers(age, pending, event):
        outcome = "underage"
    record = ResolvedIntervention(
        pending.kind, pending.raised_at, event.at, event.staff_id, outcome, pending.detail
    )
    cleared = replace(
        checkout,
        phase=checkout.resume,
        pending=None,
        interventions=(*checkout.interventions, record),
        age=age or checkout.age,
    )
    after, effects = RESOLVERS[pending.kind](cleared, pending, event)
    return pay_gate.chain(pending, after, [AttendantCleared(pending.kind), *effects], event.at)


def withdraw(checkout: Checkout, event: RequestWithdrawn) -> Result:
    """INTERVENTION: the shopper takes back their own help call or remove-item request
    (see :func:`~kiosk.domain.checkout.interventions.withdrawable`); nothing changes in
    the basket. Anything else pending is the staff's to resolve: refused with a message.
    """
    pending = checkout.pending
    if pending is None or not withdrawable(pending):
        return reject(checkout, "request_not_withdrawable")
    record = ResolvedIntervention(
        pending.kind, pending.raised_at, event.at, "", "withdrawn", pending.detail
    )
    back = replace(checkout, phase=checkout.resume, pending=None,
                   interventions=(*checkout.interventions, record))  # fmt: skip
    return back, [AttendantCleared(pending.kind), message("request_withdrawn")]


def _age_approval(
    checkout: Checkout, pending: Intervention, event: InterventionResolved
) -> AgeApproval | None:
    if pending.kind is not InterventionKind.AGE_RESTRICTED or not event.approved:
        return None
    if event.date_of_birth is not None:
        return AgeApproval(birth_date=event.date_of_birth)
    if not event.id_seen:
        why = "an age approval needs date_of_birth or id_seen"
        raise IllegalTransition(checkout.phase, event, why)
    previous = checkout.age.approved_age if checkout.age else 0
    return AgeApproval(approved_age=max(previous, _required_age(pending)))


def _required_age(pending: Intervention) -> int:
    action = pending.action
    if isinstance(action, AddItem) and action.item.age_limit is not None:
        return action.item.age_limit
    if isinstance(action, CheckAge):
        return action.age_limit
    return 0


def _covers(age: AgeApproval, pending: Intervention, event: InterventionResolved) -> bool:
    return age.covers(_required_age(pending), event.at.date())


def _age(checkout: Checkout, pending: Intervention, event: InterventionResolved) -> Result:
    action = pending.action
    if isinstance(action, CheckAge):  # lines added with the check pending
        return pending_age.resolved(checkout, action, event)
    if not isinstance(action, AddItem) or not event.approved:
        return checkout, [message("age_refused")]
    if checkout.age is None or not _covers(checkout.age, pending, event):
        return checkout, [message("age_refused")]
    return offer_item(checkout, action, event.at, age_checked=True)


def _unknown_code(checkout: Checkout, pending: Intervention, event: InterventionResolved) -> Result:
    if not event.approved or event.item is None:
        return checkout, [message("item_set_aside")]
    action = AddItem(event.item, pending.detail.split(":")[0])
    # the item may be keyed from the station (no ID seen): its age is checked as a scan's
    return offer_item(checkout, action, event.at, age_checked=False)


def _apply(checkout: Checkout, pending: Intervention, event: InterventionResolved) -> Result:
    """Quantity limit, void and price override: apply the action if approved."""
    action = pending.action
    if not event.approved:
        return checkout, [message("request_denied", kind=pending.kind.value)]
    basket = checkout.basket
    audit: tuple[AuditEntry, ...] = ()
    try:
        if isinstance(action, AddItem):
            basket, line = placing.place(checkout, action, over_limit_ok=True)
        elif isinstance(action, SetQuantity):
            basket, line = basket.set_quantity(action.line_no, action.quantity, over_limit_ok=True)
            audit = _audit(event, "set_quantity", line_no=action.line_no, quantity=action.quantity)
        elif isinstance(action, VoidLine):
            basket, line = basket.void_line(action.line_no)
            audit = _audit(event, "void_line", line_no=action.line_no)
        elif isinstance(action, OverridePrice):
            basket, line = basket.override_price(action.line_no, action.price, action.reason)
            audit = _audit(event, "price_override", line_no=action.line_no,
                           price=action.price.minor, reason=action.reason)  # fmt: skip
        else:
            return checkout, []
    except BasketError as exc:
        return reject(checkout, "request_failed", reason=exc)
    return added(replace(checkout, basket=basket, audit=(*checkout.audit, *audit)), line)


def _audit(event: InterventionResolved, action: str, **details: object) -> tuple[AuditEntry]:
    pairs = tuple((key, str(value)) for key, value in details.items())
    return (AuditEntry(event.at, event.staff_id, action, event.note, pairs),)


def _resume(checkout: Checkout, pending: Intervention, event: InterventionResolved) -> Result:
    return checkout, [message("resume")]


def _payment_failure(
    checkout: Checkout, pending: Intervention, event: InterventionResolved
) -> Result:
    return replace(checkout, declines=0), [message("resume")]


def _payment_unknown(
    checkout: Checkout, pending: Intervention, event: InterventionResolved
) -> Result:
    """Confirmed: the payment counts with the amount confirmed (``event.amount``), and the
    sale commits if that pays it in full. Denied: it does not count; pay again."""
    action = pending.action
    if not isinstance(action, ConfirmPayment):
        return checkout, []
    amount = event.amount if event.amount is not None else action.amount
    outcome = paying.PAID if event.approved else "failed"
    old = next((p for p in checkout.payments if p.reference == action.reference), None)
    record = (
        replace(old, outcome=outcome, amount=amount if event.approved else old.amount)
        if old is not None
        else PaymentRecord(action.reference, amount, outcome, event.at)
    )
    audit = _audit(event, "confirm_payment" if event.approved else "reject_payment",
                   reference=action.reference, amount=amount.minor)  # fmt: skip
    updated = replace(paying.with_payment(checkout, record), audit=(*checkout.audit, *audit))
    if event.approved:
        return paying.settle_due(updated, event.at)
    return replace(updated, phase=Phase.SHOPPING), [message("payment_not_taken")]


RESOLVERS: dict[InterventionKind, Resolver] = {
    InterventionKind.AGE_RESTRICTED: _age,
    InterventionKind.UNKNOWN_BARCODE: _unknown_code,
    InterventionKind.QUANTITY_LIMIT: _apply,
    InterventionKind.VOID_REQUEST: _apply,
    InterventionKind.PRICE_OVERRIDE: _apply,
    InterventionKind.HELP_REQUESTED: _resume,
    InterventionKind.IDLE_SUSPENDED: _resume,
    InterventionKind.DEVICE_FAULT: _resume,
    InterventionKind.PAYMENT_FAILURE: _payment_failure,
    InterventionKind.PAYMENT_UNKNOWN: _payment_unknown,
    **dict.fromkeys(bagging.BAGGING_KINDS, bagging.resolve),
}
