"""Drain a backlog of sales from one lane to HQ and report sales per second, next to a
raw COPY of the same rows into the same schema, measured in the same run.

How it is measured: a lane SQLite database gets N sales (default 100,000, 3 lines and 1
payment each, 1.28 kB of JSON, compact as the lane writes it; ``--spaced``: 1.42 kB, with
json.dumps's default spaces, as the readings before 2026-12-05) in its outbox; ``kiosk
hq serve`` runs in a subprocess on the chosen backend; the clock runs around
``kiosk.sync.uploader.drain`` (the uploader's own code: read a batch, POST it, mark it
sent in one SQLite transaction) until the outbox is empty, so HTTP, parsing, validation,
the sale rules and the write are all on it. HQ's sale count and its own fast-path counts
are checked afterwards. Targets: 2,000/s on SQLite, 5,000/s on PostgreSQL.

``--side-by-side`` (PostgreSQL; issue 16's target: the drain within 2x of a raw COPY)
runs, per round, interleaved:

* **anchor**: the same sales as the lane's outbox, already encoded as COPY text before
  the clock (sale rows with explicit ids, and their lines), written into a fresh
  migrated database in the same batches, one transaction per batch: ``COPY sale`` +
  ``COPY sale_line`` + commit, straight through psycopg. The floor for these rows.
* **drain**: the full drain above into a fresh HQ (fast path on).
* with ``--model-path``: the same drain with HQ's fast path off (every batch through
  the pydantic models), the code before issue 16's change.
* with ``--floor``: the same drain into a stub server (uvicorn with httptools, as HQ, in
  its own process) that reads each body, takes the transaction ids out with msgspec and answers
  "accepted" without checking or writing anything: the lane's and HTTP's share of the
  drain (read the outbox, POST, mark sent), which no HQ change can take off. The drain is
  serial (one batch in flight), so that share adds to HQ's time: the drain / anchor ratio
  cannot go below (floor time + anchor time) / anchor time.

``--in-flight 1,2`` runs the drain leg once per value, in the same round: the uploader
keeping that many batches posted at once (``[sync] in_flight``; 1 is the serial drain).

``--workers N`` runs ``kiosk hq serve --workers N`` (the serial drain keeps one request
in flight, so more workers are not expected to help it; they help many lanes at once).

It prints each leg, the ratio drain / anchor per round, min / median of the rounds, the
HQ process's CPU time, the conditions (sales, lines per sale, batch, workers) and the
load average before and after each round.

    python benchmarks/bench_sync_drain.py --backend sqlite --sales 100000
    python benchmarks/bench_sync_drain.py --backend postgres
    python benchmarks/bench_sync_drain.py --side-by-side --model-path --rounds 3
    python benchmarks/bench_sync_drain.py --side-by-side --floor --sales 20000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from _hq_harness import (
    DEFAULT_PG,
    _wait_healthy,
    database,
    enrol,
    histogram_diff,
    hq_server,
    load_average,
)

from kiosk.config.sync import SyncConfig
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.models import SaleDocument
from kiosk.hq.pg_copy import copy_value
from kiosk.hq.sales import LINE_COLUMNS, SALE_COLUMNS, encode_document
from kiosk.hq.samples import make_sale
from kiosk.hq.server import free_port
from kiosk.store import outbox
from kiosk.store.db import connect, write_transaction
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain

STORE, LANE = "store-001", "lane-01"


# The outbox text as the lane writes it (kiosk.store.sales: compact, ensure_ascii=False);
# --spaced: json.dumps's default ", " and ": " (~6 % more bytes), as before 2026-12-05.
LANE_FORM: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}


def make_payloads(count: int, seed: int = 1, form: dict[str, Any] = LANE_FORM) -> list[str]:
    rng = random.Random(seed)
    return [json.dumps(make_sale(STORE, LANE, rng), **form) for _ in range(count)]


def fill_outbox(path: Path, payloads: list[str]) -> None:
    conn = connect(path)
    with write_transaction(conn):
        for payload in payloads:
            tid = json.loads(payload)["transaction_id"]
            outbox.enqueue(conn, tid, "sale", payload, "2026-11-22T10:00:00Z")
    conn.close()


EMPTY: dict[str, Any] = {"routes": {}}


def bench_drain(
    backend: str,
    payloads: list[str],
    batch: int,
    *,
    fast: bool = True,
    workers: int = 1,
    in_flight: int = 1,
) -> tuple[float, float]:
    """The full drain into a fresh HQ: sales per second of the drain, and of HQ's own time
    in the sales requests (its request-time histogram, +-2.2 %)."""
    count = len(payloads)
    with (
        hq_server(backend, fast_sales=fast, workers=workers) as hq,
        tempfile.TemporaryDirectory() as tmp,
    ):
        token = enrol(hq, STORE, LANE)
        lane_path = Path(tmp) / "lane.sqlite3"
        fill_outbox(lane_path, payloads)
        conn = connect(lane_path)
        client = HqClient(hq.url, token, timeout_s=120)
        cpu_before = hq.cpu_seconds()
        lane_cpu = time.process_time()
        started = time.perf_counter()
        report = drain(
            conn,
            client,
            batch,
            in_flight=in_flight,
            make_client=lambda: HqClient(hq.url, token, timeout_s=120),
        )
        elapsed = time.perf_counter() - started
        lane_cpu = time.process_time() - lane_cpu
        hq_cpu = hq.cpu_seconds() - cpu_before
        client.close()
        conn.close()
        reading = hq.timings()
        paths = reading["fast_sales"]
        hq_own = sum(histogram_diff(EMPTY, reading, "POST /api/v1/sales/batch"))
        # With several workers GET /timings reads the one that answers it: maybe none.
        own_rate = count / hq_own if hq_own > 0 else float("nan")
        with hq.engine.connect() as db:
            stored = db.execute(sa.text("SELECT count(*) FROM sale")).scalar_one()
        assert report.sent == count == stored, (report, stored)
        batches = -(-count // batch)
        if workers == 1:  # with more, GET /timings reads the one worker that answers it
            expected = {"fast": batches} if fast else {}
            assert paths == expected, (paths, expected)
        rate = count / elapsed
        what = "fast path" if fast else "model path (fast path off)"
        what += f", {workers} workers" if workers > 1 else ""
        print(
            f"  {backend} drain, {what}: {count} sales in batches of {batch} in {elapsed:.2f} s "
            f"= {rate:,.0f} sales/s (HQ stored {stored}; batches answered {paths}); CPU: HQ "
            f"process {hq_cpu:.1f} s, lane {lane_cpu:.1f} s; HQ's own time in the sales "
            f"requests {hq_own:.2f} s = {own_rate:,.0f} sales/s",
            flush=True,
        )
        return rate, own_rate


# The stub of --floor: an ASGI app that answers every sales batch "accepted", having read
# the body and taken the transaction ids out with msgspec (HQ's decoder; nothing checked,
# nothing written). argv: port.
_STUB = """
import sys, msgspec, uvicorn
class Sale(msgspec.Struct):
    transaction_id: str
