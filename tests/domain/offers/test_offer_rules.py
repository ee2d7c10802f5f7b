"""Each offer kind on its own: what it saves and which units it uses."""

from __future__ import annotations

import pytest
from offer_helpers import (
    amount_off,
    basket_of,
    item,
    multi_buy,
    percent_off,
    saved,
    set_price,
    state_of,
    threshold,
    unit_price,
    weighed,
)

from kiosk.domain.offers import lines_used

COLA = item("cola", 150)
LEMON = item("lemon", 120)
CRISPS = item("crisps", 100, "standard")
SANDWICH = item("sandwich", 300, "standard")
APPLES = weighed("apples", 300)


@pytest.mark.parametrize(
    ("offer", "entries", "saving"),
    [
        (multi_buy("3for2", {"cola"}, 3, pay_units=2), [(COLA, 3)], 150),
        (multi_buy("3for2", {"cola"}, 3, pay_units=2), [(COLA, 7)], 300),  # 2 sets + 1 left
        (multi_buy("3for2", {"cola"}, 3, pay_units=2), [(COLA, 2)], 0),
        # mix and match: the cheapest of each set of three is free
        (multi_buy("mix", {"cola", "lemon"}, 3, pay_units=2), [(COLA, 2), (LEMON, 2)], 120),
        (multi_buy("mix", {"cola", "lemon"}, 3, pay_units=2), [(COLA, 4), (LEMON, 2)], 270),
        (multi_buy("2for250", {"cola"}, 2, price=250), [(COLA, 5)], 100),
        (multi_buy("dear", {"cola"}, 2, price=400), [(COLA, 4)], 0),  # would cost more
        (percent_off("10pc", {"cola"}, 10), [(COLA, 3)], 45),
        (percent_off("33pc", {"cola", "lemon"}, 33), [(COLA, 1), (LEMON, 1)], 89),  # 89.1
        (percent_off("15pc", {"cola"}, 15), [(COLA, 1)], 23),  # 22.5 rounds half up
        (amount_off("20off", {"cola"}, 20), [(COLA, 3)], 60),
        (amount_off("big", {"cola"}, 999), [(COLA, 2)], 300),  # capped at the price
        (amount_off("once", {"cola", "lemon"}, 100, once=True), [(COLA, 2), (LEMON, 1)], 100),
        (unit_price("member", {"cola"}, 99), [(COLA, 2)], 102),
        (unit_price("higher", {"cola"}, 199), [(COLA, 2)], 0),  # never raises a price
        (unit_price("member", {"apples"}, 99), [(APPLES, 1000)], 0),  # not for weighed
        (percent_off("10pc", {"apples"}, 10), [(APPLES, 1234)], 37),  # 370.2 -> 37.02
        (
            set_price("deal", [{"sandwich"}, {"cola", "lemon"}, {"crisps"}], 400),
            [(SANDWICH, 2), (COLA, 1), (LEMON, 1), (CRISPS, 3)],
            150 + 120,
        ),
        (set_price("deal", [{"sandwich"}, {"cola"}], 400), [(SANDWICH, 2)], 0),
        (threshold("spend10", 1000, 200), [(SANDWICH, 3)], 0),
        (threshold("spend10", 1000, 200), [(SANDWICH, 4)], 200),
        (threshold("cola5", 500, 50, {"cola"}), [(COLA, 3), (SANDWICH, 5)], 0),
        (threshold("cola5", 500, 50, {"cola"}), [(COLA, 4)], 50),
    ],
)
def test_each_kind_saves_what_its_rule_says(offer, entries, saving) -> None:
    basket = basket_of(*entries)
    assert saved([offer], basket.lines) == saving


def test_a_saving_names_the_offer_and_the_lines_it_used() -> None:
    basket = basket_of((SANDWICH, 1), (COLA, 1), (CRISPS, 1), (COLA, 1), (LEMON, 1))
    offer = multi_buy("3for2", {"cola", "lemon"}, 3, pay_units=2)
    [saving] = state_of([offer], basket.lines).summary().savings()
    assert (saving.offer_id, saving.amount) == ("3for2", 120)
    assert lines_used(saving, basket.lines) == (2, 4, 5)


def test_a_saving_is_split_over_tax_classes_in_proportion() -> None:
    basket = basket_of((SANDWICH, 1), (COLA, 1))  # 300 standard + 150 reduced
    summary = state_of([percent_off("all", {"sandwich", "cola"}, 50)], basket.lines).summary()
    assert dict(summary.by_class) == {"standard": 150, "reduced": 75}
    assert summary.total == 225


def test_a_threshold_never_takes_a_class_below_zero() -> None:
    basket = basket_of((COLA, 1))
    offers = [amount_off("free", {"cola"}, 150), threshold("spend1", 100, 500)]
    summary = state_of(offers, basket.lines).summary()
    assert summary.total == 150  # the cola is already free: nothing left to take


def test_thresholds_stack_on_item_offers() -> None:
    basket = basket_of((SANDWICH, 4))
    offers = [percent_off("10pc", {"sandwich"}, 10), threshold("spend10", 1000, 200)]
    assert saved(offers, basket.lines) == 120 + 200


def test_overlapping_offers_pick_the_better_share() -> None:
    # 3 for 2 saves 150 on three colas; 40 off each saves 120: the engine takes 3 for 2,
    # and with four colas the fourth still gets 40 off.
    offers = [multi_buy("3for2", {"cola"}, 3, pay_units=2), amount_off("40off", {"cola"}, 40)]
    assert saved(offers, basket_of((COLA, 3)).lines) == 150
    assert saved(offers, basket_of((COLA, 4)).lines) == 190
