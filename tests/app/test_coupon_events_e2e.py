"""Coupon service events end to end: a real lane (demo devices' simulators, its own SQLite
store, the sync thread) sends its coupon events to a real HQ server on 127.0.0.1, and
HQ's coupon KPIs show exactly the scripted session.

GIVEN a lane enrolled at HQ (SQLite, and PostgreSQL at $KIOSK_TEST_PG_URL) and a GS1
      DataBar coupon (AI 8110, 0.25 off an item of the milk's company, serial 123456789)
WHEN  a scripted shopper scans the coupon before any item, then milk, the coupon (twice),
      a truncated coupon code and a store coupon the store's list lacks, and pays
THEN  ``GET /api/v1/kpis`` and ``kiosk hq kpis --json`` count 1 coupon accepted (8110),
      4 refused (scan_items_first, twice, unreadable, unknown), 0.25 EUR saved and 400
      refusals per 100 transactions; every event was sent once, and nothing HQ stored
      holds the coupon's serial.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from app_fixtures import MILK

sys.path.insert(0, str(Path(__file__).parents[1] / "hq"))  # HQ's test fixtures, as tests/sync
from hq_fixtures import BACKENDS, make_hq_url, pg_database

from kiosk.app.console import LaneConsole
from kiosk.app.wiring import build_lane
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.domain.offers.coupons import encode_store_coupon
from kiosk.hq import web
from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import ServerThread
from kiosk.store.service_events import queued_events

__all__ = ["pg_database"]  # the PostgreSQL case's database (a fixture)

ADMIN = "admin-token-coupons-e2e-0123456789ab"
SERIAL = "123456789"
COUPON = "]e0" + "8110" + encode_8110(
    NorthAmericanCoupon(MILK[:7], "654321", 25, Purchase(1, RequirementCode.UNITS, "000"),
                        serial=SERIAL)
)  # fmt: skip
SCRIPT = f"""
{COUPON}
{MILK}
wait shopping 20
{COUPON}
{COUPON}
]e081100123456
{encode_store_coupon("77", "1")}
pay
wait finished 60
next
wait idle 20
synced 60
"""
EXPECTED = {
    "transactions": 1,
    "coupons_accepted": 1,
    "coupons_accepted_by_kind": {"8110": 1},
    "coupons_refused": 4,
    "coupons_refused_by_reason": {"scan_items_first": 1, "twice": 1, "unknown": 1,
                                  "unreadable": 1},
    "coupon_acceptance_rate": 0.2,
    "coupon_savings_minor": {"EUR": 25},
    "coupon_refusals_per_100": 400.0,
}  # fmt: skip


@pytest.fixture(params=BACKENDS)
def hq(request: pytest.FixtureRequest, tmp_path: Path):
    url = make_hq_url(request.param, tmp_path, request)
    engine = create_engine(url, pool_size=5)
    upgrade(engine)
    server = ServerThread(engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN)
    server.start()
    yield engine, server, url
    server.stop(force=True)
    engine.dispose()


def test_a_scripted_basket_of_coupons_shows_exactly_its_counts_at_hq(rig_config, hq):
    engine, server, url = hq
    _rig, config = rig_config
    token = enrol_lane(engine, config.lane.store_id, config.lane.lane_id)
    config = dataclasses.replace(
        config, sync=dataclasses.replace(config.sync, hq_url=server.url, token=token)
    )
    lane = build_lane(config)
    out: list[str] = []
    lane.start()
    try:
        status = LaneConsole(lane, out.append).run(SCRIPT.strip().splitlines())
    finally:
        lane.stop()
    assert status == 0, "\n".join(out)

    kpis = httpx.get(
        f"{server.url}/api/v1/kpis", headers={"Authorization": f"Bearer {ADMIN}"}
    ).json()["kpis"]
    assert {k: kpis[k] for k in EXPECTED} == EXPECTED
    cli = subprocess.run(
        [sys.executable, "-m", "kiosk", "hq", "--database-url", url, "kpis", "--json"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert {k: json.loads(cli.stdout)["kpis"][k] for k in EXPECTED} == EXPECTED

    lane_db = sqlite3.connect(config.store.path)
    coupon_events = [e for e in queued_events(lane_db) if e["type"].startswith("coupon.")]
    assert len(coupon_events) == 5
    sent = lane_db.execute(
        "SELECT count(*), sum(sent_at IS NOT NULL) FROM outbox WHERE kind = 'event'"
    ).fetchone()
    assert sent[0] == sent[1] > 0
    assert lane_db.execute("SELECT count(*) FROM sync_dead_letter").fetchone() == (0,)
    with engine.connect() as conn:
        at_hq = conn.exec_driver_sql("SELECT count(*) FROM service_event").scalar()
        stored = conn.exec_driver_sql("SELECT data FROM service_event").scalars().all()
    assert at_hq == sent[0]
    assert not any(SERIAL in text for text in stored)
