"""View models of the self-checkout screens, built from the checkout state (no Qt).

Pure functions from :class:`~kiosk.domain.checkout.machine.Checkout` (and the
catalog items of the produce grid) to the frozen views of
:mod:`kiosk.ui.viewmodels`. The presenter calls them on the UI thread; they
read only the immutable checkout, never the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction
from itertools import compress
from operator import is_not
from typing import Any

from kiosk.domain.basket import GRAMS_PER_KG, WEIGHT_ROUNDING, BasketLine
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.interventions import (
    IDLE_SUSPENDED,
    AddItem,
    CheckAge,
    InterventionKind,
    OverridePrice,
    SetQuantity,
    VoidLine,
    withdrawable,
)
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.sale_rules import markdown_of
from kiosk.domain.checkout.states import PaymentFailure, Phase
from kiosk.domain.money import Money
from kiosk.domain.tax import BasketTotals
from kiosk.ui.viewmodels import (
    CartLineView,
    InterventionView,
    Names,
    PayStage,
    PayView,
    ProduceItemView,
    ProduceView,
    ReceiptView,
    ScanningView,
    WeighView,
)

#: ``HelpRequested.reason`` the presenter sends when "Are you still there?" expired:
#: the domain then raises ``InterventionKind.IDLE_SUSPENDED`` ("basket on hold").
IDLE_SUSPENDED_REASON = IDLE_SUSPENDED
#: Categories offered on the "Look up item" grid, in order.
GRID_CATEGORIES = ("produce", "bakery")
#: English name word -> picture in assets/icons (catalog images are not bundled yet).
_PICTURES = (
    ("banana", "produce-banana"),
    ("apple", "produce-apple"),
    ("grape", "produce-grapes"),
    ("lemon", "produce-lemon"),
    ("lime", "produce-lemon"),
    ("avocado", "produce-avocado"),
    ("tomato", "produce-tomato"),
    ("potato", "produce-potato"),
    ("onion", "produce-onion"),
    ("carrot", "produce-carrot"),
    ("croissant", "produce-croissant"),
    ("baguette", "produce-baguette"),
    ("loaf", "produce-bread"),
    ("roll", "produce-bread"),
)


def cart_line(line: BasketLine) -> CartLineView:
    """One basket line as a cart row."""
    deposit = line.deposit_amount
    marked = markdown_of(line.price_override_reason)  # a pack close to its date
    return CartLineView(
        line_no=line.line_no,
        names=line.item.names,
        quantity=line.quantity,
        unit_price=line.unit_price,
        amount=line.amount,
        weight_g=line.weight_g,
        deposit=deposit if deposit.minor else None,
        voided=line.voided,
        price_overridden=line.price_override_reason is not None and marked is None,
        markdown_percent=marked[0] if marked else None,
    )


class CartRows:
    """Cart rows for successive baskets, rebuilding only the lines that changed (a basket
    keeps the same line objects for unchanged lines, so a scan costs one new row)."""

    def __init__(self) -> None:
        self._lines: tuple[BasketLine, ...] = ()
        self._views: list[CartLineView] = []

    def rows(self, lines: tuple[BasketLine, ...]) -> tuple[CartLineView, ...]:
        """The rows of ``lines``, in order.

        The common step (lines appended, a few replaced in place) is found by one
        C-level identity pass over the old and new tuples, so its Python work is the
        changed rows only; anything else (lines gone, reordered) rebuilds by line number,
        reusing the row of every line object it has seen.
        """
        old, views = self._lines, self._views
        differ = list(compress(range(len(old)), map(is_not, old, lines)))
        if len(lines) >= len(old) and all(old[i].line_no == lines[i].line_no for i in differ):
            for index in differ:
                views[index] = cart_line(lines[index])
            views.extend(cart_line(line) for line in lines[len(old) :])
        else:
            known = {id(line): view for line, view in zip(old, views, strict=True)}
            views = [known.get(id(line)) or cart_line(line) for line in lines]
        self._lines, self._views = lines, views
        return tuple(views)


def scanning_view(
    checkout: Checkout,
    last_line_no: int | None,
    totals: BasketTotals | None = None,
    rows: CartRows | None = None,
) -> ScanningView:
    """The cart, totals and whether Pay is offered (only while shopping). ``totals`` are
    ``checkout.totals()`` and ``rows`` a row cache, if the caller has them."""
    totals = totals if totals is not None else checkout.totals()
    lines = checkout.basket.lines
    shown = rows.rows(lines) if rows is not None else tuple(cart_line(ln) for ln in lines)
    shown = age_marked(shown, checkout.age_pending)
    return ScanningView(
        lines=shown + coupon_rows(checkout, totals),
        total=totals.total,
        item_count=totals.item_count,
        last_line_no=last_line_no,
        can_pay=checkout.phase is Phase.SHOPPING,
        deposit_total=totals.deposit if totals.deposit.minor else None,
        subtotal=totals.subtotal if totals.discounts else None,
        savings=totals.savings if totals.discounts else None,
        tax=totals.tax,
        **_bagging(checkout),
    )


def age_marked(
    rows: tuple[CartLineView, ...], pending: tuple[int, ...]
) -> tuple[CartLineView, ...]:
    """``rows`` with the lines whose age check is pending marked "age check needed"
    (line ``n`` is row ``n - 1``: numbers start at 1 and are never skipped). O(pending)
    in Python."""
    if not pending:
        return rows
    marked = list(rows)
    for line_no in pending:
        index = line_no - 1
        if 0 <= index < len(marked) and marked[index].line_no == line_no:
            marked[index] = replace(marked[index], age_pending=True)
    return tuple(marked)


#: Cart rows of coupons are numbered from here (never a basket line's number).
COUPON_ROWS = 1_000_000


def coupon_rows(checkout: Checkout, totals: BasketTotals) -> tuple[CartLineView, ...]:
    """A row per coupon on the basket, after the lines: its saving, or "no longer
    applies" (voided) when its requirement is not met. O(coupons)."""
    coupons = checkout.basket.coupons
    if coupons is None:
        return ()
    offers = totals.offers
    saved = {s.offer_id: s.amount for s in getattr(offers, "coupon_savings", ())}
    currency = checkout.basket.currency
    rows = []
    for n, coupon in enumerate(coupons.coupons):
        saving = Money(-saved.get(coupon.offer_id, 0), currency)
        withdrawn = not coupons.met(coupon.coupon_id)
        names = (("en", coupon.name),)
        row = CartLineView(COUPON_ROWS + n, names, 1, saving, saving, voided=withdrawn, coupon=True)
        rows.append(row)
    return tuple(rows)


