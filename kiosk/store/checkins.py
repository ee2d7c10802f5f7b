"""Check-in records: the airport journey's finished check-ins and their outbox rows.

:func:`commit_checkin` stores one record (the JSON document of
:func:`kiosk.domain.airport.record.record_document`, keyed by its ``transaction_id``,
the check-in id) in the
``checkin`` table and the outbox (kind ``checkin``) in one ``BEGIN IMMEDIATE``
transaction, together with whatever ``also`` writes (the check-in's service
events, closing its card payments). A check-in id stored before is not stored
again (the first document is kept: the upload is exactly once in effect).

The document must not hold a full MRZ (invariant 6): :func:`commit_checkin`
refuses one that looks as if it does.

Check-ins under way at the DCS: :func:`note_checked_in` keeps a row from the
moment the DCS checked the passengers in (:func:`note_printed` once something
printed) until the record is committed, which drops it in its own transaction.
A row still there at start-up (:func:`open_checkins`) is a check-in a restart
lost: the journey cancels it at the DCS if nothing was printed.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.domain.mrzlike import looks_like_mrz
from kiosk.store import outbox
from kiosk.store.codec import utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

log = logging.getLogger(__name__)
KIND = "checkin"
_REQUIRED = ("transaction_id", "store_id", "lane_id", "status", "started_at", "completed_at")


@dataclass(frozen=True)
class CheckinResult:
    """What :func:`commit_checkin` did: ``created`` False when the id was stored before."""

    checkin_id: str
    created: bool
    outbox_id: int


def _check(document: Mapping[str, Any], payload: str) -> None:
    for key in _REQUIRED:
        if not isinstance(document.get(key), str) or not document[key]:
            raise StoreError(f"check-in document: {key} must be a non-empty string")
    if document["status"] not in ("completed", "cancelled", "abandoned"):
        raise StoreError(f"check-in document: status {document['status']!r} is not known")
    if looks_like_mrz(payload):
        raise StoreError("check-in document: it holds what looks like an MRZ (invariant 6)")


def commit_checkin(
    conn: sqlite3.Connection,
    document: Mapping[str, Any],
    also: Callable[[sqlite3.Connection], object] | None = None,
) -> CheckinResult:
    """Store a finished check-in and its outbox row (and ``also``'s writes) atomically.

    Raises:
        StoreError: the document breaks the schema (naming the field) or the write
            failed; nothing is stored then.
    """
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    _check(document, payload)
    checkin_id = str(document["transaction_id"])
    with sqlite_errors(f"storing check-in {checkin_id}"), write_transaction(conn):
        forget_open(conn, checkin_id)  # no longer under way: nothing to undo after a restart
        existing = conn.execute(
            "SELECT id FROM outbox WHERE transaction_id = ?", (checkin_id,)
        ).fetchone()
        if existing is not None:
            log.warning("check-in %s stored again: kept the first", checkin_id)
            return CheckinResult(checkin_id, False, int(existing[0]))
        conn.execute(
            "INSERT INTO checkin (checkin_id, store_id, lane_id, status, reference, "
            "started_at, completed_at, currency, fees_total, item_count, bags, document) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                checkin_id,
                document["store_id"],
                document["lane_id"],
                document["status"],
                str(document.get("reference", "")),
                document["started_at"],
                document["completed_at"],
                str(document.get("currency", "")),
                max(0, int(document.get("fees_total", 0))),
                max(0, int(document.get("item_count", 0))),
                len(document.get("bags", ())),
                payload,
            ),
        )
        outbox_id = outbox.enqueue(conn, checkin_id, KIND, payload, utc_now())
        if also is not None:
            also(conn)
    return CheckinResult(checkin_id, True, int(outbox_id or 0))


def load_checkin(conn: sqlite3.Connection, checkin_id: str) -> dict[str, Any] | None:
    """The stored document of ``checkin_id``, or None."""
    row = conn.execute(
        "SELECT document FROM checkin WHERE checkin_id = ?", (checkin_id,)
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def checkin_ids(conn: sqlite3.Connection) -> list[str]:
    """Every stored check-in id, oldest first."""
    rows = conn.execute("SELECT checkin_id FROM checkin ORDER BY completed_at").fetchall()
    return [str(r[0]) for r in rows]


# -- check-ins under way at the DCS -----------------------------------------------------------


@dataclass(frozen=True)
class OpenCheckin:
    """A check-in the DCS has made and whose record is not committed yet."""

    checkin_id: str
    record_locator: str
    passenger_ids: tuple[str, ...]
    printed: bool


def note_checked_in(
    conn: sqlite3.Connection, checkin_id: str, record_locator: str, passenger_ids: tuple[str, ...]
) -> None:
    """Remember that the DCS checked these passengers in (until the record is committed).

    Raises:
        StoreError: the write failed.
    """
    with sqlite_errors(f"noting check-in {checkin_id}"), write_transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO checkin_open "
            "(checkin_id, record_locator, passenger_ids, checked_in_at, printed) "
            "VALUES (?, ?, ?, ?, 0)",
            (checkin_id, record_locator, json.dumps(list(passenger_ids)), utc_now()),
        )


def note_printed(conn: sqlite3.Connection, checkin_id: str) -> None:
    """Something of the check-in was printed: it is no longer cancelled after a restart."""
    with sqlite_errors(f"noting check-in {checkin_id} printed"), write_transaction(conn):
        conn.execute("UPDATE checkin_open SET printed = 1 WHERE checkin_id = ?", (checkin_id,))


def forget_open(conn: sqlite3.Connection, checkin_id: str) -> None:
    """Drop the check-in's open row (inside the caller's transaction, e.g. the record's)."""
    conn.execute("DELETE FROM checkin_open WHERE checkin_id = ?", (checkin_id,))


def open_checkins(conn: sqlite3.Connection) -> list[OpenCheckin]:
    """Check-ins the DCS made whose record was never committed (a restart lost them)."""
    rows = conn.execute(
        "SELECT checkin_id, record_locator, passenger_ids, printed FROM checkin_open "
        "ORDER BY checked_in_at"
    ).fetchall()
    return [OpenCheckin(str(r[0]), str(r[1]), tuple(json.loads(r[2])), bool(r[3])) for r in rows]


def drop_open(conn: sqlite3.Connection, checkin_id: str) -> None:
    """Forget an open check-in in a transaction of its own (it was settled at start-up)."""
    with sqlite_errors(f"forgetting check-in {checkin_id}"), write_transaction(conn):
        forget_open(conn, checkin_id)
