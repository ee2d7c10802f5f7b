"""Coupons at HQ: the coupon list (import), redemptions from the sales, changes for lanes.

Theory of operation: the coupon list holds store coupon and paperless coupon offers and
the GS1 family table (records of :mod:`kiosk.domain.offers.coupon_records`), one row per
entry in ``coupon_entry`` (``entry_id`` is the coupon id, or ``family:<prefix>:<code>``).
A sale HQ stores that saved with a serial-numbered coupon (a ``discounts`` entry whose
offer id is ``coupon:<offer>:<serial>``) adds its key to ``coupon_redemption`` in the
sale's own transaction (:func:`record_redemptions`, called by :mod:`kiosk.hq.sales`;
the first sale to use a key keeps it). Like offers, every change takes the next number
from ``catalog_state.last_version``, so ``GET /api/v1/coupons/changes?cursor=N`` hands a
lane every entry and every redemption after N, and the lane refuses a serial another
lane used (kiosk.store.coupons documents the window).

File (``kiosk hq coupons import FILE.json [--replace]``)::

    {"coupons": [record, ...], "families": [{"company_prefix", "family", "skus"}, ...]}

With ``--replace``, entries the file leaves out are withdrawn (tombstones). A problem
names the entry and the field; nothing is written then.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.domain.offers.coupon_records import (
    coupon_offer_from_record,
    coupon_offer_to_record,
    family_from_record,
)
from kiosk.domain.offers.coupons import serial_key_of
from kiosk.domain.offers.model import OfferError
from kiosk.hq.catalog import changes_page, reserve_versions
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.errors import HqError
from kiosk.hq.import_file import read_import
from kiosk.hq.tables import coupon_entry, coupon_redemption

_MARK = '"coupon:'  # a sale document without it saved with no coupon: not parsed


@dataclass
class ImportReport:
    written: int = 0
    withdrawn: int = 0


def parse_json(text: str) -> dict[str, dict[str, Any]]:
    """The entries of a coupons file by entry id, as records (checked by the domain).

    Raises:
        HqError: naming the entry and the field.
    """
    try:
        data = json.loads(text)
    except ValueError as error:
        raise HqError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or set(data) - {"coupons", "families"}:
        raise HqError('expected an object with "coupons" and/or "families"')
    entries: dict[str, dict[str, Any]] = {}
    try:
        for n, record in enumerate(data.get("coupons", [])):
            offer = coupon_offer_from_record(record)
            _add(entries, offer.coupon_id, coupon_offer_to_record(offer), f"coupons[{n}]")
        for n, record in enumerate(data.get("families", [])):
            (prefix, family), skus = family_from_record(record)
            canonical = {"company_prefix": prefix, "family": family, "skus": sorted(skus)}
            _add(entries, f"family:{prefix}:{family}", canonical, f"families[{n}]")
    except (OfferError, TypeError) as error:
        raise HqError(str(error)) from None
    return entries


def _add(entries: dict[str, dict[str, Any]], key: str, record: dict[str, Any], at: str) -> None:
    if key in entries:
        raise HqError(f"{at}: {key} appears twice")
    entries[key] = record


def read_file(path: Path) -> dict[str, dict[str, Any]]:
    """Parse a coupons JSON file. Raises HqError naming the file, the entry and the field."""
    return read_import(path, parse_json)


def _insert(engine_or_conn: sa.Engine | sa.Connection) -> Any:
    name = engine_or_conn.dialect.name
    return postgresql.insert if name == "postgresql" else sqlite.insert


def import_coupons(
    engine: sa.Engine, entries: dict[str, dict[str, Any]], *, replace: bool = False
) -> ImportReport:
    """Write ``entries`` in one transaction (an unchanged one keeps its version); with
    ``replace``, entries not in ``entries`` are withdrawn."""
    now, insert = utc_now(), _insert(engine)
    with write_transaction(engine) as conn:
        stored = {
            r.entry_id: (r.record, bool(r.deleted))
            for r in conn.execute(
                sa.select(coupon_entry.c.entry_id, coupon_entry.c.record, coupon_entry.c.deleted)
            )
        }
        rows = []
        for key, record in sorted(entries.items()):
            text = json.dumps(record, sort_keys=True)
            if stored.get(key) != (text, False):
                rows.append({"entry_id": key, "record": text, "deleted": False})
        if replace:
            rows += [
                {"entry_id": key, "record": text, "deleted": True}
                for key, (text, deleted) in sorted(stored.items())
                if key not in entries and not deleted
            ]
        if not rows:
            return ImportReport()
        version = reserve_versions(conn, len(rows))
        for row in rows:
            statement = insert(coupon_entry).values(**row, version=version, updated_at=now)
            updated = ("record", "deleted", "version", "updated_at")
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["entry_id"],
                    set_={k: statement.excluded[k] for k in updated},
                )
            )
            version += 1
    withdrawn = sum(1 for row in rows if row["deleted"])
    return ImportReport(len(rows) - withdrawn, withdrawn)


def record_redemptions(
    conn: sa.Connection, store_id: str, lane_id: str, sales: Iterable[tuple[str, str]]
) -> int:
    """Record the serial-numbered coupons of newly stored sales ((transaction id, document
    JSON) pairs), in the caller's transaction; the number of keys new to HQ.

    A document without ``"coupon:`` is skipped unparsed, so sales without coupons cost one
    substring search each."""
    found: dict[str, str] = {}
    for transaction_id, text in sales:
        if _MARK not in text:
            continue
        for entry in json.loads(text).get("discounts") or ():
            key = serial_key_of(str(entry.get("offer_id", "")))
            if key is not None:
                found.setdefault(key, transaction_id)
    if not found:
        return 0
    known = {
        r.redemption_key
        for r in conn.execute(
            sa.select(coupon_redemption.c.redemption_key).where(
                coupon_redemption.c.redemption_key.in_(list(found))
            )
        )
    }
    new = [(k, t) for k, t in sorted(found.items()) if k not in known]
    if not new:
        return 0
    version, now, insert = reserve_versions(conn, len(new)), utc_now(), _insert(conn)
    for n, (key, transaction_id) in enumerate(new):
        row = {
            "redemption_key": key,
            "version": version + n,
            "store_id": store_id,
            "lane_id": lane_id,
            "transaction_id": transaction_id,
            "redeemed_at": now,
        }
        conn.execute(
            insert(coupon_redemption)
            .values(**row)
            .on_conflict_do_nothing(index_elements=["redemption_key"])
        )
    return len(new)


def changes_since(engine: sa.Engine, cursor: int, limit: int) -> dict[str, Any]:
    """Up to ``limit`` coupon list changes and redemptions with version > ``cursor``,
    oldest first: ``{"coupons": [{"entry_id", "version", "deleted", "record"}],
    "redeemed": [{"key", "version"}], "cursor", "more"}``."""
    with engine.connect() as conn:
        rows, last, more = changes_page(
            conn,
            cursor,
            limit,
            coupons=sa.select(coupon_entry),
            redeemed=sa.select(coupon_redemption.c.redemption_key, coupon_redemption.c.version),
        )
    return {
        "coupons": [
            {
                "entry_id": r.entry_id,
                "version": int(r.version),
                "deleted": bool(r.deleted),
                "record": None if r.deleted else json.loads(r.record),
            }
            for r in rows["coupons"]
        ],
        "redeemed": [
            {"key": r.redemption_key, "version": int(r.version)} for r in rows["redeemed"]
        ],
        "cursor": last,
        "more": more,
    }


def router(engine: sa.Engine, max_page: int) -> APIRouter:
    """``GET /api/v1/coupons/changes`` for any enrolled lane (its token)."""
    api = APIRouter(tags=["catalog"])

    @api.get("/api/v1/coupons/changes")
    def coupon_changes(
        request: Request,
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
    ) -> dict[str, Any]:
        """Coupon list entries (withdrawn ones with ``deleted`` true) and redeemed coupon
        keys with version > ``cursor``, oldest first (kiosk.hq.coupons)."""
        del request  # the lane's token was checked by the middleware
        return changes_since(engine, cursor, min(limit, max_page))

    return api


def describe(report: ImportReport) -> str:
    """One line for the CLI."""
    return f"{report.written} coupon entries written, {report.withdrawn} withdrawn"


__all__ = [
    "ImportReport",
    "changes_since",
    "describe",
    "import_coupons",
    "read_file",
    "record_redemptions",
    "router",
]
