"""Catalog import at HQ (CSV) and the paged "changes since cursor" endpoint."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.hq.catalog_csv import COLUMNS, import_csv, parse_row
from kiosk.hq.errors import CatalogImportError

HEADER = ",".join(COLUMNS)


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _row(sku: str, price: str = "1.99", gtin: str = "", plu: str = "") -> str:
    return f"{sku},{gtin},{plu},Item {sku},Artículo {sku},,{price},standard,each,,,,misc,"


def _pages(server, token: str, cursor: int = 0, limit: int = 2) -> list[dict]:
    pages = []
    while True:
        page = httpx.get(
            f"{server.url}/api/v1/catalog/changes",
            params={"cursor": cursor, "limit": limit},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        pages.append(page)
        cursor = page["cursor"]
        if not page["more"]:
            return pages


def test_changes_are_paged_in_version_order_and_only_real_changes_count(
    hq_server, hq_engine, lane_token, tmp_path
):
    rows = [_row("A", gtin="4006381333931"), _row("B", plu="4011"), _row("C"), _row("D")]
    assert import_csv(hq_engine, _write(tmp_path / "c.csv", rows), "EUR") == (4, 4)
    pages = _pages(hq_server, lane_token)
    items = [i for p in pages for i in p["items"]]
    assert [len(p["items"]) for p in pages] == [2, 2]
    assert [i["sku"] for i in items] == ["A", "B", "C", "D"]
    assert items[0]["gtins"] == ["04006381333931"]
    assert items[0]["names"] == {"en": "Item A", "es": "Artículo A"}
    assert items[1]["plu"] == "4011"
    assert items[0]["price"] == 199
    cursor = pages[-1]["cursor"]

    rows[2] = _row("C", price="2.49")
    assert import_csv(hq_engine, _write(tmp_path / "c.csv", rows), "EUR") == (4, 1)
    changed = _pages(hq_server, lane_token, cursor)
    assert [(i["sku"], i["price"]) for p in changed for i in p["items"]] == [("C", 249)]

    assert import_csv(hq_engine, _write(tmp_path / "c.csv", rows[:2]), "EUR", replace=True) == (
        2,
        2,
    )
    gone = [i for p in _pages(hq_server, lane_token, changed[-1]["cursor"]) for i in p["items"]]
    assert [(i["sku"], i["deleted"]) for i in gone] == [("C", True), ("D", True)]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_row("X", price="abc"), "not an amount"),
        (_row("X", gtin="4006381333932"), "check digit"),
        (_row("X", plu="12"), "PLU"),
        (_row(""), "empty sku"),
        ("X,,,,,,1.00,standard,each,,,,,", "no name"),
        ("X,,,Name,,,1.00,standard,litre,,,,,", "litre"),
        ("X,,,Name,,,1.00,standard,each,-3,,,,", "age_limit"),
    ],
)
def test_a_bad_row_names_its_line_and_nothing_is_imported(hq_engine, tmp_path, row, message):
    path = _write(tmp_path / "bad.csv", [_row("OK"), row])
    with pytest.raises(CatalogImportError, match=message) as caught:
        import_csv(hq_engine, path, "EUR")
    assert "bad.csv:3" in str(caught.value)
    with hq_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM catalog_item")).scalar_one() == 0


def test_a_file_without_the_needed_columns_is_refused(hq_engine, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("name,cost\nx,1\n", encoding="utf-8")
    with pytest.raises(CatalogImportError, match="missing column"):
        import_csv(hq_engine, path, "EUR")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(COLUMNS), st.text(max_size=20)))
def test_garbage_rows_raise_value_error_only(row):
    try:
        parsed = parse_row(row, "EUR")
    except ValueError:
        return
    assert parsed["price"] >= 0
    assert parsed["sku"]


def test_the_lanes_sample_catalog_imports_with_its_barcodes(hq_engine, tmp_path: Path) -> None:
    from kiosk.store.sample_catalog import write_catalog_csv

    path = tmp_path / "sample.csv"
    write_catalog_csv(path)
    read, _ = import_csv(hq_engine, path, "EUR")
    with hq_engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT gtins FROM catalog_item WHERE sku = 'S00113'").all()
    assert read > 200
    assert json.loads(rows[0][0]) == ["08410148001135"]
