"""The service-measures page (``/kpis``): headline KPIs, trend lines by day, a lane x
hour heat map of interventions, utilisation by hour, the attendant response-time
distribution, the NPS breakdown and the coupons (accepted, refused by reason, withdrawn,
savings net of the withdrawn ones),
as server-rendered SVG (:mod:`kiosk.hq.web.charts`).

Each headline number sits in an element with ``data-kpi="<name>"`` holding the value of
the same name in ``GET /api/v1/kpis`` with the same filters.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa

from kiosk.hq import kpis
from kiosk.hq.web import charts
from kiosk.hq.web.render import e, page

# Response-time bins shown (lower bound in seconds, label); the histogram's finer
# buckets are added into them.
RESPONSE_BINS = ((0, "<15 s"), (15, "15-30 s"), (30, "30-60 s"), (60, "1-2 min"),
                 (120, "2-5 min"), (300, "5-10 min"), (600, "10+ min"))  # fmt: skip
HEADLINE = (
    ("transactions", "Transactions"),
    ("completion_rate", "Completion rate"),
    ("abandonment_rate", "Abandonment rate"),
    ("first_contact_resolution", "First-contact resolution"),
    ("interventions_per_100", "Interventions per 100 transactions"),
    ("response_time_s.p50", "Attendant response p50 (s)"),
    ("response_time_s.p90", "Attendant response p90 (s)"),
    ("handling_time_s.p50", "Handling time p50 (s)"),
    ("handling_time_s.p90", "Handling time p90 (s)"),
    ("transaction_time_s.p50", "Time per transaction p50 (s)"),
    ("transaction_time_s.p90", "Time per transaction p90 (s)"),
    ("items_per_minute", "Items per minute"),
    ("availability", "Lane availability"),
    ("csat", "CSAT (share of 4-5 faces)"),
    ("nps", "NPS"),
)
COUPON_HEADLINE = (
    ("coupons_accepted", "Coupons accepted"),
    ("coupons_refused", "Coupons refused"),
    ("coupons_withdrawn", "Coupons withdrawn (no longer applying)"),
    ("coupons_reinstated", "Coupons applying again"),
    ("coupon_acceptance_rate", "Coupon acceptance rate"),
    ("coupon_refusals_per_100", "Coupon refusals per 100 transactions"),
)
# The rollup metrics the trend lines need (transactions, completion rate, interventions
# per 100 transactions, NPS): the daily rows of the others are not read.
TREND_METRICS = ("completed", "abandoned", "interventions", "nps")
FILTERS = (("from", "date_from"), ("to", "date_to"), ("store", "store"), ("lane", "lane"),
           ("journey", "journey"), ("language", "language"))  # fmt: skip


def lookup(report: dict[str, Any], dotted: str) -> Any:
    """``report["a"]["b"]`` for ``"a.b"``."""
    value: Any = report
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _shown(value: Any) -> str:
    return "-" if value is None else str(value)


def response_bins(histogram: dict[int, int]) -> list[int]:
    """The histogram added into :data:`RESPONSE_BINS`."""
    counts = [0] * len(RESPONSE_BINS)
    for seconds, n in histogram.items():
        index = max(i for i, (low, _) in enumerate(RESPONSE_BINS) if seconds >= low)
        counts[index] += n
    return counts


def kpi_page(engine: sa.Engine, f: kpis.KpiFilter) -> str:
    """The whole page for filter ``f``."""
    with engine.connect() as conn:  # six reads, the totals once
        total = kpis.rollup_rows(conn, f).get((), {})
        lane_days = kpis.lane_days(conn, f).get((), 0)
        days = kpis.groups(conn, f, "day", lane_days, TREND_METRICS)
        hours = {g["group"]: g["kpis"] for g in kpis.groups(conn, f, "hour", lane_days)}
        heat = kpis.heatmap(conn, f)
    k = kpis.kpis_from(total, lane_days)
    report = {"kpis": k}
    response = kpis.histogram(total, "response")
    body = [_form(f), "<h2>Headline</h2>", _headline(report)]
    labels = [g["group"] for g in days]
    body.append("<h2>Trends by day</h2>")
    for css, title, field in (
        ("trend-transactions", "Transactions per day", "transactions"),
        ("trend-completion", "Completion rate per day", "completion_rate"),
        ("trend-interventions", "Interventions per 100 transactions per day",
         "interventions_per_100"),
        ("trend-nps", "NPS per day", "nps"),
    ):  # fmt: skip
        values = [g["kpis"][field] for g in days]
        body.append(f"<h3>{e(title)}</h3>" + charts.line_chart(css, title, labels, values))
    hour_labels = [f"{h:02d}" for h in range(24)]
    lanes = sorted({lane for lane, _ in heat})
    body.append("<h2>Interventions by lane and hour of day (UTC)</h2>")
    body.append(
        charts.heat_map(
            "heatmap",
            "Interventions by lane and hour",
            lanes,
            hour_labels,
            {(lane, f"{h:02d}"): n for (lane, h), n in heat.items()},
        )
        if lanes
        else "<p>No interventions.</p>"
    )
    body.append("<h2>Utilisation by hour of day (UTC)</h2>")
    body.append(
        charts.bar_chart(
            "utilisation",
            "Share of each hour spent in transactions",
            hour_labels,
            [(hours.get(h, {}).get("utilisation") or 0.0) for h in hour_labels],
        )
    )
    body.append("<h2>Attendant response time (raised to staff at the lane)</h2>")
    body.append(
        charts.bar_chart(
            "response",
            "Interventions by response time",
            [label for _, label in RESPONSE_BINS],
            [float(n) for n in response_bins(response)],
        )
    )
    body += ["<h2>NPS</h2>", _nps(k), "<h2>Coupons</h2>", _coupons(k)]
    return page("Kiosk HQ: service measures", "\n".join(body))


def _form(f: kpis.KpiFilter) -> str:
    fields = "".join(
        f'<label>{e(name)} <input name="{e(name)}" value="{e(getattr(f, attr) or "")}" '
        'size="10"></label> '
        for name, attr in FILTERS
    )
    query = urlencode({n: getattr(f, a) for n, a in FILTERS if getattr(f, a)})
    csv = "/api/v1/events.csv" + (f"?{query}" if query else "")
    return (
        '<p><a href="/">All lanes</a></p>'
        f'<form method="get" action="/kpis">{fields}<button>Show</button></form>'
        f'<p><a href="{e(csv)}">Export these events as CSV</a></p>'
    )


def _headline(report: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><th>{e(label)}</th>"
        f'<td class="num" data-kpi="{e(name)}">{e(_shown(lookup(report["kpis"], name)))}</td></tr>'
        for name, label in HEADLINE
    )
    return f"<table><tbody>{rows}</tbody></table>"


def _coupons(k: dict[str, Any]) -> str:
    """Coupons accepted and refused, the savings per currency (minor units, as in the
    API) and the refusals by reason."""
    rows = [
        f'<tr><th>{e(label)}</th><td class="num" data-kpi="{e(name)}">'
        f"{e(_shown(k[name]))}</td></tr>"
        for name, label in COUPON_HEADLINE
    ]
    rows += [
        f"<tr><th>Coupon savings, net of withdrawn ({e(currency)}, minor units)</th>"
        f'<td class="num" data-kpi="coupon_savings_minor.{e(currency)}">{e(minor)}</td></tr>'
        for currency, minor in k["coupon_savings_minor"].items()
    ]
    out = [f"<table><tbody>{''.join(rows)}</tbody></table>"]
    reasons = k["coupons_refused_by_reason"]
    if reasons:
        out.append("<h3>Refused, by reason</h3>")
        values = [float(n) for n in reasons.values()]
        out.append(charts.bar_chart("coupon-refusals", "Coupons refused", list(reasons), values))
    return "\n".join(out)


def _nps(k: dict[str, Any]) -> str:
    scores = {int(s): n for s, n in k["nps_scores"].items()}
    parts = (
        ("detractors", sum(n for s, n in scores.items() if s <= kpis.DETRACTOR), "#e53e3e"),
        ("passives", sum(n for s, n in scores.items() if kpis.DETRACTOR < s < kpis.PROMOTER),
         "#ecc94b"),
        ("promoters", sum(n for s, n in scores.items() if s >= kpis.PROMOTER), "#38a169"),
    )  # fmt: skip
    reasons = k["nps_reasons"]
    out = [
        f'<p>NPS <strong data-kpi="nps">{e(_shown(k["nps"]))}</strong> from '
        f'<span data-kpi="nps_responses">{e(k["nps_responses"])}</span> answers.</p>',
        charts.stacked_bar("nps-split", "Detractors, passives, promoters", parts),
    ]
    if reasons:
        out.append("<h3>Reasons given</h3>")
        out.append(
            charts.bar_chart(
                "nps-reasons", "Reasons given", list(reasons), [float(n) for n in reasons.values()]
            )
        )
    return "\n".join(out)
