"""The scan step that applies :mod:`kiosk.domain.checkout.sale_rules` to a checkout.

:func:`screen` is called by ``selling.scan`` for a known item before it is offered to the
basket. It answers with effects when the scan stops there (a refused pack, the twin code
of a pack just scanned), else with the checkout that remembers the scan and the unit
price to sell at (a markdown close to the pack's date, or None for the usual price);
once the item is on the basket :func:`placed` remembers the line the scan went to.

The twin of a pack whose EAN went first: the EAN cannot say the pack is close to its
date, its 2D code can. So a 2D twin whose date gives a markdown marks down the one unit
the EAN added (:func:`_mark_down_twin`): the EAN's own line when it holds that unit alone
(its price, with the markdown's reason), else that unit moves to a line of its own at
the reduced price (the EAN's line one fewer, journaled together). The shopper pays the
reduced price once and the pack still counts once ("Already scanned: ... reduced
price"). A line that changed since (voided, repriced by staff) is left as it is.
:func:`outside_hours` is called by ``selling.change_quantity`` for the shopper's "+":
sale hours hold for every unit, so an increase outside them is refused as a scan is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.domain.basket import BasketError
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.effects import Beep, CallAttendant, Effect, JournalLine
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.sale_rules import (
    PackFacts,
    RecentScan,
    Refusal,
    first_look,
    form_of,
    hours_text,
    is_second_look,
    markdown,
    markdown_reason,
    refusal,
    remember,
)
from kiosk.domain.checkout.steps import Result, message, reject
from kiosk.domain.money import Money

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

_PAGED = {
    Refusal.RECALLED: InterventionKind.RECALLED_ITEM,
    Refusal.EXPIRED: InterventionKind.EXPIRED_ITEM,
}


def screen(
    checkout: Checkout, event: ItemScanned, item: CatalogItem
) -> tuple[Checkout, list[Effect] | None, tuple[Money, str] | None]:
    """(checkout, effects, markdown): effects when the scan ends here, else None and the
    checkout that remembers the scan, with the marked-down unit price and its reason (the
    line's override reason, :func:`~kiosk.domain.checkout.sale_rules.markdown_reason`)
    or None."""
    rules = checkout.settings.sale_rules
    pack = PackFacts(event.gtin14, event.symbology, event.expiry, event.batch, item.category)
    refused = refusal(rules, pack, event.at)
    if refused is not None:
        why, detail = refused
        if why is Refusal.SALE_HOURS:
            return (*_refuse_hours(checkout, item), None)
        shown = (event.expiry or event.at.date()).isoformat()
        after, effects = reject(checkout, why.value, date=shown, sku=item.sku)
        page = CallAttendant(_PAGED[why], f"{item.sku}: {detail}", event.at)
        return after, [*effects, page], None
    form, window = form_of(event.symbology), rules.dual_scan_window_s
    recent = checkout.recent_scans
    twin = is_second_look(recent, event.gtin14, form, event.at, window)
    remembered = remember(recent, event.gtin14, form, event.at, window, paired=twin)
    after = replace(checkout, recent_scans=remembered)
    marked = _markdown(checkout, event, item)
    if twin:
        first = first_look(recent, event.gtin14)
        down = _mark_down_twin(after, first, event, item, marked) if first and marked else None
        if down is not None:
            return down[0], down[1], None
        return after, [Beep(ok=True), message("already_scanned", sku=item.sku)], None
    return after, None, marked


def placed(checkout: Checkout, event: ItemScanned, effects: list[Effect]) -> Checkout:
    """``checkout`` whose memory of the scan ``event`` (if remembered) holds the line the
    scan's unit went to (the first ``JournalLine`` of ``effects``), so the pack's other
    code can still mark that unit down."""
    recent = checkout.recent_scans
    last = recent[-1] if recent else None
    if last is None or last.gtin14 != event.gtin14 or last.at != event.at or last.paired:
        return checkout
    line_no = next((e.line.line_no for e in effects if isinstance(e, JournalLine)), None)
    if line_no is None:
        return checkout
    return replace(checkout, recent_scans=(*recent[:-1], replace(last, line_no=line_no)))


def _markdown(
    checkout: Checkout, event: ItemScanned, item: CatalogItem
) -> tuple[Money, str] | None:
    """(reduced unit price, the line's reason) when the pack's date gives a markdown."""
    rules = checkout.settings.sale_rules
    base = event.price or item.price
    dated = event.expiry or event.best_before
    reduced = markdown(rules, base, dated, event.at)
    if reduced is None or dated is None:
        return None
    return reduced, markdown_reason(rules.markdown_percent, base, dated)


def _mark_down_twin(
    checkout: Checkout,
    first: RecentScan,
    event: ItemScanned,
    item: CatalogItem,
    marked: tuple[Money, str],
) -> tuple[Checkout, list[Effect]] | None:
    """The unit the pack's first code added, at the markdown its 2D twin gives (see the
    module docstring); None when that unit is not found as the first code left it."""
    price, reason = marked
    basket = checkout.basket
    try:
        line = basket.line(first.line_no) if first.line_no is not None else None
    except BasketError:
        return None
    if (
        line is None
        or line.voided
        or line.item.sku != item.sku
        or line.price_override_reason is not None
        or line.unit_price != item.price
    ):
        return None
    basket_id = basket.basket_id
    if line.quantity == 1:
        basket, down = basket.override_price(line.line_no, price, reason)
        journal = [JournalLine(basket_id, down)]
    else:  # merged into a line of the same item: the pack's unit gets its own line
        basket, rest = basket.set_quantity(line.line_no, line.quantity - 1, over_limit_ok=True)
        basket, down = basket.add_item(
            item, 1, None, price, event.code, over_limit_ok=True, price_reason=reason
        )
        journal = [JournalLine(basket_id, rest), JournalLine(basket_id, down)]
    percent = checkout.settings.sale_rules.markdown_percent
    told = message("already_scanned_reduced", sku=item.sku, percent=percent)
    return replace(checkout, basket=basket), [*journal, Beep(ok=True), told]


def outside_hours(checkout: Checkout, item: CatalogItem, at: datetime) -> Result | None:
    """The refusal of more units of ``item`` at ``at`` (the shopper's "+") when its
    category is outside its sale hours, with the message a scan gets; None if it may be
    sold. The hours are checked at each increase, not only at the scan: beer scanned at
    21:59 is not increased after 22:00."""
    rules = checkout.settings.sale_rules
    refused = refusal(rules, PackFacts(category=item.category), at)
    if refused is None or refused[0] is not Refusal.SALE_HOURS:
        return None
    return _refuse_hours(checkout, item)


def _refuse_hours(checkout: Checkout, item: CatalogItem) -> Result:
    days, hours = hours_text(checkout.settings.sale_rules, item.category)
    return reject(checkout, Refusal.SALE_HOURS.value, days=days, hours=hours, sku=item.sku)
