"""The outbox uploader against a real HQ server, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from hq_fixtures import hq_sales
from lane_helpers import add_sales, assert_hq_equals_lane, lane_db

from kiosk.store.sync_state import dead_letters, requeue_dead_letters, status
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused
from kiosk.sync.uploader import drain


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


def test_the_outbox_drains_to_hq_in_batches(lane, client, hq_engine):
    add_sales(lane, 23)
    report = drain(lane, client, batch_size=5)
    assert (report.sent, report.duplicates, report.dead) == (23, 0, 0)
    assert_hq_equals_lane(hq_engine, lane)
    assert status(lane).pending == 0
    assert "last_upload_at" in status(lane).state


def test_a_lost_reply_is_replayed_as_duplicates_and_nothing_doubles(lane, client, hq_engine):
    add_sales(lane, 10)
    drain(lane, client, batch_size=10)
    lane.execute("UPDATE outbox SET sent_at = NULL")  # as if every reply had been lost
    report = drain(lane, client, batch_size=4)
    assert (report.sent, report.duplicates) == (10, 10)
    assert_hq_equals_lane(hq_engine, lane)


def _bad_totals(sale: dict) -> str:
    sale["totals"]["total"] += 1
    return json.dumps(sale)


def test_a_sale_hq_rejects_is_dead_lettered_and_kept(lane, client, hq_engine):
    add_sales(lane, 6, seed=1)
    bad = add_sales(lane, 1, seed=2, mutate=_bad_totals)[0]
    add_sales(lane, 6, seed=3)
    report = drain(lane, client, batch_size=50)
    assert (report.sent, report.dead) == (12, 1)
    letters = dead_letters(lane)
    assert [d.transaction_id for d in letters] == [bad["transaction_id"]]
    # HQ refuses it in its batch reply (200, "rejected") or, since it checks the
    # arithmetic in the model, the batch with a 422 naming the field: dead-lettered either way.
    assert letters[0].http_status in (200, 422)
    assert "do not add up" in letters[0].reason
    assert status(lane).pending == 0
    assert status(lane).dead_letters == 1
    assert bad["transaction_id"] not in {t for t, _ in hq_sales(hq_engine)}
    # requeued, rejected again: a second dead letter, the first is kept
    assert requeue_dead_letters(lane) == 1
    assert drain(lane, client, batch_size=50).dead == 1
    assert lane.execute("SELECT count(*) FROM sync_dead_letter").fetchone()[0] == 2
    assert lane.execute("SELECT count(*) FROM outbox").fetchone()[0] == 13


@pytest.mark.parametrize(
    "poison",
    [
        lambda sale: "{not json",
        lambda sale: json.dumps({**sale, "lines": "many"}),
        lambda sale: json.dumps({**sale, "padding": "x" * (1024 * 1024)}),
    ],
)
def test_a_malformed_sale_is_isolated_by_splitting_the_batch(lane, client, hq_engine, poison):
    add_sales(lane, 9, seed=1)
    add_sales(lane, 1, seed=2, mutate=poison)
    add_sales(lane, 9, seed=3)
    report = drain(lane, client, batch_size=19)
    assert (report.sent, report.dead) == (18, 1)
    assert dead_letters(lane)[0].http_status in (413, 422)
    assert len(hq_sales(hq_engine)) == 18


def test_wrong_credentials_dead_letter_nothing(lane, hq_server, hq_engine, lane_token):
    add_sales(lane, 3)
    store, lane_id, _ = lane_token.split(":")
    bad = HqClient(hq_server.url, f"{store}:{lane_id}:not-the-secret", timeout_s=5)
    with pytest.raises(HqRefused) as caught:
        drain(lane, bad, batch_size=10)
    bad.close()
    assert caught.value.status == 401
    assert status(lane).pending == 3
    assert status(lane).dead_letters == 0
    attempts, error = lane.execute("SELECT attempts, last_error FROM outbox LIMIT 1").fetchone()
    assert attempts == 1
    assert "401" in error
    assert hq_sales(hq_engine) == []
