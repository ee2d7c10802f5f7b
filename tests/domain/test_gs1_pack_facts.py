"""A GS1 code's pack facts reach ItemScanned: any element string or digital link with
(01) and (17)/(15)/(10)/(21) gives back its GTIN, dates, batch and serial; garbage is a
BarcodeError that names what is wrong, never another exception."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain_factories import item
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.checkout.scanned import gs1_item_scanned
from kiosk.domain.gs1.ai_table import CHARSETS
from kiosk.domain.gs1.digital_link import to_digital_link
from kiosk.domain.gs1.element_string import GS, make_element, to_element_string
from kiosk.domain.gs1.pack_facts import pack_facts
from kiosk.domain.gs1.scan import parse_scan
from kiosk.domain.gtin import BarcodeError, check_digit

TODAY = date(2026, 12, 5)
AT = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
CSET82 = sorted(CHARSETS["X"])
GTINS = st.text("0123456789", min_size=13, max_size=13).map(lambda b: b + str(check_digit(b)))
DATES = st.dates(date(2000, 1, 1), date(2049, 12, 31))
TEXT20 = st.text(alphabet=CSET82, min_size=1, max_size=20)


@given(
    GTINS,
    st.none() | DATES,
    st.none() | DATES,
    st.none() | TEXT20,
    st.none() | TEXT20,
    st.permutations(["17", "15", "10", "21"]),
    st.sampled_from(["]d2", "]Q3", "]C1", "]Q1"]),
)
def test_facts_round_trip(  # noqa: PLR0917 (hypothesis passes them by position)
    gtin: str,
    expiry: date | None,
    best_before: date | None,
    batch: str | None,
    serial: str | None,
    order: list[str],
    aim: str,
) -> None:
    values = {
        "17": expiry.strftime("%y%m%d") if expiry else None,
        "15": best_before.strftime("%y%m%d") if best_before else None,
        "10": batch,
        "21": serial,
    }
    elements = [make_element("01", gtin)] + [
        make_element(ai, values[ai]) for ai in order if values[ai] is not None
    ]
    # ]Q1: a QR with a GS1 Digital Link URI
    data = to_digital_link(elements) if aim == "]Q1" else to_element_string(elements)
    result = parse_scan(aim + data + "\r\n", today=TODAY)
    event = gs1_item_scanned(item("x", gtins=(gtin,)), result, AT)
    assert (event.gtin14, event.code) == (gtin, gtin)
    assert (event.expiry, event.best_before) == (expiry, best_before)
    assert (event.batch, event.serial) == (batch, serial)
    assert event.symbology == result.symbology.value != "unknown"


@given(st.text(alphabet=[*CSET82, GS, "(", ")"], max_size=60), st.sampled_from(["]d2", "]Q3"]))
def test_garbage_is_a_clear_error_or_consistent_facts(data: str, aim: str) -> None:
    try:
        result = parse_scan(aim + data, today=TODAY)
    except BarcodeError as error:
        problem = str(error)
        assert problem
        return
    facts = pack_facts(result)
    by_ai = {e.ai: e for e in reversed(result.elements)}  # the first of each AI
    assert facts.batch == (by_ai["10"].value if "10" in by_ai else None)
    assert facts.serial == (by_ai["21"].value if "21" in by_ai else None)
    assert facts.expiry == (by_ai["17"].date if "17" in by_ai else None)


def test_an_ean_has_no_pack_facts() -> None:
    facts = pack_facts(parse_scan("]E04000000000013", today=TODAY))
    assert facts.symbology == "ean-upc"
    assert (facts.expiry, facts.batch, facts.serial) == (None, None, None)


def test_a_weighed_item_keeps_the_weight_a_counted_one_not() -> None:
    from kiosk.domain.catalog import SaleUnit

    result = parse_scan("]d2" + "0104000000000013" + "3103000450", today=TODAY)
    counted = gs1_item_scanned(item("milk", gtins=("04000000000013",)), result, AT)
    weighed = gs1_item_scanned(item("cheese", unit=SaleUnit.WEIGHT), result, AT)
    assert counted.weight_g is None
    assert weighed.weight_g == 450
