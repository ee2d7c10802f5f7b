"""Transition handlers while selling: scans, weights, quantities, voids, overrides, help."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.domain.basket import BasketError, QuantityLimitExceeded
from kiosk.domain.checkout import aside, packs, paying
from kiosk.domain.checkout.effects import Beep, OpenBasket
from kiosk.domain.checkout.events import (
    Cancelled,
    DeviceFaulted,
    HelpRequested,
    ItemScanned,
    ItemWeighed,
    PriceOverrideRequested,
    QuantityChanged,
    Reset,
    ScaleRead,
    StartTouched,
    VoidRequested,
    WelcomeLapsed,
)
from kiosk.domain.checkout.interventions import (
    AddItem,
    AuditEntry,
    InterventionKind,
    OverridePrice,
    SetQuantity,
    VoidLine,
    help_kind,
)
from kiosk.domain.checkout.states import Phase
from kiosk.domain.checkout.steps import (
    Result,
    added,
    call_only,
    commit,
    message,
    offer_item,
    pause,
    reject,
)
from kiosk.domain.offers.cards import LoyaltyCardError, parse_loyalty_card

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout


def _opened(checkout: Checkout, at: datetime) -> Checkout:
    """The basket opens at ``at``, priced by the offers valid then."""
    basket = checkout.basket
    offers = checkout.settings.offers
    if offers.offers:
        basket = basket.with_offers(offers.book_for(at))
    return replace(checkout, phase=Phase.SHOPPING, started_at=at, basket=basket)


def open_and_scan(checkout: Checkout, event: ItemScanned) -> Result:
    """IDLE: the first scan opens the basket, then is handled like any scan."""
    after, effects = scan(_opened(checkout, event.at), event)
    basket = checkout.basket
    return after, [OpenBasket(basket.basket_id, basket.currency, event.at), *effects]


def _with_card(checkout: Checkout, number: str) -> Result:
    """Member prices from now on: the offers are re-read with the card (O(lines), once)."""
    if checkout.member_card == number:
        return checkout, [Beep(ok=True)]
    offers = checkout.settings.offers
    basket = checkout.basket
    if offers.offers and checkout.started_at is not None:
        basket = basket.with_offers(offers.book_for(checkout.started_at, member=True))
    after = replace(checkout, basket=basket, member_card=number)
    return after, [Beep(ok=True), message("loyalty_card_accepted", card=number[-4:])]


def scan(checkout: Checkout, event: ItemScanned) -> Result:
    """SHOPPING: an unknown code or an item without a tax rate calls the attendant; a
    loyalty card's code puts the card on the basket."""
    item = event.item
    if item is None:
        try:
            return _with_card(checkout, parse_loyalty_card(event.code))
        except LoyaltyCardError:
            pass
    if item is None or item.tax_class not in checkout.settings.tax.rates:
        detail = event.code if item is None else f"{event.code}: no tax rate for {item.sku}"
        if checkout.settings.flow.puts_aside:  # the shopper keeps scanning
            return aside.put_aside(checkout, event.code, detail, event.at)
        return pause(checkout, InterventionKind.UNKNOWN_BARCODE, event.at, detail)
    if event.quantity < 1:
        return reject(checkout, "item_refused", sku=item.sku, reason="quantity below 1")
    checkout, stop, marked = packs.screen(checkout, event, item)  # expiry, recall, hours, twin
    if stop is not None:
        return checkout, stop
    price, reason = marked or (event.price, None)
    action = AddItem(item, event.code, event.quantity, event.weight_g, price, reason)
    after, effects = offer_item(checkout, action, event.at, age_checked=False)
    return packs.placed(after, event, effects), effects  # the line a 2D twin may mark down


def refuse_scan(checkout: Checkout, event: ItemScanned) -> Result:
    """Weighing, paused or paying: a scan is refused, not an error."""
    return reject(checkout, "scan_not_now", phase=checkout.phase.value)


def weigh(checkout: Checkout, event: ItemWeighed) -> Result:
    """WEIGHING: the stable weight completes the waiting item (age was already checked)."""
    waiting = checkout.weighing
    if waiting is None:  # unreachable: WEIGHING always has an item
        return reject(checkout, "nothing_to_weigh")
    if event.weight_g <= 0:
        return reject(checkout, "place_on_scale", sku=waiting.item.sku)
    action = replace(waiting, weight_g=event.weight_g)
    after, effects = offer_item(checkout, action, event.at, age_checked=True)
    return replace(after, on_scale_g=event.weight_g), effects  # it stays on the scale


def scale_read(checkout: Checkout, event: ScaleRead) -> Result:
    """WEIGHING: a stable positive reading completes the waiting item, unless it is the
    last item's weight still on the scale; any other reading only tracks the scale."""
    if event.stable and event.weight_g > 0 and event.weight_g != checkout.on_scale_g:
        return weigh(replace(checkout, on_scale_g=None), ItemWeighed(event.weight_g, event.at))
    return scale_moved(checkout, event)


def scale_moved(checkout: Checkout, event: ScaleRead) -> Result:
    """Not weighing: a reading other than the last item's weight means it was taken off."""
    if checkout.on_scale_g is None or event.weight_g == checkout.on_scale_g:
        return checkout, []
    return replace(checkout, on_scale_g=None), []


