"""The store's staff accounts, kept in one place (the station) and copied to every lane.

Theory of operation. The station's ``staff.sqlite3`` is a lane-format staff file and
the one place where the store's accounts are managed (``kiosk staff add|disable|
enable|reset-pin --db DIR/staff.sqlite3``). A lane asks the station for the accounts
(``GET /api/lanes/LANE/staff``, the station key) every ``[station] staff_every_s``
seconds and copies them into its own store: name, role, disabled flag and the argon2id
PIN hash (a PIN never travels). So a disabled account stops at the station at its
next request and at every lane at the lane's next copy (20 s by default, well within a
minute), and a lane that cannot reach the station keeps the copy it has and goes on
signing staff in.

What is *not* copied: badge hashes (a badge hash is keyed by each lane's own secret;
badges are given at the lane) and the lockout counters (each lane locks on its own).
Accounts a lane has that the station does not know (a technician's local account) are
left as they are. Both sides of the copy live here because both are lane-format staff
files and the station package owns its SQL (tests/test_sql_in_store.py).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from kiosk.domain.staff import Role

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
_ROLES = {role.value for role in Role}


class AccountError(ValueError):
    """An account the station sent that the lane cannot take (names the field)."""


def export_accounts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every account of a lane-format staff file, by staff id (hashes, never PINs)."""
    rows = conn.execute(
        "SELECT staff_id, name, role, pin_hash, disabled FROM staff ORDER BY staff_id"
    ).fetchall()
    return [
        {
            "staff_id": r[0],
            "name": r[1],
            "role": r[2],
            "pin_hash": r[3],
            "disabled": bool(r[4]),
        }
        for r in rows
    ]


def check_account(account: Mapping[str, Any]) -> tuple[str, str, str, str | None, int]:
    """The row of one account as sent by the station.

    Raises:
        AccountError: a missing or malformed field (named).
    """
    staff_id, name, role = account.get("staff_id"), account.get("name"), account.get("role")
    pin_hash, disabled = account.get("pin_hash"), account.get("disabled")
    if not isinstance(staff_id, str) or not _ID.match(staff_id):
        raise AccountError(f"staff_id: not a staff id: {str(staff_id)[:70]!r}")
    if not isinstance(name, str) or not 0 < len(name) <= 80:
        raise AccountError(f"name of {staff_id}: 1-80 characters expected")
    if role not in _ROLES:
        raise AccountError(f"role of {staff_id}: one of {sorted(_ROLES)} expected")
    if pin_hash is not None and (
        not isinstance(pin_hash, str) or not pin_hash.startswith("$argon2id$")
    ):
        raise AccountError(f"pin_hash of {staff_id}: an argon2id hash (or null) expected")
    if not isinstance(disabled, bool):
        raise AccountError(f"disabled of {staff_id}: true or false expected")
    return staff_id, name, str(role), pin_hash, int(disabled)


def import_accounts(
    conn: sqlite3.Connection, accounts: Iterable[Mapping[str, Any]], now: str
) -> list[str]:
    """Copy ``accounts`` into a lane's store in one transaction; the ids that changed.

    Args:
        conn: a connection to the lane's store (autocommit, as :func:`kiosk.store.db.connect`
            makes them).
        accounts: what ``GET /api/lanes/LANE/staff`` answered.
        now: the lane's time as the store writes it (``updated_at``).

    Raises:
        AccountError: one account is malformed (nothing is copied: the station has a bug).
    """
    rows = [check_account(account) for account in accounts]
    changed: list[str] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for staff_id, name, role, pin_hash, disabled in rows:
            cursor = conn.execute(
                "INSERT INTO staff (staff_id, name, role, pin_hash, disabled, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, "
                "role = excluded.role, pin_hash = excluded.pin_hash, "
                "disabled = excluded.disabled, updated_at = excluded.updated_at "
                "WHERE (staff.name, staff.role, coalesce(staff.pin_hash, ''), staff.disabled) "
                "IS NOT (excluded.name, excluded.role, coalesce(excluded.pin_hash, ''), "
                "excluded.disabled)",
                (staff_id, name, role, pin_hash, disabled, now, now),
            )
            if cursor.rowcount:
                changed.append(staff_id)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return changed
