"""GS1 Digital Link URIs parsed to the same elements as element strings."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.gs1.digital_link import (
    looks_like_digital_link,
    parse_digital_link,
    to_digital_link,
)
from kiosk.domain.gs1.element_string import parse_hri
from kiosk.domain.gtin import BarcodeError


def pairs(elements: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(e.ai, e.value) for e in elements]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("uri", "hri"),
    [
        # examples in the style of the GS1 Digital Link standard
        ("https://id.gs1.org/01/09506000134352", "(01)09506000134352"),
        (
            "https://id.gs1.org/01/09506000134352/10/ABC?17=271231",
            "(01)09506000134352(10)ABC(17)271231",
        ),
        (
            "https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=180426",
            "(01)09506000134352(10)ABC123(21)12345(17)180426",
        ),
        ("https://id.gs1.org/01/9506000134352", "(01)09506000134352"),  # GTIN-13 padded
        ("https://id.gs1.org/00/106141412345678908", "(00)106141412345678908"),
        (
            "https://brand.example.com/some/path/01/09506000134352?3103=000195&linkType=gs1:pip",
            "(01)09506000134352(3103)000195",
        ),
        ("http://example.com/gtin/09506000134352/lot/A%2FB%25?exp=x", "(01)09506000134352(10)A/B%"),
        ("https://id.gs1.org/414/9520123456788/254/32a%2Fb", "(414)9520123456788(254)32a/b"),
        ("https://id.gs1.org/01/09506000134352/235/TPX1", "(01)09506000134352(235)TPX1"),
        ("https://id.gs1.org/8004/0614141ABC/7040/1ABC", "(8004)0614141ABC(7040)1ABC"),
        ("https://id.gs1.org/8003/04000001000005S1", "(8003)04000001000005S1"),
        ("HTTPS://ID.GS1.ORG/01/09506000134352/", "(01)09506000134352"),
        ("https://id.gs1.org/01/09506000134352#fragment", "(01)09506000134352"),
    ],
)
def test_digital_links(uri: str, hri: str) -> None:
    assert looks_like_digital_link(uri)
    assert pairs(parse_digital_link(uri)) == pairs(parse_hri(hri))


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("https://id.gs1.org/01/09506000134353", "check digit 3 of 09506000134353 is wrong"),
        ("https://id.gs1.org/01/09506000134352/21/1/10/A", "not allowed after"),
        ("https://id.gs1.org/01/09506000134352/235/T/21/1", "not allowed after"),
        ("https://id.gs1.org/00/106141412345678908/10/A", "not allowed after"),
        ("ftp://id.gs1.org/01/09506000134352", "http"),
        ("https:///01/09506000134352", "host"),
        ("https://id.gs1.org/foo/bar", "no GS1 primary key"),
        ("https://id.gs1.org/01/abc", "no GS1 primary key"),
        ("https://id.gs1.org/01/09506000134352?23=1", r"\(23\) is not a known"),
        ("https://id.gs1.org/01/09506000134352?00=106141412345678908", "query parameter"),
        ("https://id.gs1.org/01/09506000134352?17=271331", "month 13"),
        ("https://id.gs1.org/01/09506000134352?10=A&10=B", "appears twice"),
        ("https://[::1/01/09506000134352", "not a URI"),
    ],
)
def test_digital_link_errors(uri: str, message: str) -> None:
    with pytest.raises(BarcodeError, match=message):
        parse_digital_link(uri)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/",
        "https://example.com/01",
        "mailto:x@example.com",
        "https://example.com/products/12345",
        "https://[::1/01/1",
    ],
)
def test_not_digital_links(text: str) -> None:
    assert not looks_like_digital_link(text)


def test_dates_are_resolved() -> None:
    elements = parse_digital_link(
        "https://id.gs1.org/01/09506000134352?17=271200", date(2026, 11, 22)
    )
    assert elements[1].date == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("hri", "uri"),
    [
        (
            "(01)09506000134352(17)271231(10)ABC",
            "https://id.gs1.org/01/09506000134352/10/ABC?17=271231",
        ),
        ("(21)S/1(01)09506000134352(22)V", "https://id.gs1.org/01/09506000134352/22/V/21/S%2F1"),
        ("(00)106141412345678908(400)PO+1", "https://id.gs1.org/00/106141412345678908?400=PO%2B1"),
    ],
)
def test_to_digital_link(hri: str, uri: str) -> None:
    elements = parse_hri(hri)
    assert to_digital_link(elements) == uri
    assert sorted(pairs(parse_digital_link(uri))) == sorted(pairs(elements))


def test_to_digital_link_needs_a_primary_key() -> None:
    with pytest.raises(BarcodeError, match="no GS1 primary key"):
        to_digital_link(parse_hri("(10)ABC"))


@given(
    st.one_of(
        st.text(max_size=60),
        st.builds(
            "https://h/{}?{}".format,
            st.text(alphabet="0123456789/%AB.-", max_size=40),
            st.text(alphabet="0123456789=&%A", max_size=20),
        ),
    )
)
def test_garbage_gives_elements_or_a_barcode_error(text: str) -> None:
    try:
        elements = parse_digital_link(text)
    except BarcodeError as error:
        assert str(error)  # noqa: PT017 - every failure must say something
        return
    assert elements
    assert looks_like_digital_link(text)  # what parses is what scan dispatch recognises
