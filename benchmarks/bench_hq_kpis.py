"""KPI API latency on PostgreSQL with N transactions' service events.

Generates N transactions (200 lanes in 20 stores, ~150 transactions per lane-day,
8:00-22:00, three languages, 12 % abandoned, 15 % with an intervention, ratings, NPS,
lane outages) as service events, computes their rollups with the ingest's own pure
code (``kiosk.hq.events.rollup_sums``) and COPYs events and rollups straight into a
fresh PostgreSQL database. Then ``kiosk hq serve`` runs in a subprocess and each KPI
call (the plain report, each breakdown, filters, the staff page) is timed ``--calls``
times, next to an anchor measured the same way: a bare ``SELECT count(*)`` over the
events table. Three rounds; the figures are min / median of the rounds.

    .venv/bin/python benchmarks/bench_hq_kpis.py --transactions 1000000

The loader COPYs the events and migration 0005's rollups (the daily and hourly ones day
by day, so memory stays flat), then migrates to the newest revision, whose migrations
fill their tables (the running sums of 0006) as on a real upgrade; ``--database NAME
--keep`` keeps a loaded database for later runs. ``--ingest-ratio N`` instead times N
one-lane ingest batches with the running sums against the same batches without them.

Not part of the test suite (CI never runs it at this size).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa
from _hq_harness import DEFAULT_PG, database
from alembic import command

from kiosk.hq import kpi_cum
from kiosk.hq.db import (
    _alembic_config,
    create_engine,
    current_revision,
    normalise_url,
    upgrade,
    write_transaction,
)
from kiosk.hq.events import add_to_rollups, rollup_sums
from kiosk.hq.rollup import EventFacts, Opening
from kiosk.hq.server import free_port
from kiosk.hq.tables import service_event

ADMIN = "bench-admin-token-0123456789"
STORES, LANES_PER_STORE, PER_LANE_DAY = 20, 10, 150
LANGUAGES = (("en", 0.6), ("es", 0.25), ("fr", 0.15))
KINDS = ("age_check", "unknown_item", "weight_mismatch", "help")
CALLS = {
    "report": "/api/v1/kpis",
    "by lane": "/api/v1/kpis?by=lane",
    "by store": "/api/v1/kpis?by=store",
    "by hour": "/api/v1/kpis?by=hour",
    "by day": "/api/v1/kpis?by=day",
    "by language": "/api/v1/kpis?by=language",
    "one store, a week": "/api/v1/kpis?store=s07&from=2026-01-05&to=2026-01-11",
    "one lane, by day": "/api/v1/kpis?store=s03&lane=l04&by=day",
    "language es, by journey": "/api/v1/kpis?language=es&by=journey",
    "staff page": "/kpis",
    # ranges that cut calendar months (at 1 M transactions the data ends on 2026-02-02)
    "by lane, 01-15..02-01": "/api/v1/kpis?by=lane&from=2026-01-15&to=2026-02-01",
    "by hour, 01-15..02-01": "/api/v1/kpis?by=hour&from=2026-01-15&to=2026-02-01",
    "one store by lane, 01-10..01-20": (
        "/api/v1/kpis?store=s05&by=lane&from=2026-01-10&to=2026-01-20"
    ),
    "staff page, 01-15..02-01": "/kpis?from=2026-01-15&to=2026-02-01",
}


def _journey(store: int) -> str:
    return "self_checkout" if store < 16 else "airport_checkin" if store < 18 else "hotel_checkin"


def _iso(seconds: float) -> str:
    """2026-01-01 + ``seconds`` as the lanes write times."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1767225600 + seconds)) + "Z"


