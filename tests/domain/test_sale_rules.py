"""Packs at the scanner (kiosk.domain.checkout.sale_rules, .packs): the 1D+2D twin of one
pack counts once, expired and recalled packs and items outside their sale hours are
refused (the first two page the attendant), and a pack close to its date is marked down."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from domain_factories import item, rules
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.checkout import Checkout, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.sale_rules import (
    Form,
    RecentScan,
    SaleHours,
    SaleRules,
    form_of,
    is_second_look,
    markdown,
    markdown_of,
    markdown_reason,
    parse_days,
    remember,
)
from kiosk.domain.checkout.states import CheckoutSettings
from kiosk.domain.money import Money

GTIN = "04000000000017"
MILK = item("milk", 129, "reduced", gtins=(GTIN,))
LAGER = item("lager", 99, "standard", gtins=("05000000000014",), category="beer_wine")
MADRID = ZoneInfo("Europe/Madrid")
# Saturday 5 December 2026, 10:00 in Madrid
T0 = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
ALCOHOL = SaleHours("beer_wine", parse_days("mon-sat"), time(8), time(22), "mon-sat")


def checkout(**options: object) -> Checkout:
    sale_rules = SaleRules(zone=MADRID, **options)  # type: ignore[arg-type]
    settings = CheckoutSettings("EUR", rules(), sale_rules=sale_rules)
    return Checkout.start(settings, "b1")


def scanned(
    product: object = MILK, seconds: float = 0, symbology: str = "ean-upc", **kw: object
) -> ev.ItemScanned:
    at = T0 + timedelta(seconds=seconds)
    gtin = kw.pop("gtin14", GTIN)
    return ev.ItemScanned(product, gtin, at, symbology=symbology, gtin14=gtin, **kw)  # type: ignore[arg-type]


def feed(start: Checkout, *events: ev.ItemScanned) -> tuple[Checkout, list[list[object]]]:
    every = []
    for event in events:
        start, effects = start.handle(event)
        every.append(effects)
    return start, every


def keys(effects: list[object]) -> list[str]:
    return [e.key for e in effects if isinstance(e, fx.ShowMessage)]


# -- one pack, two codes --------------------------------------------------------------


def test_ean_then_datamatrix_of_one_pack_is_one_line() -> None:
    after, effects = feed(
        checkout(), scanned(), scanned(seconds=1.5, symbology="gs1-datamatrix", batch="L1")
    )
    assert len(after.basket.active_lines) == 1
    assert keys(effects[1]) == ["already_scanned"]
    assert fx.Beep(ok=True) in effects[1]  # a soft beep, not an error


def test_qr_then_ean_of_one_pack_is_one_line() -> None:
    after, _ = feed(checkout(), scanned(symbology="qr"), scanned(seconds=2.0))
    assert len(after.basket.active_lines) == 1


def test_two_eans_are_two_packs() -> None:
    after, _ = feed(checkout(), scanned(), scanned(seconds=0.5))
    assert len(after.basket.active_lines) == 2


def test_two_datamatrix_are_two_packs() -> None:
    after, _ = feed(
        checkout(),
        scanned(symbology="gs1-datamatrix"),
        scanned(seconds=1, symbology="gs1-datamatrix"),
    )
    assert len(after.basket.active_lines) == 2


def test_the_other_code_after_the_window_is_a_new_pack() -> None:
    after, _ = feed(checkout(), scanned(), scanned(seconds=2.01, symbology="gs1-qr"))
    assert len(after.basket.active_lines) == 2


def test_a_third_scan_after_a_pair_is_a_new_pack() -> None:
    after, _ = feed(
        checkout(),
        scanned(),
        scanned(seconds=0.5, symbology="gs1-datamatrix"),
        scanned(seconds=1.0, symbology="gs1-datamatrix"),
    )
    assert len(after.basket.active_lines) == 2


def test_unknown_symbology_is_never_ignored() -> None:
    after, _ = feed(checkout(), scanned(), scanned(seconds=0.5, symbology="unknown"))
    assert len(after.basket.active_lines) == 2


def test_window_zero_turns_the_rule_off() -> None:
    after, _ = feed(checkout(dual_scan_window_s=0), scanned(), scanned(seconds=0.5, symbology="qr"))
    assert len(after.basket.active_lines) == 2


def test_a_new_basket_forgets_the_last_scans() -> None:
    after, _ = feed(checkout(), scanned())
    for event in (ev.Cancelled(T0), ev.SaleCompleted(T0), ev.Reset("b2", T0)):
        after, _ = after.handle(event)
    assert after.recent_scans == ()
    again, _ = feed(after, scanned(seconds=0.5, symbology="gs1-qr"))
    assert len(again.basket.active_lines) == 1


FORMS = st.sampled_from(["ean-upc", "gs1-128", "gs1-datamatrix", "gs1-qr", "qr", "unknown"])
STEPS = st.lists(st.tuples(FORMS, st.integers(0, 5000)), min_size=1, max_size=12)


@given(STEPS, st.sampled_from([0.0, 0.5, 2.0, 10.0]))
def test_lines_are_scans_minus_ignored_twins(steps: list[tuple[str, int]], window: float) -> None:
    """Every scan adds a line or is an ignored twin; an ignored twin always has a scan of
    the other form within the window before it; same-form scans always count."""
    start, seconds = checkout(dual_scan_window_s=window), 0.0
    events = []
    for symbology, gap_ms in steps:
        seconds += gap_ms / 1000
        events.append(scanned(seconds=seconds, symbology=symbology))
    after, effects = feed(start, *events)
    ignored = [n for n, e in enumerate(effects) if "already_scanned" in keys(e)]
    assert len(after.basket.active_lines) + len(ignored) == len(events)
    assert len(ignored) <= len(events) // 2  # each twin pairs with a counted scan
    for n in ignored:
        form = form_of(events[n].symbology)
        assert form is not None
        earlier = [
            e
            for e in events[:n]
            if form_of(e.symbology) not in (form, None)
            and events[n].at - e.at <= timedelta(seconds=window)
        ]
        assert earlier
    if len({form_of(e.symbology) for e in events}) == 1:
        assert not ignored


@given(
    st.lists(st.tuples(st.sampled_from(list(Form)), st.integers(0, 3000)), max_size=20),
    st.floats(0.1, 5),
)
def test_remember_keeps_only_the_window(steps: list[tuple[Form, int]], window: float) -> None:
    recent: tuple[RecentScan, ...] = ()
    now = T0
    for form, gap_ms in steps:
        now += timedelta(milliseconds=gap_ms)
        twin = is_second_look(recent, GTIN, form, now, window)
        recent = remember(recent, GTIN, form, now, window, paired=twin)
        assert all(now - scan.at <= timedelta(seconds=window) for scan in recent)


# -- refused packs --------------------------------------------------------------------


def test_expired_pack_is_refused_and_pages_the_attendant() -> None:
    after, (effects,) = feed(
        checkout(), scanned(symbology="gs1-datamatrix", expiry=date(2026, 12, 4))
    )
    assert after.basket.is_empty
    assert after.phase is Phase.SHOPPING  # not paused
    assert keys(effects) == ["item_expired"]
    detail = f"milk: expired 2026-12-04 ({GTIN})"
    page = fx.CallAttendant(InterventionKind.EXPIRED_ITEM, detail, T0)  # the scan's time
    assert page in effects
    assert fx.Beep(ok=False) in effects


def test_expiry_today_in_the_stores_zone_is_sold() -> None:
    late = datetime(2026, 12, 5, 23, 30, tzinfo=UTC)  # already 6 December in Madrid
    event = ev.ItemScanned(
        MILK, GTIN, late, symbology="gs1-qr", gtin14=GTIN, expiry=date(2026, 12, 6)
    )
    after, _ = checkout().handle(event)
    assert len(after.basket.active_lines) == 1
    expired = ev.ItemScanned(
        MILK, GTIN, late, symbology="gs1-qr", gtin14=GTIN, expiry=date(2026, 12, 5)
    )
    after, effects = checkout().handle(expired)
    assert after.basket.is_empty
    assert "item_expired" in keys(effects)


def test_block_expired_false_sells_it() -> None:
    after, _ = feed(checkout(block_expired=False), scanned(expiry=date(2026, 1, 1)))
    assert len(after.basket.active_lines) == 1


def test_recalled_batch_is_refused_and_pages_the_attendant() -> None:
    start = checkout(recalls=frozenset({(GTIN, "L42")}))
    after, (effects,) = feed(start, scanned(symbology="gs1-datamatrix", batch="L42"))
    assert after.basket.is_empty
    assert keys(effects) == ["item_recalled"]
    assert any(
        isinstance(e, fx.CallAttendant) and e.kind is InterventionKind.RECALLED_ITEM
        for e in effects
    )
    other, _ = feed(start, scanned(symbology="gs1-datamatrix", batch="L43"))
    assert len(other.basket.active_lines) == 1


def test_an_expired_2d_after_its_ean_is_refused_not_ignored() -> None:
    after, effects = feed(
        checkout(), scanned(), scanned(seconds=1, symbology="gs1-qr", expiry=date(2026, 12, 1))
    )
    assert keys(effects[1]) == ["item_expired"]
    assert len(after.basket.active_lines) == 1  # the EAN's line: the attendant removes it


@pytest.mark.parametrize(
    ("local", "sold"),
    [
        (datetime(2026, 12, 5, 21, 59), True),  # Saturday
        (datetime(2026, 12, 5, 22, 0), False),
        (datetime(2026, 12, 5, 23, 0), False),
        (datetime(2026, 12, 5, 7, 59), False),
        (datetime(2026, 12, 5, 8, 0), True),
        (datetime(2026, 12, 6, 12, 0), False),  # Sunday
        (datetime(2026, 12, 7, 12, 0), True),  # Monday
    ],
)
def test_sale_hours(local: datetime, sold: bool) -> None:
    at = local.replace(tzinfo=MADRID).astimezone(UTC)
    event = ev.ItemScanned(LAGER, "05000000000014", at)
    after, effects = checkout(sale_hours=(ALCOHOL,)).handle(event)
    assert (len(after.basket.active_lines) == 1) is sold
    if not sold:
        refused = next(e for e in effects if isinstance(e, fx.ShowMessage))
        assert refused.key == "item_sale_hours"
        assert dict(refused.params)["hours"] == "08:00-22:00"
        assert dict(refused.params)["days"] == "mon-sat"
        assert not any(isinstance(e, fx.CallAttendant) for e in effects)


def test_other_categories_ignore_sale_hours() -> None:
    at = datetime(2026, 12, 5, 23, 0, tzinfo=MADRID)
    after, _ = checkout(sale_hours=(ALCOHOL,)).handle(ev.ItemScanned(MILK, GTIN, at))
    assert len(after.basket.active_lines) == 1


def test_hours_past_midnight() -> None:
    late = SaleHours("beer_wine", parse_days("fri"), time(20), time(2))
    assert late.allows(datetime(2026, 12, 4, 23, 0))  # Friday
    assert late.allows(datetime(2026, 12, 5, 1, 59))  # Saturday night, Friday's hours
    assert not late.allows(datetime(2026, 12, 5, 2, 0))
    assert not late.allows(datetime(2026, 12, 5, 21, 0))  # Saturday evening


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon-sat", {0, 1, 2, 3, 4, 5}),
        ("sat,sun", {5, 6}),
        ("fri-mon", {4, 5, 6, 0}),
        ("*", set(range(7))),
    ],
)
def test_parse_days(text: str, days: set[int]) -> None:
    assert parse_days(text) == days


@given(st.text(max_size=20))
def test_parse_days_garbage_is_a_value_error(text: str) -> None:
    try:
        days = parse_days(text)
    except ValueError as error:
        problem = str(error)
        assert "day" in problem
    else:
        assert days <= set(range(7))


# -- markdown --------------------------------------------------------------------------


def test_markdown_on_the_last_day() -> None:
    start = checkout(markdown_days=1, markdown_percent=30)
    after, _ = feed(start, scanned(symbology="gs1-datamatrix", expiry=date(2026, 12, 5)))
    line = after.basket.active_lines[0]
    assert line.unit_price == Money(90, "EUR")  # 129 * 0.7 = 90.3
    assert markdown_of(line.price_override_reason) == (30, Money(129, "EUR"))
    later, _ = feed(start, scanned(symbology="gs1-datamatrix", expiry=date(2026, 12, 6)))
    assert later.basket.active_lines[0].unit_price == Money(129, "EUR")


def test_markdown_by_best_before_when_no_expiry() -> None:
    start = checkout(markdown_days=2, markdown_percent=50)
    after, _ = feed(start, scanned(symbology="gs1-qr", best_before=date(2026, 12, 6)))
    assert after.basket.active_lines[0].unit_price == Money(65, "EUR")


@given(
    st.integers(0, 10**7),
    st.integers(0, 100),
    st.integers(1, 30),
    st.integers(-40, 40),
)
def test_markdown_is_never_negative_nor_above_the_price(
    price: int, percent: int, days: int, offset: int
) -> None:
    sale_rules = SaleRules(markdown_days=days, markdown_percent=percent)
    dated = T0.date() + timedelta(days=offset)
    reduced = markdown(sale_rules, Money(price, "EUR"), dated, T0)
    if reduced is None:
        assert percent == 0 or not 0 <= offset < days
    else:
        assert 0 <= reduced.minor <= price


def test_rules_refuse_bad_numbers() -> None:
    with pytest.raises(ValueError, match="markdown_percent"):
        SaleRules(markdown_percent=101)


@given(
    st.integers(0, 100), st.integers(0, 10**9), st.sampled_from(["EUR", "JPY", "KWD"]), st.dates()
)
def test_markdown_reason_round_trips(percent: int, minor: int, currency: str, dated: date) -> None:
    price = Money(minor, currency)
    assert markdown_of(markdown_reason(percent, price, dated)) == (percent, price)


@given(st.none() | st.text(max_size=60))
def test_other_reasons_are_not_markdowns(reason: str | None) -> None:
    found = markdown_of(reason)
    assert found is None or (reason or "").startswith("markdown ")
