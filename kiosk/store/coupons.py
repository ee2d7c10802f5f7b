"""Coupons in the lane store (0012): HQ's coupon list, and the coupons used once.

One use across the store: a coupon with a serial (AI 8110 field 5, AI 8112, a store
coupon's serial) is *redeemed* when a sale that saved with it is stored:
:func:`record_redemptions` writes its key (``<offer>:<serial>``) in the sale's own
transaction (kiosk.store.sales.complete_sale's ``also``), so a completed sale and its
redemptions are never apart. HQ reads the same keys from the sale documents it ingests
(the ``discounts`` entries whose offer id starts ``coupon:``) and sends every lane's
redemptions back with the coupon list; :meth:`CouponRepository.apply_changes` stores a
page and its cursor (catalog_meta ``coupons_cursor``) in one transaction (invariant 5).

The window: a serial used at lane A is refused at lane A at once, offline or not; at
lane B only once A's sale has reached HQ and B has pulled the coupon feed (the upload
and the pull run every sync round, seconds apart with the network up). While the store
is cut off from HQ, each lane refuses only the serials it has seen.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kiosk.clock import utc_now
from kiosk.domain.offers.coupon_records import (
    coupon_from_record,
    coupon_offer_from_record,
    coupon_offer_to_record,
    coupon_to_record,
)
from kiosk.domain.offers.coupons import Coupon, CouponList, CouponOffer, serial_key_of
from kiosk.domain.offers.model import OfferError
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors
from kiosk.store.feed import FeedRepository

log = logging.getLogger(__name__)
CURSOR_KEY = "coupons_cursor"


def redemption_keys(document: Mapping[str, Any]) -> list[str]:
    """The keys of the serial-numbered coupons a sale document saved with."""
    keys = []
    for entry in document.get("discounts") or ():
        offer_id = entry.get("offer_id") if isinstance(entry, dict) else None
        key = serial_key_of(offer_id) if isinstance(offer_id, str) else None
        if key is not None:
            keys.append(key)
    return keys


def record_redemptions(conn: sqlite3.Connection, document: Mapping[str, Any]) -> int:
    """Mark the document's serial-numbered coupons used; call inside the sale's
    transaction. Returns how many keys it wrote (a key already there is kept)."""
    transaction_id = str(document.get("transaction_id", ""))
    keys = redemption_keys(document)
    conn.executemany(
        "INSERT INTO redeemed_coupon (redemption_key, transaction_id, source, redeemed_at) "
        "VALUES (?, ?, 'lane', ?) ON CONFLICT (redemption_key) DO NOTHING",
        [(key, transaction_id, utc_now()) for key in keys],
    )
    return len(keys)


class CouponRepository(FeedRepository):
    """Reads and writes the coupon list and the redeemed coupons on one lane connection."""

    CURSOR_KEY = CURSOR_KEY
    FEED = "coupons"

    def apply_changes(
        self,
        offers: Sequence[tuple[CouponOffer, int]],
        deleted: Sequence[str],
        families: Sequence[tuple[tuple[str, str], frozenset[str]]],
        redeemed: Iterable[str],
        cursor: int,
    ) -> None:
        """Upsert coupon ``offers`` (offer, version), delete ``deleted`` ids, upsert
        ``families``, add HQ's ``redeemed`` keys and set the cursor, in one transaction.

        Raises:
            StoreError: if the store refuses the page (nothing of it is written).
        """
        with self._page(cursor):
            self._conn.executemany(
                "INSERT INTO coupon_offer (coupon_id, version, record) VALUES (?, ?, ?) "
                "ON CONFLICT (coupon_id) DO UPDATE SET version = excluded.version, "
                "record = excluded.record",
                [
                    (o.coupon_id, v, json.dumps(coupon_offer_to_record(o), sort_keys=True))
                    for o, v in offers
                ],
            )
            self._conn.executemany(
                "DELETE FROM coupon_offer WHERE coupon_id = ?", [(c,) for c in deleted]
            )
            self._conn.executemany(
                "INSERT INTO coupon_family (company_prefix, family, skus) VALUES (?, ?, ?) "
                "ON CONFLICT (company_prefix, family) DO UPDATE SET skus = excluded.skus",
                [(p, f, json.dumps(sorted(skus))) for (p, f), skus in families],
            )
            now = utc_now()
            self._conn.executemany(
                "INSERT INTO redeemed_coupon (redemption_key, transaction_id, source, "
                "redeemed_at) VALUES (?, NULL, 'hq', ?) ON CONFLICT (redemption_key) DO NOTHING",
                [(key, now) for key in redeemed],
            )

    def coupon_list(self) -> CouponList:
        """The stored coupon offers and families (a record that no longer parses is
        skipped and logged)."""
        with sqlite_errors("reading coupons"):
            rows = self._conn.execute("SELECT coupon_id, record FROM coupon_offer").fetchall()
            family_rows = self._conn.execute(
                "SELECT company_prefix, family, skus FROM coupon_family"
            ).fetchall()
        offers = {}
        for coupon_id, record in rows:
            try:
                offers[coupon_id] = coupon_offer_from_record(json.loads(record))
            except (ValueError, OfferError) as error:
                log.error("skipping stored coupon %s: %s", coupon_id, error)
        families = {(p, f): frozenset(json.loads(skus)) for p, f, skus in family_rows}
        return CouponList(offers, families)

    def journal_coupon(self, basket_id: str, coupon: Coupon) -> None:
        """Journal ``coupon`` on the open basket ``basket_id`` (upserted: a replay after a
        crash cannot double it), committed before the screen shows it (invariant 2).

        Raises:
            StoreError: if the write fails.
        """
        record = json.dumps(coupon_to_record(coupon), sort_keys=True)
        with sqlite_errors(f"journaling a coupon on {basket_id}"), write_transaction(self._conn):
            self._conn.execute(
                "INSERT INTO open_basket_coupon (basket_id, coupon_id, seq, record) VALUES "
                "(?, ?, (SELECT coalesce(max(seq) + 1, 0) FROM open_basket_coupon "
                "WHERE basket_id = ?), ?) "
                "ON CONFLICT (basket_id, coupon_id) DO UPDATE SET record = excluded.record",
                (basket_id, coupon.coupon_id, basket_id, record),
            )

    def forget_coupon(self, basket_id: str, coupon_id: str) -> None:
        """Take ``coupon_id`` off the open basket ``basket_id``'s journal (a coupon that
        expired while the lane was down), committed before the screen shows it.

        Raises:
            StoreError: if the write fails.
        """
        with sqlite_errors(f"taking a coupon off {basket_id}"), write_transaction(self._conn):
            self._conn.execute(
                "DELETE FROM open_basket_coupon WHERE basket_id = ? AND coupon_id = ?",
                (basket_id, coupon_id),
            )

    def journaled_coupons(self, basket_id: str) -> tuple[Coupon, ...]:
        """The coupons journaled on the open basket ``basket_id``, in scan order.

        Raises:
            StoreError: if a journaled coupon cannot be read back (damaged file).
        """
        with sqlite_errors(f"restoring the coupons of {basket_id}"):
            rows = self._conn.execute(
                "SELECT record FROM open_basket_coupon WHERE basket_id = ? ORDER BY seq",
                (basket_id,),
            ).fetchall()
        try:
            return tuple(coupon_from_record(json.loads(row[0])) for row in rows)
        except (ValueError, OfferError) as error:
            raise StoreError(f"a coupon journaled on {basket_id} is damaged: {error}") from error

    def is_redeemed(self, redemption_key: str) -> bool:
        """Whether the coupon ``redemption_key`` was used (here, or at a lane HQ told of)."""
        with sqlite_errors("reading redeemed coupons"):
            row = self._conn.execute(
                "SELECT 1 FROM redeemed_coupon WHERE redemption_key = ?", (redemption_key,)
            ).fetchone()
        return row is not None


__all__ = [
    "CURSOR_KEY",
    "CouponRepository",
    "record_redemptions",
    "redemption_keys",
]
