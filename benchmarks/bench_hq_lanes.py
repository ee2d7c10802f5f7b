"""200 simulated lanes talk to one HQ at once: heartbeats and small sale batches.

How it is measured: ``kiosk hq serve`` (one uvicorn process) runs in a subprocess on
the chosen backend; 200 lanes are enrolled; each lane is an ``httpx.AsyncClient``
with its own connection, spread over ``--procs`` load-generating processes (the bodies
are built before the clock starts). All lanes start together; every lane then repeats
``--rounds`` times: wait a random 0.5-1.5 x ``--interval`` seconds, send a heartbeat,
send a batch of ``--batch`` new sales. Every request's latency (send to full reply)
is recorded; any status other than 200, any "rejected" sale and any transport
error counts as an error. HQ's sale count is checked at the end.
Target: p99 under 250 ms, zero errors.

    python benchmarks/bench_hq_lanes.py --backend sqlite
    python benchmarks/bench_hq_lanes.py --backend postgres
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import statistics
import sys
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from _hq_harness import enrol, hq_server

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--lanes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--batch", type=int, default=3)
    parser.add_argument("--procs", type=int, default=4, help="load-generating processes")
    args = parser.parse_args()
    with hq_server(args.backend) as hq:
        tokens = {
            f"lane-{n:03d}": enrol(hq, "store-001", f"lane-{n:03d}") for n in range(args.lanes)
        }
        cpu_before = hq.cpu_seconds()
        latencies, errors, elapsed = run_all(hq.url, tokens, args)
        hq_cpu = hq.cpu_seconds() - cpu_before
        with hq.engine.connect() as conn:
            stored = conn.execute(sa.text("SELECT count(*) FROM sale")).scalar_one()
    steady = sorted(t for round_no, t in latencies if round_no > 0)
    latencies = sorted(t for _, t in latencies)
    p = {q: _percentile(latencies, q) for q in (50, 95, 99)}
    expected = args.lanes * args.rounds * args.batch
    print(
        f"{args.backend}: {args.lanes} lanes x {args.rounds} rounds (heartbeat + batch of "
        f"{args.batch}) in {elapsed:.1f} s: {len(latencies)} requests "
        f"({len(latencies) / elapsed:.0f}/s), p50 {p[50]:.0f} ms, p95 {p[95]:.0f} ms, "
        f"p99 {p[99]:.0f} ms, max {latencies[-1] * 1000:.0f} ms, mean "
        f"{statistics.mean(latencies) * 1000:.0f} ms; errors {len(errors)}; "
        f"HQ stored {stored}/{expected} sales; HQ process CPU {hq_cpu:.1f} s "
        f"({hq_cpu / len(latencies) * 1000:.1f} ms per request)"
    )
    print(
        f"  rounds 2..{args.rounds} only (connections open, lanes spread out): p50 "
        f"{_percentile(steady, 50):.0f} ms, p99 {_percentile(steady, 99):.0f} ms"
    )
    for error in errors[:10]:
        print("  error:", error)


def _percentile(values: list[float], q: int) -> float:
    """The q-th percentile of sorted ``values``, in milliseconds."""
    return values[min(len(values) - 1, int(len(values) * q / 100))] * 1000


if __name__ == "__main__":
    main()
