"""The catalog repository: every barcode form, PLU, name search, categories, cursor."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.gtin import BarcodeError, check_digit, expand_upce
from kiosk.domain.money import Money
from kiosk.store.catalog import CatalogRepository, barcode_candidates
from kiosk.store.codec import item_from_json, item_to_json
from kiosk.store.errors import StoreError
from kiosk.store.sample_catalog import upce_of_sample


def by_sku(items: list[CatalogItem], sku: str) -> CatalogItem:
    return next(item for item in items if item.sku == sku)


def test_every_item_reads_back_equal(catalog: CatalogRepository, items: list[CatalogItem]) -> None:
    assert catalog.count() == len(items)
    for item in items:
        assert catalog.get(item.sku) == item
        assert catalog.get(item.sku).image == item.image  # type: ignore[union-attr]
    assert catalog.get("no-such-sku") is None


def test_every_gtin_finds_its_item(catalog: CatalogRepository, items: list[CatalogItem]) -> None:
    for item in items:
        for gtin14 in item.gtins:
            assert catalog.lookup(gtin14) == item
            assert catalog.lookup(gtin14.lstrip("0").zfill(13)) == item  # as EAN-13


@pytest.mark.parametrize(
    ("code", "sku"),
    [
        ("4011", "P0001"),  # PLU, bananas
        ("94011", "P0032"),  # 5-digit organic PLU
        ("7001", "B0001"),  # store PLU, baguette
        ("84123459", "E00001"),  # EAN-8
        ("036000291452", "U00001"),  # UPC-A
        ("0036000291452", "U00001"),  # UPC-A as EAN-13
        ("00036000291452", "U00001"),  # GTIN-14
        (" 036000291452\r\n", "U00001"),  # scanner suffix
        ("042100005264", "E00002"),  # UPC-A of a UPC-E item
    ],
)
def test_lookup_by_every_form(catalog: CatalogRepository, code: str, sku: str) -> None:
    item = catalog.lookup(code)
    assert item is not None
    assert item.sku == sku


def test_lookup_by_upce(catalog: CatalogRepository) -> None:
    upce = upce_of_sample()
    assert len(upce) == 8
    item = catalog.lookup(upce)
    assert item is not None
    assert item.sku == "E00002"


@pytest.mark.parametrize("code", ["4010", "12345678", "00000000000000", "9501234567891"])
def test_unknown_codes_are_none(catalog: CatalogRepository, code: str) -> None:
    if len(code) == 8:
        code = code[:7] + str(check_digit(code[:7]))
    assert catalog.lookup(code) is None


@pytest.mark.parametrize(
    "code", ["", "abc", "401", "123456", "8410148001136", "84101480011", "1" * 15, "٤٠١١", "4011x"]
)
def test_malformed_codes_raise_barcode_error(catalog: CatalogRepository, code: str) -> None:
    with pytest.raises(BarcodeError):
        catalog.lookup(code)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(code=st.one_of(st.text(max_size=20), st.text("0123456789", max_size=16)))
def test_garbage_lookup_only_finds_or_refuses(catalog: CatalogRepository, code: str) -> None:
    try:
        item = catalog.lookup(code)
    except BarcodeError:
        return
    if item is not None:  # found only by what the code normalises to
        gtins, plu = barcode_candidates(code)
        assert item.plu == plu or set(item.gtins) & set(gtins)


def test_barcode_candidates_of_an_ambiguous_8_digit_code() -> None:
    # Both a valid EAN-8 and a valid UPC-E: both readings are tried, EAN-8 first.
    code = _both_ean8_and_upce()
    gtins, plu = barcode_candidates(code)
    assert plu is None
    assert gtins == [code.zfill(14), expand_upce(code).zfill(14)]


def _both_ean8_and_upce() -> str:
    for n in range(10**6):
        code = f"0{n:06d}" + str(check_digit(f"0{n:06d}"))
        with contextlib.suppress(BarcodeError):
            expand_upce(code)
            return code
    raise AssertionError("no such code")


def test_search_by_name_in_any_language_ignoring_accents(catalog: CatalogRepository) -> None:
    assert [i.sku for i in catalog.search("banana")][:2] == ["P0001", "P0032"]
    assert {i.sku for i in catalog.search("platanos")} == {"P0001", "P0032"}
    assert {i.sku for i in catalog.search("PLÁTANOS eco")} == {"P0032"}
    assert {i.sku for i in catalog.search("clémentines")} == {"P0003"}
    beers = catalog.search("beer", category="beer_wine", limit=100)
    assert beers
    assert all(i.category == "beer_wine" and i.age_limit == 18 for i in beers)
    assert catalog.search("tomat", category="produce", limit=1)[0].plu in ("4087", "4664")
    assert catalog.search("") == []
    assert catalog.search('"*) OR NOT (') == []  # FTS syntax in the input is only text


def test_by_category_and_categories(catalog: CatalogRepository, items: list[CatalogItem]) -> None:
    produce = catalog.by_category("produce")
    assert [i.sku for i in produce] == sorted(i.sku for i in items if i.category == "produce")
    assert any(i.unit is SaleUnit.WEIGHT for i in produce)
    assert len(catalog.by_category("produce", limit=3)) == 3
    assert catalog.by_category("nothing") == []
    assert catalog.categories() == sorted({i.category for i in items})


def test_upsert_replaces_names_gtins_and_search(
    catalog: CatalogRepository, items: list[CatalogItem]
) -> None:
    beer = by_sku(items, "S00113")
    new_gtin = "09501234567891"
    renamed = replace(beer, names=(("en", "Pilsner"),), gtins=(new_gtin,), price=Money(99, "EUR"))
    catalog.upsert([renamed])
    assert catalog.get("S00113") == renamed
    assert catalog.lookup(beer.gtins[0]) is None  # the old code no longer sells it
    assert catalog.lookup(new_gtin) == renamed
    assert [i.sku for i in catalog.search("pilsner")] == ["S00113"]
    assert "S00113" not in {i.sku for i in catalog.search("rubia", limit=500)}
    assert catalog.count() == len(items)


def test_apply_changes_moves_the_cursor_with_the_changes(
    catalog: CatalogRepository, items: list[CatalogItem]
) -> None:
    assert catalog.cursor() is None
    gone = by_sku(items, "P0001")
    catalog.apply_changes(
        [replace(by_sku(items, "P0002"), price=Money(1, "EUR"))], ["P0001", "missing"], "c-1"
    )
    assert catalog.cursor() == "c-1"
    assert catalog.get("P0001") is None
    assert catalog.lookup(gone.plu or "") is None
    assert catalog.search("bananes", limit=5)[0].sku == "P0032"
    # A failing batch changes nothing, not even the cursor (invariant 5).
    clash = replace(by_sku(items, "P0003"), plu="4012")  # PLU of P0002
    with pytest.raises(StoreError, match="UNIQUE"):
        catalog.apply_changes(
            [replace(by_sku(items, "P0004"), price=Money(5, "EUR")), clash], ["P0005"], "c-2"
        )
    assert catalog.cursor() == "c-1"
    assert catalog.get("P0004") == by_sku(items, "P0004")
    assert catalog.get("P0005") is not None


def test_item_snapshot_round_trip(items: list[CatalogItem]) -> None:
    for item in items:
        restored = item_from_json(item_to_json(item))
        assert restored == item
        assert restored.image == item.image
    with pytest.raises(StoreError, match="snapshot"):
        item_from_json('{"sku": "x"}')


def test_a_hand_edited_bad_row_is_a_store_error(
    conn: sqlite3.Connection, catalog: CatalogRepository
) -> None:
    conn.execute("UPDATE catalog_item SET currency = 'XXX' WHERE sku = 'P0001'")
    with pytest.raises(StoreError, match="P0001"):
        catalog.get("P0001")


def test_a_refused_item_is_skipped_and_the_cursor_still_moves(
    catalog: CatalogRepository, items: list[CatalogItem]
) -> None:
    produce = [item for item in items if item.plu][:2]
    clash = replace(produce[1], sku="NEW-1", gtins=(), plu=produce[0].plu)
    fine = replace(produce[1], sku="NEW-2", gtins=(), plu=None)
    skipped: list[str] = []
    written = catalog.apply_changes([clash, fine], [], "42", skipped=skipped)
    assert written == 1
    assert len(skipped) == 1
    assert skipped[0].startswith("NEW-1: ")
    assert catalog.get("NEW-1") is None
    assert catalog.get("NEW-2") is not None
    assert catalog.cursor() == "42"
