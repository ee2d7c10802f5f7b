"""The scan step that applies :mod:`kiosk.domain.checkout.sale_rules` to a checkout.

:func:`screen` is called by ``selling.scan`` for a known item before it is offered to the
basket. It answers with effects when the scan stops there (a refused pack, the twin code
of a pack just scanned), else with the checkout that remembers the scan and the unit
price to sell at (a markdown close to the pack's date, or None for the usual price).
:func:`outside_hours` is called by ``selling.change_quantity`` for the shopper's "+":
sale hours hold for every unit, so an increase outside them is refused as a scan is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.effects import Beep, CallAttendant, Effect
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.sale_rules import (
    PackFacts,
    Refusal,
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
    if twin:
        return after, [Beep(ok=True), message("already_scanned", sku=item.sku)], None
    base = event.price or item.price
    dated = event.expiry or event.best_before
    reduced = markdown(rules, base, dated, event.at)
    if reduced is None or dated is None:
        return after, None, None
    return after, None, (reduced, markdown_reason(rules.markdown_percent, base, dated))


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
