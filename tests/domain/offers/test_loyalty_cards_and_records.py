"""Loyalty card numbers and offer records: good ones read, bad ones named, never a crash."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.gtin import check_digit
from kiosk.domain.offers import Offer, OfferBook, OfferCatalog, OfferError, OfferKind
from kiosk.domain.offers.cards import (
    LoyaltyCardError,
    PaymentCardRefused,
    masked_card,
    parse_loyalty_card,
)
from kiosk.domain.offers.records import offer_from_record, offer_to_record

CARD = "290012345678" + str(check_digit("290012345678"))


@pytest.mark.parametrize("text", [CARD, f" {CARD[:4]} {CARD[4:8]} {CARD[8:]} ", "0" + CARD])
def test_a_card_is_read_scanned_or_typed(text: str) -> None:
    assert parse_loyalty_card(text) == CARD


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (CARD[:-1] + str((int(CARD[-1]) + 1) % 10), "check digit"),
        ("4006381333931", "starts with 29"),
        ("29001234", "13 digits"),
        ("29abc", "only digits"),
    ],
)
def test_a_bad_card_number_says_why(text: str, why: str) -> None:
    with pytest.raises(LoyaltyCardError, match=why):
        parse_loyalty_card(text)


@pytest.mark.parametrize(
    "text", ["4111111111111111", "4111 1111 1111 1111", "%B4111111111111111^X", "2900123456789012"]
)
def test_a_payment_card_is_refused_without_repeating_it(text: str) -> None:
    with pytest.raises(PaymentCardRefused) as caught:
        parse_loyalty_card(text)
    assert "1111" not in str(caught.value)
    assert "9012" not in str(caught.value)


def test_a_card_is_masked_to_its_last_four_digits() -> None:
    assert masked_card(CARD) == "*********" + CARD[-4:]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_card_parser_fuzz_gives_a_clear_error_or_a_card(text: str) -> None:
    try:
        number = parse_loyalty_card(text)
    except LoyaltyCardError as exc:
        message = str(exc)
        assert message
    else:
        assert len(number) == 13
        assert number.startswith("29")


WINDOW = datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 8, tzinfo=UTC)
OFFERS = [
    Offer("m", "3 for 2 cola", OfferKind.MULTI_BUY, frozenset({"cola"}), 3, pay_units=2),
    Offer("p", "10% off", OfferKind.PERCENT_OFF, frozenset({"a", "b"}), percent=Fraction(25, 2)),
    Offer("u", "Member price", OfferKind.UNIT_PRICE, frozenset({"a"}), price=99,
          members_only=True, starts_at=WINDOW[0], ends_at=WINDOW[1]),
    Offer("s", "Meal deal", OfferKind.SET_PRICE, components=(frozenset({"x"}), frozenset({"y"})),
          price=350),
    Offer("t", "Spend 20 save 2", OfferKind.THRESHOLD, spend=2000, amount=200),
    Offer("o", "1 off", OfferKind.AMOUNT_OFF, frozenset({"z"}), amount=100, once=True),
]  # fmt: skip


@pytest.mark.parametrize("offer", OFFERS, ids=lambda o: o.offer_id)
def test_records_round_trip(offer: Offer) -> None:
    assert offer_from_record(offer_to_record(offer)) == offer


@pytest.mark.parametrize(
    ("record", "names"),
    [
        ({"offer_id": "x", "name": "X", "kind": "nope"}, "kind"),
        ({"offer_id": "x", "name": "X", "kind": "percent_off", "skus": ["a"]}, "percent"),
        ({"offer_id": "x", "name": "X", "kind": "percent_off", "skus": ["a"], "percent": 10},
         "percent"),
        ({"offer_id": "x", "name": "X", "kind": "multi_buy", "skus": ["a"], "quantity": 3},
         "pay_units/price"),
        ({"offer_id": "x", "name": "X", "kind": "threshold", "spend": "10", "amount": 1}, "spend"),
        ({"offer_id": "x", "name": "X", "kind": "threshold", "spend": 10, "amount": 1,
          "starts_at": "2026-12-01T00:00"}, "starts_at"),
        ({"offer_id": "x", "name": "X", "kind": "amount_off", "amount": 5}, "skus"),
        ({"offer_id": "x", "name": "X", "kind": "amount_off", "skus": ["a"], "amount": 5,
          "colour": "red"}, "colour"),
        ({"name": "X", "kind": "amount_off"}, "offer_id"),
    ],
)  # fmt: skip
def test_a_bad_record_names_the_field(record: dict, names: str) -> None:
    with pytest.raises(OfferError, match=names):
        offer_from_record(record)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["offer_id", "name", "kind", "skus", "quantity", "pay_units", "price",
                         "percent", "amount", "once", "spend", "components", "starts_at",
                         "ends_at", "members_only", "other"]),
        json_values | st.sampled_from(["multi_buy", "threshold", "set_price", "10", "x"]),
    )
)  # fmt: skip
def test_record_parser_fuzz_gives_a_clear_error_or_an_offer(record: dict) -> None:
    try:
        offer = offer_from_record(record)
    except OfferError as exc:
        message = str(exc)
        assert message
    else:
        assert offer_from_record(offer_to_record(offer)) == offer


def ids(book: OfferBook) -> set[str]:
    return {o.offer_id for group in book.groups for o in group} | {
        o.offer_id for o in book.thresholds
    }


def test_the_book_keeps_offers_valid_when_the_basket_opened_and_members_only_with_a_card() -> None:
    catalog = OfferCatalog(tuple(OFFERS))
    inside = datetime(2026, 12, 2, tzinfo=UTC)
    assert "u" not in ids(catalog.book_for(inside))
    assert "u" in ids(catalog.book_for(inside, member=True))
    assert "u" not in ids(catalog.book_for(WINDOW[1], member=True))  # ends_at is exclusive
    with pytest.raises(OfferError, match="twice"):
        OfferCatalog((OFFERS[0], OFFERS[0]))
