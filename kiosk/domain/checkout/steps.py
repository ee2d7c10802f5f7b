"""Steps shared by the transition handlers: refuse, pause for an attendant, add an item, commit.

Each step takes the current :class:`~kiosk.domain.checkout.machine.Checkout`
and returns ``(new_checkout, effects)``; nothing here is reachable from outside
the package.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.domain.basket import BasketError, BasketLine, QuantityLimitExceeded
from kiosk.domain.checkout import placing
from kiosk.domain.checkout.effects import (
    Beep,
    CallAttendant,
    CommitSale,
    Effect,
    JournalLine,
    SaleRecord,
    ShowMessage,
)
from kiosk.domain.checkout.interventions import Action, AddItem, Intervention, InterventionKind
from kiosk.domain.checkout.states import Phase

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

Result = tuple["Checkout", list[Effect]]


def message(key: str, **params: object) -> ShowMessage:
    return ShowMessage(key, tuple((name, str(value)) for name, value in params.items()))


def reject(checkout: Checkout, key: str, **params: object) -> Result:
    """Refuse the event without changing state: an error beep and a message."""
    return checkout, [Beep(ok=False), message(key, **params)]


def call_only(checkout: Checkout, kind: InterventionKind, detail: str) -> Result:
    """Page the attendant without pausing (payment or commit in flight, or already paused)."""
    return checkout, [CallAttendant(kind, detail)]


def pause(
    checkout: Checkout,
    kind: InterventionKind,
    at: datetime,
    detail: str = "",
    *,
    action: Action = None,
    resume: Phase | None = None,
) -> Result:
    """Pause selling until an attendant resolves ``kind``; ``resume`` is where to go after."""
    back = resume or checkout.phase
    paused = replace(
        checkout,
        phase=Phase.INTERVENTION,
        pending=Intervention(kind, at, detail, action),
        resume=back,
    )
    return paused, [CallAttendant(kind, detail), message("intervention." + kind.value)]


def added(checkout: Checkout, line: BasketLine) -> Result:
    """Effects of a new or changed line: journal it first, then acknowledge."""
    return checkout, [JournalLine(checkout.basket.basket_id, line), Beep(ok=True)]


def offer_item(checkout: Checkout, action: AddItem, at: datetime, *, age_checked: bool) -> Result:
    """Run an item through the checks in order: age, weight, quantity limit; then add it.

    Every outcome ends weighing; an intervention raised here resumes shopping.
    """
    item = action.item
    ready = replace(checkout, phase=Phase.SHOPPING, weighing=None)
    if item.tax_class not in checkout.settings.tax.rates:
        return reject(ready, "item_refused", sku=item.sku, reason="no tax rate")
    age = checkout.age
    if (
        item.age_limit is not None
        and not age_checked
        and not checkout.settings.flow.defers_age  # added pending: see .pending_age
        and not (age is not None and age.covers(item.age_limit, at.date()))
    ):
        detail = f"{item.sku} needs age {item.age_limit}"
        return pause(ready, InterventionKind.AGE_RESTRICTED, at, detail, action=action)
    if item.sold_by_weight and action.weight_g is None:
        return replace(ready, phase=Phase.WEIGHING, weighing=action), [
            message("place_on_scale", sku=item.sku)
        ]
    try:
        basket, line = placing.place(checkout, action)  # a new line, or merged into one
    except QuantityLimitExceeded as exc:
        return pause(ready, InterventionKind.QUANTITY_LIMIT, at, str(exc), action=action)
    except BasketError as exc:
        return reject(ready, "item_refused", sku=item.sku, reason=exc)
    return added(replace(ready, basket=basket), line)


def commit(checkout: Checkout, status: str, at: datetime) -> Result:
    """Hand the sale to the store; the thank-you waits for SaleCompleted (invariant 1)."""
    sale = SaleRecord(
        basket=checkout.basket,
        totals=checkout.totals(),
        status=status,
        started_at=checkout.started_at or at,
        # a wall clock stepped back mid-sale (NTP) must not end a sale before it began
        completed_at=max(at, checkout.started_at or at),
        payments=checkout.payments,
        interventions=checkout.interventions,
        audit=checkout.audit,
    )
    done = replace(checkout, phase=Phase.COMPLETING, sale=sale, amount_due=None, weighing=None)
    return done, [CommitSale(sale)]
