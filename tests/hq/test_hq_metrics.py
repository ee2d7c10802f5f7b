"""GET /metrics (admin token) counts the sales HQ stores - new ones only, not replays -
and GET /api/v1/ready answers without credentials."""

from __future__ import annotations

import re

import httpx
import sqlalchemy as sa
from hq_calls import post, sale

from kiosk.hq import web
from kiosk.hq.server import ServerThread

ADMIN = "an-admin-token-for-the-metrics-test-0123"


def stored_total(url: str) -> float:
    text = httpx.get(
        f"{url}/metrics", headers={"Authorization": f"Bearer {ADMIN}"}, timeout=10
    ).text
    found = re.search(r"^kiosk_hq_sales_stored_total (\S+)$", text, re.M)
    assert found, text[:500]
    return float(found[1])


def test_the_sales_counter_counts_new_sales_not_replays(hq_engine: sa.Engine, lane_token: str):
    server = ServerThread(hq_engine)
    web.configure(server.server.config.app, admin_token=ADMIN)  # the pages' settings
    server.start()
    try:
        assert httpx.get(f"{server.url}/metrics", timeout=10).status_code == 401
        assert httpx.get(f"{server.url}/api/v1/ready", timeout=10).json() == {"status": "ready"}
        before = stored_total(server.url)
        batch = {"sales": [sale(1), sale(2), sale(3)]}
        assert post(server, lane_token, "/api/v1/sales/batch", batch).status_code == 200
        assert stored_total(server.url) == before + 3
        post(server, lane_token, "/api/v1/sales/batch", batch)  # a replay: all duplicates
        assert stored_total(server.url) == before + 3
    finally:
        server.stop(force=True)
