"""Drain a backlog of sales from one lane to HQ and report sales per second.

How it is measured: a lane SQLite database gets N sales (default 100,000, 3 lines
and 1 payment each, ~1.3 kB of JSON) in its outbox; ``kiosk hq serve`` runs in a
subprocess on the chosen backend; the clock runs around
``kiosk.sync.uploader.drain`` (the uploader's own code: read a batch, POST it,
mark it sent in one SQLite transaction) until the outbox is empty. HQ's sale
count is checked afterwards. Targets: 2,000/s on SQLite, 5,000/s on PostgreSQL.

``--compare-pg-write`` instead times, directly against PostgreSQL, the two ways
of writing a batch that HQ could use: a multi-row ``INSERT ... ON CONFLICT DO
NOTHING RETURNING`` (what kiosk.hq.sales does) versus ``COPY`` into a temporary
staging table followed by ``INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING``.

    python benchmarks/bench_sync_drain.py --backend sqlite --sales 100000
    python benchmarks/bench_sync_drain.py --backend postgres
    python benchmarks/bench_sync_drain.py --compare-pg-write
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from _hq_harness import DEFAULT_PG, database, enrol, hq_server

from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.samples import make_sale
from kiosk.store.db import connect, write_transaction
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain


def fill_outbox(path: Path, count: int, store: str, lane: str) -> None:
    conn = connect(path)
    rng = random.Random(1)
    with write_transaction(conn):
        conn.executemany(
            "INSERT INTO outbox (transaction_id, payload, created_at) VALUES (?, ?, ?)",
            (
                (s["transaction_id"], json.dumps(s), "2026-11-22T10:00:00Z")
                for s in (make_sale(store, lane, rng) for _ in range(count))
            ),
        )
    conn.close()


def bench_drain(backend: str, count: int, batch: int) -> float:
    with hq_server(backend) as hq, tempfile.TemporaryDirectory() as tmp:
        token = enrol(hq, "store-001", "lane-01")
        lane_path = Path(tmp) / "lane.sqlite3"
        fill_outbox(lane_path, count, "store-001", "lane-01")
        conn = connect(lane_path)
        client = HqClient(hq.url, token, timeout_s=120)
        cpu_before = hq.cpu_seconds()
        lane_cpu = time.process_time()
        started = time.perf_counter()
        report = drain(conn, client, batch)
        elapsed = time.perf_counter() - started
        lane_cpu = time.process_time() - lane_cpu
        hq_cpu = hq.cpu_seconds() - cpu_before
        client.close()
        conn.close()
        with hq.engine.connect() as db:
            stored = db.execute(sa.text("SELECT count(*) FROM sale")).scalar_one()
        assert report.sent == count == stored, (report, stored)
        rate = count / elapsed
        print(
            f"{backend}: drained {count} sales in batches of {batch} in {elapsed:.1f} s "
            f"= {rate:,.0f} sales/s (HQ stored {stored}); CPU: HQ process {hq_cpu:.1f} s, "
            f"lane {lane_cpu:.1f} s"
        )
        return rate


def compare_pg_write(batches: int, batch: int) -> None:
    from kiosk.hq import sales
    from kiosk.hq.auth import LaneIdentity
    from kiosk.hq.models import SaleDocument

    rng = random.Random(2)
    who = LaneIdentity("store-001", "lane-01")
    with tempfile.TemporaryDirectory() as tmp, database("postgres", Path(tmp), DEFAULT_PG) as url:
        engine = create_engine(url)
        upgrade(engine)
        print(
            f"postgres, {batches} batches of {batch} sales (headers + 3 lines each), "
            "kiosk.hq.sales.store_batch:"
        )
        for strategy in ("insert", "copy", "insert", "copy"):
            docs = [
                [
                    SaleDocument.model_validate(make_sale("store-001", "lane-01", rng))
                    for _ in range(batch)
                ]
                for _ in range(batches)
            ]
            sales.PG_WRITE = strategy
            started = time.perf_counter()
            for group in docs:
                sales.store_batch(engine, who, group)
            elapsed = time.perf_counter() - started
            label = {
                "insert": "multi-row INSERT ... ON CONFLICT DO NOTHING",
                "copy": "COPY to staging + INSERT ... SELECT ON CONFLICT",
            }[strategy]
            print(f"  {label}: {batches * batch / elapsed:,.0f} sales/s")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sales", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--compare-pg-write", action="store_true")
    args = parser.parse_args()
    if args.compare_pg_write:
        compare_pg_write(40, args.batch)
        return
    for backend in ("sqlite", "postgres") if args.backend == "both" else (args.backend,):
        bench_drain(backend, args.sales, args.batch)


if __name__ == "__main__":
    main()
