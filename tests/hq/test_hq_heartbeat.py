"""Lane heartbeats are stored per lane; bad ones are refused."""

from __future__ import annotations

import json

import httpx
import sqlalchemy as sa


def _beat(server, token, body):
    return httpx.post(
        f"{server.url}/api/v1/lanes/heartbeat",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
    )


BEAT = {
    "state": "selling",
    "app_version": "0.1.0",
    "outbox_depth": 7,
    "dead_letters": 0,
    "sent_at": "2026-11-22T10:00:00.123Z",
    "devices": [
        {"name": "scanner", "kind": "scanner", "status": "ok"},
        {"name": "printer", "kind": "printer", "status": "paper_out", "detail": "paper out"},
    ],
}


def test_the_last_heartbeat_of_a_lane_is_kept(hq_server, hq_engine, lane_token):
    assert _beat(hq_server, lane_token, BEAT).status_code == 200
    assert _beat(hq_server, lane_token, {**BEAT, "outbox_depth": 0}).status_code == 200
    with hq_engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT lane_id, outbox_depth, devices FROM lane_status")).all()
    assert len(rows) == 1
    assert rows[0][0] == "lane-01"
    assert rows[0][1] == 0
    assert json.loads(rows[0][2])[1]["status"] == "paper_out"


def test_a_malformed_heartbeat_is_refused(hq_server, hq_engine, lane_token):
    response = _beat(hq_server, lane_token, {**BEAT, "outbox_depth": -1})
    assert response.status_code == 422
    assert "outbox_depth" in response.json()["message"]
    with hq_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM lane_status")).scalar_one() == 0
