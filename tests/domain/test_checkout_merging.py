"""Identical items merge into one line ("2 x") where the store wants it (placing, basket_merge)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from domain_factories import BANANAS, BEER, GUM, MILK, at, eur, item, rules, run, scan
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.basket import Basket
from kiosk.domain.basket_merge import joins
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.offers import Offer, OfferCatalog, OfferKind

MERGING = CheckoutSettings("EUR", rules(), merge_identical=True)
BREAD = item("bread", 65, "reduced", plu="7001")


def shopping(merge: bool = True, **options: object) -> Checkout:
    base = MERGING if merge else CheckoutSettings("EUR", rules())
    return Checkout.start(replace(base, **options), "b-1")  # type: ignore[arg-type]


def lines(checkout: Checkout) -> list[tuple[str, int]]:
    return [(ln.item.sku, ln.quantity) for ln in checkout.basket.lines if ln.counts]


def test_a_second_scan_adds_to_the_line_and_journals_it() -> None:
    c = run(shopping(), scan(MILK, 1))
    c, effects = c.handle(scan(MILK, 2))
    assert lines(c) == [("milk", 2)]
    journaled = [e.line for e in effects if isinstance(e, fx.JournalLine)]
    assert [(ln.line_no, ln.quantity) for ln in journaled] == [(1, 2)]
    assert fx.Beep(ok=True) in effects
    assert c.totals().total == eur(258)


def test_merges_into_the_items_line_anywhere_in_the_basket() -> None:
    c = run(shopping(), scan(MILK, 1), scan(BEER, 2), ev.InterventionResolved(
        InterventionKind.AGE_RESTRICTED, "s-1", True, at(3), id_seen=True), scan(GUM, 4),
        scan(MILK, 5))  # fmt: skip
    assert lines(c) == [("milk", 2), ("beer", 1), ("gum", 1)]


def test_the_store_that_does_not_merge_gets_one_line_per_scan() -> None:
    c = run(shopping(merge=False), scan(MILK, 1), scan(MILK, 2))
    assert lines(c) == [("milk", 1), ("milk", 1)]


def test_a_quantity_scan_adds_all_its_units() -> None:
    picked = ev.ItemScanned(BREAD, "7001", at(2), quantity=6)
    c = run(shopping(), ev.ItemScanned(BREAD, "7001", at(1)), picked)
    assert lines(c) == [("bread", 7)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(scan(MILK, 1), ev.ItemScanned(MILK, "other-gtin", at(2)), id="other code"),
        pytest.param(scan(MILK, 1), scan(MILK, 2, price=eur(99)), id="price from the barcode"),
        pytest.param(scan(MILK, 1), scan(replace(MILK, price=eur(139)), 2), id="catalog changed"),
        pytest.param(scan(BANANAS, 1, weight_g=500), scan(BANANAS, 2, weight_g=500), id="weighed"),
    ],
)
def test_what_never_merges(first: ev.ItemScanned, second: ev.ItemScanned) -> None:
    c = run(shopping(), first, second)
    assert len(c.basket.lines) == 2


def test_a_line_with_a_staff_price_or_voided_does_not_take_the_scan() -> None:
    c = run(shopping(), scan(MILK, 1))
    basket, _ = c.basket.override_price(1, eur(50), "damaged")
    c = run(replace(c, basket=basket), scan(MILK, 2))
    assert [(ln.line_no, ln.quantity) for ln in c.basket.lines] == [(1, 1), (2, 1)]
    basket, _ = c.basket.void_line(2)
    c = run(replace(c, basket=basket), scan(MILK, 3))
    assert [(ln.line_no, ln.quantity, ln.voided) for ln in c.basket.lines] == [
        (1, 1, False), (2, 1, True), (3, 1, False)]  # fmt: skip
    c = run(c, scan(MILK, 4))
    assert lines(c) == [("milk", 1), ("milk", 2)]


def test_the_quantity_limit_still_applies_and_its_approval_merges() -> None:
    c = run(shopping(), scan(GUM, 1), scan(GUM, 2))
    assert lines(c) == [("gum", 2)]
    c = run(c, scan(GUM, 3))
    assert c.phase is Phase.INTERVENTION
    assert c.pending is not None
    assert c.pending.kind is InterventionKind.QUANTITY_LIMIT
    c = run(c, ev.InterventionResolved(InterventionKind.QUANTITY_LIMIT, "s-1", True, at(4)))
    assert lines(c) == [("gum", 3)]


def test_the_age_check_still_applies_before_a_merge() -> None:
    approve = ev.InterventionResolved(
        InterventionKind.AGE_RESTRICTED, "s-1", True, at(2), id_seen=True
    )
    c = run(shopping(), scan(BEER, 1))
    assert c.phase is Phase.INTERVENTION
    c = run(c, approve, scan(BEER, 3))
    assert lines(c) == [("beer", 2)]
    assert c.totals().deposit == eur(50)


def test_a_line_whose_age_check_is_pending_does_not_take_the_scan() -> None:
    """Age checked before payment: the pending beer line stays as scanned; once the check
    is approved the lines covered merge again."""
    deferred = ShopperFlow(age_check=AgeCheck.BEFORE_PAYMENT)
    c = run(shopping(flow=deferred), scan(BEER, 1), scan(BEER, 2))
    assert lines(c) == [("beer", 1), ("beer", 1)]
    assert c.age_pending == (1, 2)
    c = run(c, ev.PayRequested(at(3)))
    assert c.pending is not None
    c = run(c, ev.InterventionResolved(InterventionKind.AGE_RESTRICTED, "s-1", True, at(4),
                                       id_seen=True))  # fmt: skip
    assert (c.phase, c.age_pending) == (Phase.SHOPPING, ())
    c = run(c, scan(BEER, 6))
    assert lines(c) == [("beer", 1), ("beer", 2)]


def test_removing_one_unit_of_a_merged_line_asks_staff_through_the_quantity_path() -> None:
    c = run(shopping(), scan(MILK, 1), scan(MILK, 2), ev.QuantityChanged(1, 1, at(3)))
    assert c.pending is not None
    assert c.pending.kind is InterventionKind.VOID_REQUEST
    c = run(c, ev.InterventionResolved(InterventionKind.VOID_REQUEST, "s-1", True, at(4)))
    assert lines(c) == [("milk", 1)]


def test_a_basket_rebuilt_from_the_journal_merges_into_its_lines() -> None:
    c = run(shopping(), scan(MILK, 1), scan(BEER, 2))
    rebuilt = Basket.from_lines("b-1", "EUR", c.basket.lines)
    again = Checkout.recover(MERGING, rebuilt, at(0))
    again = run(again, scan(MILK, 3))
    assert lines(again) == [("milk", 2)]
    assert [ln.line_no for ln in again.basket.lines] == [1]


def test_a_discarded_sibling_basket_does_not_mislead_the_index() -> None:
    c = run(shopping(), scan(MILK, 1))
    sibling, _ = c.basket.add_item(BEER, scanned_code="beer")  # line 2, then thrown away
    assert sibling.merge_target(BEER, "beer") is not None
    basket, _ = c.basket.add_item(GUM, scanned_code="gum")  # the real line 2
    assert basket.merge_target(BEER, "beer") is None
    assert basket.merge_target(GUM, "gum") is not None


# -- property: merging changes the lines, never the money ------------------------------

CATALOG = [MILK, BEER, GUM, BREAD, item("cola", 150, "standard"), item("free", 0, "zero")]
OFFERS = OfferCatalog((
    Offer("3for2", "3 for 2", OfferKind.MULTI_BUY, frozenset({"cola", "bread"}), 3, pay_units=2),
))  # fmt: skip
picks = st.lists(
    st.tuples(st.sampled_from(CATALOG), st.integers(1, 4), st.sampled_from(["a", "b"])),
    max_size=25,
)


TAXES = {
    "per total, VAT in prices": rules(per_line=False),
    "per total, tax added (US)": rules(per_line=False, prices_include_tax=False),
    "per line, VAT in prices": rules(),
}


@settings(max_examples=150, deadline=None)
@given(picks, st.booleans(), st.sampled_from(sorted(TAXES)))
def test_merged_totals_equal_unmerged_totals(scans: list, offers: bool, tax: str) -> None:
    """GIVEN any scan sequence (quantities, two codes per item), WHEN one lane merges and
    another does not, THEN the shopper pays the same (total, deposit, savings, items), the
    VAT is the same where it is rounded on the total, and the merged basket has one line
    per item and code. Rounded per line, the VAT split of a merged line may differ by a
    cent per line from the sum of single lines (each line is rounded once): never the total
    with VAT in the prices."""
    extra: dict[str, object] = {"tax": TAXES[tax]}
    if offers:
        extra["offers"] = OFFERS
    merged, plain = shopping(True, **extra), shopping(False, **extra)
    age = ev.InterventionResolved(InterventionKind.AGE_RESTRICTED, "s-1", True, at(0),
                                  id_seen=True)  # fmt: skip
    limit = ev.InterventionResolved(InterventionKind.QUANTITY_LIMIT, "s-1", True, at(0))
    for n, (chosen, quantity, code) in enumerate(scans):
        event = ev.ItemScanned(chosen, code, at(n), quantity=quantity)
        merged, plain = (run(c, event) for c in (merged, plain))
        # the same checks pause both lanes: approve them alike
        for resolution in (age, limit):
            if merged.pending is not None and merged.pending.kind is resolution.kind:
                merged = run(merged, resolution)
            if plain.pending is not None and plain.pending.kind is resolution.kind:
                plain = run(plain, resolution)
    one, other = merged.totals(), plain.totals()
    assert (one.total, one.deposit, one.item_count) == (other.total, other.deposit,
                                                        other.item_count)  # fmt: skip
    assert one.savings == other.savings
    if TAXES[tax].per_line:
        assert abs(one.tax.minor - other.tax.minor) <= len(plain.basket.lines)
    else:  # every amount and the VAT summary (the lines differ, by design)
        fields = ("net", "tax", "deposit", "total", "tax_summary", "discounts")
        assert [getattr(one, f) for f in fields] == [getattr(other, f) for f in fields]
    keys = [(ln.item.sku, ln.scanned_code) for ln in merged.basket.lines]
    assert len(keys) == len(set(keys))


# -- the index: the same answer as a walk over every line, at a cost that does not grow --


def brute_target(basket: Basket, chosen: CatalogItem, code: str) -> int | None:
    """The newest line a scan may join, found by walking every line."""
    for line in reversed(basket.lines):
        if line.item.sku == chosen.sku and joins(line, chosen, code):
            return line.line_no
    return None


steps = st.lists(
    st.tuples(
        st.sampled_from(["add", "void", "override", "branch", "ask"]),
        st.sampled_from(CATALOG),
        st.sampled_from(["a", "b"]),
        st.integers(1, 30),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(steps)
def test_merge_target_is_what_a_walk_over_the_lines_finds(script: list) -> None:
    """Adds, voids, staff prices, asks, and branches from older baskets (a refused change
    leaves a sibling that recorded lines): the index answers as the walk does."""
    basket = Basket("b-1", "EUR")
    older: list[Basket] = [basket]
    for action, chosen, code, n in script:
        if action == "add":
            basket, _ = basket.add_item(chosen, scanned_code=code, over_limit_ok=True)
        elif action == "void" and basket.lines:
            line = basket.lines[n % len(basket.lines)]
            if line.counts:
                basket, _ = basket.void_line(line.line_no)
        elif action == "override" and basket.lines:
            line = basket.lines[n % len(basket.lines)]
            if line.counts:
                basket, _ = basket.override_price(line.line_no, eur(1), "damaged")
        elif action == "branch":
            basket = older[n % len(older)]
        target = basket.merge_target(chosen, code)
        assert (target.line_no if target else None) == brute_target(basket, chosen, code)
        older.append(basket)


def test_finding_the_line_does_not_walk_a_big_basket() -> None:
    basket = Basket("b-1", "EUR")
    basket.merge_target(MILK, "m")  # the index exists from the first scan on
    for n in range(2000):
        basket, _ = basket.add_item(item(f"sku{n}", 100, "reduced"), scanned_code=f"c{n}")
    basket, _ = basket.add_item(MILK, scanned_code="m")
    index = basket._merge_cache
    assert index is not None
    assert list(index.candidates(MILK.sku, basket.next_line_no)) == [2001]
    target = basket.merge_target(MILK, "m")
    assert target is not None
    assert target.line_no == 2001
