"""CSV catalog import: all rows or none, every bad value named by row and column."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money
from kiosk.store.catalog import CatalogRepository
from kiosk.store.catalog_import import import_csv
from kiosk.store.errors import CatalogImportError, StoreError
from kiosk.store.sample_catalog import HEADER, catalog_rows, item_row

GOOD = [
    "X1",
    "8410148001135|036000291452",
    "",
    "Lager",
    "Cerveza",
    "Bière",
    "0.79",
    "standard",
    "each",
    "18",
    "24",
    "0.10",
    "beer_wine",
    "beer.png",
]


def write(path: Path, rows: list[list[str]], header: tuple[str, ...] | list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_sample_catalog_imports_completely(
    conn: sqlite3.Connection, sample_csv: Path, items: list[CatalogItem]
) -> None:
    result = import_csv(conn, sample_csv, progress=False)
    assert result.items == len(items)
    assert result.barcodes == sum(len(i.gtins) for i in items)
    repository = CatalogRepository(conn)
    for item in items:
        assert repository.get(item.sku) == item
    assert repository.meta("source") == sample_csv.name
    triggers = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'catalog_item'"
    ).fetchone()[0]
    assert triggers == 3  # dropped for the bulk load, back in the same transaction
    assert {i.sku for i in repository.search("platanos")} == {"P0001", "P0032"}
    assert repository.meta(
        "imported_at",
    ).endswith("Z")  # type: ignore[union-attr]


def test_the_repository_asset_is_the_generated_sample() -> None:
    asset = Path(__file__).parents[2] / "assets" / "catalog" / "sample_catalog.csv"
    with asset.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(HEADER)
    assert rows[1:] == list(catalog_rows())


def test_a_good_row_in_detail(conn: sqlite3.Connection, tmp_path: Path) -> None:
    import_csv(conn, write(tmp_path / "c.csv", [GOOD]), currency="EUR", progress=False)
    item = CatalogRepository(conn).lookup("036000291452")
    assert item == CatalogItem(
        sku="X1",
        names=(("en", "Lager"), ("es", "Cerveza"), ("fr", "Bière")),
        price=Money(79, "EUR"),
        tax_class="standard",
        gtins=("00036000291452", "08410148001135"),
        unit=SaleUnit.EACH,
        age_limit=18,
        quantity_limit=24,
        deposit=Money(10, "EUR"),
        category="beer_wine",
        image="beer.png",
    )


def test_columns_in_any_order_optional_ones_missing(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "c.csv",
        [["1,50", "reduced", "Pan", "7001", "B1"]],
        header=["price", "tax_class", "name_es", "plu", "sku"],
    )
    with pytest.raises(CatalogImportError, match="row 2 column price"):
        import_csv(conn, path, progress=False)
    path = write(
        tmp_path / "c.csv",
        [["1.50", "reduced", "Pan", "7001", "B1"]],
        header=["price", "tax_class", "name_es", "plu", "sku"],
    )
    import_csv(conn, path, progress=False)
    item = CatalogRepository(conn).lookup("7001")
    assert item is not None
    assert (item.name("en"), item.price, item.unit) == ("Pan", Money(150, "EUR"), SaleUnit.EACH)


BAD_CELLS = [
    ("sku", "", "sku"),
    ("gtin", "8410148001136", "gtin"),
    ("gtin", "12345", "gtin"),
    ("plu", "12", "plu"),
    ("price", "abc", "price"),
    ("price", "-1.00", "price"),
    ("price", "0.001", "price"),
    ("price", "", "price"),
    ("price", "1e30", "price"),
    ("price", "NaN", "price"),
    ("tax_class", "", "tax_class"),
    ("unit", "litre", "unit"),
    ("age_limit", "eighteen", "age_limit"),
    ("age_limit", "120", "age_limit"),
    ("quantity_limit", "0", "quantity_limit"),
    ("deposit", "-0.10", "deposit"),
    ("deposit", "x", "deposit"),
]


@pytest.mark.parametrize(("column", "value", "named"), BAD_CELLS)
def test_a_bad_cell_is_named_and_nothing_is_imported(
    conn: sqlite3.Connection, tmp_path: Path, column: str, value: str, named: str
) -> None:
    bad = list(GOOD)
    bad[HEADER.index(column)] = value
    other = ["X2", "", "4011", "Bananas", "", "", "1.99", "reduced", "weight", "", "", "", "", ""]
    path = write(tmp_path / "c.csv", [other, bad])
    with pytest.raises(CatalogImportError) as caught:
        import_csv(conn, path, progress=False)
    assert caught.value.problems[0][:2] == (3, named)
    assert f"row 3 column {named}" in str(caught.value)
    assert CatalogRepository(conn).count() == 0  # the good row was not imported either


def test_all_names_empty(conn: sqlite3.Connection, tmp_path: Path) -> None:
    bad = list(GOOD)
    for column in ("name_en", "name_es", "name_fr"):
        bad[HEADER.index(column)] = ""
    with pytest.raises(CatalogImportError, match=r"row 2 column name_\*"):
        import_csv(conn, write(tmp_path / "c.csv", [bad]), progress=False)


def test_duplicates_across_rows(conn: sqlite3.Connection, tmp_path: Path) -> None:
    twin = list(GOOD)
    twin[HEADER.index("gtin")] = "036000291452"
    plu_a = ["A", "", "4011", "a", "", "", "1", "reduced", "", "", "", "", "", ""]
    plu_b = ["B", "", "4011", "b", "", "", "1", "reduced", "", "", "", "", "", ""]
    path = write(tmp_path / "c.csv", [GOOD, twin, plu_a, plu_b])
    with pytest.raises(CatalogImportError) as caught:
        import_csv(conn, path, progress=False)
    problems = caught.value.problems
    assert (3, "sku", "'X1' appears twice in the file") in problems
    assert (3, "gtin", "00036000291452 is already used in row 2") in problems
    assert (5, "plu", "4011 is already used in row 4") in problems
    assert caught.value.bad_rows == 2


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (["sku", "price", "tax_class"], "name_<language>: required column missing"),
        (["sku", "name_en", "tax_class"], "price: required column missing"),
        (["sku", "name_en", "price", "tax_class", "colour"], "colour: unknown column"),
        (["sku", "name_en", "price", "tax_class", "sku"], "sku: column appears twice"),
    ],
)
def test_bad_header(
    conn: sqlite3.Connection, tmp_path: Path, header: list[str], message: str
) -> None:
    with pytest.raises(CatalogImportError, match=f"row 1 column {message}"):
        import_csv(conn, write(tmp_path / "c.csv", [], header=header), progress=False)


def test_short_row_and_empty_file(conn: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(CatalogImportError, match="row 2 column \\(row\\): has 3 cells"):
        import_csv(conn, write(tmp_path / "c.csv", [["a", "b", "c"]]), progress=False)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CatalogImportError, match="empty"):
        import_csv(conn, empty, progress=False)
    with pytest.raises(StoreError, match="cannot read"):
        import_csv(conn, tmp_path / "missing.csv", progress=False)


def test_a_failed_import_keeps_the_catalog_that_was_there(
    conn: sqlite3.Connection, sample_csv: Path, tmp_path: Path, items: list[CatalogItem]
) -> None:
    import_csv(conn, sample_csv, progress=False)
    bad = list(GOOD)
    bad[HEADER.index("price")] = "free"
    with pytest.raises(CatalogImportError):
        import_csv(conn, write(tmp_path / "c.csv", [GOOD, bad]), replace=True, progress=False)
    repository = CatalogRepository(conn)
    assert repository.count() == len(items)
    assert repository.get("X1") is None
    assert repository.get(items[0].sku) == items[0]


def test_merge_and_replace(
    conn: sqlite3.Connection, sample_csv: Path, tmp_path: Path, items: list[CatalogItem]
) -> None:
    import_csv(conn, sample_csv, progress=False)
    changed = item_row(items[0])
    changed[HEADER.index("price")] = "0.50"
    small = write(tmp_path / "c.csv", [changed, GOOD])
    import_csv(conn, small, progress=False)
    repository = CatalogRepository(conn)
    assert repository.count() == len(items) + 1
    assert repository.get(items[0].sku).price == Money(50, "EUR")  # type: ignore[union-attr]
    import_csv(conn, small, replace=True, progress=False)
    assert repository.count() == 2
    assert repository.lookup(items[-1].gtins[0]) is None
    assert [i.sku for i in repository.search("lager")] == ["X1"]


def test_many_bad_rows_are_counted_and_the_report_is_bounded(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    rows = [
        [f"s{n}", "", "", "n", "", "", "bad", "reduced", "", "", "", "", "", ""] for n in range(500)
    ]
    with pytest.raises(CatalogImportError) as caught:
        import_csv(conn, write(tmp_path / "c.csv", rows), progress=False)
    assert caught.value.bad_rows == 500
    assert len(caught.value.problems) == CatalogImportError.MAX_REPORTED
    assert "and 490 more bad rows" in str(caught.value)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=15), max_size=5).map(
            lambda rows: "\n".join([",".join(HEADER), *(",".join(r) for r in rows)]).encode()
        ),
    )
)
def test_garbage_files_import_fully_or_not_at_all(
    conn: sqlite3.Connection, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(data)
    repository = CatalogRepository(conn)
    before = repository.count()
    refused: CatalogImportError | None = None
    try:
        result = import_csv(conn, path, progress=False)
    except CatalogImportError as error:
        refused = error
    assert not conn.in_transaction
    if refused is None:
        assert repository.count() >= result.items
        return
    assert refused.problems
    assert all(row >= 1 and column for row, column, _ in refused.problems)
    assert repository.count() == before


def test_progress_bar_on_request(
    conn: sqlite3.Connection, sample_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_csv(conn, sample_csv, progress=True)
    err = capsys.readouterr().err
    assert "catalog import" in err
    assert "267/267" in err
    import_csv(conn, sample_csv, progress=False)
    assert capsys.readouterr().err == ""
