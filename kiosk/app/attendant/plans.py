"""What an attendant action means in domain events, decided from the checkout (pure).

Each function looks at the current :class:`Checkout` and returns the events that carry
the action out, in order; it raises :class:`AttendantError` when the lane is not in a
state where the action makes sense. :func:`kiosk.app.attendant.lane_ops.apply_events`
dry-runs the list before anything is applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from kiosk.app.attendant.model import AttendantError
from kiosk.domain.checkout.events import (
    AsideResolved,
    Cancelled,
    Event,
    InterventionResolved,
    PaymentReversed,
)
from kiosk.domain.checkout.interventions import ConfirmPayment, InterventionKind
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase

#: Pauses a staff request may raise besides its own kind (a quantity past the limit).
_ALSO_APPROVED = (InterventionKind.QUANTITY_LIMIT, InterventionKind.VOID_REQUEST)
#: Pending calls that staff at the lane answer before acting (help, a basket on hold).
_ANSWERED_FIRST = (InterventionKind.HELP_REQUESTED, InterventionKind.IDLE_SUSPENDED)


def request_and_approve(
    checkout: Checkout,
    request: Event,
    kind: InterventionKind,
    staff_id: str,
    *,
    at: datetime,
    note: str = "",
) -> list[Event]:
    """A shopper-style request (void, quantity, price) and its approval by ``staff_id``.

    A pending "help" call or basket on hold is answered first (the attendant is at the
    lane); any other pending intervention must be resolved before.
    """
    out: list[Event] = []
    if checkout.phase is Phase.INTERVENTION and checkout.pending is not None:
        if checkout.pending.kind not in _ANSWERED_FIRST:
            raise AttendantError(f"resolve the pending {checkout.pending.kind.value} first")
        out.append(InterventionResolved(checkout.pending.kind, staff_id, True, at))
        checkout = checkout.handle(out[0])[0]
    paused, _ = checkout.handle(request)
    out.append(request)
    pending = paused.pending
    if paused.phase is Phase.INTERVENTION and pending is not None:
        if pending.kind is not kind and pending.kind not in _ALSO_APPROVED:
            raise AttendantError(f"the lane asked for {pending.kind.value}")
        out.append(InterventionResolved(pending.kind, staff_id, True, at, note=note))
    return out


def cancel(
    checkout: Checkout,
    staff_id: str,
    reason: str,
    at: datetime,
    given_back: Sequence[str] = (),
) -> list[Event]:
    """Cancel the basket: deny what is pending, drop a weighing, mark the payments in
    ``given_back`` as reversed, then cancel (or abort the payment in flight). An unknown
    payment must be settled first; one already given back no longer blocks."""
    out: list[Event] = []
    # Pay's pauses for items put aside and age checks follow one another (pay_gate.chain)
    for _ in range(len(checkout.aside) + 2):
        if checkout.phase is not Phase.INTERVENTION or checkout.pending is None:
            break
        action = checkout.pending.action
        settled = isinstance(action, ConfirmPayment) and action.reference in given_back
        if checkout.pending.kind is InterventionKind.PAYMENT_UNKNOWN and not settled:
            raise AttendantError("settle the unknown payment before cancelling")
        out.append(
            InterventionResolved(checkout.pending.kind, staff_id, False, at, note="cancelled")
        )
        checkout = checkout.handle(out[-1])[0]
    if checkout.phase is Phase.WEIGHING:
        out.append(Cancelled(at, staff_id, reason))
        checkout = checkout.handle(out[-1])[0]
    if checkout.phase not in (Phase.SHOPPING, Phase.PAYING):
        raise AttendantError(f"nothing to cancel while {checkout.phase.value}")
    if checkout.phase is Phase.SHOPPING:
        out.extend(PaymentReversed(reference, at) for reference in given_back)
        # items put aside are not sold either: each ends as not added (kiosk.domain.checkout.aside)
        out.extend(
            AsideResolved(e.raised_at, staff_id, False, at, note="cancelled")
            for e in checkout.aside
        )
    out.append(Cancelled(at, staff_id, reason))
    return out