def _bagging(checkout: Checkout) -> dict[str, Any]:
    """What the bagging area asks of the shopper (nothing without one)."""
    waiting = checkout.bagging.awaiting if checkout.bagging is not None else None
    if waiting is None or checkout.phase is not Phase.SHOPPING:
        return {}
    return {"bagging": "remove" if waiting.removal else "place",
            "can_skip_bagging": waiting.skippable}  # fmt: skip


def picture_for(item: CatalogItem) -> str | None:
    """The icon name drawn for ``item`` on the grid and the weigh screen."""
    english = dict(item.names).get("en", "").casefold()
    for word, icon in _PICTURES:
        if word in english:
            return icon
    return None


def produce_view(items: Iterable[CatalogItem]) -> ProduceView:
    """Tiles for ``items`` (the catalog's produce and bakery)."""
    return ProduceView(
        items=tuple(
            ProduceItemView(
                sku=item.sku,
                names=item.names,
                price=item.price,
                per_kg=item.sold_by_weight,
                plu=item.plu,
                category=item.category,
                image=picture_for(item),
            )
            for item in items
        )
    )


def weighed_amount(price_per_kg: Money, weight_g: int) -> Money:
    """The price of ``weight_g`` with the basket's own rounding (what the line will cost)."""
    return price_per_kg.scaled(Fraction(weight_g, GRAMS_PER_KG), WEIGHT_ROUNDING)


