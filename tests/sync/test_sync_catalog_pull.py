"""The catalog puller: HQ's changes reach the lane's catalog, page by page, each page in one
transaction with its cursor (DESIGN.md invariant 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lane_helpers import lane_db

from kiosk.hq.catalog_csv import COLUMNS, import_csv
from kiosk.store.catalog import CatalogRepository
from kiosk.sync.catalog_pull import entry_to_item, pull
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqUnreachable


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def _row(sku: str, price: str = "1.00", gtin: str = "", plu: str = "") -> str:
    return f"{sku},{gtin},{plu},Item {sku},,,{price},standard,each,,,,misc,"


ROWS = [
    _row("A", gtin="4006381333931"),
    _row("B", plu="4011"),
    *[_row(f"N{i:03d}") for i in range(20)],
]


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


@pytest.fixture
def client(hq_server, lane_token):
    client = HqClient(hq_server.url, lane_token, timeout_s=5)
    yield client
    client.close()


def test_a_new_lane_pulls_the_whole_catalog_then_only_changes(lane, client, hq_engine, tmp_path):
    import_csv(hq_engine, _csv(tmp_path / "c.csv", ROWS), "EUR")
    report = pull(lane, client, page_size=5)
    repo = CatalogRepository(lane)
    assert (report.pages, report.upserts) == (5, 22)
    assert repo.count() == 22
    assert repo.lookup("4006381333931").sku == "A"
    assert repo.by_plu("4011").sku == "B"
    assert repo.cursor() == str(report.cursor)

    rows = [_row("A", price="2.50", gtin="4006381333931"), *ROWS[1:3]]
    import_csv(hq_engine, _csv(tmp_path / "c.csv", rows), "EUR", replace=True)
    again = pull(lane, client, page_size=5)
    assert (again.upserts, again.deletes) == (1, 19)
    assert repo.get("A").price.minor == 250
    assert repo.get("N005") is None
    assert repo.count() == 3
    assert pull(lane, client, page_size=5).pages == 0


def test_a_failure_between_pages_keeps_what_was_applied_with_its_cursor(
    lane, hq_server, lane_token, hq_engine, tmp_path
):
    import_csv(hq_engine, _csv(tmp_path / "c.csv", ROWS), "EUR")

    class FailsOnSecondPage(HqClient):
        calls = 0

        def catalog_changes_text(self, cursor, limit):
            self.calls += 1
            if self.calls == 2:
                raise HqUnreachable("network gone")
            return super().catalog_changes_text(cursor, limit)

    flaky = FailsOnSecondPage(hq_server.url, lane_token)
    with pytest.raises(HqUnreachable):
        pull(lane, flaky, page_size=10)
    flaky.close()
    repo = CatalogRepository(lane)
    assert repo.count() == 10
    cursor_after_first = int(repo.cursor())
    client = HqClient(hq_server.url, lane_token)
    report = pull(lane, client, page_size=10)
    client.close()
    assert report.upserts == 12
    assert repo.count() == 22
    assert int(repo.cursor()) > cursor_after_first


def test_price_changes_wait_while_a_basket_is_open(lane, client, hq_engine, tmp_path):
    import_csv(hq_engine, _csv(tmp_path / "c.csv", ROWS[:2]), "EUR")
    held = pull(lane, client, page_size=5, can_apply=lambda: False)
    assert held.held_back
    assert CatalogRepository(lane).count() == 0
    assert CatalogRepository(lane).cursor() is None
    assert pull(lane, client, page_size=5, can_apply=lambda: True).upserts == 2


@pytest.mark.parametrize(
    "entry",
    [
        {},
        {"sku": "X", "names": "Water", "price": 1, "currency": "EUR", "tax_class": "s"},
        {"sku": "X", "names": {"en": "W"}, "price": -5, "currency": "EUR", "tax_class": "s"},
        {"sku": "X", "names": {"en": "W"}, "price": 5, "currency": "EURO", "tax_class": "s"},
        {
            "sku": "X",
            "names": {"en": "W"},
            "price": 5,
            "currency": "EUR",
            "tax_class": "s",
            "unit": "litre",
        },
    ],
)
def test_a_malformed_entry_is_a_catalog_error(entry):
    from kiosk.domain.catalog import CatalogError

    with pytest.raises(CatalogError):
        entry_to_item(entry)
