"""Durable sale commit benchmark: a 20-line basket stored with its outbox row.

Method: a fresh lane database (WAL, synchronous=FULL, the real migrations) gets
the sample catalog. For each of --sales (default 1,000) sales a 20-line basket
(mixed counted, weighed and deposit items, one voided line) is journaled line by
line (untimed), its totals and sale document are built (untimed), then
``complete_sale`` is timed with ``time.perf_counter_ns``: validate the document,
BEGIN IMMEDIATE, insert sale + 20 sale_line + sale_payment rows + the outbox
row, delete the open basket, COMMIT (one WAL fsync). p50/p99/max are printed.
Every other sale goes through the lane's own path instead
(``kiosk.app.payments.commit_paid_sale``: the approved card payment, journaled
untimed on the payment journal's own connection, is read, checked against the
total inside the same transaction and closed with it), so the cost of the money
check shows as a ratio to the bare commit measured in the same run.
The journal write of one line (``BasketJournal.record``, also a durable
commit) is timed the same way, and so is a bare 4 KiB write + fsync (what the
disk alone costs). With --idle-checkpoint the connection does not checkpoint
inside commits (``connect(auto_checkpoint=False)``); ``checkpoint()`` runs
between sales, untimed, as the sync loop would. Target: sale commit p99 < 10 ms.

Usage: ``python benchmarks/bench_sale_commit.py [--sales N] [--db-dir DIR]``
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from kiosk.app.payments import commit_paid_sale
from kiosk.domain.basket import Basket
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.types import Outcome, PaymentKind, PaymentResult
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import checkpoint, connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import build_sale_document, complete_sale
from kiosk.store.sample_catalog import sample_items

RULES = TaxRules.from_strings({"standard": "21", "reduced": "10", "super_reduced": "4"})
AT = "2026-11-22T10:00:00Z"


def ms(sorted_ns: list[int], fraction: float) -> float:
    return sorted_ns[min(len(sorted_ns) - 1, int(fraction * len(sorted_ns)))] / 1e6


def summary(name: str, timings: list[int]) -> float:
    timings.sort()
    p99 = ms(timings, 0.99)
    print(
        f"{name}: n={len(timings):,} p50 {ms(timings, 0.5):.3f} ms, p99 {p99:.3f} ms, "
        f"max {timings[-1] / 1e6:.3f} ms"
    )
    return p99


def _raw_fsync(folder: Path, count: int = 300) -> list[int]:
    """What the disk alone costs: append 4 KiB and fsync, ``count`` times."""
    timings = []
    fd = os.open(folder / "fsync.probe", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for _ in range(count):
            t0 = time.perf_counter_ns()
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
            timings.append(time.perf_counter_ns() - t0)
    finally:
        os.close(fd)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--db-dir", type=Path, help="folder for the database (default: tmp)")
    parser.add_argument(
        "--idle-checkpoint",
        action="store_true",
        help="no automatic WAL checkpoint inside commits; checkpoint between sales instead",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_sale_", dir=args.db_dir))
    conn = connect(folder / "lane.sqlite3", auto_checkpoint=not args.idle_checkpoint)
    items = sample_items()
    CatalogRepository(conn).upsert(items)
    journal = BasketJournal(conn)
    payments = PaymentJournal(
        connect(folder / "lane.sqlite3", migrate=False), lambda: datetime.now(UTC)
    )
    rng = random.Random(7)
    guarded_ns: list[int] = []
    commit_ns: list[int] = []
    journal_ns: list[int] = []
    commit_cpu_ns: list[int] = []
    for number in range(args.sales):
        basket = Basket(str(uuid.UUID(int=rng.getrandbits(128), version=4)), "EUR")
        journal.start(basket.basket_id, "EUR", AT)
        for _ in range(args.lines):
            item = rng.choice(items)
            weight = rng.randint(100, 2000) if item.sold_by_weight else None
            basket, line = basket.add_item(
                item, 1, weight, over_limit_ok=True, scanned_code=item.plu or item.gtins[0]
            )
            t0 = time.perf_counter_ns()
            journal.record(basket.basket_id, line)
            journal_ns.append(time.perf_counter_ns() - t0)
        basket, _ = basket.void_line(rng.randint(1, args.lines))
        totals = basket.totals(RULES)
        document = build_sale_document(
            basket=basket,
            totals=totals,
            transaction_id=basket.basket_id,
            store_id="store-001",
            lane_id="lane-01",
            started_at=AT,
            completed_at=AT,
            payments=[
                {
                    "reference": f"p-{basket.basket_id}",
                    "method": "card",
                    "amount": totals.total.minor,
                    "outcome": "approved",
                    "auth_code": "123456",
                    "masked_pan": "************1234",
                    "brand": "VISA",
                    "terminal_transaction_id": "t-1",
                }
            ],
        )
        if number % 2:  # the lane's path: the journaled payment is checked and closed
            reference, amount = f"p-{basket.basket_id}", Money(totals.total.minor, "EUR")
            payments.open(reference, basket.basket_id, PaymentKind.PURCHASE, amount)
            result = PaymentResult(reference, Outcome.APPROVED, amount, "123456")
            payments.settle(reference, PaymentState.APPROVED, result)
            t0 = time.perf_counter_ns()
            commit_paid_sale(conn, payments, document, basket.basket_id)
            guarded_ns.append(time.perf_counter_ns() - t0)
        else:
            t0, c0 = time.perf_counter_ns(), time.process_time_ns()
            complete_sale(conn, document)
            commit_ns.append(time.perf_counter_ns() - t0)
            commit_cpu_ns.append(time.process_time_ns() - c0)
        if args.idle_checkpoint:  # what the sync loop's connection does between sales
            checkpoint(conn)
    outbox = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    conn.close()
    print(
        f"database: {folder}; {outbox:,} outbox rows; {args.lines}-line baskets; "
        f"WAL, synchronous=FULL, "
        f"{'checkpoint between sales' if args.idle_checkpoint else 'automatic checkpoints'}; "
        f"load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs"
    )
    summary("baseline: write 4 KiB + os.fsync on the same disk", _raw_fsync(folder))
    summary("journal one line (durable)", journal_ns)
    p99 = summary("complete_sale (sale + lines + payment + outbox, one fsync'd commit)", commit_ns)
    summary("complete_sale CPU time only (process_time)", commit_cpu_ns)
    guarded_p99 = summary("lane sale commit with the money check (commit_paid_sale)", guarded_ns)
    print(
        f"money check cost: p50 x{ms(guarded_ns, 0.5) / ms(commit_ns, 0.5):.2f}, "
        f"p99 x{guarded_p99 / p99:.2f} of the bare commit"
    )
    print(f"[target p99 < 10 ms: {'OK' if p99 < 10 else 'MISSED'}]")
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
