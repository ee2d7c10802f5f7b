"""A pack's EAN, then its 2D code (the "Already scanned" twin) dated close enough for a
markdown: the pack is sold once, at the markdown (kiosk.domain.checkout.packs)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from domain_factories import rules
from hypothesis import given
from hypothesis import strategies as st
from test_sale_rules import MADRID, T0, feed, keys, scanned

from kiosk.domain.bagging import BaggingPolicy
from kiosk.domain.checkout import Checkout
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.sale_rules import SaleRules, markdown_of
from kiosk.domain.checkout.states import CheckoutSettings
from kiosk.domain.money import Money

TODAY = date(2026, 12, 5)  # T0's day in Madrid: the pack's last day


def checkout(merge: bool = False, **options: object) -> Checkout:
    sale_rules = SaleRules(zone=MADRID, markdown_days=1, markdown_percent=30)
    settings = CheckoutSettings(
        "EUR",
        rules(),
        sale_rules=sale_rules,
        merge_identical=merge,
        **options,  # type: ignore[arg-type]
    )
    return Checkout.start(settings, "b1")


def dated(seconds: float, expiry: date = TODAY) -> object:
    return scanned(seconds=seconds, symbology="gs1-datamatrix", expiry=expiry, batch="L1")


def priced(after: Checkout) -> list[tuple[int, int, bool]]:
    """(quantity, unit price, marked down) of each counting line."""
    return [
        (ln.quantity, ln.unit_price.minor, markdown_of(ln.price_override_reason) is not None)
        for ln in after.basket.active_lines
    ]


def test_the_ean_s_line_takes_the_markdown_of_its_2d_twin() -> None:
    after, effects = feed(checkout(), scanned(), dated(1.5))
    assert priced(after) == [(1, 90, True)]  # 129 - 30 %, rounded half up
    assert markdown_of(after.basket.active_lines[0].price_override_reason) == (
        30,
        Money(129, "EUR"),
    )
    assert keys(effects[1]) == ["already_scanned_reduced"]
    journaled = [e.line for e in effects[1] if isinstance(e, fx.JournalLine)]
    assert [(ln.line_no, ln.unit_price.minor) for ln in journaled] == [(1, 90)]
    assert fx.Beep(ok=True) in effects[1]
    assert after.totals().item_count == 1


def test_a_merged_unit_moves_to_a_line_of_its_own() -> None:
    after, effects = feed(checkout(merge=True), scanned(), scanned(seconds=5), dated(6))
    assert priced(after) == [(1, 129, False), (1, 90, True)]
    journaled = [e.line for e in effects[2] if isinstance(e, fx.JournalLine)]
    assert [(ln.line_no, ln.quantity) for ln in journaled] == [(1, 1), (2, 1)]
    assert after.totals().item_count == 2
    assert after.totals().total == Money(129 + 90, "EUR")


def test_the_bagging_area_still_waits_for_the_one_pack() -> None:
    """The unit moved to a line of its own is neither a removal nor a new item for the
    bagging area: it still waits for that one pack, and is content once it is bagged."""
    policy = BaggingPolicy(enabled=True, item_weights={"milk": 1040}, heavy_item_g=5000)
    start, _ = checkout(merge=True, bagging=policy).handle(ev.BagWeighed(0, T0))  # empty area
    bagged, _ = feed(start, scanned())
    bagged, _ = bagged.handle(ev.BagWeighed(1040, T0 + timedelta(seconds=2)))
    after, _ = feed(bagged, scanned(seconds=5), dated(6))
    assert priced(after) == [(1, 129, False), (1, 90, True)]
    assert after.bagging is not None
    assert after.bagging.awaiting is not None
    assert (after.bagging.awaiting.units, after.bagging.awaiting.removal) == (1, False)
    done, _ = after.handle(ev.BagWeighed(2080, T0 + timedelta(seconds=7)))
    assert done.bagging is not None
    assert (done.bagging.awaiting, done.bagging.alarm, done.pending) == (None, None, None)


def test_a_2d_twin_without_a_markdown_is_only_ignored() -> None:
    after, effects = feed(checkout(), scanned(), dated(1, expiry=TODAY + timedelta(days=9)))
    assert priced(after) == [(1, 129, False)]
    assert keys(effects[1]) == ["already_scanned"]
    assert not any(isinstance(e, fx.JournalLine) for e in effects[1])


def test_the_2d_code_first_then_its_ean_keeps_one_marked_down_line() -> None:
    after, effects = feed(checkout(), dated(0), scanned(seconds=1))
    assert priced(after) == [(1, 90, True)]
    assert keys(effects[1]) == ["already_scanned"]


def test_a_line_no_longer_as_the_ean_left_it_is_not_touched() -> None:
    after, _ = feed(checkout(), scanned())
    voided, _line = after.basket.void_line(1)  # (as staff would, before the 2D code came)
    again, effects = feed(replace(after, basket=voided), dated(1))
    assert again.basket.active_lines == ()
    assert keys(effects[0]) == ["already_scanned"]


def test_the_third_code_after_a_marked_down_pair_is_a_new_pack() -> None:
    after, _ = feed(checkout(), scanned(), dated(0.5), dated(1.0))
    assert priced(after) == [(1, 90, True), (1, 90, True)]


STEPS = st.lists(
    st.tuples(st.sampled_from(["ean", "dated", "later", "unknown"]), st.integers(0, 3000)),
    min_size=1,
    max_size=12,
)


@given(STEPS, st.booleans())
def test_every_pack_counts_once_whatever_the_order(
    steps: list[tuple[str, int]], merge: bool
) -> None:
    """Units sold = scans - twins ignored or marked down; a marked-down unit is never
    above the markdown and never below it; the basket's total is what its lines say."""
    seconds, events = 0.0, []
    for kind, gap_ms in steps:
        seconds += gap_ms / 1000
        if kind == "ean":
            events.append(scanned(seconds=seconds))
        elif kind == "unknown":
            events.append(scanned(seconds=seconds, symbology="unknown"))
        else:
            expiry = TODAY if kind == "dated" else TODAY + timedelta(days=9)
            events.append(dated(seconds, expiry))
    after, effects = feed(checkout(merge), *events)
    twins = [n for n, e in enumerate(effects) if {"already_scanned", "already_scanned_reduced"}
             & set(keys(e))]  # fmt: skip
    assert after.totals().item_count == len(events) - len(twins)
    for quantity, price, marked in priced(after):
        assert price == (90 if marked else 129)
        assert quantity >= 1
    total = sum(q * p for q, p, _ in priced(after))
    assert after.totals().total == Money(total, "EUR")
    lowered = sum(q for q, _, marked in priced(after) if marked)
    assert lowered <= sum(1 for e in events if getattr(e, "expiry", None) == TODAY)