def transactions(n: int, seed: int = 7) -> Iterator[list[tuple[EventFacts, Opening]]]:
    """The events of ``n`` transactions (with their openings), one transaction at a time."""
    rng = random.Random(seed)
    lanes = [(s, lane) for s in range(STORES) for lane in range(LANES_PER_STORE)]
    per_day = len(lanes) * PER_LANE_DAY
    languages = [code for code, _ in LANGUAGES]
    weights = [w for _, w in LANGUAGES]
    for number in range(n):
        day, index = divmod(number, per_day)
        store, lane = lanes[index % len(lanes)]
        start = day * 86400 + 8 * 3600 + rng.uniform(0, 14 * 3600)
        language = rng.choices(languages, weights)[0]
        facts = {
            "store_id": f"s{store:02d}",
            "lane_id": f"l{lane:02d}",
            "journey": _journey(store),
            "transaction_id": f"t{number}",
            "language": language,
        }

        def event(
            kind: str, at: float, data: dict[str, Any], facts: dict[str, Any] = facts, **f: Any
        ) -> EventFacts:
            return EventFacts(type=kind, at=_iso(at), data=data, **{**facts, **f})

        out = [(event("transaction.started", start, {}), Opening())]
        took = rng.lognormvariate(4.8, 0.5)  # median ~2 min
        assisted = rng.random() < 0.15
        if assisted:
            ref = {"intervention_id": str(uuid.UUID(int=number, version=4)),
                   "kind": rng.choice(KINDS)}  # fmt: skip
            raised = start + rng.uniform(5, took / 2)
            arrived = raised + rng.lognormvariate(3.5, 0.7)
            resolved = arrived + rng.lognormvariate(3.5, 0.6)
            took = max(took, resolved - start + 5)
            staff = {**ref, "staff_id": "st1", "how": rng.choice(("at_lane", "remote"))}
            out += [
                (event("intervention.raised", raised, ref), Opening()),
                (event("intervention.staff_arrived", arrived, staff), Opening(_iso(raised))),
                (event("intervention.resolved", resolved, {**staff, "outcome": "approved"}),
                 Opening(_iso(raised))),
            ]  # fmt: skip
        end = start + took
        if rng.random() < 0.12:
            data = {"reason": rng.choice(("cancelled", "idle_timeout", "walk_away")), "items": 1}
            out.append((event("transaction.abandoned", end, data), Opening(_iso(start))))
        else:
            items = rng.randint(1, 25)
            data = {"items": items, "total_minor": items * 250, "currency": "EUR",
                    "language": language}  # fmt: skip
            out.append((event("transaction.completed", end, data), Opening(_iso(start), assisted)))
            if rng.random() < 0.3:
                rating = {"rating": rng.choice((1, 2, 3, 4, 4, 5, 5, 5))}
                out.append((event("feedback.rating", end + 3, rating), Opening()))
            if rng.random() < 0.05:
                nps = {"score": rng.randint(0, 10), "reasons": ["too_slow"], "comment": ""}
                out.append((event("feedback.nps", end + 6, nps), Opening()))
        if number % 2000 == 0:  # a lane outage now and then
            gone = end + 60
            lane_ref = {"reason": "printer"}
            out += [
                (event("lane.unavailable", gone, lane_ref, transaction_id=None), Opening()),
                (event("lane.available", gone + rng.uniform(60, 3600), {}, transaction_id=None),
                 Opening(_iso(gone))),
            ]  # fmt: skip
        yield out


