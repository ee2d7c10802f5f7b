"""One use across the store, over real HTTP: HQ's coupon list (``kiosk hq coupons
import``) reaches a lane with the pull; a sale that used a serial-numbered coupon at
lane A goes up with the outbox, HQ records the redemption in the sale's transaction,
and lane B's next pull brings the used serial, which B's store then refuses. Before A's
sale reached HQ, B did not know (the documented window). Real HQ server on SQLite (and
PostgreSQL when KIOSK_TEST_PG_URL is set)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE, enrol_lane
from lane_helpers import lane_db

from kiosk.cli import main
from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import Coupon, Requirement, SaveKind
from kiosk.domain.tax import TaxRules
from kiosk.store.coupons import CouponRepository, record_redemptions
from kiosk.store.sales import build_sale_document, complete_sale
from kiosk.sync.catalog_pull import pull
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain

RULES = TaxRules.from_strings({"standard": "21", "reduced": "10"})
BREAD = CatalogItem("bread", (("en", "Bread"),), Money(250, "EUR"), "reduced")
COUPONS = {
    "coupons": [
        {"coupon_id": "store:00042", "name": "Bread 0.50 off", "save": "amount_off",
         "value": 50, "requirements": [{"amount": 1, "code": "units", "skus": ["bread"]}],
         "expires": "2049-12-31"},
    ],
    "families": [{"company_prefix": "0614141", "family": "120", "skus": ["soup"]}],
}  # fmt: skip
USED = "store:00042:00009"


def _sale(transaction_id: str, serial: str | None) -> dict:
    basket, _ = Basket(transaction_id, "EUR").add_item(BREAD)
    requirement = (Requirement(1, skus=frozenset({"bread"})),)
    coupon = Coupon("store:00042", "Bread 0.50 off", SaveKind.AMOUNT_OFF, 50, requirement)
    basket = basket.with_coupon(replace(coupon, serial=serial))
    totals = basket.totals(RULES)
    return build_sale_document(
        basket=basket, totals=totals, transaction_id=transaction_id, store_id=STORE,
        lane_id=LANE, started_at="2026-12-05T10:00:00Z", completed_at="2026-12-05T10:03:00Z",
        payments=[{"reference": f"p-{transaction_id}", "method": "card",
                   "amount": totals.total.minor, "outcome": "approved"}],
    )  # fmt: skip


@pytest.fixture
def lanes(tmp_path, hq_server, hq_engine, lane_token):
    token_b = enrol_lane(hq_engine, STORE, "lane-02")
    a = HqClient(hq_server.url, lane_token, timeout_s=5)
    b = HqClient(hq_server.url, token_b, timeout_s=5)
    conn_a, conn_b = lane_db(tmp_path / "a.sqlite3"), lane_db(tmp_path / "b.sqlite3")
    yield (conn_a, a), (conn_b, b)
    for client in (a, b):
        client.close()
    conn_a.close()
    conn_b.close()


def test_a_serial_used_at_one_lane_is_refused_at_the_other(lanes, hq_url, hq_engine, tmp_path):
    (conn_a, client_a), (conn_b, client_b) = lanes
    path = tmp_path / "coupons.json"
    path.write_text(json.dumps(COUPONS), encoding="utf-8")
    assert main(["hq", "--database-url", hq_url, "coupons", "import", str(path)]) == 0
    assert pull(conn_b, client_b, page_size=1).coupons == 2  # one page each
    listed = CouponRepository(conn_b).coupon_list()
    assert listed.offers["store:00042"].value == 50
    assert listed.families[("0614141", "120")] == frozenset({"soup"})

    for document in (_sale("tx-1", "00009"), _sale("tx-2", None)):
        complete_sale(conn_a, document, also=lambda c, d=document: record_redemptions(c, d))
    assert CouponRepository(conn_a).is_redeemed(USED)  # at once at lane A, offline
    pull(conn_b, client_b, page_size=10)
    assert not CouponRepository(conn_b).is_redeemed(USED)  # the window: not at HQ yet

    report = drain(conn_a, client_a, batch_size=10)
    assert (report.sent, report.dead) == (2, 0)
    with hq_engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT redemption_key, lane_id, transaction_id FROM coupon_redemption")
        ).all()
    assert [tuple(r) for r in rows] == [(USED, LANE, "tx-1")]
    assert pull(conn_b, client_b, page_size=10).coupons == 1
    assert CouponRepository(conn_b).is_redeemed(USED)
    assert pull(conn_b, client_b, page_size=10).coupons == 0  # nothing new

    conn_a.execute("UPDATE outbox SET sent_at = NULL")  # the replies were lost: a replay
    assert drain(conn_a, client_a, batch_size=10).duplicates == 2
    with hq_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM coupon_redemption")).scalar() == 1


def test_withdrawn_coupons_leave_the_lane(lanes, hq_url, tmp_path):
    _, (conn_b, client_b) = lanes
    path = tmp_path / "coupons.json"
    path.write_text(json.dumps(COUPONS), encoding="utf-8")
    assert main(["hq", "--database-url", hq_url, "coupons", "import", str(path)]) == 0
    pull(conn_b, client_b, page_size=10)
    path.write_text(json.dumps({"families": COUPONS["families"]}), encoding="utf-8")
    assert main(["hq", "--database-url", hq_url, "coupons", "import", str(path), "--replace"]) == 0
    pull(conn_b, client_b, page_size=10)
    assert CouponRepository(conn_b).coupon_list().offers == {}


def test_a_bad_coupons_file_names_the_entry(hq_url, hq_engine, tmp_path, capsys):
    path = tmp_path / "coupons.json"
    bad = {"coupons": [{**COUPONS["coupons"][0], "save": "half"}]}
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert main(["hq", "--database-url", hq_url, "coupons", "import", str(path)]) != 0
    assert "store:00042" in capsys.readouterr().err


def test_the_demo_coupons_file_imports(hq_url, hq_engine, capsys):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "assets" / "coupons" / "demo_coupons.json"
    assert main(["hq", "--database-url", hq_url, "coupons", "import", str(demo)]) == 0
    assert "3 coupon entries written" in capsys.readouterr().out
