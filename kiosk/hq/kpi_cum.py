"""Running (prefix) sums of the KPI rollups: any range of days in two rows per lane and cell.

Theory of operation: ``kpi_cum_day`` holds, per lane (and for the whole fleet, store and
lane ""), journey, language, metric and key, the sum of every day up to and including
``day``: one row for every calendar day from the cell's first day to the lane's last
day (``kpi_cum_lane``). The sums over days ``a``..``b`` are then ``cum(b) - cum(a - 1)``,
where a day after the lane's last is read as its last and a day before the cell's first
has no row (zero): two rows per lane and cell whatever the range, so a breakdown by lane
over any range costs the same as over one day. ``kpi_cum_hour`` does the same per hour of
day: for the lanes only the interventions raised (key "", the lane x hour heat map), for
the fleet every hourly (metric, key) (the breakdown by hour).

The ingest (:func:`add`) keeps them in the transaction that stores the events. It locks
the lane's ``kpi_cum_lane`` row; a batch with a new day first copies the lane's rows of
its last day to each new day; then each cell's batch sums are added as running sums from
the cell's first day in the batch to the lane's last day. The common case, today's
events, is one upsert per cell; an event of an old day adds to every later row of its
cell. The fleet's rows are written like a lane's, under the fleet's row lock, which the
caller takes last (every lane adds to them).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq.tables import kpi_cum_day, kpi_cum_hour, kpi_cum_lane

FLEET = ("", "")  # (store_id, lane_id) of the whole fleet's running sums
HEAT_METRIC = "interventions"  # the one metric of the lanes' kpi_cum_hour rows
Cell = tuple[Any, ...]  # the table's columns after store and lane, day last
Deltas = Mapping[Cell, tuple[int, int] | list[int]]
Sums = dict[tuple[Any, ...], dict[tuple[str, str], tuple[int, int]]]


def days_between(first: str, last: str) -> list[str]:
    """The ISO days ``first``..``last`` inclusive."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def day_before(day: str) -> str:
    """The ISO day before ``day``."""
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def running(deltas: Deltas, last: str) -> list[tuple[Any, ...]]:
    """What a batch adds to the running sums of one lane: ``deltas`` is {(*cell, day):
    (n, total)}; the result [(*cell, day, n, total)] has, for each cell, every day from
    its first day in ``deltas`` to ``last``, with the batch's sums up to that day."""
    by_cell: dict[Cell, dict[str, tuple[int, int]]] = defaultdict(dict)
    for key, (n, total) in deltas.items():
        by_cell[key[:-1]][key[-1]] = (n, total)
    out = []
    for cell, days in sorted(by_cell.items()):
        n = total = 0
        for day in days_between(min(days), last):
            more = days.get(day, (0, 0))
            n, total = n + more[0], total + more[1]
            out.append((*cell, day, n, total))
    return out


def deltas_from(
    sums: Mapping[str, Mapping[tuple[Any, ...], list[int]]],
) -> dict[tuple[str, str], tuple[dict[Cell, list[int]], dict[Cell, list[int]]]]:
    """{(store, lane) or :data:`FLEET`: (day deltas, hour deltas)} from the rollup sums
    of a batch (:func:`kiosk.hq.events.rollup_sums`): day cells are (journey, language,
    metric, key, day), hour cells (hour, journey, language, metric, key, day)."""
    out: dict[tuple[str, str], tuple[dict[Cell, list[int]], dict[Cell, list[int]]]] = {}

    def cell(scope: tuple[str, str], hourly: bool, key: Cell) -> list[int]:
        both = out.setdefault(scope, (defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])))
        return both[1 if hourly else 0][key]

    for (day, store, lane, *dims), (n, total) in sums.get("kpi_day", {}).items():
        for scope in ((store, lane), FLEET):
            target = cell(scope, False, (*dims, day))
            target[0] += n
            target[1] += total
    for (day, hour, store, lane, journey, language, metric, key), (n, total) in sums.get(
        "kpi_hour", {}
    ).items():
        cells = [(FLEET, (hour, journey, language, metric, key, day))]
        if metric == HEAT_METRIC:
            cells.append(((store, lane), (hour, journey, language, metric, "", day)))
        for scope, key_ in cells:
            target = cell(scope, True, key_)
            target[0] += n
            target[1] += total
    return out


