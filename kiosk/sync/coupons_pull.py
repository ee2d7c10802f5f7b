"""Pull the coupon list and the redeemed coupons from HQ into the lane store.

:func:`pull_coupons` asks ``/coupons/changes`` for the changes after the stored cursor
(kiosk.sync.changes_feed) and applies each page with its cursor in one transaction
(kiosk.store.coupons, invariant 5): coupon offers and GS1 families (withdrawn ones
deleted), and the keys of serial-numbered coupons other lanes used, which this lane then
refuses. It runs every sync round, after the recalls, even while new prices are held
back (a used coupon is never held back). An HQ without the feed (404) is not an error; a
bad entry is skipped and logged.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from kiosk.domain.offers.coupon_records import coupon_offer_from_record, family_from_record
from kiosk.domain.offers.coupons import CouponOffer
from kiosk.domain.offers.model import OfferError
from kiosk.store.coupons import CouponRepository
from kiosk.sync.changes_feed import Page, pull_changes
from kiosk.sync.client import HqClient

log = logging.getLogger(__name__)
Families = list[tuple[tuple[str, str], frozenset[str]]]


def pull_coupons(conn: sqlite3.Connection, client: HqClient, page_size: int) -> int:
    """Apply every coupon change HQ has after the stored cursor; the number applied.

    Raises:
        HqUnreachable / HqRefused: from the client (applied pages stay applied), except
            404 (an HQ without coupons: nothing to do).
        SyncError: if a page is malformed or the store refuses it.
    """
    repo = CouponRepository(conn)

    def apply(page: Page) -> int:
        offers, deleted, families = _entries(page["coupons"])
        redeemed = [e["key"] for e in page["redeemed"] if isinstance(e, dict)
                    and isinstance(e.get("key"), str) and 0 < len(e["key"]) <= 64]  # fmt: skip
        repo.apply_changes(offers, deleted, families, redeemed, page["cursor"])
        return len(offers) + len(deleted) + len(families) + len(redeemed)

    return pull_changes(
        client,
        "coupons",
        lists=("coupons", "redeemed"),
        cursor=repo.cursor(),
        page_size=page_size,
        apply=apply,
    )


def _entries(entries: list[Any]) -> tuple[list[tuple[CouponOffer, int]], list[str], Families]:
    offers: list[tuple[CouponOffer, int]] = []
    deleted: list[str] = []
    families: Families = []
    for entry in entries:
        try:
            entry_id, version = entry["entry_id"], entry["version"]
            if not isinstance(entry_id, str) or type(version) is not int:
                raise OfferError("entry_id must be text and version an integer")
            if entry["deleted"] is True:
                if not entry_id.startswith("family:"):  # a withdrawn family: kept, harmless
                    deleted.append(entry_id)
            elif entry_id.startswith("family:"):
                families.append(family_from_record(entry["record"]))
            else:
                offers.append((coupon_offer_from_record(entry["record"]), version))
        except (KeyError, TypeError, OfferError) as error:
            log.error("skipping a coupon entry from HQ: %s", error)
    return offers, deleted, families


__all__ = ["pull_coupons"]
