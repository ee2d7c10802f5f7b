"""Store a batch of service events exactly once in effect, with their rollups.

Theory of operation: the API has already refused the batch (422 naming the field) if
any event breaks :mod:`kiosk.hq.event_models`, and (403) if one is another lane's. In
ONE transaction: ``INSERT ... ON CONFLICT (store, lane, event id) DO NOTHING
RETURNING`` decides what is new; for the new closing events the opening events are
looked up (they are stored by then, this batch's included); what every new event adds
(:func:`kiosk.hq.rollup.additions`) is summed per rollup row and upserted with
``n = n + excluded.n``. A replay inserts nothing, so it adds nothing: ``duplicate``
when the stored event has the same SHA-256, else ``rejected`` (an event id reused for
other content is a lane bug; the lane dead-letters it).

Rollup rows are per lane (one uploader per lane sends its batches one at a time), except
the fleet's (``kpi_day_fleet`` and the fleet's running sums), which every lane adds to:
they are written last, just before the commit, after taking the fleet's
``kpi_cum_lane`` row lock, so a batch holds them only for the commit, and two batches
wait for each other but never deadlock.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq import kpi_cum
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.event_models import EventResult, ServiceEvent
from kiosk.hq.rollup import (
    HOURLY,
    OPENERS,
    EventFacts,
    Opening,
    additions,
    pair_ref,
    rollup_language,
)
from kiosk.hq.tables import (
    kpi_day,
    kpi_day_fleet,
    kpi_hour,
    kpi_month,
    kpi_month_hour,
    service_event,
)

_CHUNK = 500  # ids per IN (...) lookup
# In the order they are written: the one all lanes share last (see the module docstring).
ROLLUPS = {t.name: t for t in (kpi_day, kpi_hour, kpi_month, kpi_month_hour, kpi_day_fleet)}
RollupKey = tuple[Any, ...]  # the primary key of kpi_day / kpi_hour, in column order


@dataclass(frozen=True, slots=True)
class _Prepared:
    row: dict[str, Any]
    facts: EventFacts


def store_events(
    engine: sa.Engine, who: LaneIdentity, events: Sequence[ServiceEvent]
) -> list[EventResult]:
    """Write ``events`` (already validated and checked to be ``who``'s); one result per
    event, in the order given."""
    received_at = utc_now()
    prepared: dict[str, _Prepared] = {}
    early: dict[int, EventResult] = {}
    for index, event in enumerate(events):
        row = _row(who, event, received_at)
        if event.event_id in prepared:
            same = prepared[event.event_id].row["document_sha256"] == row["document_sha256"]
            early[index] = _result(event.event_id, same)
        else:
            prepared[event.event_id] = _Prepared(row, _facts(row))
    with write_transaction(engine) as conn:
        inserted = _insert(conn, [p.row for p in prepared.values()])
        new = [p for eid, p in prepared.items() if eid in inserted]
        stored = _stored_hashes(conn, who, [e for e in prepared if e not in inserted])
        openings = _openings(conn, who, new)
        add_to_rollups(conn, [(p.facts, o) for p, o in zip(new, openings, strict=True)])
    results = []
    for index, event in enumerate(events):
        eid = event.event_id
        if index in early:
            results.append(early[index])
        elif eid in inserted:
            results.append(EventResult(event_id=eid, status="accepted"))
        else:
            results.append(_result(eid, stored.get(eid) == prepared[eid].row["document_sha256"]))
    return results


def _result(event_id: str, same: bool) -> EventResult:
    if same:
        return EventResult(event_id=event_id, status="duplicate")
    return EventResult(
        event_id=event_id,
        status="rejected",
        reason="event id already stored with different content",
    )


def _row(who: LaneIdentity, event: ServiceEvent, received_at: str) -> dict[str, Any]:
    text = event.model_dump_json(by_alias=True)
    data = event.data.model_dump(mode="json")
    return {
        "store_id": who.store_id,
        "lane_id": who.lane_id,
        "event_id": event.event_id,
        "journey": event.journey,
        "transaction_id": event.transaction_id,
        "type": event.type,
        "ref": pair_ref(event.type, data),
        "at": event.at,
        "language": event.language,
        "data": json.dumps(data, separators=(",", ":"), ensure_ascii=False),
        "document_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "received_at": received_at,
    }


def _facts(row: dict[str, Any]) -> EventFacts:
    return EventFacts(
        store_id=row["store_id"],
        lane_id=row["lane_id"],
        journey=row["journey"],
        transaction_id=row["transaction_id"],
        type=row["type"],
        at=row["at"],
        language=row["language"],
        data=json.loads(row["data"]),
    )


def _insert_for(conn: sa.Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _insert(conn: sa.Connection, rows: list[dict[str, Any]]) -> set[str]:
    """Insert the new events; the ids of those actually inserted."""
    if not rows:
        return set()
    statement = (
        _insert_for(conn)(service_event)
        .on_conflict_do_nothing(index_elements=["store_id", "lane_id", "event_id"])
        .returning(service_event.c.event_id)
    )
    return {row[0] for row in conn.execute(statement, rows)}


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


def _openings(conn: sa.Connection, who: LaneIdentity, new: list[_Prepared]) -> list[Opening]:
    """The :class:`Opening` of each new event (empty for those that close nothing)."""
    t = service_event.c
    mine = sa.and_(t.store_id == who.store_id, t.lane_id == who.lane_id)
    ends = [
        p.facts for p in new if p.facts.type in ("transaction.completed", "transaction.abandoned")
    ]
    tids = sorted({f.transaction_id for f in ends if f.transaction_id})
    started: dict[str, str] = {}
    assisted: set[str] = set()
    for chunk in _chunks(tids):
        query = sa.select(t.transaction_id, t.type, sa.func.min(t.at)).where(
            mine,
            t.transaction_id.in_(chunk),
            t.type.in_(("transaction.started", "intervention.raised")),
        )
        for tid, kind, at in conn.execute(query.group_by(t.transaction_id, t.type)):
            if kind == "transaction.started":
                started[tid] = at
            else:
                assisted.add(tid)
    refs = sorted({p.row["ref"] for p in new if p.facts.type.startswith("intervention.")})
    raised: dict[str, str] = {}
    for chunk in _chunks(refs):
        query = sa.select(t.ref, sa.func.min(t.at)).where(
            mine, t.ref.in_(chunk), t.type == "intervention.raised"
        )
        raised.update((str(row[0]), str(row[1])) for row in conn.execute(query.group_by(t.ref)))
    openings = []
    for p in new:
        facts, ref = p.facts, p.row["ref"]
        tid = facts.transaction_id or ""
        if facts.type in ("transaction.completed", "transaction.abandoned"):
            openings.append(Opening(started.get(tid), tid in assisted))
        elif facts.type in ("intervention.staff_arrived", "intervention.resolved"):
            openings.append(Opening(raised.get(ref)))
        elif facts.type in ("device.restored", "lane.available"):
            openings.append(Opening(_last_opened(conn, mine, p)))
        else:
            openings.append(Opening())
    return openings


def _last_opened(
    conn: sa.Connection, mine: sa.ColumnElement[bool], closing: _Prepared
) -> str | None:
    """When the outage that ``closing`` ends began: the time of the last event with its
    ref before it, if that one opened an outage (a second "restored" pairs nothing)."""
    t = service_event.c
    opener = OPENERS[closing.facts.type]
    query = (
        sa.select(t.type, t.at)
        .where(
            mine,
            t.ref == closing.row["ref"],
            t.type.in_((opener, closing.facts.type)),
            t.at <= closing.facts.at,
            t.event_id != closing.row["event_id"],
        )
        .order_by(t.at.desc(), t.id.desc())
        .limit(1)
    )
    last = conn.execute(query).first()
    return str(last[1]) if last is not None and last[0] == opener else None


def add_to_rollups(conn: sa.Connection, events: Iterable[tuple[EventFacts, Opening]]) -> None:
    """Add what each event contributes (:func:`kiosk.hq.rollup.additions`) to every
    rollup table and to the running sums (:mod:`kiosk.hq.kpi_cum`) in the current
    transaction: the lanes' rows first; then, under the fleet's row lock (taken by every
    batch at this point, so it orders them), the fleet's running sums and
    ``kpi_day_fleet``."""
    all_sums = rollup_sums(events)
    running = kpi_cum.deltas_from(all_sums)
    for name, sums in all_sums.items():
        if name != kpi_day_fleet.name:
            _upsert_sums(conn, ROLLUPS[name], sums)
    for scope in sorted(running):
        if scope != kpi_cum.FLEET:
            kpi_cum.add(conn, scope, *running[scope])
    if kpi_cum.FLEET in running:
        kpi_cum.add(conn, kpi_cum.FLEET, *running[kpi_cum.FLEET])
    _upsert_sums(conn, kpi_day_fleet, all_sums[kpi_day_fleet.name])


def _upsert_sums(conn: sa.Connection, table: sa.Table, sums: dict[RollupKey, list[int]]) -> None:
    if not sums:
        return
    names = [c.name for c in table.primary_key.columns]
    rows = [
        {**dict(zip(names, key, strict=True)), "n": n, "total": total}
        for key, (n, total) in sorted(sums.items())
    ]
    statement = _insert_for(conn)(table)
    statement = statement.on_conflict_do_update(
        index_elements=names,
        set_={
            "n": table.c.n + statement.excluded.n,
            "total": table.c.total + statement.excluded.total,
        },
    )
    conn.execute(statement, rows)


def rollup_sums(
    events: Iterable[tuple[EventFacts, Opening]],
) -> dict[str, dict[RollupKey, list[int]]]:
    """The sums to add per rollup table, keyed by the table's primary key (in its column
    order): pure, shared by the ingest and the benchmark's loader."""
    out: dict[str, dict[RollupKey, list[int]]] = {
        name: defaultdict(lambda: [0, 0]) for name in ROLLUPS
    }
    daily, hourly = out["kpi_day"], out["kpi_hour"]
    monthly, monthly_hourly = out["kpi_month"], out["kpi_month_hour"]
    fleet = out["kpi_day_fleet"]
    for facts, opening in events:
        day, month, hour = facts.at[:10], facts.at[:7], int(facts.at[11:13])
        dims = (facts.store_id, facts.lane_id, facts.journey, rollup_language(facts))
        for a in additions(facts, opening):
            cells = [
                daily[(day, *dims, a.metric, a.key)],
                monthly[(month, *dims, a.metric, a.key)],
                fleet[(day, *dims[2:], a.metric, a.key)],
            ]
            if a.metric in HOURLY:
                cells.append(hourly[(day, hour, *dims, a.metric, a.key)])
                cells.append(monthly_hourly[(month, hour, *dims, a.metric, a.key)])
            for cell in cells:
                cell[0] += a.n
                cell[1] += a.total
    return out


def _stored_hashes(conn: sa.Connection, who: LaneIdentity, ids: list[str]) -> dict[str, str]:
    t = service_event.c
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        query = sa.select(t.event_id, t.document_sha256).where(
            t.store_id == who.store_id, t.lane_id == who.lane_id, t.event_id.in_(chunk)
        )
        found.update((row[0], row[1]) for row in conn.execute(query))
    return found
