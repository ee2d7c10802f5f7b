"""Service events travel like sales (``kind='event'`` to ``POST /api/v1/events``): batched,
exactly once in effect (a replay is ``duplicate``), one event HQ refuses for its content
is dead-lettered alone and the rest arrive; HQ's own trouble is retried (DESIGN.md
invariants 4 and 10). Against the real HQ on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE
from lane_helpers import lane_db

from kiosk.app.service_events import Occurrence, envelope, rating_occurrence
from kiosk.store.service_events import record_events
from kiosk.store.sync_state import dead_letters, pending_count
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqUnreachable
from kiosk.sync.uploader import drain

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def event(n: int, **data_override: object) -> dict:
    occurrence = rating_occurrence(f"tx-{n}", 1 + n % 3, T0 + timedelta(seconds=n))
    body = envelope(occurrence, store_id=STORE, lane_id=LANE, language="en")
    body["data"].update(data_override)
    return body


def hq_events(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT event_id FROM service_event ORDER BY event_id"))
        return [r[0] for r in rows]


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


def test_events_reach_hq_once_and_one_bad_event_is_dead_lettered_alone(
    lane, hq_engine, hq_server, lane_token
):
    good = [event(n) for n in range(25)]
    bad = event(99, rating=7)  # HQ takes 1-5: a lane bug, refused with a 422 naming it
    record_events(lane, [*good[:10], bad, *good[10:]])
    client = HqClient(hq_server.url, lane_token)
    try:
        report = drain(lane, client, batch_size=8)
        assert (report.sent, report.dead) == (25, 1)
        assert hq_events(hq_engine) == sorted(e["event_id"] for e in good)
        (dead,) = dead_letters(lane)
        assert dead.transaction_id == bad["event_id"]
        assert "data.rating" in dead.reason
        # a replay (the reply was lost): HQ answers duplicate, nothing counted twice
        lane.execute("UPDATE outbox SET sent_at = NULL WHERE kind = 'event'")
        lane.execute("DELETE FROM sync_dead_letter")
        again = drain(lane, client, batch_size=50)
        assert again.duplicates == 25
        assert hq_events(hq_engine) == sorted(e["event_id"] for e in good)
    finally:
        client.close()


def test_hq_unreachable_keeps_the_events_pending(lane, tmp_path):
    record_events(lane, [event(1), event(2)])
    client = HqClient("http://127.0.0.1:9", "store-001:lane-01:secret", timeout_s=2)
    try:
        with pytest.raises(HqUnreachable):
            drain(lane, client, batch_size=10)
    finally:
        client.close()
    assert pending_count(lane) == 2
    assert dead_letters(lane) == []


def test_an_event_outside_a_transaction_has_a_null_transaction(
    lane, hq_engine, hq_server, lane_token
):
    fault = Occurrence("device.fault", T0, None, "scanner/1", {"device": "scanner", "detail": ""})
    record_events(lane, [envelope(fault, store_id=STORE, lane_id=LANE, language=None)])
    client = HqClient(hq_server.url, lane_token)
    try:
        assert drain(lane, client, batch_size=10).sent == 1
    finally:
        client.close()
    assert len(hq_events(hq_engine)) == 1
