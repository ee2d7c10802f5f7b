"""What Pay waits for when the shopper kept scanning: items put aside, age checks pending.

Theory of operation
-------------------
:func:`~kiosk.domain.checkout.paying.pay` asks :func:`before_payment` first. While an
unknown item is put aside (:mod:`.aside`) the lane pauses for the oldest one, as the
unknown-item intervention; then, while a line's age check is pending
(:mod:`.pending_age`), for one age check of all of them. Only when neither is left may
payment start (or a zero total commit): no sequence of events pays for a basket with
an unchecked restricted line or an unknown item outstanding.

When the attendant resolves one of these pauses the lane goes on to the next
(:func:`chain`), so the attendant deals with the whole list in one visit; after the
last one the shopper touches Pay again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.checkout import aside, pending_age
from kiosk.domain.checkout.effects import Effect
from kiosk.domain.checkout.interventions import CheckAge, Intervention, InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.domain.checkout.steps import Result, pause

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.domain.checkout.machine import Checkout


def before_payment(checkout: Checkout, at: datetime) -> Result | None:
    """The pause Pay must wait for, or None if payment may start."""
    taken = aside.take_oldest(checkout)
    if taken is not None:
        return taken
    check = pending_age.check_due(checkout, at.date())
    if check is None:
        return None
    lines = ", ".join(str(n) for n in check.line_nos)
    detail = f"age {check.age_limit} check for line(s) {lines}"
    return pause(checkout, InterventionKind.AGE_RESTRICTED, at, detail, action=check,
                 resume=Phase.SHOPPING)  # fmt: skip


def from_gate(pending: Intervention, checkout: Checkout) -> bool:
    """Whether ``pending`` is one of the pauses :func:`before_payment` makes."""
    if isinstance(pending.action, CheckAge):
        return True
    return pending.kind is InterventionKind.UNKNOWN_BARCODE and checkout.settings.flow.puts_aside


def chain(pending: Intervention, after: Checkout, effects: list[Effect], at: datetime) -> Result:
    """After the attendant resolved a gate's pause, pause for the next one (if any)."""
    if after.phase is not Phase.SHOPPING or not from_gate(pending, after):
        return after, effects
    following = before_payment(after, at)
    if following is None:
        return after, effects
    paused, more = following
    return paused, [*effects, *more]


__all__ = ["before_payment", "chain", "from_gate"]
