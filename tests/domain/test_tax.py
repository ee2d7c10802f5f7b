"""Tax: inclusive extraction, exclusive addition, per-line vs per-total rounding, deposits.

The property tests are the point: net + tax == gross for every line, class and
basket, and total == net + tax + untaxed deposit, under every rule combination.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from domain_factories import BANANAS, BEER, MILK, RATES, eur, item, rules
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config.lane import TaxConfig
from kiosk.domain.basket import Basket
from kiosk.domain.money import Money, Rounding
from kiosk.domain.tax import TaxError, TaxRules, parse_rate, rate_text


def basket_of(*entries: tuple[object, int]) -> Basket:
    basket = Basket("b-1", "EUR")
    for what, quantity in entries:
        basket, _ = basket.add_item(what, quantity)  # type: ignore[arg-type]
    return basket


@pytest.mark.parametrize(
    ("gross", "rate", "mode", "tax"),
    [
        (246, "10", Rounding.HALF_UP, 22),  # 22.36
        (121, "21", Rounding.HALF_UP, 21),  # exactly 21
        (100, "21", Rounding.HALF_UP, 17),  # 17.355
        (11, "10", Rounding.HALF_UP, 1),  # 1.0
        (105, "5", Rounding.HALF_UP, 5),  # 5.0
        (21, "5", Rounding.HALF_UP, 1),  # 1.0
        (22, "10", Rounding.HALF_EVEN, 2),  # 2.0
        (33, "10", Rounding.HALF_EVEN, 3),
        (1155, "5.5", Rounding.HALF_UP, 60),  # 60.21
        (1155, "5.5", Rounding.DOWN, 60),
        (1155, "5.5", Rounding.UP, 61),
        (500, "0", Rounding.UP, 0),
    ],
)
def test_inclusive_tax_is_extracted_as_gross_r_over_100_plus_r(
    gross: int, rate: str, mode: Rounding, tax: int
) -> None:
    net, got, total = TaxRules.from_strings({"c": rate}, mode=mode).split(eur(gross), "c")
    assert (net, got, total) == (eur(gross - tax), eur(tax), eur(gross))


@pytest.mark.parametrize(
    ("net", "rate", "mode", "tax"),
    [
        (1000, "8.875", Rounding.HALF_UP, 89),  # 88.75
        (1000, "8.875", Rounding.HALF_EVEN, 89),  # 88.75 -> 89 (not a tie)
        (200, "6.25", Rounding.HALF_EVEN, 12),  # 12.5 -> 12
        (200, "6.25", Rounding.HALF_UP, 13),  # 12.5 -> 13
        (200, "6.25", Rounding.DOWN, 12),
        (999, "7", Rounding.HALF_UP, 70),  # 69.93
    ],
)
def test_exclusive_tax_is_added(net: int, rate: str, mode: Rounding, tax: int) -> None:
    tax_rules = TaxRules.from_strings({"c": rate}, prices_include_tax=False, mode=mode)
    assert tax_rules.split(eur(net), "c") == (eur(net), eur(tax), eur(net + tax))


def test_the_sale_document_example_adds_up() -> None:
    basket, _ = Basket("b-1", "EUR").add_item(BANANAS, weight_g=1234)
    totals = basket.totals(rules())
    assert (totals.net, totals.tax, totals.deposit, totals.total) == (
        eur(224), eur(22), eur(0), eur(246),
    )  # fmt: skip
    [summary] = totals.tax_summary
    assert (summary.tax_class, summary.rate_text, summary.gross) == ("reduced", "10", eur(246))


def test_per_line_and_per_total_rounding_differ_and_both_add_up() -> None:
    # three lines of 0.05 at 10 % inclusive: 0.4545 each
    cheap = item("cheap", 5, "reduced")
    basket = basket_of((cheap, 1), (cheap, 1), (cheap, 1))
    per_line = basket.totals(rules(per_line=True))
    per_total = basket.totals(rules(per_line=False))
    assert per_line.tax == eur(0)  # 0.45 -> 0, three times
    assert per_total.tax == eur(1)  # 1.3636 -> 1
    assert [lt.tax for lt in per_total.lines] == [eur(1), eur(0), eur(0)]
    for totals in (per_line, per_total):
        assert totals.net + totals.tax == eur(15)
        assert totals.total == eur(15)


def test_exclusive_tax_raises_the_total() -> None:
    totals = basket_of((MILK, 2)).totals(rules(prices_include_tax=False))
    assert (totals.net, totals.tax, totals.total) == (eur(258), eur(26), eur(284))


@pytest.mark.parametrize(
    ("deposit_taxed", "net", "tax", "untaxed", "total"),
    [
        (False, 147, 31, 50, 228),  # 178 gross at 21 %: tax 30.89 -> 31
        (True, 188, 40, 0, 228),  # 228 gross at 21 %: tax 39.57 -> 40
    ],
)
def test_deposit_is_untaxed_or_taxed_at_the_item_rate(
    deposit_taxed: bool, net: int, tax: int, untaxed: int, total: int
) -> None:
    totals = basket_of((BEER, 2)).totals(rules(deposit_taxed=deposit_taxed))
    assert (totals.net, totals.tax, totals.untaxed_deposit, totals.total) == (
        eur(net), eur(tax), eur(untaxed), eur(total),
    )  # fmt: skip
    assert totals.deposit == eur(50)
    assert totals.lines[0].deposit == eur(50)


def test_unknown_tax_class_names_the_known_ones() -> None:
    with pytest.raises(TaxError, match=r"no tax rate for class 'luxury' \(known: reduced"):
        basket_of((item("x", 1, "luxury"), 1)).totals(rules())


@pytest.mark.parametrize("text", ["abc", "-1", "100.5", "NaN", "Infinity", ""])
def test_bad_rates_are_refused(text: str) -> None:
    with pytest.raises(TaxError):
        parse_rate(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [("21", "21"), ("5.50", "5.5"), ("10.0", "10"), ("8.875", "8.875"), ("0", "0")],
)
def test_rates_are_exact_and_print_plainly(text: str, shown: str) -> None:
    assert rate_text(parse_rate(text)) == shown


def test_config_builds_the_rules() -> None:
    config = TaxConfig(prices_include_tax=False, rounding="per_total", rounding_mode=Rounding.DOWN,
                       rates={"standard": "7.25"}, deposit_taxed=True)  # fmt: skip
    assert config.to_rules() == TaxRules(
        {"standard": Decimal("7.25")}, prices_include_tax=False, per_line=False,
        mode=Rounding.DOWN, deposit_taxed=True,
    )  # fmt: skip


rate_strings = st.decimals(min_value=0, max_value=100, places=3).map(str)
amounts = st.integers(min_value=0, max_value=10_000_000)
modes = st.sampled_from(list(Rounding))


@given(amounts, rate_strings, modes, st.booleans())
def test_split_always_adds_up(amount: int, rate: str, mode: Rounding, inclusive: bool) -> None:
    tax_rules = TaxRules.from_strings({"c": rate}, prices_include_tax=inclusive, mode=mode)
    net, tax, gross = tax_rules.split(eur(amount), "c")
    assert net + tax == gross
    assert (gross if inclusive else net) == eur(amount)
    assert eur(0) <= tax <= gross


lines = st.lists(
    st.tuples(st.sampled_from(sorted(RATES)), st.integers(0, 100_000), st.integers(1, 5),
              st.integers(0, 50)),
    max_size=12,
)  # fmt: skip


@given(lines, st.booleans(), st.booleans(), st.booleans(), modes)
def test_basket_totals_always_add_up(
    entries: list[tuple[str, int, int, int]],
    inclusive: bool,
    per_line: bool,
    deposit_taxed: bool,
    mode: Rounding,
) -> None:
    basket = Basket("b-1", "EUR")
    for n, (tax_class, price, quantity, deposit) in enumerate(entries):
        what = item(f"i{n}", price, tax_class, deposit=eur(deposit) if deposit else None)
        basket, _ = basket.add_item(what, quantity)
    tax_rules = rules(prices_include_tax=inclusive, per_line=per_line,
                      deposit_taxed=deposit_taxed, mode=mode)  # fmt: skip
    totals = basket.totals(tax_rules)
    zero = Money.zero("EUR")
    assert totals.total == totals.net + totals.tax + totals.untaxed_deposit
    assert totals.net == sum((s.net for s in totals.tax_summary), zero)
    assert totals.tax == sum((s.tax for s in totals.tax_summary), zero)
    for summary in totals.tax_summary:
        assert summary.net + summary.tax == summary.gross
        of_class = [lt for lt in totals.lines if lt.tax_class == summary.tax_class]
        assert sum((lt.tax for lt in of_class), zero) == summary.tax
        assert sum((lt.gross for lt in of_class), zero) == summary.gross
    for line_tax in totals.lines:
        assert line_tax.net + line_tax.tax == line_tax.gross
    goods = sum((line.amount for line in basket.lines), zero)
    deposits = sum((line.deposit_amount for line in basket.lines), zero)
    assert totals.deposit == deposits
    if inclusive:
        assert totals.total == goods + deposits
    else:
        assert totals.total == goods + deposits + totals.tax