def engage(checkout: Checkout, event: StartTouched) -> Result:
    """IDLE: Start touched: the empty basket shows until the first scan."""
    return replace(checkout, engaged=True), []


def disengage(checkout: Checkout, event: WelcomeLapsed) -> Result:
    """IDLE: nobody scanned after Start: the welcome screen again."""
    return replace(checkout, engaged=False), []


def change_quantity(checkout: Checkout, event: QuantityChanged) -> Result:
    """SHOPPING: more units are added at once (within the limit); fewer need an attendant."""
    try:
        old = checkout.basket.line(event.line_no)
        not_more = event.quantity <= old.quantity  # never blocked by a limit approved earlier
        if not not_more and (closed := packs.outside_hours(checkout, old.item, event.at)):
            return closed  # scanned within the item's sale hours, increased after them
        basket, line = checkout.basket.set_quantity(
            event.line_no, event.quantity, over_limit_ok=not_more
        )
    except QuantityLimitExceeded as exc:
        action = SetQuantity(event.line_no, event.quantity)
        return pause(checkout, InterventionKind.QUANTITY_LIMIT, event.at, str(exc), action=action)
    except BasketError as exc:
        return reject(checkout, "line_refused", line=event.line_no, reason=exc)
    if event.quantity == old.quantity:
        return checkout, []
    if event.quantity < old.quantity:
        detail = f"line {event.line_no}: quantity {old.quantity} -> {event.quantity}"
        action = SetQuantity(event.line_no, event.quantity)
        return pause(checkout, InterventionKind.VOID_REQUEST, event.at, detail, action=action)
    return added(replace(checkout, basket=basket), line)


def request_void(checkout: Checkout, event: VoidRequested) -> Result:
    """SHOPPING: removing a line needs an attendant."""
    try:
        checkout.basket.void_line(event.line_no)
    except BasketError as exc:
        return reject(checkout, "line_refused", line=event.line_no, reason=exc)
    detail = f"void line {event.line_no}"
    action = VoidLine(event.line_no)
    return pause(checkout, InterventionKind.VOID_REQUEST, event.at, detail, action=action)


def request_override(checkout: Checkout, event: PriceOverrideRequested) -> Result:
    """SHOPPING: a new price needs an attendant; a bad one is refused at once."""
    try:
        if event.price.minor < 0:
            raise BasketError("negative price")
        checkout.basket.override_price(event.line_no, event.price, event.reason)
    except BasketError as exc:
        return reject(checkout, "line_refused", line=event.line_no, reason=exc)
    detail = f"line {event.line_no}: price {event.price} ({event.reason})"
    action = OverridePrice(event.line_no, event.price, event.reason)
    return pause(checkout, InterventionKind.PRICE_OVERRIDE, event.at, detail, action=action)


def ask_help(checkout: Checkout, event: HelpRequested) -> Result:
    """IDLE, SHOPPING, WEIGHING: pause until the attendant comes (a basket on hold when
    "Are you still there?" went unanswered)."""
    return pause(checkout, help_kind(event.reason), event.at, event.reason)


def page_help(checkout: Checkout, event: HelpRequested) -> Result:
    """Paused, paying, completing, finished: page again without changing state."""
    return call_only(checkout, help_kind(event.reason), event.reason)


def device_fault(checkout: Checkout, event: DeviceFaulted) -> Result:
    """IDLE, SHOPPING, WEIGHING: the lane cannot sell; pause until fixed."""
    detail = f"{event.device}: {event.detail}"
    return pause(checkout, InterventionKind.DEVICE_FAULT, event.at, detail)


def page_fault(checkout: Checkout, event: DeviceFaulted) -> Result:
    """Elsewhere a fault pages the attendant but does not interrupt the flow in progress."""
    return call_only(checkout, InterventionKind.DEVICE_FAULT, f"{event.device}: {event.detail}")


def cancel_basket(checkout: Checkout, event: Cancelled) -> Result:
    """SHOPPING: the basket is cancelled and recorded as a cancelled sale. A basket that
    is partly paid pauses instead: the attendant gives the money back first."""
    credit = paying.paid(checkout)
    if credit.minor != 0:  # any approved money (even a net negative) is the attendant's
        return paying.overpaid(checkout, event.at, f"cancel requested, {credit} paid: give back")
    entry = AuditEntry(event.at, event.staff_id, "cancel_basket", event.reason)
    return commit(replace(checkout, audit=(*checkout.audit, entry)), "cancelled", event.at)


def cancel_weighing(checkout: Checkout, event: Cancelled) -> Result:
    """WEIGHING: drop the item waiting for a weight."""
    return replace(checkout, phase=Phase.SHOPPING, weighing=None), [message("weighing_cancelled")]


def reset(checkout: Checkout, event: Reset) -> Result:
    """IDLE, FINISHED: a fresh checkout for the next shopper (what is on the scale stays)."""
    fresh = type(checkout).start(checkout.settings, event.next_basket_id)  # no card either
    return replace(fresh, on_scale_g=checkout.on_scale_g), [message("welcome")]
