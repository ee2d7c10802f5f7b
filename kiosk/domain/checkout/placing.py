"""Putting an item that passed its checks into the basket: a new line, or more of one.

Where the store merges identical items (``CheckoutSettings.merge_identical``), an
:class:`~kiosk.domain.checkout.interventions.AddItem` for a counted item at its catalog
price joins the basket's line of the same item and code
(:meth:`~kiosk.domain.basket.Basket.merge_target`; the rules are in
:mod:`kiosk.domain.basket_merge`): that line's quantity grows through the same
:meth:`~kiosk.domain.basket.Basket.set_quantity` as the shopper's "+", so the quantity
limit is checked the same way and the journal records the changed line (an upsert:
replaying it after a crash cannot double it). Age and weight checks run before this
(:func:`~kiosk.domain.checkout.steps.offer_item`), so they apply to every unit. A weighed
item, a price from the barcode, a line with a staff price and a line whose age check
is still pending (``Checkout.age_pending``) never merge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.domain.basket import Basket, BasketLine
from kiosk.domain.checkout.interventions import AddItem

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout


def merge_target(checkout: Checkout, action: AddItem) -> BasketLine | None:
    """The line ``action`` adds to, or None for a new line."""
    item = action.item
    if (
        not checkout.settings.merge_identical
        or item.sold_by_weight
        or action.weight_g is not None
        or action.unit_price is not None
        or action.price_reason is not None
    ):
        return None
    target = checkout.basket.merge_target(item, action.code)
    # A line whose age check is still pending (checked before payment) stays as it was
    # scanned: the check is about that line.
    if target is None or target.line_no in getattr(checkout, "age_pending", ()):
        return None
    return target


def place(
    checkout: Checkout, action: AddItem, *, over_limit_ok: bool = False
) -> tuple[Basket, BasketLine]:
    """The basket with ``action`` applied and the line it added or changed.

    Raises:
        QuantityLimitExceeded: past the item's limit (unless ``over_limit_ok``).
        BasketError: a bad quantity or weight, a price in another currency.
    """
    basket = checkout.basket
    target = merge_target(checkout, action)
    if target is not None:
        quantity = target.quantity + action.quantity
        return basket.set_quantity(target.line_no, quantity, over_limit_ok=over_limit_ok)
    return basket.add_item(
        action.item,
        action.quantity,
        action.weight_g,
        action.unit_price,
        action.code,
        over_limit_ok=over_limit_ok,
        price_reason=action.price_reason,
    )
