"""Service events end to end: a real lane (card terminal simulator over HTTP, its own
SQLite store, the sync thread) sends its service events to a real HQ server on
127.0.0.1, and HQ's KPIs show exactly the scripted session.

GIVEN a lane enrolled at HQ (SQLite, and PostgreSQL at $KIOSK_TEST_PG_URL) and a
      signed-up attendant
WHEN  a scripted shopper buys twice (rating the first sale "great", answering the NPS
      question with 6 "had to wait for help" after the second), the second time calls
      for help and the attendant signs in at the lane and resolves it, then a third
      shopper abandons a basket
THEN  ``GET /api/v1/kpis`` (and ``kiosk hq kpis --json``) count 3 transactions, 2
      completed, 1 abandoned ("cancelled"), one help intervention with a response and a
      handling time, CSAT 1.0 on one "5", NPS -100 with its reason, and the lane's
      outbox sent every event exactly once; the staff page /kpis shows the same.
"""

from __future__ import annotations

import dataclasses
import json
import re
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
from kiosk.hq import web
from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import ServerThread
from kiosk.store.service_events import queued_events

__all__ = ["pg_database"]  # the PostgreSQL case's database (a fixture)

ADMIN = "admin-token-e2e-0123456789abcdef"
SCRIPT = f"""
{MILK}
wait shopping 20
pay
wait finished 60
rate 3
next
wait idle 20
{MILK}
wait shopping 20
call
wait intervention 20
staff {DEMO_ATTENDANT.staff_id} {DEMO_ATTENDANT.pin}
approve
wait shopping 20
signout
pay
wait finished 60
nps 6 had_to_wait_for_help
next
wait idle 20
{MILK}
wait shopping 20
cancel
wait finished 20
next
wait idle 20
synced 60
"""


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


def test_a_scripted_session_shows_exactly_its_counts_at_hq(rig_config, hq, tmp_path):
    engine, server, url = hq
    _rig, config = rig_config
    token = enrol_lane(engine, config.lane.store_id, config.lane.lane_id)
    sync = dataclasses.replace(config.sync, hq_url=server.url, token=token)
    config = dataclasses.replace(config, sync=sync)
    ensure_demo_attendant(config.store.path)
    lane = build_lane(config)
    out: list[str] = []
    console = LaneConsole(lane, out.append)
    lane.start()
    try:
        status = console.run(SCRIPT.strip().splitlines())
    finally:
        lane.stop()
    assert status == 0, "\n".join(out)

    kpis = httpx.get(
        f"{server.url}/api/v1/kpis", headers={"Authorization": f"Bearer {ADMIN}"}
    ).json()["kpis"]
    expected = {
        "transactions": 3,
        "started": 3,
        "completed": 2,
        "abandoned": 1,
        "abandoned_by_reason": {"cancelled": 1},
        "first_contact_resolution": 0.5,
        "interventions": 1,
        "interventions_by_kind": {"help_requested": 1},
        "help_asked": 1,
        "ratings": {"5": 1},
        "csat": 1.0,
        "nps": -100.0,
        "nps_responses": 1,
        "nps_scores": {"6": 1},
        "nps_reasons": {"had_to_wait_for_help": 1},
        "device_faults": {},
    }
    assert {k: kpis[k] for k in expected} == expected
    assert kpis["response_time_s"]["count"] == 1
    assert kpis["handling_time_s"]["count"] == 1
    assert kpis["transaction_time_s"]["count"] == 2

    # the staff page shows them too (server-rendered: each headline number in data-kpi)
    page = httpx.get(f"{server.url}/kpis", headers={"Authorization": f"Bearer {ADMIN}"}).text
    shown = dict(re.findall(r'data-kpi="([a-z_.0-9]+)">([^<]*)<', page))
    assert shown["transactions"] == "3"
    assert shown["completion_rate"] == "0.6667"
    assert shown["first_contact_resolution"] == "0.5"
    assert shown["csat"] == "1.0"
    assert shown["nps"] == "-100.0"
    assert shown["nps_responses"] == "1"

    # the CLI prints the same numbers
    cli = subprocess.run(
        [sys.executable, "-m", "kiosk", "hq", "--database-url", url, "kpis", "--json"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert {k: json.loads(cli.stdout)["kpis"][k] for k in expected} == expected

    # what the lane recorded, per transaction, in order
    lane_db = sqlite3.connect(config.store.path)
    by_tx: dict[str, list[str]] = {}
    for event in queued_events(lane_db):
        by_tx.setdefault(event["transaction_id"] or "-", []).append(event["type"])
    assert list(by_tx.values()) == [
        ["transaction.started", "transaction.completed", "feedback.rating"],
        ["transaction.started", "intervention.raised", "help.asked",
         "intervention.staff_arrived", "intervention.resolved", "transaction.completed",
         "feedback.nps"],
        ["transaction.started", "transaction.abandoned"],
    ]  # fmt: skip

    # every event sent once, none dead-lettered; HQ holds exactly the lane's events
    sent = lane_db.execute(
        "SELECT count(*), sum(sent_at IS NOT NULL) FROM outbox WHERE kind = 'event'"
    ).fetchone()
    assert sent[0] == sent[1] > 0
    assert lane_db.execute("SELECT count(*) FROM sync_dead_letter").fetchone() == (0,)
    with engine.connect() as conn:
        at_hq = conn.exec_driver_sql("SELECT count(*) FROM service_event").scalar()
    assert at_hq == sent[0]
