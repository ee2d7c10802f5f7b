"""Helpers for tests/sync: a lane database with sales in its outbox, a sync config for
tests (short back-off), the lane-versus-HQ comparison, and wait-for-condition."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from hq_fixtures import LANE, STORE

from kiosk.config.sync import SyncConfig
from kiosk.hq.samples import make_sale
from kiosk.store import outbox
from kiosk.store.db import connect, write_transaction


def lane_db(path: Path) -> sqlite3.Connection:
    return connect(path)


def add_sales(
    conn: sqlite3.Connection,
    count: int,
    seed: int = 0,
    mutate: Callable[[dict], object] | None = None,
) -> list[dict]:
    """Commit ``count`` sales to the outbox as the store does (TEAM.md contract)."""
    rng = random.Random(seed)
    sales = [make_sale(STORE, LANE, rng) for _ in range(count)]
    with write_transaction(conn):
        for sale in sales:
            payload = mutate(sale) if mutate else json.dumps(sale)
            outbox.enqueue(conn, sale["transaction_id"], "sale", payload, "2026-11-22T10:00:00Z")
    return sales


def sync_config(url: str, token: str, **overrides: object) -> SyncConfig:
    values: dict = {
        "hq_url": url,
        "token": token,
        "batch_size": 25,
        "timeout_s": 3.0,
        "backoff_initial_s": 0.01,
        "backoff_max_s": 0.2,
        "idle_poll_s": 0.05,
        "catalog_interval_s": 3600.0,
        "heartbeat_interval_s": 3600.0,
    }
    values.update(overrides)
    return SyncConfig(**values)


def lane_sales(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(transaction id, total) of every sale in the lane's outbox, by transaction id."""
    rows = conn.execute(
        "SELECT transaction_id, payload FROM outbox JOIN outbox_payload USING (id)"
        " ORDER BY transaction_id"
    )
    return [(tid, json.loads(payload)["totals"]["total"]) for tid, payload in rows]


def assert_hq_equals_lane(engine: sa.Engine, conn: sqlite3.Connection) -> None:
    """Same sales, same totals, no duplicates, nothing pending on the lane."""
    with engine.connect() as hq:
        rows = hq.execute(
            sa.text("SELECT transaction_id, total FROM sale ORDER BY transaction_id")
        ).all()
        distinct = hq.execute(
            sa.text("SELECT count(DISTINCT transaction_id) FROM sale")
        ).scalar_one()
    hq_rows = [(r[0], r[1]) for r in rows]
    lane_rows = lane_sales(conn)
    assert len(hq_rows) == distinct == len(lane_rows)
    assert sum(t for _, t in hq_rows) == sum(t for _, t in lane_rows)
    assert hq_rows == lane_rows
    pending = conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]
    assert pending == 0


def wait_for(condition: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.01)
