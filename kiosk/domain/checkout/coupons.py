"""A coupon at the item scanner: which scans are coupons, and the checkout's answer.

Theory of operation: :func:`coupon_of_scan` tells a coupon from an item: a GS1 code
with AI 8110 or 8112 (DataBar Expanded, DataMatrix, GS1-128...) or an EAN-13 with the
store coupon prefix 99. It builds the :class:`~kiosk.domain.offers.coupons.Coupon`
(offers of store and paperless coupons from the store's coupon list) or raises
:class:`~kiosk.domain.offers.coupons.CouponRefused`. Refund receipts (980) and the
other 98 prefixes stay refused by :func:`kiosk.domain.gs1.scan.product_code`.

The lane then looks up whether the coupon's serial was redeemed in the store and feeds
:class:`CouponScanned`. While shopping, :func:`scan_coupon` checks it
(:func:`~kiosk.domain.offers.coupons.refusal`: dates against the sale date, once per
basket, once in the store) and puts it on the basket only if the basket meets its
purchase requirement now; the saving then shows with the offers' savings (the cart's
total, the receipt and the sale document, whose ``discounts`` entry has the offer id
``coupon:<offer>[:<serial>]``). Before the first item, or in any other phase, a coupon
is refused with a message and nothing changes. The sale date is the store's (its time
zone, ``[lane] timezone``). An accepted coupon is journaled with the open basket
(:class:`~kiosk.domain.checkout.effects.JournalCoupon`) so a restart keeps it.

A coupon's dates are checked when it is scanned; after a restart (:class:`BasketRestored`,
which the lane sends once it has put the journaled coupons back on the basket)
:func:`restored` checks them again against the lane's clock: a coupon whose expiry passed
while the lane was down (midnight) is taken off the basket and its journal
(:class:`~kiosk.domain.checkout.effects.ForgetCoupon`) and the shopper is told
(``coupon.expired_removed``). A basket with an approved payment keeps its coupons: they
were valid when the shopper paid with them.

Every message that refuses a coupon carries the param :data:`REFUSED_PARAM` naming why
(one of :data:`COUPON_REFUSALS`), whatever the shopper is told: HQ counts refusals by
reason from it (``coupon.refused``, kiosk.app.service_events).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kiosk.domain.checkout.effects import Beep, Effect, ForgetCoupon, JournalCoupon
from kiosk.domain.checkout.events import BasketRestored, CouponScanned
from kiosk.domain.checkout.steps import Result, message, reject
from kiosk.domain.gs1.coupon import COUPON_CODE_AI, PAPERLESS_COUPON_AI, parse_8110, parse_8112
from kiosk.domain.gs1.scan import ScanKind, ScanResult
from kiosk.domain.offers.coupons import (
    REFUSAL_REASONS,
    STORE_COUPON_PREFIX,
    Coupon,
    CouponList,
    coupon_from_8110,
    coupon_from_8112,
    refusal,
    store_coupon,
)

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

#: Why a coupon scan is refused: a :class:`CouponRefused` reason, a coupon scanned while
#: the checkout takes none (weighing, paused, paying: ``not_now``) or a coupon code that
#: breaks the GS1 layout (``unreadable``, found by the lane as it reads the code).
COUPON_REFUSALS: tuple[str, ...] = (*REFUSAL_REASONS, "not_now", "unreadable")
#: The message param that marks a refused coupon and names why (one of COUPON_REFUSALS).
REFUSED_PARAM = "coupon_refused"  # the keyword of _refuse / refuse_coupon_now


def looks_like_coupon(result: ScanResult) -> bool:
    """Whether ``result`` is a coupon to look up (cheap: no list is read for an item)."""
    gtin14 = result.gtin14
    if result.kind is ScanKind.GTIN and gtin14 and gtin14[:3] == "0" + STORE_COUPON_PREFIX:
        return True
    return any(e.ai in (COUPON_CODE_AI, PAPERLESS_COUPON_AI) for e in result.elements)


def coupon_of_scan(result: ScanResult, coupons: CouponList, today: date) -> Coupon | None:
    """The coupon ``result`` is, or None if it is no coupon (an item, a refund receipt).

    Raises:
        CouponRefused: a coupon the lane cannot take (unknown offer, needs staff).
        BarcodeError: a coupon value that breaks the GS1 layout (CouponError).
    """
    for element in result.elements:
        if element.ai == COUPON_CODE_AI:
            return coupon_from_8110(parse_8110(element.value), today, coupons, result.data)
        if element.ai == PAPERLESS_COUPON_AI:
            return coupon_from_8112(parse_8112(element.value), coupons, result.data)
    gtin14 = result.gtin14
    if result.kind is ScanKind.GTIN and gtin14 and gtin14[:3] == "0" + STORE_COUPON_PREFIX:
        return store_coupon(gtin14, coupons)
    return None


def scan_coupon(checkout: Checkout, event: CouponScanned) -> Result:
    """SHOPPING: check the coupon and put it on the basket if its requirement is met."""
    coupon = event.coupon
    basket = checkout.basket
    held = basket.coupons.coupons if basket.coupons is not None else ()
    today = checkout.settings.sale_rules.local(event.at).date()  # the store's day
    refused = refusal(coupon, today, held, redeemed=event.redeemed)
    if refused is not None:
        return _refuse(checkout, refused.reason, coupon=coupon.coupon_id)
    with_coupon = basket.with_coupon(coupon)
    state = with_coupon.coupons
    if state is None or not state.met(coupon.coupon_id):
        return _refuse(checkout, "requirement_not_met", coupon=coupon.coupon_id)
    rules = checkout.settings.tax
    saved = with_coupon.totals(rules).savings - basket.totals(rules).savings
    after = replace(checkout, basket=with_coupon)
    accepted = message("coupon.accepted", coupon=coupon.coupon_id, saving=saved)
    return after, [JournalCoupon(basket.basket_id, coupon), Beep(ok=True), accepted]


def follow(before: Checkout, after: Checkout, effects: list[Effect]) -> list[Effect]:
    """After any event: a coupon whose requirement the change broke is withdrawn, and
    the shopper is told (a coupon met again saves again, silently). O(coupons)."""
    coupons = after.basket.coupons
    if coupons is None or after.basket is before.basket:
        return effects
    old = before.basket.coupons
    was = {c.coupon_id for c in old.withdrawn()} if old is not None else set()
    now = [c for c in coupons.withdrawn() if c.coupon_id not in was]
    if not now:
        return effects
    return [*effects, message("coupon.withdrawn", coupon=now[0].coupon_id)]


def restored(checkout: Checkout, event: BasketRestored) -> Result:
    """SHOPPING or paused, after a restart: the coupons whose expiry date is before the
    store's day at ``event.at`` are taken off the basket and its journal, and the shopper
    is told (the last one's date). Nothing changes on a basket with an approved payment."""
    state = checkout.basket.coupons
    if state is None or any(p.outcome == "approved" for p in checkout.payments):
        return checkout, []
    today = checkout.settings.sale_rules.local(event.at).date()
    expired = [c for c in state.coupons if c.expires is not None and today > c.expires]
    if not expired:
        return checkout, []
    basket = checkout.basket
    effects: list[Effect] = []
    for coupon in expired:
        basket = basket.without_coupon(coupon.coupon_id)
        effects.append(ForgetCoupon(basket.basket_id, coupon.coupon_id))
    last = expired[-1]
    until = last.expires.isoformat() if last.expires else ""
    told = message("coupon.expired_removed", coupon=last.coupon_id, valid_until=until)
    return replace(checkout, basket=basket), [*effects, told]


def refuse_coupon(checkout: Checkout, event: CouponScanned) -> Result:
    """Before the first item: a coupon needs the items it is for."""
    return _refuse(checkout, "scan_items_first", coupon=event.coupon.coupon_id)


def refuse_coupon_now(checkout: Checkout, event: CouponScanned) -> Result:
    """Weighing, paused or paying: a coupon is refused, not an error."""
    return reject(checkout, "scan_not_now", phase=checkout.phase.value, coupon_refused="not_now")


def _refuse(checkout: Checkout, reason: str, **params: object) -> Result:
    """Refuse a coupon for ``reason``: the message ``coupon.<reason>``, marked."""
    return reject(checkout, f"coupon.{reason}", **params, coupon_refused=reason)


__all__ = [
    "COUPON_REFUSALS",
    "REFUSED_PARAM",
    "coupon_of_scan",
    "follow",
    "looks_like_coupon",
    "refuse_coupon",
    "refuse_coupon_now",
    "restored",
    "scan_coupon",
]
