"""What each service event adds to the KPI rollups (``kpi_day`` / ``kpi_hour``): pure
functions, no database.

Theory of operation: the KPI engine never reads events. Every stored event adds
``(metric, key, n, total)`` sums to the rollup row of its UTC day (and hour), lane,
journey and language, in the transaction that stores it; queries then add up a few
rows per lane and day. What needs two events (a transaction's time, an attendant's
response time, how long a lane or a device was out) is added by the *closing* event,
which is handed the time of its opening event (:class:`Opening`, looked up by
:mod:`kiosk.hq.events`); the lane's outbox sends events in order, so the opening one
is already stored or in the same batch. A closing event whose opening one is missing
adds its count but no duration.

Durations go into histograms (``key`` = the bucket's lower bound in whole seconds,
:func:`bucket`), from which :mod:`kiosk.hq.kpis` reads percentiles; ``total`` keeps
the exact milliseconds for sums.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any

# Lower bounds of the histogram buckets in seconds (4 h and longer share the last one):
# 23 buckets keep the rollup small (a finer histogram multiplied its rows by ten).
BUCKETS = (0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 150, 180, 240, 300, 420, 600, 900,
           1200, 1800, 2700, 3600, 7200, 14_400)  # fmt: skip
DAY_MS = 86_400_000
HOUR_MS = 3_600_000
# Metrics also rolled up per hour (utilisation by hour, the lane x hour heat map, the
# hour breakdown); every metric is rolled up per day.
HOURLY = frozenset(
    {"events", "started", "completed", "abandoned", "interventions", "help", "busy_ms"}
)
OPENERS = {
    "transaction.completed": "transaction.started",
    "transaction.abandoned": "transaction.started",
    "intervention.staff_arrived": "intervention.raised",
    "intervention.resolved": "intervention.raised",
    "device.restored": "device.fault",
    "lane.available": "lane.unavailable",
}


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the rollup needs of one stored event."""

    store_id: str
    lane_id: str
    journey: str
    transaction_id: str | None
    type: str
    at: str
    language: str | None
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Opening:
    """What the closing event learns from the database: when its opening event happened
    (None: not found) and, for a completed transaction, whether it had an intervention."""

    at: str | None = None
    assisted: bool = False


@dataclass(frozen=True, slots=True)
class Addition:
    """One ``(metric, key)`` sum added to the rollup row of the event's day and hour."""

    metric: str
    key: str
    n: int
    total: int


def bucket(seconds: float) -> int:
    """The histogram bucket (its lower bound in whole seconds) of a duration."""
    return BUCKETS[max(0, bisect.bisect_right(BUCKETS, seconds) - 1)]


def parse_utc(text: str) -> dt.datetime:
    """An ISO 8601 UTC time as the lanes write it (``...Z``)."""
    return dt.datetime.fromisoformat(text)


def elapsed_ms(start: str, end: str) -> int | None:
    """Milliseconds from ``start`` to ``end``; None if ``end`` is before ``start``."""
    ms = round((parse_utc(end) - parse_utc(start)).total_seconds() * 1000)
    return ms if ms >= 0 else None


def pair_ref(event_type: str, data: dict[str, Any]) -> str | None:
    """What pairs an opening event with its closing one: the intervention id, the
    device, or "lane" for lane.unavailable / lane.available; None for other events."""
    if event_type.startswith("intervention."):
        return str(data["intervention_id"])
    if event_type.startswith("device."):
        return str(data["device"])
    if event_type.startswith("lane."):
        return "lane"
    return None


def rollup_language(event: EventFacts) -> str:
    """The language dimension: the event's, else the one a completion or a language
    choice names, else "" (unknown)."""
    if event.language:
        return event.language
    if event.type in ("transaction.completed", "language.chosen"):
        return str(event.data.get("language") or "")
    return ""


def additions(event: EventFacts, opening: Opening | None = None) -> list[Addition]:
    """The sums ``event`` adds to the rollups (see the module docstring).

    ``opening`` is only read for the closing types of :data:`OPENERS`."""
    opening = opening or Opening()
    data = event.data
    took = elapsed_ms(opening.at, event.at) if opening.at else None
    out = [Addition("events", "", 1, 0)]
    kind = event.type
    if kind == "transaction.started":
        out.append(Addition("started", "", 1, 0))
    elif kind == "transaction.completed":
        items = int(data["items"])
        out.append(Addition("completed", "", 1, items))
        if opening.assisted:
            out.append(Addition("assisted", "", 1, 0))
        if took is not None:
            out += [
                Addition("txn_time", str(bucket(took / 1000)), 1, took),
                Addition("timed_items", "", 1, items),
                Addition("busy_ms", "", 1, took),
            ]
    elif kind == "transaction.abandoned":
        out.append(Addition("abandoned", str(data["reason"]), 1, 0))
        if took is not None:
            out.append(Addition("busy_ms", "", 1, took))
    elif kind == "transaction.suspended":
        out.append(Addition("suspended", "", 1, 0))
    else:
        out += _service_additions(kind, data, took)
    return out


def _service_additions(kind: str, data: dict[str, Any], took: int | None) -> list[Addition]:
    simple = {
        "intervention.raised": ("interventions", "kind"),
        "help.asked": ("help", None),
        "device.fault": ("device_faults", "device"),
        "lane.unavailable": ("unavailable_count", None),
        "language.chosen": ("language", "language"),
        "accessibility.used": ("accessibility", "option"),
    }
    if kind in simple:
        metric, field = simple[kind]
        return [Addition(metric, str(data[field]) if field else "", 1, 0)]
    if kind == "feedback.rating":
        return [Addition("rating", str(data["rating"]), 1, int(data["rating"]))]
    if kind == "coupon.accepted":  # by kind; the savings by currency
        saving = int(data["saving_minor"])
        return [
            Addition("coupon_accepted", str(data["kind"]), 1, saving),
            Addition("coupon_saving", str(data["currency"]), 1, saving),
        ]
    if kind == "coupon.refused":
        return [Addition("coupon_refused", str(data["reason"]), 1, 0)]
    if kind == "coupon.withdrawn":  # by reason; what it stopped saving, netted by kpis
        saving = int(data["saving_minor"])
        return [
            Addition("coupon_withdrawn", str(data["reason"]), 1, saving),
            Addition("coupon_withdrawn_saving", str(data["currency"]), 1, saving),
        ]
    if kind == "coupon.reinstated":  # by kind; what it saves again
        saving = int(data["saving_minor"])
        return [
            Addition("coupon_back", str(data["kind"]), 1, saving),
            Addition("coupon_back_saving", str(data["currency"]), 1, saving),
        ]
    if kind == "feedback.nps":
        score = int(data["score"])
        reasons = sorted(set(data.get("reasons") or ()))
        return [Addition("nps", str(score), 1, score)] + [
            Addition("nps_reason", str(reason), 1, 0) for reason in reasons
        ]
    durations = {
        "intervention.staff_arrived": ("response", "arrived", "how"),
        "intervention.resolved": ("handling", "resolved", "how"),
        "device.restored": (None, "device_down", "device"),
        "lane.available": (None, "unavailable", None),
    }
    if kind not in durations:
        return []
    histogram, counted, field = durations[kind]
    key = str(data[field]) if field else ""
    out = []
    if took is not None:
        out.append(Addition(counted, key, 1, took))
        if histogram:
            out.append(Addition(histogram, str(bucket(took / 1000)), 1, took))
    if kind == "intervention.resolved":
        out.append(Addition("outcome", str(data["outcome"]), 1, 0))
    return out
