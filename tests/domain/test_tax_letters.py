"""A VAT rate has one letter on every receipt: fixed from the store's tax table, never
from the rates one basket happens to use (kiosk.domain.tax_letters)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.tax_letters import TaxLetters

TABLE = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}


def test_the_rates_of_the_table_are_lettered_from_the_highest() -> None:
    letters = TaxLetters.from_table(TABLE)
    assert [letters.letter(c) for c in TABLE] == ["A", "B", "C", "D"]


def test_a_configured_letter_wins_and_the_others_take_the_letters_left() -> None:
    letters = TaxLetters.from_table(TABLE, {"zero": "A", "reduced": "R"})
    assert {c: letters.letter(c) for c in TABLE} == {
        "standard": "B",
        "reduced": "R",
        "super_reduced": "C",
        "zero": "A",
    }


def test_classes_at_one_rate_share_its_letter_and_an_unknown_class_is_lettered_by_rate() -> None:
    letters = TaxLetters.from_table({**TABLE, "books": "4"})
    assert letters.letter("books") == letters.letter("super_reduced") == "C"
    assert letters.letter("not-in-table", "10") == "B"
    assert letters.letter("not-in-table", "10.0") == "B"
    assert letters.letter("not-in-table", "7") == "*"
    assert letters.letter("not-in-table") == "*"


def test_two_rates_may_not_share_a_configured_letter() -> None:
    with pytest.raises(ValueError, match="same letter"):
        TaxLetters.from_table(TABLE, {"standard": "A", "reduced": "A"})


def test_a_rate_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="not a number"):
        TaxLetters.from_table({"standard": "twenty"})


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=8),
        st.decimals(min_value=0, max_value=100, places=1, allow_nan=False),
        max_size=12,
    ),
    st.lists(st.text(max_size=8), max_size=5),
)
def test_every_rate_has_one_letter_whatever_the_table_and_the_subset(
    table: dict[str, Decimal], subset: list[str]
) -> None:
    letters = TaxLetters.from_table(table)
    by_rate: dict[Decimal, str] = {}
    for name, rate in table.items():
        assert by_rate.setdefault(rate.normalize(), letters.letter(name)) == letters.letter(name)
    assert len(set(by_rate.values())) == len(by_rate)  # different rates, different letters
    # the letter of a class does not depend on which classes a basket uses
    again = TaxLetters.from_table(table)
    assert all(again.letter(name) == letters.letter(name) for name in subset + list(table))


@given(st.text(max_size=20))
def test_garbage_rate_text_gives_a_letter_or_star_never_an_error(text: str) -> None:
    assert TaxLetters.from_table(TABLE).letter("unknown", text) in {"A", "B", "C", "D", "*"}