def weigh_view(checkout: Checkout, weight_g: int | None, stable: bool) -> WeighView | None:
    """The item waiting on the scale with the latest reading; None if nothing waits."""
    waiting = checkout.weighing
    if waiting is None:
        return None
    price = waiting.unit_price or waiting.item.price
    weighed = weight_g is not None and weight_g > 0
    return WeighView(
        names=waiting.item.names,
        price_per_kg=price,
        weight_g=weight_g,
        stable=stable and weighed,
        amount=weighed_amount(price, weight_g) if weighed and weight_g else None,
        image=picture_for(waiting.item),
    )


def pay_view(checkout: Checkout, stage: PayStage) -> PayView:
    """The amount being paid (the amount due, else the basket total) at ``stage``."""
    totals = checkout.totals()
    amount = checkout.amount_due or totals.total
    savings = totals.savings if totals.discounts else None
    return PayView(amount=amount, stage=stage, savings=savings, tax=totals.tax)


def completing_stage(checkout: Checkout) -> PayStage:
    """APPROVED once a payment went through, else PROCESSING (the sale is being saved)."""
    if checkout.payments and checkout.payments[-1].outcome in ("approved", "confirmed"):
        return PayStage.APPROVED
    return PayStage.PROCESSING


def receipt_view(
    checkout: Checkout, ereceipt_base_url: str | None, printer_available: bool
) -> ReceiptView:
    """The receipt choice for the committed sale."""
    sale = checkout.sale
    total = sale.totals.total if sale is not None else checkout.totals().total
    qr = (
        f"{ereceipt_base_url.rstrip('/')}/{checkout.basket.basket_id}"
        if ereceipt_base_url
        else None
    )
    return ReceiptView(total=total, qr_payload=qr, printer_available=printer_available)


def paid_amount(checkout: Checkout) -> Money | None:
    """What the shopper paid for the finished sale, or None."""
    sale = checkout.sale
    return sale.totals.total if sale is not None and sale.status == "completed" else None


def _line_names(checkout: Checkout, line_no: int) -> Names:
    try:
        return checkout.basket.line(line_no).item.names
    except Exception:  # a line the basket no longer has: show no subject
        return ()


def intervention_view(checkout: Checkout) -> InterventionView | None:
    """The blocking overlay for the pending intervention; None if none is pending."""
    pending = checkout.pending
    if pending is None:
        return None
    kind = pending.kind
    if kind is InterventionKind.IDLE_SUSPENDED:
        return InterventionView(kind)
    action = pending.action
    subject: Names = ()
    age_limit = limit = None
    if isinstance(action, AddItem):
        subject = action.item.names
        age_limit = action.item.age_limit if kind is InterventionKind.AGE_RESTRICTED else None
        limit = action.item.quantity_limit
    elif isinstance(action, CheckAge):  # the age check of lines added pending, at Pay
        subject = _line_names(checkout, action.line_nos[0])
        age_limit = action.age_limit
    elif isinstance(action, SetQuantity | VoidLine | OverridePrice):
        subject = _line_names(checkout, action.line_no)
        if isinstance(action, SetQuantity) and subject:
            limit = checkout.basket.line(action.line_no).item.quantity_limit
    elif kind is InterventionKind.DEVICE_FAULT and pending.detail:
        subject = (("en", pending.detail.split(":", 1)[0]),)
    return InterventionView(
        kind, subject, age_limit=age_limit, limit=limit, withdrawable=withdrawable(pending)
    )


#: What the pay screen shows after a failed payment.
FAILURE_STAGES = {
    PaymentFailure.DECLINED: PayStage.DECLINED,
    PaymentFailure.CANCELLED: PayStage.CANCELLED,
    PaymentFailure.TIMED_OUT: PayStage.TIMED_OUT,
}


def paying_stage(checkout: Checkout) -> PayStage | None:
    """The pay screen's stage for a checkout that is paying or just failed to pay;
    None when the shopper is not at the pay screen (a pure function of the checkout)."""
    if checkout.phase is Phase.PAYING:
        return PayStage.CANCELLING if checkout.aborting else PayStage.PRESENT_CARD
    if checkout.payment_failure is not None:
        return FAILURE_STAGES[checkout.payment_failure]
    return None
