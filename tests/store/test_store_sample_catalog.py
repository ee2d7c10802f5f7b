"""The sample catalog generator: deterministic, valid codes, the items the lane must handle."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.catalog import SaleUnit
from kiosk.domain.gtin import BarcodeError, expand_upce, is_valid_gtin, to_gtin14
from kiosk.store.catalog_csv import normalise_gtin
from kiosk.store.sample_catalog import (
    HEADER,
    catalog_rows,
    display_gtin,
    sample_items,
    upce_of_sample,
    write_catalog_csv,
)


def test_the_sample_is_deterministic_and_realistic() -> None:
    items = sample_items()
    assert items == sample_items()
    assert 200 <= len(items) <= 400
    assert len({i.sku for i in items}) == len(items)
    gtins = [g for i in items for g in i.gtins]
    assert len(set(gtins)) == len(gtins)
    assert all(len(g) == 14 and is_valid_gtin(g) for g in gtins)
    assert sum(g.startswith("084") for g in gtins) >= 200  # Spanish GS1 prefix
    by_plu = {i.plu: i for i in items if i.plu}
    assert by_plu["4011"].name("en") == "Bananas"
    assert by_plu["4011"].name("es") == "Plátanos"
    assert by_plu["4012"].name("fr") == "Oranges navel"
    assert by_plu["4011"].unit is SaleUnit.WEIGHT
    assert {i.category for i in items if i.age_limit == 18} == {"beer_wine", "spirits", "tobacco"}
    assert any(i.deposit for i in items)
    assert any(i.quantity_limit for i in items)
    assert {"bakery", "produce", "dairy"} <= {i.category for i in items}
    assert all({lang for lang, _ in i.names} == {"en", "es", "fr"} for i in items)
    assert expand_upce(upce_of_sample()).zfill(14) in gtins


def test_large_catalogs_have_unique_valid_codes(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    assert write_catalog_csv(path, 3000) == 3000
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 3001
    assert len({r[0] for r in rows[1:]}) == 3000
    codes = [c for r in rows[1:] for c in r[1].split("|") if c]
    assert len(set(codes)) == len(codes)
    assert all(is_valid_gtin(c) for c in codes)
    assert list(catalog_rows(10)) == rows[1:11]


@given(st.text("0123456789", min_size=8, max_size=14))
def test_normalise_gtin_is_to_gtin14(code: str) -> None:
    def outcome(normalise: Callable[[str], str]) -> str:
        try:
            return normalise(code)
        except BarcodeError:
            return "BarcodeError"

    assert outcome(normalise_gtin) == outcome(lambda c: to_gtin14(c, allow_upce=True))


@given(st.sampled_from(sample_items()))
def test_display_form_reads_back(item: object) -> None:
    for gtin in item.gtins:  # type: ignore[attr-defined]
        assert to_gtin14(display_gtin(gtin)) == gtin
