"""The offers are kept incrementally: an event re-solves only the offer group it touched,
and the totals it gives are those computed from scratch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from offer_helpers import amount_off, item, multi_buy, percent_off, threshold

from kiosk.domain.basket import Basket
from kiosk.domain.money import Rounding
from kiosk.domain.offers import OfferBook, OfferState, engine
from kiosk.domain.tax import TaxRules, compute_totals

ITEMS = [item(f"s{n}", 50 + 37 * n, ("reduced", "standard")[n % 2]) for n in range(12)]
OFFERS = [
    multi_buy("m0", {"s0", "s1"}, 3, pay_units=2),
    percent_off("p0", {"s1", "s2"}, 15),
    amount_off("a3", {"s3"}, 20),
    multi_buy("m4", {"s4"}, 2, price=150),
    threshold("t5", 300, 40, {"s5", "s6"}),
    threshold("basket", 2000, 150),
]  # s7..s11 are in no offer
BOOK = OfferBook.of(OFFERS)


def test_a_scan_re_solves_only_the_group_of_its_sku(monkeypatch) -> None:
    basket = Basket("b", "EUR").with_offers(BOOK)
    for n in range(200):  # a big basket over every group
        basket, _ = basket.add_item(ITEMS[n % len(ITEMS)])
    solved: list[tuple[str, ...]] = []
    real = engine.solve

    def counting(offers, bundles):
        solved.append(tuple(o.offer_id for o in offers))
        return real(offers, bundles)

    monkeypatch.setattr(engine, "solve", counting)
    basket.add_item(ITEMS[2])
    assert solved == [("m0", "p0")]  # s2's group only
    solved.clear()
    basket.add_item(ITEMS[9])
    assert solved == []  # in no offer: nothing is solved
    solved.clear()
    line = basket.lines[3]  # s3
    basket.set_quantity(line.line_no, 5)
    assert solved == [("a3",)]


actions = st.lists(
    st.tuples(st.sampled_from(["add", "add", "add", "void", "quantity"]),
              st.integers(0, len(ITEMS) - 1), st.integers(1, 5)),
    max_size=40,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    actions,
    st.booleans(),
    st.booleans(),
    st.sampled_from(list(Rounding)),
)
def test_incremental_totals_equal_the_totals_from_scratch(steps, per_line, inclusive, mode) -> None:
    rules = TaxRules.from_strings(
        {"reduced": "10", "standard": "21"},
        per_line=per_line,
        prices_include_tax=inclusive,
        mode=mode,
    )
    basket = Basket("b", "EUR").with_offers(BOOK)
    for action, index, quantity in steps:
        active = basket.active_lines
        if action == "add" or not active:
            basket, _ = basket.add_item(ITEMS[index], quantity)
        elif action == "void":
            basket, _ = basket.void_line(active[index % len(active)].line_no)
        else:
            basket, _ = basket.set_quantity(active[index % len(active)].line_no, quantity)
        basket.totals(rules)  # asked after every event, as the lane does
    fresh = OfferState.of(BOOK, "EUR", basket.lines).summary()
    expected = compute_totals(basket.lines, rules, "EUR", dict(fresh.by_class))
    assert basket.totals(rules) == expected
    assert basket.totals(rules).savings.minor == fresh.total