def _copy(conn: psycopg.Connection[Any], table: str, columns: list[str], rows: Any) -> int:
    count = 0
    with (
        conn.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


# The rollup tables of migration 0005, which the loader COPYs (later ones are filled by
# their own migrations from these, as on a real upgrade), with their time columns.
LOADED = {"kpi_day": ["day"], "kpi_hour": ["day", "hour"], "kpi_month": ["month"],
          "kpi_month_hour": ["month", "hour"], "kpi_day_fleet": ["day"]}  # fmt: skip
STREAMED = ("kpi_day", "kpi_hour")  # COPYed day by day as their days are done
DIMS = ["store_id", "lane_id", "journey", "language", "metric", "key", "n", "total"]
EVENT_COLUMNS = ["store_id", "lane_id", "event_id", "journey", "transaction_id", "type", "ref",
                 "at", "language", "data", "document_sha256", "received_at"]  # fmt: skip


def _columns(table: str) -> list[str]:
    return [*LOADED[table], *(DIMS if table != "kpi_day_fleet" else DIMS[2:])]


def load(url: str, n: int) -> tuple[int, int]:
    """COPY ``n`` transactions' events and their 0005 rollups; (events, rollup rows).

    The daily and hourly rollups stream into their own COPYs (one connection each) once
    their day is done, so memory stays flat at 10 M transactions."""
    sums: dict[str, dict[tuple[Any, ...], list[int]]] = {}
    conninfo = sa.make_url(url).set(drivername="postgresql").render_as_string(False)
    per_day = STORES * LANES_PER_STORE * PER_LANE_DAY
    written = 0
    with contextlib.ExitStack() as stack:  # closing commits every connection
        conns = {t: stack.enter_context(psycopg.connect(conninfo)) for t in ("events", *STREAMED)}
        copies = {
            t: stack.enter_context(
                stack.enter_context(conns[t].cursor()).copy(
                    f"COPY {t} ({', '.join(_columns(t))}) FROM STDIN"
                )
            )
            for t in STREAMED
        }

        def flush(before: str | None) -> None:
            nonlocal written
            for table in STREAMED:
                pending = sums.get(table, {})
                done = sorted(k for k in pending if before is None or k[0] < before)
                for key in done:
                    copies[table].write_row((*key, *pending.pop(key)))
                written += len(done)

        def rows() -> Iterator[tuple[Any, ...]]:
            batch: list[tuple[EventFacts, Opening]] = []
            count = 0
            for number, events in enumerate(transactions(n)):
                batch += events
                for facts, _ in events:
                    count += 1
                    data = json.dumps(facts.data, separators=(",", ":"))
                    ref = facts.data.get("intervention_id") or (
                        "lane" if facts.type.startswith("lane.") else None
                    )
                    event_id = str(uuid.UUID(int=count, version=4))  # ascending: cheap index
                    yield (facts.store_id, facts.lane_id, event_id, facts.journey,
                           facts.transaction_id, facts.type, ref, facts.at, facts.language,
                           data, "0" * 64, facts.at)  # fmt: skip
                if len(batch) > 50_000:
                    _merge(sums, batch)
                    batch = []
                    # a transaction's events end at most hours after its day: the days
                    # before the one before it are done
                    flush(_iso((number // per_day - 1) * 86400)[:10])
            _merge(sums, batch)
            flush(None)

        events = _copy(conns["events"], "service_event", EVENT_COLUMNS, rows())
        for table, rollup in sums.items():
            if table in LOADED and table not in STREAMED:
                rollup_rows = ((*k, *v) for k, v in sorted(rollup.items()))
                written += _copy(conns["events"], table, _columns(table), rollup_rows)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return events, written


def _merge(
    sums: dict[str, dict[tuple[Any, ...], list[int]]], batch: list[tuple[EventFacts, Opening]]
) -> None:
    for table, more in rollup_sums(batch).items():
        target = sums.setdefault(table, {})
        for key, (n, total) in more.items():
            cell = target.setdefault(key, [0, 0])
            cell[0] += n
            cell[1] += total


@contextlib.contextmanager
def serve(url: str, folder: Path) -> Iterator[str]:
    """``kiosk hq serve`` over ``url`` with the admin token, in a subprocess."""
    config = folder / "hq.toml"
    config.write_text(
        f'[lane]\nstore_id = "hq"\nlane_id = "hq"\n\n[hq]\nadmin_token = "{ADMIN}"\n',
        encoding="utf-8",
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "hq", "--config", str(config), "--database-url", url,
         "serve", "--port", str(port)],
        stdout=None if os.environ.get("BENCH_VERBOSE") else subprocess.DEVNULL,
        stderr=None if os.environ.get("BENCH_VERBOSE") else subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/api/v1/health").status_code == 200:
                    break
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def _quantiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def time_calls(base: str, url: str, calls: int) -> dict[str, tuple[float, float]]:
    """{call: (p50 ms, p99 ms)} for each KPI call and the anchor."""
    out: dict[str, tuple[float, float]] = {}
    headers = {"Authorization": f"Bearer {ADMIN}"}
    with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
        for name, path in CALLS.items():
            client.get(path).raise_for_status()  # warm
            samples = []
            for _ in range(calls):
                t0 = time.perf_counter()
                client.get(path).raise_for_status()
                samples.append((time.perf_counter() - t0) * 1000)
            out[name] = _quantiles(samples)
    conninfo = sa.make_url(url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(conninfo) as conn:
        conn.execute("SELECT count(*) FROM service_event").fetchone()
        samples = []
        for _ in range(calls):
            t0 = time.perf_counter()
            conn.execute("SELECT count(*) FROM service_event").fetchone()
            samples.append((time.perf_counter() - t0) * 1000)
    out["anchor: SELECT count(*) FROM service_event"] = _quantiles(samples)
    return out


def _event_rows(events: list[EventFacts]) -> list[dict[str, Any]]:
    return [
        {"store_id": f.store_id, "lane_id": f.lane_id, "event_id": str(uuid.uuid4()),
         "journey": f.journey, "transaction_id": f.transaction_id, "type": f.type,
         "ref": f.data.get("intervention_id"), "at": f.at, "language": f.language,
         "data": json.dumps(f.data), "document_sha256": "0" * 64, "received_at": f.at}
        for f in events
    ]  # fmt: skip


def ingest_ratio(url: str, batches: int) -> None:
    """The cost of the running sums in the ingest: one lane's batch of 3 transactions
    (events INSERTed, rollups added) timed with the running sums and, alternating, with
    ``kpi_cum.add`` a no-op (the anchor); then batches of an old day (20 days back)."""
    engine = create_engine(url)
    upgrade(engine)
    real_add = kpi_cum.add
    by_lane: dict[tuple[str, str], list[tuple[EventFacts, Opening]]] = {}
    timed: dict[str, list[float]] = {"with running sums": [], "anchor: without": [],
                                     "old day, with": [], "old day, without": []}  # fmt: skip
    plan = []
    for events in transactions(batches * 3 * 2):
        lane = (events[0][0].store_id, events[0][0].lane_id)
        by_lane.setdefault(lane, []).extend(events)
        if sum(1 for f, _ in by_lane[lane] if f.type == "transaction.started") == 3:
            plan.append(by_lane.pop(lane))
    for number, batch in enumerate(plan):
        with_sums = number % 2 == 0
        kpi_cum.add = real_add if with_sums else (lambda *_a, **_k: None)  # type: ignore[assignment]
        for old in (False, True) if number % 10 in (0, 1) else (False,):
            sent = [(dc_replace(f, at=_shift(f.at, -20)), o) for f, o in batch] if old else batch
            t0 = time.perf_counter()
            with write_transaction(engine) as conn:
                conn.execute(service_event.insert(), _event_rows([f for f, _ in sent]))
                add_to_rollups(conn, sent)
            name = ("with running sums", "anchor: without")[not with_sums]
            if old:
                name = "old day, with" if with_sums else "old day, without"
            timed[name].append((time.perf_counter() - t0) * 1000)
    kpi_cum.add = real_add  # type: ignore[assignment]
    engine.dispose()
    anchor = _quantiles(timed["anchor: without"])
    for name, samples in timed.items():
        p50, p99 = _quantiles(samples)
        print(f"{name:22} n={len(samples):5} p50 {p50:7.2f} ms (x{p50 / anchor[0]:.2f})"
              f"  p99 {p99:7.2f} ms (x{p99 / anchor[1]:.2f})")  # fmt: skip


def _shift(at: str, days: int) -> str:
    when = dt.datetime.fromisoformat(at) + dt.timedelta(days=days)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def named_database(pg_url: str, name: str, keep: bool) -> Iterator[str]:
    """Database ``name`` (created if missing; dropped at the end unless ``keep``)."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield sa.make_url(normalise_url(pg_url)).set(database=name).render_as_string(False)
    finally:
        if not keep:
            with psycopg.connect(pg_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(url: str, n: int) -> None:
    """Migrate to 0005, load ``n`` transactions unless some are already there, then
    migrate to the newest revision (its migrations fill their tables from 0005's)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        if current_revision(conn) is None:
            command.upgrade(_alembic_config(conn), "0005")
        loaded = conn.execute(sa.text("SELECT count(*) FROM service_event")).scalar_one()
    if loaded:
        print(f"database already holds {loaded:,} events: not loading")
    else:
        t0 = time.perf_counter()
        events, rollup_rows = load(url, n)
        print(
            f"loaded {n:,} transactions: {events:,} events, "
            f"{rollup_rows:,} rollup rows in {time.perf_counter() - t0:.0f} s",
            flush=True,
        )
    t0 = time.perf_counter()
    revision = upgrade(engine)
    engine.dispose()
    print(f"migrated to {revision} in {time.perf_counter() - t0:.0f} s", flush=True)
    conninfo = sa.make_url(url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        sizes = conn.execute(
            "SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname LIKE 'kpi%' "
            "ORDER BY relname"
        ).fetchall()
    print("rollup rows: " + ", ".join(f"{name} {rows:,}" for name, rows in sizes), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=30, help="timed calls per KPI call and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg-url", default=DEFAULT_PG)
    parser.add_argument(
        "--database", help="load into this database (created if missing; reused if loaded)"
    )
    parser.add_argument("--keep", action="store_true", help="do not drop --database at the end")
    parser.add_argument("--load-only", action="store_true", help="load and migrate, no timing")
    parser.add_argument(
        "--ingest-ratio", type=int, metavar="BATCHES", help="time the ingest's running sums instead"
    )
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url = stack.enter_context(
            named_database(args.pg_url, args.database, args.keep)
            if args.database
            else database("postgres", tmp, args.pg_url)
        )
        if args.ingest_ratio:
            ingest_ratio(url, args.ingest_ratio)
            return
        prepare(url, args.transactions)
        if args.load_only:
            return
        base = stack.enter_context(serve(url, tmp))
        rounds = []
        for number in range(args.rounds):
            rounds.append(time_calls(base, url, args.calls))
            print(f"round {number + 1} done, load average {os.getloadavg()}", flush=True)
    anchor = "anchor: SELECT count(*) FROM service_event"
    print(f"\n{'call':45} {'p50 ms (min/med)':>18} {'p99 ms (min/med)':>18} {'p99/anchor':>11}")
    for name in rounds[0]:
        p50 = sorted(r[name][0] for r in rounds)
        p99 = sorted(r[name][1] for r in rounds)
        ratio = statistics.median(r[name][1] / r[anchor][1] for r in rounds)
        print(
            f"{name:45} {p50[0]:8.1f}/{statistics.median(p50):8.1f} "
            f"{p99[0]:8.1f}/{statistics.median(p99):8.1f} {ratio:10.3f}x"
        )


if __name__ == "__main__":
    main()
