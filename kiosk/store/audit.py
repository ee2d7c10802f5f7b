"""The lane audit log: staff actions outside a sale, each one also queued for HQ.

Actions inside a sale (void, price override, cancel...) travel in the sale
document's ``audit`` list. Everything else a staff member does at the lane
(open/close the lane, reprint a receipt, clear a device fault, resume a
suspended basket, sign in) is a ``lane_audit`` row. The same transaction that
inserts the row inserts an ``outbox`` row (``kind='audit'``, ``transaction_id``
= the row's uuid ``audit_id``) whose payload is the JSON document
:func:`audit_document` builds, so HQ gets every row or the lane keeps it
pending; neither is ever half written.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.clock import Clock, utc_now
from kiosk.domain.staff import Action
from kiosk.store import outbox
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

_ACTION = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_REASON = 500
MAX_DETAILS = 8000
_UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_utc(moment: datetime) -> str:
    """``moment`` (timezone-aware) as the store's UTC text, e.g. 2026-11-22T10:00:00.000000Z.

    Raises:
        StoreError: if ``moment`` is naive (its zone would be a guess).
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise StoreError(f"time {moment!r} has no time zone; pass an aware UTC datetime")
    return moment.astimezone(UTC).strftime(_UTC_FORMAT)


def parse_utc(text: str) -> datetime:
    """The aware datetime of a time written by :func:`format_utc`; StoreError if garbled."""
    try:
        return datetime.strptime(text, _UTC_FORMAT).replace(tzinfo=UTC)
    except (TypeError, ValueError) as error:
        raise StoreError(f"stored time {text!r} is not UTC ISO 8601 with 'Z'") from error


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One lane audit row as stored."""

    audit_id: str
    at: datetime
    store_id: str
    lane_id: str
    staff_id: str | None
    action: str
    reason: str
    details: Mapping[str, Any]


def audit_document(record: AuditRecord) -> dict[str, Any]:
    """The outbox payload for ``record`` (schema 1, ``kind`` "audit")."""
    return {
        "schema": 1,
        "kind": "audit",
        "transaction_id": record.audit_id,
        "store_id": record.store_id,
        "lane_id": record.lane_id,
        "at": format_utc(record.at),
        "staff_id": record.staff_id,
        "action": record.action,
        "reason": record.reason,
        "details": dict(record.details),
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class AuditLog:
    """Writes and reads this lane's audit rows (``store_id``/``lane_id`` from the config)."""

    def __init__(
        self, conn: sqlite3.Connection, store_id: str, lane_id: str, clock: Clock = utc_now
    ) -> None:
        self._conn = conn
        self.store_id = store_id
        self.lane_id = lane_id
        self.clock = clock  # the lane's clock: when ``at`` is not given, and the outbox row

    def record(
        self,
        action: Action | str,
        *,
        staff_id: str | None,
        reason: str = "",
        details: Mapping[str, Any] | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """Store one audit row and its outbox row in one ``BEGIN IMMEDIATE`` transaction.

        Args:
            action: an :class:`Action` or another lower_snake_case name ("sign_in").
            staff_id: who did it (None: the lane itself).
            reason: why, as the staff member gave it (at most 500 characters).
            details: JSON-serialisable facts (e.g. ``{"receipt": "tx-id"}``); never card
                numbers or PINs.
            at: when (aware); default now.

        Raises:
            StoreError: a bad action, reason or details, or the database refused.
        """
        with sqlite_errors(f"recording audit action {action!r}"), write_transaction(self._conn):
            return self.insert(action, staff_id=staff_id, reason=reason, details=details, at=at)

    def insert(
        self,
        action: Action | str,
        *,
        staff_id: str | None,
        reason: str = "",
        details: Mapping[str, Any] | None = None,
        at: datetime | None = None,
    ) -> AuditRecord:
        """Like :meth:`record`, inside the caller's open write transaction.

        Use it when the audited change itself is written in the same transaction
        (e.g. resuming a suspended basket). Raises StoreError if no transaction is open.
        """
        if not self._conn.in_transaction:
            raise StoreError("AuditLog.insert needs an open write transaction (use record)")
        record = self._build(action, staff_id, reason, details or {}, at)
        payload = _dumps(audit_document(record))
        with sqlite_errors(f"recording audit action {record.action!r}"):
            self._conn.execute(
                "INSERT INTO lane_audit (audit_id, at, store_id, lane_id, staff_id, action, "
                "reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.audit_id,
                    format_utc(record.at),
                    record.store_id,
                    record.lane_id,
                    record.staff_id,
                    record.action,
                    record.reason,
                    _dumps(record.details),
                ),
            )
            outbox.enqueue(self._conn, record.audit_id, "audit", payload, format_utc(self.clock()))
        return record

    def _build(
        self,
        action: Action | str,
        staff_id: str | None,
        reason: str,
        details: Mapping[str, Any],
        at: datetime | None,
    ) -> AuditRecord:
        name = action.value if isinstance(action, Action) else action
        if not isinstance(name, str) or not _ACTION.fullmatch(name):
            raise StoreError(f"bad audit action {name!r}: expected lower_snake_case, 1-40 chars")
        if not isinstance(reason, str) or len(reason) > MAX_REASON:
            raise StoreError(f"audit reason must be text of at most {MAX_REASON} characters")
        try:
            text = _dumps(dict(details))
        except (TypeError, ValueError) as error:
            raise StoreError(f"audit details of {name!r} are not JSON: {error}") from error
        if len(text) > MAX_DETAILS:
            raise StoreError(f"audit details of {name!r} exceed {MAX_DETAILS} characters")
        moment = at if at is not None else self.clock()
        format_utc(moment)  # refuse a naive time before anything is written
        return AuditRecord(
            audit_id=str(uuid.uuid4()),
            at=moment.astimezone(UTC),
            store_id=self.store_id,
            lane_id=self.lane_id,
            staff_id=staff_id,
            action=name,
            reason=reason,
            details=json.loads(text),
        )

    def recent(self, limit: int = 100, staff_id: str | None = None) -> list[AuditRecord]:
        """The newest ``limit`` rows of this lane (of ``staff_id`` if given), newest first."""
        where, args = ("WHERE staff_id = ?", (staff_id,)) if staff_id is not None else ("", ())
        with sqlite_errors("reading the lane audit log"):
            rows = self._conn.execute(
                "SELECT audit_id, at, store_id, lane_id, staff_id, action, reason, details "
                f"FROM lane_audit {where} ORDER BY id DESC LIMIT ?",
                (*args, limit),
            ).fetchall()
        return [
            AuditRecord(r[0], parse_utc(r[1]), r[2], r[3], r[4], r[5], r[6], json.loads(r[7]))
            for r in rows
        ]
