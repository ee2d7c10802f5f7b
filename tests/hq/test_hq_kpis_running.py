"""The running sums (kiosk.hq.kpi_cum) against the events added up directly: random
events of a few lanes over a few weeks, stored in random batches (old days after new
ones), then random ranges, filters and breakdowns, on SQLite and PostgreSQL; and the rows
migration 0006 fills from the day sums equal the rows the ingest wrote."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from collections import defaultdict
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.hq import kpi_cum, kpis
from kiosk.hq.events import add_to_rollups
from kiosk.hq.rollup import HOURLY, EventFacts, Opening, additions
from kiosk.hq.tables import (
    kpi_cum_day,
    kpi_cum_hour,
    kpi_cum_lane,
    kpi_day,
    kpi_day_fleet,
    kpi_hour,
    kpi_month,
    kpi_month_hour,
)

START = dt.date(2026, 1, 20)  # the days cross the end of January
LANES = (("s1", "l1"), ("s1", "l2"), ("s2", "l1"))
JOURNEYS = ("self_checkout", "hotel_checkin")
ROLLUPS = (kpi_day, kpi_hour, kpi_month, kpi_month_hour, kpi_day_fleet)
RUNNING = (kpi_cum_day, kpi_cum_hour, kpi_cum_lane)
MIGRATION = Path(kpi_cum.__file__).parent / "migrations" / "versions" / "0006_running_sums.py"


@st.composite
def an_event(draw: st.DrawFn) -> tuple[EventFacts, Opening]:
    store, lane = draw(st.sampled_from(LANES))
    day = START + dt.timedelta(days=draw(st.integers(0, 40)))
    at = f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}:00Z"
    kind, data = draw(
        st.sampled_from(
            [
                ("transaction.started", {}),
                ("transaction.completed", {"items": 3, "language": "fr"}),
                ("transaction.abandoned", {"reason": "walk_away"}),
                ("intervention.raised", {"intervention_id": "i", "kind": "age_check"}),
                ("intervention.raised", {"intervention_id": "i", "kind": "help"}),
                ("feedback.rating", {"rating": 5}),
                ("feedback.rating", {"rating": 2}),
                ("help.asked", {}),
            ]
        )
    )
    opening = Opening(f"{day.isoformat()}T00:00:00Z", draw(st.booleans()))
    facts = EventFacts(
        store_id=store,
        lane_id=lane,
        journey=draw(st.sampled_from(JOURNEYS)),
        transaction_id="t",
        type=kind,
        at=at,
        language=draw(st.sampled_from((None, "en", "es"))),
        data=data,
    )
    return facts, opening if kind.startswith("transaction.") else Opening()


def _day(offset: int | None) -> str | None:
    return None if offset is None else (START + dt.timedelta(days=offset)).isoformat()


def filters(days: list[int]) -> st.SearchStrategy[kpis.KpiFilter]:
    """Filters whose range edges are often the days of the events (``days``)."""
    edge = st.none() | st.sampled_from(days) | st.integers(-3, 45)
    return st.builds(
        lambda a, b, lane, journey, language: kpis.KpiFilter(
            _day(a),
            _day(b),
            lane[0] if lane else None,
            lane[1] if lane and len(lane) > 1 else None,
            journey,
            language,
        ),
        edge,
        edge,
        st.none() | st.sampled_from([("s1",), ("s2",), *LANES]),
        st.none() | st.sampled_from(JOURNEYS),
        st.none() | st.sampled_from(("", "en", "es", "fr")),
    )


QUESTIONS = [((), False), (("store_id",), False), (("store_id", "lane_id"), False),
             (("journey",), False), (("language",), False), (("hour",), True),
             (("store_id", "hour"), True), ((), True)]  # fmt: skip


def expected(
    events: list[tuple[EventFacts, Opening]],
    f: kpis.KpiFilter,
    group: tuple[str, ...],
    hourly: bool,
) -> dict[tuple[Any, ...], dict[tuple[str, str], tuple[int, int]]]:
    """The events passing ``f`` added up directly, grouped like kpis.rollup_rows."""
    out: dict[tuple[Any, ...], dict[tuple[str, str], list[int]]] = defaultdict(
        lambda: defaultdict(lambda: [0, 0])
    )
    for facts, opening in events:
        day = facts.at[:10]
        language = facts.language or (facts.data.get("language") or "")
        values = {
            "store_id": facts.store_id,
            "lane_id": facts.lane_id,
            "journey": facts.journey,
            "language": language,
            "hour": int(facts.at[11:13]),
        }
        if (f.date_from and day < f.date_from) or (f.date_to and day > f.date_to):
            continue
        wanted = (("store_id", f.store), ("lane_id", f.lane), ("journey", f.journey),
                  ("language", f.language))  # fmt: skip
        if any(value is not None and values[name] != value for name, value in wanted):
            continue
        for a in additions(facts, opening):
            if hourly and a.metric not in HOURLY:
                continue
            cell = out[tuple(values[name] for name in group)][(a.metric, a.key)]
            cell[0] += a.n
            cell[1] += a.total
    return {g: {k: (n, t) for k, (n, t) in sums.items()} for g, sums in out.items()}


def _clear(conn: sa.Connection) -> None:
    for table in (*ROLLUPS, *RUNNING):
        conn.execute(table.delete())


def _dump(conn: sa.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in RUNNING}


def _migrate_fill(conn: sa.Connection) -> None:
    spec = importlib.util.spec_from_file_location("kpi_migration_0006", MIGRATION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with Operations.context(MigrationContext.configure(conn)):
        module.fill()


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    events=st.lists(an_event(), min_size=1, max_size=30),
    cuts=st.lists(st.integers(0, 30), max_size=5),
    data=st.data(),
)
def test_running_sums_equal_the_events_added_up(hq_engine, events, cuts, data):
    days = sorted({(dt.date.fromisoformat(f.at[:10]) - START).days for f, _ in events})
    questions = data.draw(
        st.lists(st.tuples(filters(days), st.sampled_from(QUESTIONS)), min_size=1, max_size=6)
    )
    bounds = sorted({0, len(events), *(c for c in cuts if c < len(events))})
    with hq_engine.begin() as conn:
        _clear(conn)
    for start, end in itertools.pairwise(bounds):  # one transaction per batch
        with hq_engine.begin() as conn:
            add_to_rollups(conn, events[start:end])
    with hq_engine.connect() as conn:
        for f, (group, hourly) in questions:
            found = kpis.rollup_rows(conn, f, group, hourly=hourly)
            assert dict(found) == expected(events, f, group, hourly), (f, group, hourly)
            raised = expected(events, f, ("store_id", "lane_id", "hour"), True)
            assert kpis.heatmap(conn, f) == _heat_sums(raised), f
        ingested = _dump(conn)
    with hq_engine.begin() as conn:
        for table in RUNNING:
            conn.execute(table.delete())
        _migrate_fill(conn)
        assert _dump(conn) == ingested


def _heat_sums(raised: dict[tuple[Any, ...], dict[tuple[str, str], tuple[int, int]]]) -> Any:
    out: dict[tuple[str, int], int] = defaultdict(int)
    for (store, lane, hour), sums in raised.items():
        for (metric, _), (n, _) in sums.items():
            if metric == "interventions":
                out[(f"{store}/{lane}", hour)] += n
    return dict(out)


def test_running_rows_start_at_a_cells_first_day_and_run_to_the_last():
    deltas = {
        ("en", "started", "", "2026-02-02"): (1, 0),
        ("en", "started", "", "2026-01-31"): (2, 5),
    }
    assert kpi_cum.running(deltas, "2026-02-03") == [
        ("en", "started", "", "2026-01-31", 2, 5),
        ("en", "started", "", "2026-02-01", 2, 5),
        ("en", "started", "", "2026-02-02", 3, 5),
        ("en", "started", "", "2026-02-03", 3, 5),
    ]


def test_a_days_events_in_later_batches_keep_the_running_sums_of_earlier_days(hq_engine):
    """Today's events on an existing cell are one row; an old day's add to every later
    day of its lane, and a new day copies the lane's last day first."""

    def started(day: str) -> tuple[EventFacts, Opening]:
        return EventFacts("s1", "l1", "self_checkout", "t", "transaction.started",
                          f"{day}T10:00:00Z", "en", {}), Opening()  # fmt: skip

    with hq_engine.begin() as conn:
        _clear(conn)
        add_to_rollups(conn, [started("2026-03-01")])
        add_to_rollups(conn, [started("2026-03-04")])
        add_to_rollups(conn, [started("2026-03-02"), started("2026-03-04")])
        rows = conn.execute(
            sa.select(kpi_cum_day.c.day, kpi_cum_day.c.n)
            .where(kpi_cum_day.c.store_id == "s1", kpi_cum_day.c.metric == "started")
            .order_by(kpi_cum_day.c.day)
        ).all()
        lane = conn.execute(sa.select(kpi_cum_lane).where(kpi_cum_lane.c.store_id == "s1")).one()
    assert [tuple(r) for r in rows] == [
        ("2026-03-01", 1), ("2026-03-02", 2), ("2026-03-03", 2), ("2026-03-04", 4)
    ]  # fmt: skip
    assert (lane.first_day, lane.last_day) == ("2026-03-01", "2026-03-04")