def _insert_for(conn: sa.Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _scope(table: sa.Table, scope: tuple[str, str]) -> sa.ColumnElement[bool]:
    return sa.and_(table.c.store_id == scope[0], table.c.lane_id == scope[1])


def add(
    conn: sa.Connection,
    scope: tuple[str, str],
    day_deltas: Deltas,
    hour_deltas: Deltas,
) -> None:
    """Add one lane's (or the fleet's) batch sums to its running sums, in the current
    transaction (see the module docstring)."""
    days = {key[-1] for key in (*day_deltas, *hour_deltas)}
    if not days:
        return
    first, last = min(days), max(days)
    lane = kpi_cum_lane
    locked = sa.select(lane.c.first_day, lane.c.last_day).where(_scope(lane, scope))
    row = conn.execute(locked.with_for_update()).first()
    created = 0
    if row is None:  # the lane's first events (or another batch is creating its row)
        created = conn.execute(
            _insert_for(conn)(lane).on_conflict_do_nothing(),
            {"store_id": scope[0], "lane_id": scope[1], "first_day": first, "last_day": last},
        ).rowcount
        row = conn.execute(locked.with_for_update()).one()
    if not created and (last > row.last_day or first < row.first_day):
        for table in (kpi_cum_day, kpi_cum_hour):
            _extend(conn, table, scope, row.last_day, last)
        conn.execute(
            lane.update()
            .where(_scope(lane, scope))
            .values(first_day=min(first, row.first_day), last_day=max(last, row.last_day))
        )
    until = max(last, row.last_day)
    for table, deltas in ((kpi_cum_day, day_deltas), (kpi_cum_hour, hour_deltas)):
        _upsert(conn, table, scope, running(deltas, until))


def _extend(
    conn: sa.Connection, table: sa.Table, scope: tuple[str, str], old: str, new: str
) -> None:
    """Copy the lane's rows of day ``old`` to every day after it up to ``new``."""
    names = [c.name for c in table.columns]
    for day in days_between(old, new)[1:]:
        copied = sa.select(
            *[sa.literal(day, sa.String(10)) if n == "day" else table.c[n] for n in names]
        ).where(_scope(table, scope), table.c.day == old)
        conn.execute(table.insert().from_select(names, copied))


def _upsert(
    conn: sa.Connection, table: sa.Table, scope: tuple[str, str], rows: list[tuple[Any, ...]]
) -> None:
    if not rows:
        return
    names = [c.name for c in table.columns if c.name not in ("store_id", "lane_id", "day")]
    cells = [n for n in names if n not in ("n", "total")]
    keys = [c.name for c in table.primary_key.columns]
    statement = _insert_for(conn)(table)
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={
            "n": table.c.n + statement.excluded.n,
            "total": table.c.total + statement.excluded.total,
        },
    )
    params = [
        {
            "store_id": scope[0],
            "lane_id": scope[1],
            **dict(zip(cells, row[: len(cells)], strict=True)),
            "day": row[len(cells)],
            "n": row[-2],
            "total": row[-1],
        }
        for row in rows
    ]
    conn.execute(statement, sorted(params, key=lambda p: [p[k] for k in keys]))


# ---- reads ---------------------------------------------------------------------------


def sums(
    conn: sa.Connection,
    table: sa.Table,
    *,
    fleet: bool,
    span: tuple[str | None, str | None],
    where: Iterable[tuple[str, str]],
    group: tuple[str, ...],
    metrics: Iterable[str] | None = None,
) -> Sums:
    """The sums over the days ``span`` (inclusive; None: open) of ``table``'s running
    sums of the fleet or of every lane, for rows whose columns equal ``where``'s values:
    {group values: {(metric, key): (n, total)}}."""
    date_from, date_to = span
    out: Sums = defaultdict(dict)
    if date_from and date_to and date_from > date_to:
        return out
    c, lane = table.c, kpi_cum_lane.c
    conditions = [lane.store_id == "" if fleet else lane.store_id != ""]
    conditions += [c[name] == value for name, value in where]
    if metrics is not None:
        conditions.append(c.metric.in_(sorted(metrics)))

    def at(day: str | None, sign: int) -> sa.Select[Any]:
        read = (
            lane.last_day
            if day is None
            else sa.case((lane.last_day < day, lane.last_day), else_=sa.literal(day, sa.String(10)))
        )
        return (
            sa.select(
                *[c[name] for name in group],
                c.metric,
                c.key,
                (c.n * sign).label("n"),
                (c.total * sign).label("total"),
            )
            .select_from(
                table.join(
                    kpi_cum_lane,
                    sa.and_(c.store_id == lane.store_id, c.lane_id == lane.lane_id),
                )
            )
            .where(c.day == read, *conditions)
        )

    parts = [at(date_to, 1)]
    if date_from:
        parts.append(at(day_before(date_from), -1))
    rows = sa.union_all(*parts).subquery()
    columns = [rows.c[name] for name in group]
    n, total = sa.func.sum(rows.c.n), sa.func.sum(rows.c.total)
    query = (
        sa.select(*columns, rows.c.metric, rows.c.key, n, total)
        .group_by(*columns, rows.c.metric, rows.c.key)
        .having(sa.or_(n != 0, total != 0))
    )
    for row in conn.execute(query):
        *values, metric, key, count, summed = row
        out[tuple(values)][(metric, key)] = (int(count), int(summed))
    return out
