"""One sale refused for its content is dead-lettered and every other sale reaches HQ; a
refusal for HQ's own reasons is retried and dead-letters nothing (DESIGN.md invariant 10).

The refusals come from the real HQ (both backends) or from a front end in front of it
that answers the way nginx or a web application firewall does: with its own status and
an HTML page, not HQ's JSON.
"""

from __future__ import annotations

import json
import random

import pytest
from hq_fixtures import LANE, STORE, hq_sales
from lane_helpers import add_sales, assert_hq_equals_lane, lane_db
from refusing_proxy import Refusal, RefusingProxy

from kiosk.hq.samples import make_sale
from kiosk.store import outbox
from kiosk.store.db import write_transaction
from kiosk.store.sync_state import dead_letters, status
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain

PROXY_LIMIT = 64 * 1024  # bytes; a batch of ordinary sales is far smaller
MARKER = "<script>"  # what the firewall below refuses


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


def add_sale(conn, sale: dict) -> None:
    with write_transaction(conn):
        outbox.enqueue(
            conn, sale["transaction_id"], "sale", json.dumps(sale), "2026-11-22T10:00:00Z"
        )


def huge_sale() -> dict:
    return make_sale(STORE, LANE, random.Random(7), lines=600)  # legal, but ~200 KB


def wafed_sale() -> dict:
    sale = make_sale(STORE, LANE, random.Random(8))
    sale["lines"][0]["name"] = f"Cookies {MARKER}"
    return sale


def long_tax_class() -> dict:
    sale = make_sale(STORE, LANE, random.Random(9))
    sale["lines"][0]["tax_class"] = "x" * 65  # HQ's model allows 64 characters
    return sale


def too_big(body: bytes) -> Refusal | None:
    return Refusal(413) if len(body) > PROXY_LIMIT else None


def firewall(body: bytes) -> Refusal | None:
    return Refusal(400) if MARKER.encode() in body else None


@pytest.mark.parametrize(
    "case",
    [
        (long_tax_class, lambda body: None, 422),  # HQ itself: JSON naming the field
        (huge_sale, too_big, 413),  # nginx: client_max_body_size, an HTML page
        (wafed_sale, firewall, 400),  # a firewall rule, an HTML page
    ],
    ids=["hq-422", "proxy-413-html", "firewall-400-html"],
)
def test_the_refused_sale_is_dead_lettered_and_the_others_arrive(
    lane, hq_server, hq_engine, lane_token, case
):
    bad_sale, rule, http_status = case
    add_sales(lane, 6, seed=1)
    bad = bad_sale()
    add_sale(lane, bad)
    add_sales(lane, 6, seed=2)
    with RefusingProxy(hq_server.url, rule) as proxy:
        client = HqClient(proxy.url, lane_token, timeout_s=10)
        try:
            report = drain(lane, client, batch_size=25)
        finally:
            client.close()
    assert (report.sent, report.dead) == (12, 1)
    assert [(d.transaction_id, d.http_status) for d in dead_letters(lane)] == [
        (bad["transaction_id"], http_status)
    ]
    assert status(lane).pending == 0  # nothing is left to retry for ever
    stored = {tid for tid, _ in hq_sales(hq_engine)}
    assert len(stored) == 12
    assert bad["transaction_id"] not in stored


@pytest.mark.parametrize("refused", [429, 503, 408])
def test_a_busy_front_end_is_retried_and_dead_letters_nothing(
    lane, hq_server, hq_engine, lane_token, refused
):
    add_sales(lane, 9, seed=3)
    answers = [Refusal(refused)]

    def busy_once(body: bytes) -> Refusal | None:
        return answers.pop() if answers else None

    with RefusingProxy(hq_server.url, busy_once) as proxy:
        client = HqClient(proxy.url, lane_token, timeout_s=10)
        try:
            with pytest.raises(Exception, match=str(refused)):
                drain(lane, client, batch_size=25)
            assert status(lane).pending == 9
            assert drain(lane, client, batch_size=25).sent == 9
        finally:
            client.close()
    assert proxy.refused == [refused]
    assert dead_letters(lane) == []
    assert_hq_equals_lane(hq_engine, lane)
