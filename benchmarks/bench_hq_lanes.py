"""200 (or 2,000) simulated lanes talk to one HQ at once: heartbeats and small sale batches.

How it is measured: ``kiosk hq serve`` (one uvicorn process) runs in a subprocess on
the chosen backend; the lanes are enrolled; each lane is an ``httpx.AsyncClient``
with its own connection, spread over ``--procs`` load-generating processes (the bodies
are built before the clock starts). All lanes start together; every lane then repeats
``--rounds`` times: wait a random 0.5-1.5 x ``--interval`` seconds, send a heartbeat,
send a batch of ``--batch`` new sales. Any status other than 200, any "rejected" sale
and any transport error counts as an error. HQ's sale count is checked at the end.
Target: p99 under 250 ms, zero errors.

The figure is **HQ's own**: HQ keeps a histogram of how long each request took it
(``kiosk.hq.middleware.RequestTimes``: from the request reaching the app to the last
byte of the answer handed to uvicorn; 2**(1/16) buckets, +-2.2 %), read through
``GET /api/v1/timings`` before and after. The load generators' own timings (send to
full reply, inside their event loops) are printed beside it for comparison: they
include the generators' queueing, which is what made the old 200-lane figure
unrepeatable. ``--pin`` puts HQ on CPU 0 and the generators on CPU 1
(``os.sched_setaffinity``; PostgreSQL's processes are not pinned). ``--runs`` repeats
the whole measurement with a fresh HQ and prints min / median of the runs.

    python benchmarks/bench_hq_lanes.py --backend sqlite --pin --runs 3
    python benchmarks/bench_hq_lanes.py --backend postgres --pin --runs 3
    python benchmarks/bench_hq_lanes.py --backend postgres --pin --lanes 2000 --interval 20

``--phases`` also prints where HQ's time went per route (``kiosk.hq.metrics.stamp``):
each phase between two stamps with its p50 / p99 and its share of the time of the
requests that took HQ 100 ms or more.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from _hq_harness import (
    enrol,
    histogram_diff,
    hq_server,
    load_average,
    percentile,
    phase_report,
)

from kiosk.hq.samples import make_sale


async def lane(  # noqa: PLR0917 - one call site, all needed
    url: str,
    token: str,
    lane_id: str,
    args: argparse.Namespace,
    latencies: list[tuple[int, float]],
    errors: list[str],
) -> None:
    rng = random.Random(lane_id)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=1)
    beat = json.dumps(
        {
            "state": "selling",
            "app_version": "0.1.0",
            "outbox_depth": args.batch,
            "sent_at": "2026-11-22T10:00:00Z",
            "devices": [{"name": "scanner", "kind": "scanner", "status": "ok"}],
        }
    )
    batches = [
        json.dumps({"sales": [make_sale("store-001", lane_id, rng) for _ in range(args.batch)]})
        for _ in range(args.rounds)
    ]
    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=30
    ) as client:
        for round_no, sales in enumerate(batches):
            await asyncio.sleep(args.interval * rng.uniform(0.5, 1.5))
            for path, body in (("/api/v1/lanes/heartbeat", beat), ("/api/v1/sales/batch", sales)):
                started = time.perf_counter()
                try:
                    response = await client.post(path, content=body)
                except httpx.HTTPError as error:
                    errors.append(f"{lane_id} {path}: {error!r}")
                    continue
                latencies.append((round_no, time.perf_counter() - started))
                if response.status_code != 200:
                    errors.append(f"{lane_id} {path}: HTTP {response.status_code}")
                elif path.endswith("batch") and any(
                    r["status"] != "accepted" for r in response.json()["results"]
                ):
                    errors.append(f"{lane_id}: a sale was not accepted")


async def run(
    url: str, tokens: dict[str, str], args: argparse.Namespace
) -> tuple[list[tuple[int, float]], list[str], float]:
    latencies: list[tuple[int, float]] = []
    errors: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(
        *(lane(url, token, lane_id, args, latencies, errors) for lane_id, token in tokens.items())
    )
    return latencies, errors, time.perf_counter() - started


def run_process(
    job: tuple[str, dict[str, str], argparse.Namespace],
) -> tuple[list[tuple[int, float]], list[str], float]:
    """One load-generating process: its share of the lanes in one event loop."""
    if job[2].pin:
        os.sched_setaffinity(0, GENERATOR_CPUS)
    return asyncio.run(run(*job))


def run_all(
    url: str, tokens: dict[str, str], args: argparse.Namespace
) -> tuple[list[tuple[int, float]], list[str], float]:
    """Spread the lanes over ``--procs`` processes so the load generator is not the
    bottleneck (each process: its own event loop and connections)."""
    items = list(tokens.items())
    shares = [dict(items[i :: args.procs]) for i in range(args.procs)]
    with multiprocessing.get_context("fork").Pool(args.procs) as pool:
        parts = pool.map(run_process, [(url, share, args) for share in shares])
    return (
        [x for p in parts for x in p[0]],
        [e for p in parts for e in p[1]],
        max(p[2] for p in parts),
    )


HQ_CPUS, GENERATOR_CPUS = {0}, {1}
ROUTES = ("POST /api/v1/lanes/heartbeat", "POST /api/v1/sales/batch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--lanes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--batch", type=int, default=3)
    parser.add_argument("--procs", type=int, default=4, help="load-generating processes")
    parser.add_argument("--pin", action="store_true", help="HQ on CPU 0, generators on CPU 1")
    parser.add_argument("--runs", type=int, default=1, help="repeat; min / median of the runs")
    parser.add_argument(
        "--phases", action="store_true", help="print where HQ's time went (its stamps)"
    )
    args = parser.parse_args()
    if args.pin:
        os.sched_setaffinity(0, GENERATOR_CPUS)
    print(
        f"{args.backend}: {args.lanes} lanes x {args.rounds} rounds (heartbeat + batch of "
        f"{args.batch}), interval {args.interval} s, {args.procs} generator processes, "
        f"{'HQ pinned to CPU 0, generators to CPU 1' if args.pin else 'not pinned'}"
    )
    figures: dict[str, list[tuple[float, float, float]]] = {}
    for n in range(args.runs):
        for key, values in measure(args, n + 1).items():
            figures.setdefault(key, []).append(values)
    if args.runs > 1:
        print(f"min / median of {args.runs} runs:")
        for key, runs in figures.items():
            p50s, p99s, maxes = zip(*runs, strict=True)
            print(
                f"  {key}: p50 {min(p50s):.1f} / {statistics.median(p50s):.1f} ms, p99 "
                f"{min(p99s):.1f} / {statistics.median(p99s):.1f} ms, max {min(maxes):.0f} / "
                f"{statistics.median(maxes):.0f} ms"
            )


def measure(args: argparse.Namespace, run_no: int) -> dict[str, tuple[float, float, float]]:
    """One run with a fresh HQ; (p50, p99, max) in ms per figure."""
    load_before = load_average()
    with hq_server(args.backend, cpus=HQ_CPUS if args.pin else None) as hq:
        tokens = {
            f"lane-{n:04d}": enrol(hq, "store-001", f"lane-{n:04d}") for n in range(args.lanes)
        }
        cpu_before = hq.cpu_seconds()
        before = hq.timings()
        latencies, errors, elapsed = run_all(hq.url, tokens, args)
        after = hq.timings()
        hq_cpu = hq.cpu_seconds() - cpu_before
        with hq.engine.connect() as conn:
            stored = conn.execute(sa.text("SELECT count(*) FROM sale")).scalar_one()
    expected = args.lanes * args.rounds * args.batch
    print(
        f"run {run_no}: {len(latencies)} requests in {elapsed:.1f} s "
        f"({len(latencies) / elapsed:.0f}/s); errors {len(errors)}; HQ stored "
        f"{stored}/{expected} sales; HQ CPU {hq_cpu:.1f} s "
        f"({hq_cpu / max(1, len(latencies)) * 1000:.2f} ms per request); fast path "
        f"{after['fast_sales']}; load average {load_before} -> {load_average()}"
    )
    out: dict[str, tuple[float, float, float]] = {}
    every: list[float] = []
    for route in ROUTES:
        times = histogram_diff(before, after, route)
        every.extend(times)
        out[f"HQ's own, {route}"] = _line(f"HQ's own, {route}", times)
        if args.phases:
            print("\n".join(phase_report(before, after, route)))
    out["HQ's own, both"] = _line("HQ's own, both", sorted(every))
    client = "load generators' (send to full reply)"
    out[client] = _line(client, sorted(t for _, t in latencies))
    for error in errors[:10]:
        print("  error:", error)
    return out


def _line(label: str, values: list[float]) -> tuple[float, float, float]:
    p50, p99 = percentile(values, 50) * 1000, percentile(values, 99) * 1000
    top = values[-1] * 1000 if values else float("nan")
    mean = statistics.mean(values) * 1000 if values else float("nan")
    print(
        f"  {label}: {len(values)} requests, p50 {p50:.1f} ms, p99 {p99:.1f} ms, max "
        f"{top:.0f} ms, mean {mean:.1f} ms"
    )
    return p50, p99, top


if __name__ == "__main__":
    main()
