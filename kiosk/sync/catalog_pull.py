"""Pull catalog changes from HQ and apply them (DESIGN.md invariant 5).

Each page HQ returns is applied by :meth:`CatalogRepository.apply_changes` in ONE
SQLite transaction together with the page's cursor, so a crash between pages
loses nothing and applies nothing twice. A basket already open keeps the prices
of its scanned lines (lines are snapshots); with
``sync.apply_catalog_during_basket = false`` the caller's ``can_apply`` also
holds new prices back until no basket is open. An entry that breaks a catalog
rule is skipped and logged; it never stops the rest of the catalog.

Offers and loyalty cards come with the catalog: after the catalog pages,
:func:`pull_offers` asks ``/offers/changes`` for the offers feed (kiosk.sync.changes_feed;
its own cursor, applied page by page with it by kiosk.store.offers, invariant 5). An HQ
without the feed (404) is not an error; a bad offer or card is skipped and logged.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from kiosk.domain.catalog import CatalogError, CatalogItem, SaleUnit
from kiosk.domain.money import Money, MoneyError
from kiosk.domain.offers import Offer, OfferError
from kiosk.domain.offers.cards import LoyaltyCardError, masked_card, parse_loyalty_card
from kiosk.domain.offers.records import offer_from_record
from kiosk.store.catalog import CatalogRepository
from kiosk.store.catalog_bulk import NotFast, apply_page_text
from kiosk.store.errors import StoreError
from kiosk.store.offers import OfferRepository
from kiosk.sync.changes_feed import Page, pull_changes
from kiosk.sync.client import HqClient
from kiosk.sync.coupons_pull import pull_coupons
from kiosk.sync.errors import SyncError
from kiosk.sync.recalls_pull import pull_recalls

log = logging.getLogger(__name__)


@dataclass
class PullReport:
    pages: int = 0
    upserts: int = 0
    deletes: int = 0
    skipped: int = 0
    cursor: int = 0
    held_back: bool = False
    offers: int = 0
    cards: int = 0
    recalls: int = 0  # recalled batches applied (kiosk.sync.recalls_pull)
    coupons: int = 0  # coupon list entries and redeemed coupons (kiosk.sync.coupons_pull)


def entry_to_item(entry: dict[str, Any]) -> CatalogItem:
    """A catalog entry of HQ's page as a CatalogItem.

    Raises:
        CatalogError: if the entry is malformed or breaks a catalog rule.
    """
    try:
        currency = entry["currency"]
        deposit = entry.get("deposit")
        return CatalogItem(
            sku=entry["sku"],
            names=tuple(sorted(entry["names"].items())),
            price=Money(entry["price"], currency),
            tax_class=entry["tax_class"],
            gtins=tuple(entry.get("gtins") or ()),
            plu=entry.get("plu"),
            unit=SaleUnit(entry.get("unit", "each")),
            age_limit=entry.get("age_limit"),
            quantity_limit=entry.get("quantity_limit"),
            deposit=None if deposit is None else Money(deposit, currency),
            category=entry.get("category") or "",
            image=entry.get("image"),
        )
    except (KeyError, TypeError, AttributeError, ValueError, MoneyError) as error:
        if isinstance(error, CatalogError):
            raise
        raise CatalogError(f"catalog entry {str(entry)[:120]}: {error!r}") from None


def apply_page(
    conn: sqlite3.Connection, repo: CatalogRepository, page: dict[str, Any], report: PullReport
) -> None:
    """Apply one page and its cursor in one transaction.

    Raises:
        SyncError: if the store refuses the page (nothing of it is applied).
    """
    upserts: list[CatalogItem] = []
    deletes: list[str] = []
    for entry in page["items"]:
        if isinstance(entry, dict) and entry.get("deleted") is True and entry.get("sku"):
            deletes.append(str(entry["sku"]))
            continue
        try:
            upserts.append(entry_to_item(entry))
        except CatalogError as error:
            log.error("skipping a catalog change from HQ: %s", error)
            report.skipped += 1
    refused: list[str] = []
    try:
        written = repo.apply_changes(upserts, deletes, str(page["cursor"]), skipped=refused)
    except StoreError as error:
        raise SyncError(f"cannot apply catalog changes up to {page['cursor']}: {error}") from error
    for problem in refused:
        log.error("skipping a catalog change from HQ: %s", problem)
    report.skipped += len(refused)
    report.pages += 1
    report.upserts += written
    report.deletes += len(deletes)
    report.cursor = page["cursor"]


def current_cursor(repo: CatalogRepository) -> int:
    text = repo.cursor()
    return int(text) if text and text.isdigit() else 0


def apply_text(
    conn: sqlite3.Connection,
    repo: CatalogRepository,
    text: str,
    cursor: int,
    report: PullReport,
) -> None:
    """Apply one page given as HQ's JSON text: the fast path, else item by item.

    Raises:
        SyncError: if the page is not JSON or the store refuses it.
    """
    try:
        upserts, deletes = apply_page_text(conn, text, str(cursor))
    except (NotFast, sqlite3.Error) as error:
        log.info("catalog page up to %s takes the careful path (%s)", cursor, error)
    else:
        report.pages += 1
        report.upserts += upserts
        report.deletes += deletes
        report.cursor = cursor
        return
    try:
        page = json.loads(text)
        items = page["items"]
    except (ValueError, TypeError, KeyError) as error:
        raise SyncError(f"HQ catalog page up to {cursor} is not a catalog page: {error}") from None
    apply_page(conn, repo, {"items": items, "cursor": cursor}, report)


def pull(
    conn: sqlite3.Connection,
    client: HqClient,
    page_size: int,
    can_apply: Callable[[], bool] = lambda: True,
) -> PullReport:
    """Apply every catalog change HQ has after the stored cursor, then the offers, then
    the recalled batches (kiosk.sync.recalls_pull; even while new prices are held back).

    Raises:
        as :func:`pull_catalog` and :func:`pull_offers`.
    """
    report = pull_catalog(conn, client, page_size, can_apply)
    if not report.held_back:
        pull_offers(conn, client, page_size, report)
    report.recalls = pull_recalls(conn, client, page_size)  # a recall is never held back
    report.coupons = pull_coupons(conn, client, page_size)  # nor a coupon used elsewhere
    return report


def pull_offers(
    conn: sqlite3.Connection, client: HqClient, page_size: int, report: PullReport
) -> None:
    """Apply every offers/cards change HQ has after the stored offers cursor.

    Raises:
        HqUnreachable / HqRefused: from the client (applied pages stay applied), except
            404 (an HQ without offers: nothing to do).
        SyncError: if a page is malformed or the store refuses it.
    """
    repo = OfferRepository(conn)

    def apply(page: Page) -> int:
        offers, deleted, cards = _offer_changes(page, report)
        repo.apply_changes(offers, deleted, cards, page["cursor"])
        report.offers += len(offers) + len(deleted)
        report.cards += len(cards)
        return len(offers) + len(deleted) + len(cards)

    pull_changes(
        client,
        "offers",
        lists=("offers", "cards"),
        cursor=repo.cursor(),
        page_size=page_size,
        apply=apply,
    )


def _offer_changes(
    page: dict[str, Any], report: PullReport
) -> tuple[list[tuple[Offer, int]], list[str], list[tuple[str, bool, int]]]:
    offers: list[tuple[Offer, int]] = []
    deleted: list[str] = []
    cards: list[tuple[str, bool, int]] = []
    for entry in page["offers"]:
        try:
            version = entry["version"]
            if type(version) is not int:
                raise OfferError(f"version {version!r} is not an integer")
            if entry.get("deleted") is True:
                deleted.append(str(entry["offer_id"]))
            else:
                offers.append((offer_from_record(entry["record"]), version))
        except (KeyError, TypeError, OfferError) as error:
            log.error("skipping an offer from HQ: %s", error)
            report.skipped += 1
    for entry in page["cards"]:
        try:
            number = parse_loyalty_card(entry["number"])
            blocked, version = entry["blocked"], entry["version"]
            if not isinstance(blocked, bool) or type(version) is not int:
                raise LoyaltyCardError(f"card {masked_card(number)}: bad blocked/version")
            cards.append((number, blocked, version))
        except (KeyError, TypeError, LoyaltyCardError) as error:
            log.error("skipping a loyalty card from HQ: %s", error)
            report.skipped += 1
    return offers, deleted, cards


def pull_catalog(
    conn: sqlite3.Connection,
    client: HqClient,
    page_size: int,
    can_apply: Callable[[], bool] = lambda: True,
) -> PullReport:
    """Apply every change HQ has after the stored cursor.

    While a page is applied, the next one is already being fetched (one helper
    thread, owned by this call): HQ builds pages and the lane writes them at once.

    Raises:
        HqUnreachable / HqRefused: from the client (applied pages stay applied).
        SyncError: if a page cannot be applied.
    """
    repo = CatalogRepository(conn)
    report = PullReport(cursor=current_cursor(repo))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="catalog-fetch") as fetcher:
        pending = fetcher.submit(client.catalog_changes_text, report.cursor, page_size)
        while True:
            text, cursor, more = pending.result()
            if cursor == report.cursor:
                return report
            if not can_apply():
                report.held_back = True
                return report
            if more:
                pending = fetcher.submit(client.catalog_changes_text, cursor, page_size)
            apply_text(conn, repo, text, cursor, report)
            if not more:
                return report
