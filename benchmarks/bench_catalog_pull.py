"""A new lane pulls HQ's whole catalog (default 1,000,000 items): total time.

How it is measured: HQ's catalog is filled directly in its database (not timed)
with N items (names in 3 languages, one GTIN each, every 50th with a PLU);
``kiosk hq serve`` runs in a subprocess; the clock runs around
``kiosk.sync.catalog_pull.pull`` on an empty lane database - every page is
fetched over HTTP and applied by ``CatalogRepository.apply_changes`` in one
SQLite transaction with its cursor. Target: under 60 s for 1,000,000 items.

    python benchmarks/bench_catalog_pull.py --items 1000000 --backend sqlite
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from _hq_harness import enrol, hq_server

from kiosk.domain.gtin import check_digit
from kiosk.hq import catalog
from kiosk.hq.tables import catalog_item
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.sync.catalog_pull import pull
from kiosk.sync.client import HqClient


def fill_hq(engine: sa.Engine, count: int) -> None:
    chunk = 20_000
    with engine.begin() as conn:
        first = catalog.reserve_versions(conn, count)
        for start in range(0, count, chunk):
            rows = []
            for n in range(start, min(count, start + chunk)):
                body = f"400{n:09d}"
                gtin = f"0{body}{check_digit(body)}"
                rows.append(
                    {
                        "sku": f"SKU{n:07d}",
                        "version": first + n,
                        "deleted": False,
                        "names": json.dumps(
                            {"en": f"Item {n}", "es": f"Artículo {n}", "fr": f"Article {n}"},
                            ensure_ascii=False,
                        ),
                        "price": 100 + n % 5000,
                        "currency": "EUR",
                        "tax_class": "standard",
                        "unit": "each",
                        "gtins": json.dumps([gtin]),
                        "plu": f"{10000 + n // 50}" if n % 50 == 0 and n < 4_000_000 else None,
                        "age_limit": None,
                        "quantity_limit": None,
                        "deposit": None,
                        "category": f"cat{n % 40}",
                        "image": None,
                        "updated_at": "2026-11-22T10:00:00Z",
                    }
                )
            conn.execute(catalog_item.insert(), rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--page", type=int, default=10_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    with hq_server(args.backend) as hq, tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        fill_hq(hq.engine, args.items)
        print(
            f"HQ filled with {args.items} items in {time.perf_counter() - started:.1f} s "
            "(not part of the figure)"
        )
        token = enrol(hq, "store-001", "lane-01")
        lane = connect(Path(tmp) / "lane.sqlite3")
        client = HqClient(hq.url, token, timeout_s=120)
        started = time.perf_counter()
        report = pull(lane, client, args.page)
        elapsed = time.perf_counter() - started
        count = CatalogRepository(lane).count()
        assert count == args.items, count
        print(
            f"{args.backend} HQ: lane pulled {count} items in {report.pages} pages of "
            f"{args.page} in {elapsed:.1f} s = {count / elapsed:,.0f} items/s"
        )
        client.close()
        lane.close()


if __name__ == "__main__":
    main()
