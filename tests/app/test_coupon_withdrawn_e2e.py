"""Withdrawn coupons end to end: a real lane (its own SQLite store, the sync thread) sends
``coupon.withdrawn`` and ``coupon.reinstated`` through its outbox to a real HQ server on
127.0.0.1, and HQ's coupon KPIs count them, with the savings net of the withdrawn ones.

GIVEN a lane enrolled at HQ (SQLite, and PostgreSQL at $KIOSK_TEST_PG_URL) and a GS1
      DataBar coupon (AI 8110, 0.25 off, needs two items of the milk's company, serial)
WHEN  a scripted shopper scans two milks and the coupon (accepted), asks to keep one milk
      (staff approve: the coupon no longer applies), scans a milk again (it applies
      again), asks again to keep one (approved: withdrawn again) and pays
THEN  ``GET /api/v1/kpis`` and ``kiosk hq kpis --json`` count 1 accepted, 2 withdrawn
      (``requirement_not_met``), 1 reinstated and 0.00 EUR saved (0.25 - 0.25 + 0.25 -
      0.25: the sale saved nothing either); every event was sent once, nothing was
      dead-lettered, and nothing HQ stored holds the coupon's serial.
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
from kiosk.app.demo import DEMO_ATTENDANT, ensure_demo_attendant
from kiosk.app.wiring import build_lane
from kiosk.domain.gs1.coupon import NorthAmericanCoupon, Purchase, RequirementCode, encode_8110
from kiosk.hq import web
from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import ServerThread
from kiosk.store.service_events import queued_events

__all__ = ["pg_database"]  # the PostgreSQL case's database (a fixture)

ADMIN = "admin-token-withdrawn-e2e-0123456789"
SERIAL = "987654321"
COUPON = "]e0" + "8110" + encode_8110(
    NorthAmericanCoupon(MILK[:7], "654322", 25, Purchase(2, RequirementCode.UNITS, "000"),
                        serial=SERIAL)
)  # fmt: skip
SCRIPT = f"""
{MILK}
wait shopping 20
{MILK}
items 2 20
{COUPON}
expect coupon.accepted 20
quantity 1 1
wait intervention 20
staff {DEMO_ATTENDANT.staff_id} {DEMO_ATTENDANT.pin}
approve
expect coupon.withdrawn 20
wait shopping 20
{MILK}
items 2 20
quantity 1 1
wait intervention 20
approve
expect coupon.withdrawn 20
wait shopping 20
signout
pay
wait finished 60
next
wait idle 20
synced 60
"""
EXPECTED = {
    "transactions": 1,
    "coupons_accepted": 1,
    "coupons_refused": 0,
    "coupons_withdrawn": 2,
    "coupons_withdrawn_by_reason": {"requirement_not_met": 2},
    "coupons_reinstated": 1,
    "coupon_savings_minor": {"EUR": 0},
    "coupon_savings_withdrawn_minor": {"EUR": 50},
}


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


def test_withdrawn_and_reinstated_coupons_are_counted_at_hq_net_of_savings(rig_config, hq):
    engine, server, url = hq
    _rig, config = rig_config
    token = enrol_lane(engine, config.lane.store_id, config.lane.lane_id)
    config = dataclasses.replace(
        config, sync=dataclasses.replace(config.sync, hq_url=server.url, token=token)
    )
    ensure_demo_attendant(config.store.path)
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
    page = httpx.get(f"{server.url}/kpis", headers={"Authorization": f"Bearer {ADMIN}"})
    assert 'data-kpi="coupons_withdrawn">2<' in page.text
    assert 'data-kpi="coupon_savings_minor.EUR">0<' in page.text

    lane_db = sqlite3.connect(config.store.path)
    coupon_events = [e for e in queued_events(lane_db) if e["type"].startswith("coupon.")]
    assert [(e["type"], e["data"]["saving_minor"]) for e in coupon_events] == [
        ("coupon.accepted", 25),
        ("coupon.withdrawn", 25),
        ("coupon.reinstated", 25),
        ("coupon.withdrawn", 25),
    ]
    assert lane_db.execute("SELECT count(*) FROM redeemed_coupon").fetchone() == (0,)
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
