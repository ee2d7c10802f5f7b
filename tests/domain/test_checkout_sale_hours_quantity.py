"""Sale hours hold for every unit (issue 15): beer scanned at 21:59 is not increased with
"+" after 22:00 (kiosk.domain.checkout.selling.change_quantity, .packs.outside_hours); the
shopper sees the message a scan of it gets then. Within the hours, and for other
categories, "+" adds as before; a decrease is not a sale and still goes to the attendant."""

from __future__ import annotations

from datetime import UTC, datetime

from test_sale_rules import ALCOHOL, LAGER, MADRID, MILK, checkout, keys

from kiosk.domain.checkout import Checkout, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind


def at(hour: int, minute: int) -> datetime:
    """Saturday 5 December 2026 on the Madrid store's clock (alcohol: 08:00-22:00)."""
    return datetime(2026, 12, 5, hour, minute, tzinfo=MADRID).astimezone(UTC)


def with_line(product: object, gtin: str, quantity: int = 1) -> Checkout:
    """A basket with ``quantity`` units of ``product`` scanned at 21:59."""
    start = checkout(sale_hours=(ALCOHOL,))
    after, _ = start.handle(ev.ItemScanned(product, gtin, at(21, 59)))  # type: ignore[arg-type]
    if quantity > 1:
        after, _ = after.handle(ev.QuantityChanged(1, quantity, at(21, 59)))
    assert after.basket.active_lines[0].quantity == quantity
    return after


def test_more_beer_after_closing_time_is_refused_with_the_scan_message() -> None:
    before = with_line(LAGER, "05000000000014")
    after, effects = before.handle(ev.QuantityChanged(1, 3, at(22, 0)))
    assert after.basket == before.basket
    assert after.phase is Phase.SHOPPING
    assert keys(effects) == ["item_sale_hours"]
    shown = next(e for e in effects if isinstance(e, fx.ShowMessage))
    assert dict(shown.params) == {"days": "mon-sat", "hours": "08:00-22:00", "sku": "lager"}
    assert fx.Beep(ok=False) in effects
    # the same as scanning it now
    _, scan = before.handle(ev.ItemScanned(LAGER, "05000000000014", at(22, 0)))
    assert [e for e in scan if isinstance(e, fx.ShowMessage)] == [shown]


def test_more_beer_within_the_hours_is_added() -> None:
    after, _ = with_line(LAGER, "05000000000014").handle(ev.QuantityChanged(1, 2, at(21, 59)))
    assert after.basket.active_lines[0].quantity == 2


def test_other_categories_are_increased_after_closing_time() -> None:
    after, _ = with_line(MILK, MILK.gtins[0]).handle(ev.QuantityChanged(1, 2, at(23, 0)))
    assert after.basket.active_lines[0].quantity == 2


def test_fewer_beers_after_closing_time_still_go_to_the_attendant() -> None:
    after, _ = with_line(LAGER, "05000000000014", 3).handle(ev.QuantityChanged(1, 1, at(22, 30)))
    assert after.phase is Phase.INTERVENTION
    assert after.pending is not None
    assert after.pending.kind is InterventionKind.VOID_REQUEST
