"""Offers and loyalty cards in the lane store (tables ``offer`` and ``loyalty_card``, 0007).

HQ sends them with the catalog (kiosk.sync.catalog_pull); :meth:`OfferRepository.apply_changes`
writes one page and its cursor (catalog_meta ``offers_cursor``) in ONE transaction
(DESIGN.md invariant 5). Records are checked with the domain's parser before they are
stored, so :meth:`OfferRepository.catalog` reads back only good ones; a stored record
that no longer parses (a newer HQ's kind) is skipped and logged, never fatal.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from kiosk.domain.offers import Offer, OfferCatalog, OfferError
from kiosk.domain.offers.cards import masked_card
from kiosk.domain.offers.records import offer_from_record, offer_to_record
from kiosk.store.errors import sqlite_errors
from kiosk.store.feed import FeedRepository

log = logging.getLogger(__name__)
CURSOR_KEY = "offers_cursor"


class OfferRepository(FeedRepository):
    """Reads and writes offers and loyalty cards on one lane connection."""

    CURSOR_KEY = CURSOR_KEY
    FEED = "offers"

    def apply_changes(
        self,
        offers: Sequence[tuple[Offer, int]],
        deleted: Sequence[str],
        cards: Sequence[tuple[str, bool, int]],
        cursor: int,
    ) -> None:
        """Upsert ``offers`` (offer, version), delete ``deleted`` offer ids, upsert ``cards``
        (number, blocked, version) and set the cursor, all in one transaction.

        Raises:
            StoreError: if the store refuses the page (nothing of it is written).
        """
        with self._page(cursor):
            self._conn.executemany(
                "INSERT INTO offer (offer_id, version, record) VALUES (?, ?, ?) "
                "ON CONFLICT (offer_id) DO UPDATE SET version = excluded.version, "
                "record = excluded.record",
                [
                    (o.offer_id, version, json.dumps(offer_to_record(o), sort_keys=True))
                    for o, version in offers
                ],
            )
            self._conn.executemany(
                "DELETE FROM offer WHERE offer_id = ?", [(offer_id,) for offer_id in deleted]
            )
            self._conn.executemany(
                "INSERT INTO loyalty_card (number, blocked, version) VALUES (?, ?, ?) "
                "ON CONFLICT (number) DO UPDATE SET blocked = excluded.blocked, "
                "version = excluded.version",
                [(number, int(blocked), version) for number, blocked, version in cards],
            )

    def catalog(self) -> OfferCatalog:
        """Every stored offer, for :class:`kiosk.domain.checkout.CheckoutSettings`."""
        with sqlite_errors("reading offers"):
            rows = self._conn.execute(
                "SELECT offer_id, record FROM offer ORDER BY offer_id"
            ).fetchall()
        offers = []
        for offer_id, record in rows:
            try:
                offers.append(offer_from_record(_object(json.loads(record))))
            except (ValueError, OfferError) as error:
                log.error("skipping stored offer %s: %s", offer_id, error)
        return OfferCatalog(tuple(offers))

    def card_status(self, number: str) -> str | None:
        """ "active" or "blocked" for a card HQ sent, None for a card it never sent."""
        with sqlite_errors(f"reading loyalty card {masked_card(number)}"):
            row = self._conn.execute(
                "SELECT blocked FROM loyalty_card WHERE number = ?", (number,)
            ).fetchone()
        if row is None:
            return None
        return "blocked" if row[0] else "active"

    def count(self) -> tuple[int, int]:
        """(offers, loyalty cards) stored."""
        with sqlite_errors("counting offers"):
            offers = self._conn.execute("SELECT count(*) FROM offer").fetchone()[0]
            cards = self._conn.execute("SELECT count(*) FROM loyalty_card").fetchone()[0]
        return int(offers), int(cards)


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise OfferError(f"a stored offer is {type(value).__name__}, not an object")
    return value


__all__ = ["CURSOR_KEY", "OfferRepository"]