class Batch(msgspec.Struct):
    sales: list[Sale]
decoder, encoder = msgspec.json.Decoder(Batch), msgspec.json.Encoder()
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    if scope["path"].endswith("/sales/batch"):
        results = [
            {"transaction_id": s.transaction_id, "status": "accepted", "reason": None}
            for s in decoder.decode(body).sales
        ]
        answer = encoder.encode({"results": results})
    else:
        answer = b"{}"
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(answer)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": answer})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), http="httptools", log_level="warning",
            access_log=False)
"""


def bench_floor(payloads: list[str], batch: int) -> float:
    """The lane's and HTTP's share: the same drain into the stub (sales per second)."""
    port = free_port()
    out = None if os.environ.get("BENCH_VERBOSE") else subprocess.DEVNULL
    stub = subprocess.Popen([sys.executable, "-c", _STUB, str(port)], stderr=out)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}", stub)
        with tempfile.TemporaryDirectory() as tmp:
            lane_path = Path(tmp) / "lane.sqlite3"
            fill_outbox(lane_path, payloads)
            conn = connect(lane_path)
            client = HqClient(f"http://127.0.0.1:{port}", "stub-token", timeout_s=120)
            started = time.perf_counter()
            report = drain(conn, client, batch)
            elapsed = time.perf_counter() - started
            client.close()
            conn.close()
    finally:
        stub.terminate()
        stub.wait(30)
    assert report.sent == len(payloads), report
    rate = len(payloads) / elapsed
    print(
        f"  floor, the same drain into a stub that answers without checking or writing: "
        f"{elapsed:.2f} s = {rate:,.0f} sales/s",
        flush=True,
    )
    return rate


def copy_text(payloads: list[str], batch: int) -> list[tuple[bytes, bytes]]:
    """Per batch: (sale rows, line rows) as COPY text, ids assigned here."""
    out = []
    head = (STORE, LANE, "2026-11-22T10:00:00Z")
    sale_id = 0
    for start in range(0, len(payloads), batch):
        sales, lines = [], []
        for payload in payloads[start : start + batch]:
            sale_id += 1
            encoded = encode_document(SaleDocument.model_validate_json(payload))
            row = (sale_id, *head, *encoded.values)
            sales.append("\t".join(copy_value(v) for v in row))
            lines.extend("\t".join(copy_value(v) for v in (sale_id, *ln)) for ln in encoded.lines)
        out.append((("\n".join(sales) + "\n").encode(), ("\n".join(lines) + "\n").encode()))
    return out


def bench_raw_copy(payloads: list[str], batch: int) -> float:
    """The anchor: pre-encoded COPY of the same rows, one transaction per batch."""
    chunks = copy_text(payloads, batch)
    sale_columns = ", ".join(("id", *SALE_COLUMNS))
    line_columns = ", ".join(LINE_COLUMNS)
    with tempfile.TemporaryDirectory() as tmp, database("postgres", Path(tmp), DEFAULT_PG) as url:
        engine = create_engine(url)
        upgrade(engine)
        engine.dispose()
        conninfo = sa.make_url(url).set(drivername="postgresql").render_as_string(False)
        with psycopg.connect(conninfo) as conn:
            started = time.perf_counter()
            for sales, lines in chunks:
                with conn.cursor() as cursor:
                    with cursor.copy(f"COPY sale ({sale_columns}) FROM STDIN") as copy:
                        copy.write(sales)
                    with cursor.copy(f"COPY sale_line ({line_columns}) FROM STDIN") as copy:
                        copy.write(lines)
                conn.commit()
            elapsed = time.perf_counter() - started
            stored = conn.execute("SELECT count(*) FROM sale").fetchone()
    assert stored == (len(payloads),), stored
    rate = len(payloads) / elapsed
    print(
        f"  anchor, raw COPY of the same rows (pre-encoded, {len(chunks)} transactions): "
        f"{elapsed:.2f} s = {rate:,.0f} sales/s",
        flush=True,
    )
    return rate


def side_by_side(
    count: int,
    batch: int,
    rounds: int,
    model_path: bool,
    *,
    floor: bool = False,
    workers: int = 1,
    in_flights: tuple[int, ...] = (1,),
    form: dict[str, Any] = LANE_FORM,
) -> None:
    payloads = make_payloads(count, form=form)
    lines = statistics.mean(len(json.loads(p)["lines"]) for p in payloads[:1000])
    size = statistics.mean(len(p) for p in payloads[:1000])
    legs = ["anchor"] + [f"drain (in flight {flight})" for flight in in_flights]
    legs += ["model-path drain"] * model_path + ["floor"] * floor
    print(
        f"PostgreSQL, {count} sales ({lines:.1f} lines, 1 payment, {size:,.0f} B each) in "
        f"batches of {batch}, HQ workers {workers}, {rounds} rounds; each round: "
        f"{', '.join(legs)}; {os.cpu_count()} CPUs, load average {load_average()}"
    )
    ratios, own_ratios, drains, owns, anchors, models, floors = [], [], [], [], [], [], []
    by_flight: dict[int, list[float]] = {}
    for n in range(rounds):
        print(f"round {n + 1}, load average {load_average()}:", flush=True)
        anchor = bench_raw_copy(payloads, batch)
        anchors.append(anchor)
        for flight in in_flights:
            rate, own = bench_drain("postgres", payloads, batch, workers=workers, in_flight=flight)
            by_flight.setdefault(flight, []).append(rate)
            print(f"  drain in flight {flight} / anchor: x{anchor / rate:.2f}", flush=True)
        drains.append(rate)
        owns.append(own)
        ratios.append(anchor / rate)
        own_ratios.append(anchor / own)
        if model_path:
            models.append(bench_drain("postgres", payloads, batch, fast=False)[0])
        if floor:
            floors.append(bench_floor(payloads, batch))
        print(
            f"  drain (in flight {in_flights[-1]}) / anchor: x{anchor / rate:.2f} (time); "
            f"HQ's own time / anchor: "
            f"x{anchor / own:.2f}; load average {load_average()}",
            flush=True,
        )
    print(
        f"drain (in flight {in_flights[-1]}) {min(drains):,.0f} / "
        f"{statistics.median(drains):,.0f} sales/s (min / median); "
        f"anchor {min(anchors):,.0f} / {statistics.median(anchors):,.0f}; "
        f"ratio x{min(ratios):.2f} / x{statistics.median(ratios):.2f} (target: within x2)"
    )
    for n, rates in by_flight.items():
        flight_ratios = [a / r for a, r in zip(anchors, rates, strict=True)]
        print(
            f"in flight {n}: drain {min(rates):,.0f} / {statistics.median(rates):,.0f} sales/s "
            f"(min / median); ratio to the anchor x{min(flight_ratios):.2f} / "
            f"x{statistics.median(flight_ratios):.2f}"
        )
    print(
        f"HQ's own time: {min(owns):,.0f} / {statistics.median(owns):,.0f} sales/s, ratio "
        f"x{min(own_ratios):.2f} / x{statistics.median(own_ratios):.2f}"
    )
    if floors:
        best = [a / f + 1 for a, f in zip(anchors, floors, strict=True)]
        print(
            f"floor (lane + HTTP, stub HQ) {min(floors):,.0f} / {statistics.median(floors):,.0f} "
            f"sales/s: the lowest drain / anchor ratio an HQ could reach in these runs "
            f"(HQ adding only the anchor's COPY to the stub's work): x{min(best):.2f} / "
            f"x{statistics.median(best):.2f}"
        )
    if models:
        print(
            f"model path (fast path off) {min(models):,.0f} / {statistics.median(models):,.0f} "
            f"sales/s: fast path x{statistics.median(drains) / statistics.median(models):.2f}; "
            f"its ratio to the anchor x{statistics.median(anchors) / statistics.median(models):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sales", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--side-by-side", action="store_true", help="drain vs raw COPY")
    parser.add_argument("--model-path", action="store_true", help="also drain with it off")
    parser.add_argument("--floor", action="store_true", help="also drain into a stub HQ")
    parser.add_argument(
        "--spaced", action="store_true", help="payloads with json.dumps's default spaces"
    )
    parser.add_argument("--workers", type=int, default=1, help="kiosk hq serve --workers N")
    parser.add_argument(
        "--in-flight",
        default=str(SyncConfig().in_flight),
        help="comma-separated [sync] in_flight values, each a drain leg (e.g. 1,2,3; "
        "default: the lane's default)",
    )
    args = parser.parse_args()
    if args.side_by_side:
        side_by_side(
            args.sales,
            args.batch,
            args.rounds,
            args.model_path,
            floor=args.floor,
            workers=args.workers,
            in_flights=tuple(int(n) for n in args.in_flight.split(",")),
            form={} if args.spaced else LANE_FORM,
        )
        return
    payloads = make_payloads(args.sales, form={} if args.spaced else LANE_FORM)
    for backend in ("sqlite", "postgres") if args.backend == "both" else (args.backend,):
        print(f"{backend}, load average {load_average()}:")
        bench_drain(backend, payloads, args.batch)


if __name__ == "__main__":
    main()
