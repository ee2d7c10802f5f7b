"""Names as typed or as an MRZ prints them match the booking's spelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.backoffice.pms.names import given_names_match, name_keys, surnames_match


@pytest.mark.parametrize(
    ("typed", "booked"),
    [
        ("GARCIA LOPEZ", "García López"),
        ("garcia", "García López"),  # one of two Spanish surnames
        ("LOPEZ", "García López"),
        ("MUELLER", "Müller"),
        ("MULLER", "Müller"),
        ("SOEREN", "Søren"),
        ("STRASSE", "Straße"),
        ("DUBOIS", "Dubois"),
        ("O BRIEN", "O'Brien"),
        ("MARTIN", "Martín"),
    ],
)
def test_surnames_that_match(typed: str, booked: str) -> None:
    assert surnames_match(typed, booked)
    assert surnames_match(booked, typed)


@pytest.mark.parametrize(
    ("typed", "booked"),
    [("GARCIA", "Gracia"), ("MULLER", "Miller"), ("", "Smith"), ("---", "Smith"), ("SMITH", "")],
)
def test_surnames_that_do_not_match(typed: str, booked: str) -> None:
    assert not surnames_match(typed, booked)


def test_given_names_share_a_word_or_one_is_unknown() -> None:
    assert given_names_match("ANA MARIA", "Ana")
    assert given_names_match("JOSE", "José Luis")
    assert given_names_match("", "Ana")
    assert not given_names_match("LUIS", "Ana")


def test_name_keys_are_upper_case_words_of_a_to_z() -> None:
    assert name_keys("Müller-Lüdenscheidt") == {"MULLER LUDENSCHEIDT", "MUELLER LUEDENSCHEIDT"}
    assert name_keys("  ") == frozenset()


@given(st.text(max_size=40), st.text(max_size=40))
def test_matching_never_fails_and_is_symmetric(a: str, b: str) -> None:
    assert surnames_match(a, b) == surnames_match(b, a)
    assert given_names_match(a, b) == given_names_match(b, a)
    for key in name_keys(a):
        assert key == " ".join(key.split())
        assert set(key) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
