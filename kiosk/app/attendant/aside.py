"""The attendant and the unknown items put aside (``[lane] unknown_barcode = "put_aside"``).

Theory of operation: a shopper who scanned an unknown item put it aside and kept
scanning (:mod:`kiosk.domain.checkout.aside`); the checkout lists each one
(``Checkout.aside``). The attendant, at the lane or from the station, adds one as the
item it is (its barcode or PLU keyed in, looked up in the lane's catalog, as for the
paused unknown item) or dismisses it, while the shopper goes on scanning. The role
needed is the unknown item's (``set_quantity``); the step is dry-run first
(:func:`~kiosk.app.attendant.lane_ops.apply_events`), and one ``lane_audit`` row says
who did what. At Pay the lane pauses for what is left, resolved with
``resolve_pending`` like any unknown item.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.app.attendant.lane_ops import apply_events, run_on_lane
from kiosk.app.attendant.model import AttendantError
from kiosk.domain.checkout.events import AsideResolved, Event
from kiosk.domain.checkout.interventions import Intervention
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.staff import Action


def entry_at(checkout: Checkout, raised_at: datetime) -> Intervention:
    """The item put aside at ``raised_at``. Raises AttendantError if it is not there."""
    for entry in checkout.aside:
        if entry.raised_at == raised_at:
            return entry
    raise AttendantError("that item is no longer put aside")


def resolve_aside(
    service: Any,
    raised_at: datetime,
    approved: bool,
    *,
    item_code: str | None = None,
    note: str = "",
) -> Checkout:
    """Add the item put aside at ``raised_at`` as the item ``item_code`` names, or
    dismiss it (``approved`` False). Raises AttendantError (also NotSignedIn)."""
    entry = entry_at(service.checkout, raised_at)
    staff = service._require(Action.SET_QUANTITY)
    item = None
    if approved:
        if not item_code:
            raise AttendantError("key in the item's barcode or PLU to add it")
        item = run_on_lane(service.controller, lambda: service._lookup(item_code))

    def events(checkout: Checkout) -> list[Event]:
        entry_at(checkout, raised_at)  # still there on the lane thread
        return [AsideResolved(raised_at, staff.staff_id, approved, service.clock(), item, note)]

    after: Checkout = apply_events(service.controller, events)
    service._record(
        staff,
        Action.SET_QUANTITY,
        note,
        kind=entry.kind.value,
        approved=approved,
        detail=entry.detail,
        put_aside=True,
        basket_id=after.basket.basket_id,
    )
    return after


__all__ = ["entry_at", "resolve_aside"]
