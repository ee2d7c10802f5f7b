"""Hotel stays at this lane: the deposit held for a stay and the registration card's signatures.

A deposit is pre-authorised at check-in and captured or released at check-out,
possibly days later and by another visit. :func:`note_deposit` keeps the
approved pre-authorisation's journal reference by stay (``held``);
:func:`held_deposit` finds it again; :func:`settle_deposit` marks it ``captured``
or ``released`` so it is captured at most once. A stay checked in at another lane
has no row here (the guest pays by card).

A signature is the PNG the touchscreen drew, kept with the stay
(:func:`save_signature` returns its reference, which the check-in record carries
instead of the pixels); :func:`load_signature` reads it back for the front desk.
Each write is its own ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass

from kiosk.store.codec import utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

_SETTLED = ("captured", "released")


@dataclass(frozen=True)
class HeldDeposit:
    """An approved pre-authorisation still held for a stay."""

    stay_id: str
    checkin_id: str
    reference: str
    amount_minor: int
    currency: str


def note_deposit(
    conn: sqlite3.Connection,
    *,
    stay_id: str,
    checkin_id: str,
    reference: str,
    amount_minor: int,
    currency: str,
) -> None:
    """Remember the stay's approved pre-authorisation ``reference`` (replacing an older one).

    Raises:
        StoreError: an empty stay id or reference, a negative amount, or the write failed.
    """
    if not stay_id or not reference:
        raise StoreError(f"deposit: stay_id {stay_id!r} and reference must not be empty")
    if amount_minor < 0:
        raise StoreError(f"deposit of stay {stay_id}: amount {amount_minor} is negative")
    with sqlite_errors(f"noting the deposit of stay {stay_id}"), write_transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO stay_deposit (stay_id, checkin_id, reference, amount_minor, "
            "currency, state, updated_at) VALUES (?, ?, ?, ?, ?, 'held', ?)",
            (stay_id, checkin_id, reference, amount_minor, currency, utc_now()),
        )


def held_deposit(conn: sqlite3.Connection, stay_id: str) -> HeldDeposit | None:
    """The stay's pre-authorisation still held here, or None."""
    with sqlite_errors(f"reading the deposit of stay {stay_id}"):
        row = conn.execute(
            "SELECT stay_id, checkin_id, reference, amount_minor, currency FROM stay_deposit "
            "WHERE stay_id = ? AND state = 'held'",
            (stay_id,),
        ).fetchone()
    if row is None:
        return None
    return HeldDeposit(str(row[0]), str(row[1]), str(row[2]), int(row[3]), str(row[4]))


def settle_deposit(conn: sqlite3.Connection, reference: str, state: str) -> bool:
    """Mark the held pre-authorisation ``reference`` ``captured`` or ``released``; False if
    no held deposit has that reference.

    Raises:
        StoreError: an unknown ``state``, or the write failed.
    """
    if state not in _SETTLED:
        raise StoreError(f"deposit {reference}: state {state!r} is not one of {_SETTLED}")
    with sqlite_errors(f"settling deposit {reference}"), write_transaction(conn):
        changed = conn.execute(
            "UPDATE stay_deposit SET state = ?, updated_at = ? "
            "WHERE reference = ? AND state = 'held'",
            (state, utc_now(), reference),
        ).rowcount
    return changed > 0


def save_signature(
    conn: sqlite3.Connection, stay_id: str, checkin_id: str, image: bytes, reference: str = ""
) -> str:
    """Keep a signature image with the stay; returns its reference (``reference``, or a
    new ``sig-...``). A reference kept before is replaced (the guest signed again).

    Raises:
        StoreError: an empty image, or the write failed.
    """
    if not image:
        raise StoreError(f"signature of stay {stay_id}: the image is empty")
    reference = reference or "sig-" + secrets.token_hex(8)
    with sqlite_errors(f"saving a signature for stay {stay_id}"), write_transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO stay_signature "
            "(signature_ref, stay_id, checkin_id, image, created_at) VALUES (?, ?, ?, ?, ?)",
            (reference, stay_id, checkin_id, image, utc_now()),
        )
    return reference


def load_signature(conn: sqlite3.Connection, signature_ref: str) -> bytes | None:
    """The signature image named ``signature_ref``, or None."""
    with sqlite_errors(f"reading signature {signature_ref}"):
        row = conn.execute(
            "SELECT image FROM stay_signature WHERE signature_ref = ?", (signature_ref,)
        ).fetchone()
    return None if row is None else bytes(row[0])
