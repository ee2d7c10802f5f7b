"""2,000 simulated lanes against ``kiosk hq serve --workers N`` for N = 1, 2, 4, in one run.

How it is measured: one PostgreSQL database per N (fresh, migrated), the lanes enrolled,
then ``kiosk hq serve --workers N`` in a subprocess. The lanes are the ones of
``bench_hq_lanes.py`` (each an ``httpx.AsyncClient`` with its own connection, spread
over ``--procs`` generator processes; every round: wait 0.5-1.5 x ``--interval`` s, a
heartbeat, a batch of ``--batch`` new sales). Figures per N: requests/s, errors, sales
stored vs sent, p50/p99 as the generators saw them (send to full reply) and as HQ saw
them (its Prometheus histogram ``kiosk_hq_request_seconds``, summed over the workers,
read from ``GET /metrics`` before and after; a percentile is the upper bound of its
bucket), and the ratio of each N's figures to N = 1. The order of N is interleaved
over ``--runs`` runs; min / median of the runs.

Conditions worth saying with the figures: this machine's cores are shared by HQ's
workers, PostgreSQL and the load generators (nothing is pinned), so on 2 cores the
ratio shows what a worker adds *here*, not on an HQ machine of its own.

    python benchmarks/bench_hq_workers.py --lanes 2000 --rounds 3 --interval 30 --runs 3
"""

from __future__ import annotations

import argparse
import os
import re
import statistics

import httpx
import sqlalchemy as sa
from _hq_harness import hq_server, load_average, percentile
from bench_hq_lanes import run_all

from kiosk.hq.auth import enrol_lane

BUCKET = re.compile(r'^kiosk_hq_request_seconds_bucket\{le="([^"]+)",.*\} (\S+)$')


def server_buckets(base: str, admin: str) -> dict[float, float]:
    """Cumulative counts per bucket bound of every route's request times (all workers)."""
    text = httpx.get(
        f"{base}/metrics", headers={"Authorization": f"Bearer {admin}"}, timeout=30
    ).text
    counts: dict[float, float] = {}
    for line in text.splitlines():
        found = BUCKET.match(line)
        if found and "/metrics" not in line:
            bound = float("inf") if found[1] == "+Inf" else float(found[1])
            counts[bound] = counts.get(bound, 0.0) + float(found[2])
    return counts


def bucket_percentile(before: dict[float, float], after: dict[float, float], q: float) -> float:
    """The upper bound of the bucket holding the q-th percentile of what happened between."""
    bounds = sorted(after)
    diff = [after[b] - before.get(b, 0.0) for b in bounds]
    total = diff[-1] if diff else 0.0
    for bound, cumulative in zip(bounds, diff, strict=True):
        if total and cumulative >= total * q / 100:
            return bound
    return float("nan")


def measure(workers: int, args: argparse.Namespace) -> dict[str, float]:
    with hq_server("postgres", workers=workers) as hq:
        base, engine, admin = hq.url, hq.engine, hq.admin_token
        tokens = {
            f"lane-{n:04d}": enrol_lane(engine, "store-001", f"lane-{n:04d}")
            for n in range(args.lanes)
        }
        before = server_buckets(base, admin)
        latencies, errors, elapsed = run_all(base, tokens, args)
        after = server_buckets(base, admin)
        with engine.connect() as conn:
            stored = conn.execute(sa.text("SELECT count(*) FROM sale")).scalar_one()
    client = sorted(t for _, t in latencies)
    figures = {
        "requests_per_s": len(latencies) / elapsed,
        "errors": float(len(errors)),
        "stored_share": stored / (args.lanes * args.rounds * args.batch),
        "client_p50_ms": percentile(client, 50) * 1000,
        "client_p99_ms": percentile(client, 99) * 1000,
        "hq_p50_ms": bucket_percentile(before, after, 50) * 1000,
        "hq_p99_ms": bucket_percentile(before, after, 99) * 1000,
    }
    print(
        f"  {workers} worker(s): {len(latencies)} requests in {elapsed:.0f} s "
        f"({figures['requests_per_s']:.0f}/s), errors {len(errors)}, stored {stored}; "
        f"generators p50 {figures['client_p50_ms']:.0f} ms p99 {figures['client_p99_ms']:.0f} ms; "
        f"HQ p50 <= {figures['hq_p50_ms']:.0f} ms p99 <= {figures['hq_p99_ms']:.0f} ms; "
        f"load {load_average()}",
        flush=True,
    )
    for error in errors[:3]:
        print("    error:", error)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lanes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--interval", type=float, default=30.0)
    parser.add_argument("--batch", type=int, default=3)
    parser.add_argument("--procs", type=int, default=4, help="load-generating processes")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    args.pin = False  # bench_hq_lanes' generators: not pinned here
    print(
        f"postgres: {args.lanes} lanes x {args.rounds} rounds (heartbeat + {args.batch} sales), "
        f"interval {args.interval} s, workers {args.workers}, {os.cpu_count()} CPUs shared, "
        f"load {load_average()}"
    )
    runs: dict[int, list[dict[str, float]]] = {n: [] for n in args.workers}
    for run in range(args.runs):
        order = args.workers if run % 2 == 0 else list(reversed(args.workers))
        print(f"run {run + 1}:")
        for n in order:
            runs[n].append(measure(n, args))
    base = runs[args.workers[0]]
    print(
        f"min / median of {args.runs} run(s), and the median's ratio to {args.workers[0]} worker:"
    )
    for n in args.workers:
        parts = []
        for key in (
            "requests_per_s",
            "client_p50_ms",
            "client_p99_ms",
            "hq_p50_ms",
            "hq_p99_ms",
            "errors",
        ):
            values = [r[key] for r in runs[n]]
            median = statistics.median(values)
            ratio = (
                median / statistics.median([r[key] for r in base])
                if base and key != "errors"
                else None
            )
            parts.append(
                f"{key} {min(values):.1f} / {median:.1f}" + (f" (x{ratio:.2f})" if ratio else "")
            )
        print(f"  {n} worker(s): " + "; ".join(parts))


if __name__ == "__main__":
    main()
