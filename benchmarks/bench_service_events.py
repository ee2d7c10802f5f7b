"""What recording service events costs the lane (issue 11).

Method: a fresh lane database (WAL, synchronous=FULL, the real migrations). Sales of a
10-line basket are committed with ``complete_sale`` (sale, lines, payment, outbox row,
one fsync'd commit), alternately bare (the anchor) and with the sale's service events
in the same transaction (``ServiceEventRecorder.store_with_sale``: the
``transaction.completed`` row), so both sides share the disk and the load; p50 of each
side per round, 3 rounds, min / median printed with the ratio. Then one event written
in a transaction of its own (``record_events``: what ``transaction.started``, an
intervention or a rating costs the lane thread, after the screen has been told),
against a bare 4 KiB write + fsync on the same disk.

Usage: ``nice -n 10 python benchmarks/bench_service_events.py [--sales N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from kiosk.app.service_events import rating_occurrence
from kiosk.app.service_recorder import ServiceEventRecorder
from kiosk.domain.basket import Basket
from kiosk.domain.tax import TaxRules
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.sales import build_sale_document, complete_sale
from kiosk.store.sample_catalog import sample_items
from kiosk.store.service_events import record_events

RULES = TaxRules.from_strings({"standard": "21", "reduced": "10", "super_reduced": "4"})
AT = "2026-11-22T10:00:00.000000Z"


def document(items: list, n: int) -> dict:
    basket = Basket(str(uuid.UUID(int=n + 1, version=4)), "EUR")
    for item in items[:10]:
        weight = 500 if item.sold_by_weight else None
        basket, _ = basket.add_item(item, 1, weight, over_limit_ok=True)
    totals = basket.totals(RULES)
    payment = {"reference": f"p-{n}", "method": "card", "amount": totals.total.minor,
               "outcome": "approved", "auth_code": "1", "masked_pan": "************1234",
               "brand": "VISA", "terminal_transaction_id": "t"}  # fmt: skip
    return build_sale_document(
        basket=basket, totals=totals, transaction_id=basket.basket_id, store_id="store-001",
        lane_id="lane-01", started_at=AT, completed_at=AT, payments=[payment],
    )  # fmt: skip


def p50_ms(ns: list[int]) -> float:
    return statistics.median(ns) / 1e6


def fsync_ns(folder: Path, count: int) -> list[int]:
    out = []
    block = os.urandom(4096)
    with open(folder / "fsync.bin", "wb") as f:
        for _ in range(count):
            t0 = time.perf_counter_ns()
            f.write(block)
            f.flush()
            os.fsync(f.fileno())
            out.append(time.perf_counter_ns() - t0)
    return out


def one_round(folder: Path, sales: int, offset: int) -> tuple[float, float, float, float]:
    conn = connect(folder / f"lane-{offset}.sqlite3")
    items = sorted(sample_items(), key=lambda i: i.sku)
    CatalogRepository(conn).upsert(items)
    recorder = ServiceEventRecorder(
        conn,
        store_id="store-001",
        lane_id="lane-01",
        language="en",
        clock=lambda: datetime.now(UTC),
    )
    bare, with_events, event_ns = [], [], []
    for n in range(sales):
        doc = document(items, offset * 100_000 + n)
        also = recorder.store_with_sale(doc) if n % 2 else None
        t0 = time.perf_counter_ns()
        complete_sale(conn, doc, also=also)
        (with_events if n % 2 else bare).append(time.perf_counter_ns() - t0)
        event = recorder._envelope(rating_occurrence(doc["transaction_id"], 3, datetime.now(UTC)))
        t0 = time.perf_counter_ns()
        record_events(conn, [event])
        event_ns.append(time.perf_counter_ns() - t0)
    conn.close()
    return p50_ms(bare), p50_ms(with_events), p50_ms(event_ns), p50_ms(fsync_ns(folder, 200))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rounds = [one_round(Path(tmp), args.sales, r) for r in range(3)]
    names = ("sale commit, bare (anchor)", "sale commit with its service events",
             "one event in its own transaction", "4 KiB write + fsync (disk anchor)")  # fmt: skip
    print(f"{args.sales} sales a round, 3 rounds, load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs; p50 per round, min / median of the 3:")  # fmt: skip
    for i, name in enumerate(names):
        values = sorted(r[i] for r in rounds)
        print(f"  {name}: {values[0]:.3f} / {values[1]:.3f} ms")
    ratio = sorted(r[1] / r[0] for r in rounds)
    disk = sorted(r[2] / r[3] for r in rounds)
    print(f"  sale commit with events / bare: x{ratio[0]:.2f} / x{ratio[1]:.2f}")
    print(f"  one event / 4 KiB fsync: x{disk[0]:.2f} / x{disk[1]:.2f}")


if __name__ == "__main__":
    main()
