"""The KPI engine: service measures from the rollups of service events.

Theory of operation: one SQL aggregation per question (:func:`rollup_rows`) sums the
rollup rows (:mod:`kiosk.hq.rollup`) that pass the filters, grouped by the breakdown
and by ``(metric, key)``; everything after that is pure arithmetic over those sums
(:func:`kpis_from`), so the definitions below are tested on hand-made rows without a
database, and SQLite and PostgreSQL share every line. Per-hour questions read
``kpi_hour`` (only the :data:`kiosk.hq.rollup.HOURLY` metrics), the rest ``kpi_day``.
Most questions read the running sums instead (:mod:`kiosk.hq.kpi_cum`): any range of days
is two rows per lane (or of the fleet) and cell. The breakdown by day reads the daily
rows, and a breakdown by hour of some lanes reads whole calendar months from
``kpi_month_hour`` and only the days at the edges from ``kpi_hour`` (:func:`split_range`).

Definitions (docs/service-events.md says the same for people):

* transactions: completed + abandoned (suspended ones are not ended yet).
* completion rate / abandonment rate: completed / transactions, abandoned / transactions.
* first-contact resolution: completed transactions without any intervention raised in
  them, over completed transactions.
* interventions per 100 transactions: interventions raised x 100 / transactions, in
  total and by kind.
* attendant response time (raised -> staff arrived), handling time (raised -> resolved),
  time per transaction (started -> completed): p50 and p90, nearest rank over the
  histogram buckets (:data:`kiosk.hq.rollup.BUCKETS`: the percentile is the lower bound
  of the bucket it falls in).
* items per minute: items of timed completed transactions / their minutes.
* utilisation by hour: time in transactions ended in that hour of day, over the
  lane-days with any event x 1 hour.
* lane availability: 1 - time unavailable (lane.unavailable -> lane.available) / the
  lane-days with any event x 24 h.
* CSAT: ratings of 4 or 5 over all ratings (faces 1-5).
* NPS: % promoters (9-10) - % detractors (0-6), with the count of each reason chip.
* coupons: accepted (by kind) and refused (by reason), accepted / (accepted + refused),
  withdrawn (by reason) and reinstated, the savings per currency net of the withdrawn
  ones (accepted - withdrawn + reinstated), and refusals x 100 / transactions.

Rates are fractions (0..1) rounded to 4 places, NPS a number -100..100 rounded to 1;
a measure with nothing to measure is null.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from kiosk.hq import kpi_cum
from kiosk.hq.rollup import DAY_MS, HOUR_MS
from kiosk.hq.tables import (
    kpi_cum_day,
    kpi_cum_hour,
    kpi_day,
    kpi_day_fleet,
    kpi_hour,
    kpi_month,
    kpi_month_hour,
)

BREAKDOWNS = ("store", "lane", "journey", "language", "day", "hour")
_GROUP_COLUMNS = {
    "store": ("store_id",),
    "lane": ("store_id", "lane_id"),
    "journey": ("journey",),
    "language": ("language",),
    "day": ("day",),
    "hour": ("hour",),
}
PROMOTER, DETRACTOR = 9, 6
Sums = Mapping[tuple[str, str], tuple[int, int]]  # (metric, key) -> (n, total)


@dataclass(frozen=True, slots=True)
class KpiFilter:
    """Which events count: days ``date_from``..``date_to`` (inclusive, UTC, ISO dates),
    and exact store, lane, journey and language (None: all)."""

    date_from: str | None = None
    date_to: str | None = None
    store: str | None = None
    lane: str | None = None
    journey: str | None = None
    language: str | None = None


def check_date(text: str | None) -> str | None:
    """``text`` if it is an ISO date (YYYY-MM-DD), None if None.

    Raises:
        ValueError: naming what is expected.
    """
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{text!r} is not a date (expected YYYY-MM-DD)") from None


# ---- pure arithmetic over sums -------------------------------------------------------


def percentile(histogram: Mapping[int, int], fraction: float) -> int | None:
    """The nearest-rank percentile of a histogram {bucket lower bound: count}."""
    count = sum(histogram.values())
    if count == 0:
        return None
    rank = max(1, math.ceil(fraction * count))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return max(histogram)  # pragma: no cover - rank <= count


def _ratio(part: float, whole: float, places: int = 4) -> float | None:
    return None if whole <= 0 else round(part / whole, places)


class _ByMetric:
    """``sums`` indexed by metric once: {metric: {key: (n, total)}}."""

    def __init__(self, sums: Sums) -> None:
        self.metrics: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
        for (metric, key), value in sums.items():
            self.metrics[metric][key] = value

    def keyed(self, metric: str) -> dict[str, int]:
        cells = self.metrics.get(metric, {})
        return {key: cells[key][0] for key in sorted(cells) if cells[key][0]}

    def n(self, metric: str) -> int:
        return sum(n for n, _ in self.metrics.get(metric, {}).values())

    def total(self, metric: str) -> int:
        return sum(t for _, t in self.metrics.get(metric, {}).values())

    def times(self, metric: str) -> dict[str, Any]:
        histogram = {int(key): n for key, (n, _) in self.metrics.get(metric, {}).items()}
        return {
            "count": sum(histogram.values()),
            "p50": percentile(histogram, 0.5),
            "p90": percentile(histogram, 0.9),
        }


def kpis_from(sums: Sums, lane_days: int = 0) -> dict[str, Any]:
    """Every KPI of the module docstring from summed rollup rows ``sums`` and the number
    of lane-days with any event (for availability)."""
    m = _ByMetric(sums)
    completed, abandoned = m.n("completed"), m.n("abandoned")
    ended = completed + abandoned
    by_kind = m.keyed("interventions")
    raised = sum(by_kind.values())
    ratings = m.keyed("rating")
    rated = sum(ratings.values())
    scores = m.keyed("nps")
    answered = sum(scores.values())
    promoters = sum(n for s, n in scores.items() if int(s) >= PROMOTER)
    detractors = sum(n for s, n in scores.items() if int(s) <= DETRACTOR)
    timed_ms = m.total("txn_time")
    unavailable_ms = m.total("unavailable")
    return {
        "transactions": ended,
        "started": m.n("started"),
        "completed": completed,
        "abandoned": abandoned,
        "abandoned_by_reason": m.keyed("abandoned"),
        "suspended": m.n("suspended"),
        "completion_rate": _ratio(completed, ended),
        "abandonment_rate": _ratio(abandoned, ended),
        "first_contact_resolution": _ratio(completed - m.n("assisted"), completed),
        "interventions": raised,
        "interventions_by_kind": by_kind,
        "interventions_per_100": _ratio(raised * 100, ended, 2),
        "interventions_per_100_by_kind": {k: _ratio(n * 100, ended, 2) for k, n in by_kind.items()},
        "help_asked": m.n("help"),
        "response_time_s": m.times("response"),
        "handling_time_s": m.times("handling"),
        # who resolved at the lane ("at_lane"), from the station ("remote") or the shopper
        "resolved_by_how": m.keyed("resolved"),
        "arrived_by_how": m.keyed("arrived"),
        "handling_time_s_by_how": {
            how: round(took / n / 1000, 1)
            for how, (n, took) in sorted(m.metrics.get("resolved", {}).items())
            if n
        },
        "transaction_time_s": m.times("txn_time"),
        "items_per_minute": _ratio(m.total("timed_items") * 60_000, timed_ms, 2),
        "lane_days": lane_days,
        "unavailable_s": round(unavailable_ms / 1000),
        "availability": _ratio(lane_days * DAY_MS - unavailable_ms, lane_days * DAY_MS),
        "device_faults": m.keyed("device_faults"),
        "ratings": ratings,
        "csat": _ratio(ratings.get("4", 0) + ratings.get("5", 0), rated),
        "nps": None if not answered else round((promoters - detractors) * 100 / answered, 1),
        "nps_responses": answered,
        "nps_scores": scores,
        "nps_reasons": m.keyed("nps_reason"),
        "languages": m.keyed("language"),
        "accessibility": m.keyed("accessibility"),
        **_coupon_kpis(m, ended),
    }


def _coupon_kpis(m: _ByMetric, ended: int) -> dict[str, Any]:
    """Coupons accepted (by kind), refused (by reason), withdrawn (by reason) and
    reinstated; what they saved (minor units per currency, as the shopper was told at the
    scan) net of what the withdrawn ones stopped saving and the reinstated ones saved
    again, with the withdrawn savings apart; refusals per 100 transactions."""
    accepted, refused = m.n("coupon_accepted"), m.n("coupon_refused")
    saved = m.metrics.get("coupon_saving", {})
    lost = m.metrics.get("coupon_withdrawn_saving", {})
    back = m.metrics.get("coupon_back_saving", {})
    net = {
        c: saved.get(c, (0, 0))[1] - lost.get(c, (0, 0))[1] + back.get(c, (0, 0))[1]
        for c in sorted({*saved, *lost, *back})
        if saved.get(c, (0,))[0] or lost.get(c, (0,))[0] or back.get(c, (0,))[0]
    }
    return {
        "coupons_accepted": accepted,
        "coupons_accepted_by_kind": m.keyed("coupon_accepted"),
        "coupons_refused": refused,
        "coupons_refused_by_reason": m.keyed("coupon_refused"),
        "coupons_withdrawn": m.n("coupon_withdrawn"),
        "coupons_withdrawn_by_reason": m.keyed("coupon_withdrawn"),
        "coupons_reinstated": m.n("coupon_back"),
        "coupon_acceptance_rate": _ratio(accepted, accepted + refused),
        "coupon_savings_minor": net,
        "coupon_savings_withdrawn_minor": {c: lost[c][1] for c in sorted(lost) if lost[c][0]},
        "coupon_refusals_per_100": _ratio(refused * 100, ended, 2),
    }


def utilisation(busy_ms: int, lane_days: int) -> float | None:
    """Share of one hour of each active lane-day spent in transactions."""
    return _ratio(busy_ms, lane_days * HOUR_MS)


# ---- SQL: sums of the rollup rows ----------------------------------------------------


DateRange = tuple[str | None, str | None]  # inclusive; None: open


def split_range(
    date_from: str | None, date_to: str | None
) -> tuple[DateRange | None, list[DateRange]]:
    """Split the days ``date_from``..``date_to`` into whole calendar months (read from
    the monthly rollups; None: no whole month) and the days left at either edge."""
    start = dt.date.fromisoformat(date_from) if date_from else None
    end = dt.date.fromisoformat(date_to) if date_to else None
    if start and end and start > end:
        return None, []
    day = dt.timedelta(days=1)
    first = start if start is None or start.day == 1 else _month_after(start)
    last = end if end is None or (end + day).day == 1 else end.replace(day=1) - day
    if first and last and first > last:
        return None, [(date_from, date_to)]
    days: list[DateRange] = []
    if start and first and start < first:
        days.append((start.isoformat(), (first - day).isoformat()))
    if end and last and end > last:
        days.append(((last + day).isoformat(), end.isoformat()))
    months = (first.isoformat()[:7] if first else None, last.isoformat()[:7] if last else None)
    return months, days


def _month_after(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _where(table: sa.Table, f: KpiFilter, period: str, span: DateRange) -> list[Any]:
    c = table.c
    conditions: list[Any] = []
    if span[0]:
        conditions.append(c[period] >= span[0])
    if span[1]:
        conditions.append(c[period] <= span[1])
    for name, value in (
        ("store_id", f.store),
        ("lane_id", f.lane),
        ("journey", f.journey),
        ("language", f.language),
    ):
        if value is not None:
            column = c[name]
            conditions.append(column == value)
    return conditions


def _sources(
    f: KpiFilter, group: tuple[str, ...], hourly: bool
) -> list[tuple[sa.Table, str, DateRange]]:
    """(rollup table, its period column, period range) to read for ``f``."""
    days_table, months_table = (kpi_hour, kpi_month_hour) if hourly else (kpi_day, kpi_month)
    fleet = f.store is None and f.lane is None and not {"store_id", "lane_id"} & set(group)
    if fleet and not hourly:
        days_table = kpi_day_fleet  # the same sums without store and lane
    if "day" in group:
        return [(days_table, "day", (f.date_from, f.date_to))]
    months, days = split_range(f.date_from, f.date_to)
    sources = [(months_table, "month", months)] if months else []
    return sources + [(days_table, "day", span) for span in days]


def running_source(
    f: KpiFilter, group: tuple[str, ...], hourly: bool, metrics: Iterable[str] | None
) -> tuple[sa.Table, bool] | None:
    """(running-sums table, whether the fleet's rows) that answer the question, or None
    (the breakdown by day, and by hour for some lanes, read the rollups themselves)."""
    if "day" in group:
        return None
    lanes = f.store is not None or f.lane is not None or bool({"store_id", "lane_id"} & set(group))
    if not hourly:
        return kpi_cum_day, not lanes
    if not lanes:
        return kpi_cum_hour, True
    if metrics is not None and set(metrics) == {kpi_cum.HEAT_METRIC}:
        return kpi_cum_hour, False  # the lanes' rows: interventions, key ""
    return None


def rollup_rows(
    conn: sa.Connection,
    f: KpiFilter,
    group: tuple[str, ...] = (),
    *,
    hourly: bool = False,
    metrics: Iterable[str] | None = None,
) -> dict[tuple[Any, ...], dict[tuple[str, str], tuple[int, int]]]:
    """Summed rollup rows passing ``f``: {group values: {(metric, key): (n, total)}}.
    From the running sums (:func:`running_source`) when they hold the answer, else whole
    months from the monthly rollups and the other days from the daily ones."""
    source = running_source(f, group, hourly, metrics)
    if source is not None:
        table, fleet = source
        where = [
            (name, value)
            for name, value in (
                ("store_id", f.store),
                ("lane_id", f.lane),
                ("journey", f.journey),
                ("language", f.language),
            )
            if value is not None
        ]
        return kpi_cum.sums(
            conn,
            table,
            fleet=fleet,
            span=(f.date_from, f.date_to),
            where=where,
            group=group,
            metrics=metrics,
        )
    parts = []
    for table, period, span in _sources(f, group, hourly):
        part = sa.select(
            *[table.c[name] for name in group],
            table.c.metric,
            table.c.key,
            table.c.n,
            table.c.total,
        ).where(*_where(table, f, period, span))
        if metrics is not None:
            part = part.where(table.c.metric.in_(sorted(metrics)))
        parts.append(part)
    out: dict[tuple[Any, ...], dict[tuple[str, str], tuple[int, int]]] = defaultdict(dict)
    if not parts:
        return out
    rows = (parts[0] if len(parts) == 1 else sa.union_all(*parts)).subquery()
    columns = [rows.c[name] for name in group]
    query = sa.select(
        *columns, rows.c.metric, rows.c.key, sa.func.sum(rows.c.n), sa.func.sum(rows.c.total)
    ).group_by(*columns, rows.c.metric, rows.c.key)
    for row in conn.execute(query):
        *values, metric, key, n, total = row
        out[tuple(values)][(metric, key)] = (int(n), int(total))
    return out


def lane_days(
    conn: sa.Connection, f: KpiFilter, group: tuple[str, ...] = ()
) -> dict[tuple[Any, ...], int]:
    """Lane-days with any event, per group, read from the partial index kpi_day_events
    alone (the literal ``'events'`` lets every plan, generic ones too, use it)."""
    names = list(dict.fromkeys([*group, "day", "store_id", "lane_id"]))
    events = kpi_day.c.metric == sa.literal_column("'events'")
    inner = (
        sa.select(*[kpi_day.c[n] for n in names])
        .where(events, *_where(kpi_day, f, "day", (f.date_from, f.date_to)))
        .distinct()
        .subquery()
    )
    columns = [inner.c[name] for name in group]
    query = sa.select(*columns, sa.func.count()).select_from(inner).group_by(*columns)
    return {tuple(row[:-1]): int(row[-1]) for row in conn.execute(query)}


def _label(by: str, values: tuple[Any, ...]) -> str:
    if by == "lane":
        return f"{values[0]}/{values[1]}"
    if by == "hour":
        return f"{int(values[0]):02d}"
    return str(values[0])


def report(engine: sa.Engine, f: KpiFilter, by: str | None = None) -> dict[str, Any]:
    """The KPI report: ``{"filters", "kpis", "by", "groups": [{"group", "kpis"}]}`` (the
    JSON of ``kiosk hq kpis --json`` and ``GET /api/v1/kpis``).

    Raises:
        ValueError: if ``by`` is not one of :data:`BREAKDOWNS`.
        sqlalchemy.exc.SQLAlchemyError: if the database cannot be read.
    """
    if by is not None and by not in BREAKDOWNS:
        raise ValueError(f"by must be one of {', '.join(BREAKDOWNS)}")
    with engine.connect() as conn:
        total = rollup_rows(conn, f).get((), {})
        days = lane_days(conn, f).get((), 0)
        found = [] if by is None else groups(conn, f, by, days)
    return {"filters": asdict(f), "kpis": kpis_from(total, days), "by": by, "groups": found}


def groups(
    conn: sa.Connection,
    f: KpiFilter,
    by: str,
    days: int,
    metrics: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """The breakdown ``by`` of :func:`report`; ``days``: the lane-days of the whole
    filter (the denominator of utilisation by hour); ``metrics``: only the KPIs of these
    rollup metrics are wanted (None: all)."""
    group = _GROUP_COLUMNS[by]
    hourly = by == "hour"
    rows = rollup_rows(conn, f, group, hourly=hourly, metrics=metrics)
    counted = {} if hourly else lane_days(conn, f, group)
    out = []
    for values in sorted(rows):
        kpis = kpis_from(rows[values], days if hourly else counted.get(values, 0))
        if hourly:
            kpis["utilisation"] = utilisation(_ByMetric(rows[values]).total("busy_ms"), days)
        out.append({"group": _label(by, values), "kpis": kpis})
    return out


def heatmap(conn: sa.Connection, f: KpiFilter) -> dict[tuple[str, int], int]:
    """Interventions raised per (``STORE/LANE``, hour of day)."""
    rows = rollup_rows(
        conn, f, ("store_id", "lane_id", "hour"), hourly=True, metrics=("interventions",)
    )
    return {
        (f"{store}/{lane}", int(hour)): sum(n for n, _ in sums.values())
        for (store, lane, hour), sums in rows.items()
    }


def histogram(sums: Sums, metric: str) -> dict[int, int]:
    """The duration histogram of ``metric`` ("response", "handling", "txn_time") in summed
    rollup rows: {bucket lower bound in seconds: count}."""
    return {int(key): n for (m, key), (n, _) in sums.items() if m == metric}
