"""The lane's coupon step: coupons between the scanner, the store and the checkout.

Theory of operation: the lane controller (:mod:`kiosk.app.lane`) hands every parsed scan
to :func:`event` before looking for an item. A coupon (AI 8110, AI 8112, a
store coupon's ``99`` EAN-13) becomes :class:`~kiosk.domain.checkout.events.CouponScanned`
with the store's word on its serial (used once across the store); a coupon the lane
cannot take raises, and :func:`refusal_message` turns that into the shopper's message,
marked with the reason HQ counts (``coupon_refused``). The checkout decides the rest
(:mod:`kiosk.domain.checkout.coupons`).

The journal: :func:`journal` writes a coupon the checkout put on the basket
(``JournalCoupon``) or took off it (``ForgetCoupon``) to the store
(:mod:`kiosk.store.coupons`) before the screen shows the change (invariant 2). After a
restart :func:`restore` puts the journaled coupons back on the basket, and
:func:`recheck_due` says whether the lane must then send ``BasketRestored``:
the clock may have passed a coupon's expiry (midnight) while the lane was down.

Functions over ``store``, the lane's :class:`~kiosk.store.coupons.CouponRepository`
(None for a lane without coupons), called on the lane thread only.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from kiosk.domain.basket import Basket
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.coupons import REFUSED_PARAM, coupon_of_scan, looks_like_coupon
from kiosk.domain.checkout.events import CouponScanned
from kiosk.domain.gs1.scan import ScanResult
from kiosk.domain.gtin import BarcodeError
from kiosk.domain.offers.coupons import NO_COUPONS, CouponRefused

log = logging.getLogger(__name__)


class UnreadableCoupon(BarcodeError):
    """A coupon code (AI 8110, 8112, a store coupon) that breaks its layout."""


#: What :func:`event` raises for a coupon the lane does not take.
COUPON_ERRORS = (CouponRefused, UnreadableCoupon)


def refusal_message(error: CouponRefused | UnreadableCoupon, raw: str) -> fx.ShowMessage:
    """The shopper's message for a coupon refused as the lane read it, marked with the
    reason (``coupon_refused``) so HQ counts it; the code itself is not logged, only its
    length."""
    if isinstance(error, CouponRefused):
        log.info("coupon refused: %s", error)
        return fx.ShowMessage(f"coupon.{error.reason}", ((REFUSED_PARAM, error.reason),))
    log.info("unreadable coupon (%d characters): %s", len(raw), error)
    return fx.ShowMessage(
        "scan.unreadable", (("detail", str(error)), (REFUSED_PARAM, "unreadable"))
    )


def event(store: Any, result: ScanResult, now: datetime) -> CouponScanned | None:
    """A coupon scan as CouponScanned (with ``store``'s word on its serial), or None for a
    scan that is no coupon.

    Raises:
        CouponRefused: a coupon the lane cannot take.
        UnreadableCoupon: a coupon code that breaks the GS1 layout.
    """
    if not looks_like_coupon(result):
        return None
    listed = store.coupon_list() if store else NO_COUPONS
    try:
        coupon = coupon_of_scan(result, listed, now.date())
    except BarcodeError as error:
        raise UnreadableCoupon(str(error)) from error
    if coupon is None:
        return None
    redeemed = bool(coupon.serial) and store is not None
    redeemed = redeemed and store.is_redeemed(coupon.redemption_key)
    return CouponScanned(coupon, now, redeemed)


def journal(store: Any, effect: Any) -> None:
    """Write a coupon effect to ``store`` (other effects are not this step's).

    Raises:
        StoreError: if the write fails (the change is then not shown).
    """
    if store is None:
        return
    if isinstance(effect, fx.JournalCoupon):
        store.journal_coupon(effect.basket_id, effect.coupon)
    elif isinstance(effect, fx.ForgetCoupon):
        store.forget_coupon(effect.basket_id, effect.coupon_id)


def restore(store: Any, basket: Basket) -> Basket:
    """``basket`` (restored from the journal) with its journaled coupons back on it,
    before its payments are counted.

    Raises:
        StoreError: if a journaled coupon cannot be read back.
    """
    for coupon in store.journaled_coupons(basket.basket_id) if store else ():
        basket = basket.with_coupon(coupon)
    return basket


def recheck_due(basket: Basket, *, paid: bool) -> bool:
    """Whether the restored ``basket`` must be checked again against the clock
    (``BasketRestored``): it holds a coupon with an expiry date and no payment was
    approved for it (one was: the coupons stay, valid when the shopper paid)."""
    state = basket.coupons
    return not paid and state is not None and any(c.expires for c in state.coupons)


__all__ = [
    "COUPON_ERRORS",
    "UnreadableCoupon",
    "event",
    "journal",
    "recheck_due",
    "refusal_message",
    "restore",
]
