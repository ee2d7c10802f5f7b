"""Service events in the lane store: ``outbox`` rows of ``kind='event'``.

A service event (docs/service-events.md) needs no table of its own: its JSON text is
the outbox payload and its ``event_id`` the row's unique ``transaction_id`` column, so
an event recorded twice (a replay after a restart) is one row, and the uploader sends
it until HQ has it. Events that belong to a sale are inserted by :func:`insert_events`
inside the sale's own transaction (``complete_sale(..., also=...)``); the others by
:func:`record_events` in a transaction of their own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from kiosk.store import outbox
from kiosk.store.db import write_transaction
from kiosk.store.errors import sqlite_errors
from kiosk.store.sync_state import utc_now

KIND = "event"


def _payload(event: Mapping[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def insert_events(conn: sqlite3.Connection, events: Iterable[Mapping[str, Any]]) -> int:
    """Queue ``events`` (each with an ``event_id``) in the transaction the caller holds;
    an event id already queued is left as it is. Returns how many rows were added."""
    now = utc_now()
    return sum(
        outbox.enqueue(conn, str(e["event_id"]), KIND, _payload(e), now, if_new=True) is not None
        for e in events
    )


def record_events(conn: sqlite3.Connection, events: Iterable[Mapping[str, Any]]) -> int:
    """Queue ``events`` in one ``BEGIN IMMEDIATE`` transaction of their own.

    Raises:
        StoreError: the database refused (nothing is queued then).
    """
    rows = list(events)
    if not rows:
        return 0
    with sqlite_errors("recording service events"), write_transaction(conn):
        return insert_events(conn, rows)


def queued_events(
    conn: sqlite3.Connection, transaction_id: str | None = None
) -> list[dict[str, Any]]:
    """The queued events (sent or not), oldest first; only one transaction's if given."""
    events = [json.loads(payload) for payload in outbox.payloads(conn, KIND)]
    if transaction_id is None:
        return events
    return [e for e in events if e.get("transaction_id") == transaction_id]
