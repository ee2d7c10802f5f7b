"""A sale built by the real domain and store code (basket, tax, build_sale_document,
complete_sale) goes from the lane's outbox to HQ and is accepted as it is: the lane's
documents and HQ's strict model agree."""

from __future__ import annotations

import pytest
from hq_fixtures import LANE, STORE, hq_sales
from lane_helpers import assert_hq_equals_lane, lane_db

from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.store.sales import build_sale_document, complete_sale
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain

RULES = TaxRules.from_strings({"standard": "21", "reduced": "10"})
BANANAS = CatalogItem(
    "P4011",
    (("en", "Bananas"), ("es", "Plátanos")),
    Money(199, "EUR"),
    "reduced",
    plu="4011",
    unit=SaleUnit.WEIGHT,
)
WATER = CatalogItem(
    "S1",
    (("en", "Water 1.5 l"),),
    Money(89, "EUR"),
    "standard",
    gtins=("05410188031430",),
    deposit=Money(25, "EUR"),
)
WINE = CatalogItem("S2", (("en", "Red wine"),), Money(599, "EUR"), "standard", age_limit=18)


def _sale(transaction_id: str) -> dict:
    basket = Basket(transaction_id, "EUR")
    basket, _ = basket.add_item(BANANAS, 1, 1234, scanned_code="4011")
    basket, _ = basket.add_item(WATER, 3, scanned_code="5410188031430")
    basket, _ = basket.add_item(WINE)
    basket, _ = basket.void_line(3)
    totals = basket.totals(RULES)
    payment = {
        "reference": f"pay-{transaction_id}",
        "method": "card",
        "amount": totals.total.minor,
        "outcome": "approved",
        "auth_code": "123456",
        "masked_pan": "************1234",
        "brand": "VISA",
        "terminal_transaction_id": "t-1",
    }
    audit = [
        {
            "at": "2026-11-22T10:02:00Z",
            "staff_id": "s-17",
            "action": "void_line",
            "reason": "changed mind",
            "details": {"line_no": 3},
        }
    ]
    return build_sale_document(
        basket=basket,
        totals=totals,
        transaction_id=transaction_id,
        store_id=STORE,
        lane_id=LANE,
        started_at="2026-11-22T10:00:00Z",
        completed_at="2026-11-22T10:03:00Z",
        payments=[payment],
        audit=audit,
    )


@pytest.fixture
def client(hq_server, lane_token):
    client = HqClient(hq_server.url, lane_token, timeout_s=5)
    yield client
    client.close()


def test_real_sales_are_accepted_by_hq_unchanged(tmp_path, client, hq_engine):
    lane = lane_db(tmp_path / "lane.sqlite3")
    for n in range(3):
        complete_sale(lane, _sale(f"tx-{n}"))
    report = drain(lane, client, batch_size=10)
    assert (report.sent, report.dead) == (3, 0), lane.execute(
        "SELECT reason FROM sync_dead_letter"
    ).fetchall()
    assert_hq_equals_lane(hq_engine, lane)
    assert {t for t, _ in hq_sales(hq_engine)} == {"tx-0", "tx-1", "tx-2"}
    lane.close()


def test_lane_audit_records_reach_hq_once(tmp_path, client, hq_engine, hq_server, lane_token):
    import httpx
    import sqlalchemy as sa

    from kiosk.domain.staff import Action
    from kiosk.store.audit import AuditLog

    lane = lane_db(tmp_path / "lane.sqlite3")
    log = AuditLog(lane, STORE, LANE)
    records = [
        log.record(next(iter(Action)), staff_id="s-17", reason="shift start", details={"n": n})
        for n in range(3)
    ]
    complete_sale(lane, _sale("tx-a"))
    report = drain(lane, client, batch_size=2)
    assert (report.sent, report.dead) == (4, 0)
    lane.execute("UPDATE outbox SET sent_at = NULL WHERE kind = 'audit'")  # replies lost
    assert drain(lane, client, batch_size=10).duplicates == 3
    with hq_engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT audit_id, staff_id FROM lane_audit")).all()
    assert sorted(r[0] for r in stored) == sorted(r.audit_id for r in records)
    other = {
        "schema": 1,
        "kind": "audit",
        "transaction_id": "x",
        "store_id": STORE,
        "lane_id": "lane-99",
        "at": "2026-11-22T10:00:00Z",
        "action": "sign_in",
    }
    refused = httpx.post(
        f"{hq_server.url}/api/v1/audit/batch",
        json={"records": [other]},
        headers={"Authorization": f"Bearer {lane_token}"},
    )
    assert refused.status_code == 403
    lane.close()
