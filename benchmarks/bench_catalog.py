"""Catalog benchmark: import 1,000,000 items from CSV, then look up 100,000 random barcodes.

Method:
  1. ``write_catalog_csv`` writes the sample catalog plus synthetic items up to
     --count (default 1,000,000) to a temporary folder (not timed as import).
  2. ``import_csv`` loads it into a fresh lane database (WAL, synchronous=FULL,
     one BEGIN IMMEDIATE transaction, executemany in batches of 5,000, FTS5
     name index kept by triggers); wall time from call to return.
  3. 100,000 codes are drawn at random (seeded) from the catalog's GTINs, in the
     forms a scanner reports (EAN-13 as printed, GTIN-14, UPC-A, EAN-8, UPC-E,
     PLUs) plus 5% unknown codes; each ``CatalogRepository.lookup`` call (which
     normalises the code, queries the barcode table and builds the CatalogItem)
     is timed with ``time.perf_counter_ns`` on a warm connection, one at a time.
     p50/p99/max are reported. Targets: import < 60 s, lookup p99 < 0.5 ms.

Usage: ``python benchmarks/bench_catalog.py [--count N] [--lookups N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kiosk.domain.gtin import check_digit
from kiosk.store.catalog import CatalogRepository
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.sample_catalog import sample_items, upce_of_sample, write_catalog_csv


def percentile(sorted_values: list[int], fraction: float) -> float:
    index = min(len(sorted_values) - 1, int(fraction * len(sorted_values)))
    return sorted_values[index] / 1e6  # ns -> ms


def codes_to_look_up(count: int, items: int, rng: random.Random) -> list[str]:
    sample = sample_items()
    forms = [g[1:] for i in sample for g in i.gtins]  # printed EAN-13s / UPC-A as EAN-13
    forms += [i.plu for i in sample if i.plu] + [upce_of_sample(), "036000291452", "84123459"]
    codes = []
    synthetic = max(0, items - len(sample))
    for _ in range(count):
        roll = rng.random()
        if roll < 0.05:
            body = f"8498{rng.randrange(10**8):08d}"  # unknown prefix: a miss
            codes.append(body + str(check_digit(body)))
        elif roll < 0.15 or synthetic == 0:
            codes.append(rng.choice(forms))
        else:
            body = f"8499{rng.randrange(synthetic):08d}"
            code = body + str(check_digit(body))
            codes.append(code if roll < 0.9 else "0" + code)  # EAN-13 or GTIN-14
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the CSV and database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_catalog_"))
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, db_path = folder / "catalog.csv", folder / "lane.sqlite3"
    for stale in folder.glob("lane.sqlite3*"):
        stale.unlink()

    started = time.perf_counter()
    written = write_catalog_csv(csv_path, args.count)
    generate_s = time.perf_counter() - started
    print(
        f"generated {written:,} items ({csv_path.stat().st_size / 1e6:.1f} MB CSV) "
        f"in {generate_s:.1f} s"
    )

    conn = connect(db_path)
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), time.process_time()
    result = import_csv(conn, csv_path, progress=sys.stderr.isatty())
    import_s = time.perf_counter() - started
    cpu_s = time.process_time() - cpu_started
    db_mb = sum(p.stat().st_size for p in folder.glob("lane.sqlite3*")) / 1e6
    print(
        f"import: {result.items:,} items, {result.barcodes:,} barcodes in {import_s:.1f} s "
        f"wall, {cpu_s:.1f} s CPU ({result.items / import_s:,.0f} items/s); database "
        f"{db_mb:.0f} MB; load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs [target < 60 s: {'OK' if import_s < 60 else 'MISSED'}]"
    )

    repository = CatalogRepository(conn)
    rng = random.Random(42)
    codes = codes_to_look_up(args.lookups, result.items, rng)
    for code in codes[:1000]:  # warm the page cache and the statement cache
        repository.lookup(code)
    timings = []
    found = 0
    for code in codes:
        t0 = time.perf_counter_ns()
        item = repository.lookup(code)
        timings.append(time.perf_counter_ns() - t0)
        found += item is not None
    timings.sort()
    p99 = percentile(timings, 0.99)
    print(
        f"lookup: {len(codes):,} codes ({found:,} found): "
        f"p50 {percentile(timings, 0.50):.3f} ms, p99 {p99:.3f} ms, "
        f"max {timings[-1] / 1e6:.3f} ms, mean {statistics.fmean(timings) / 1e6:.3f} ms "
        f"[target p99 < 0.5 ms: {'OK' if p99 < 0.5 else 'MISSED'}]"
    )

    started = time.perf_counter()
    hits = repository.search("organic soup", limit=50)
    print(
        f"name search 'organic soup': {len(hits)} hits in "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )
    conn.close()
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
