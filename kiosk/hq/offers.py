"""Offers and loyalty cards at HQ: import from a file, versioned changes for the lanes.

Theory of operation: like the catalog (:mod:`kiosk.hq.catalog`), every change takes the
next number from ``catalog_state.last_version`` (one sequence, row-locked by the writer
until it commits), so a lane that asks for ``version > cursor`` never skips a change.
An offer is stored as its JSON record (:mod:`kiosk.domain.offers.records`), checked by
the domain's parser on import; an unchanged offer or card keeps its version; an offer
left out of an import with ``replace`` becomes a tombstone (``deleted``).

Files (``kiosk hq offers import FILE``):

* JSON: ``{"offers": [record, ...], "cards": [{"number": "29...", "blocked": false}]}``;
* CSV with an ``offer_id`` column: one offer per row, the record's fields as columns
  (``skus`` separated by blanks or ``;``, ``components`` as SKU groups separated by
  ``|``, empty cells left out);
* CSV with a ``card_number`` column (and optional ``blocked``: true/false): cards.

Every problem names the row or the offer and the field; nothing is written then.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.domain.offers import Offer, OfferError
from kiosk.domain.offers.cards import LoyaltyCardError, parse_loyalty_card
from kiosk.domain.offers.records import offer_from_record, offer_to_record
from kiosk.hq.catalog import changes_page, reserve_versions
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.import_file import read_import
from kiosk.hq.tables import loyalty_card, offer

_INT_COLUMNS = ("quantity", "pay_units", "price", "amount", "spend")
_BOOL_COLUMNS = ("once", "members_only")
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0", ""}


@dataclass
class ImportReport:
    offers: int = 0
    deleted: int = 0
    cards: int = 0


@dataclass(frozen=True)
class OfferFile:
    """What a file holds: offers and cards (number, blocked)."""

    offers: tuple[Offer, ...]
    cards: tuple[tuple[str, bool], ...]


def read_file(path: Path) -> OfferFile:
    """Parse a JSON or CSV offers file (see the module docstring).

    Raises:
        HqError: naming the file, the row or offer and the field.
    """
    parse = parse_json if path.suffix.lower() == ".json" else parse_csv
    return read_import(path, parse, (OfferError, LoyaltyCardError))


def parse_json(text: str) -> OfferFile:
    """Offers and cards of a JSON file. Raises OfferError/LoyaltyCardError naming the entry."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise OfferError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or set(data) - {"offers", "cards"}:
        raise OfferError('expected an object with "offers" and/or "cards"')
    offers, cards = data.get("offers", []), data.get("cards", [])
    if not isinstance(offers, list) or not isinstance(cards, list):
        raise OfferError('"offers" and "cards" must be lists')
    parsed = []
    for n, record in enumerate(offers):
        try:
            parsed.append(offer_from_record(record))
        except OfferError as error:
            raise OfferError(f"offers[{n}]: {error}") from None
    read_cards = []
    for n, card in enumerate(cards):
        if not isinstance(card, dict) or not isinstance(card.get("number"), str):
            raise LoyaltyCardError(f'cards[{n}]: expected {{"number": "29...", "blocked": false}}')
        blocked = card.get("blocked", False)
        if not isinstance(blocked, bool):
            raise LoyaltyCardError(f"cards[{n}].blocked must be true or false")
        read_cards.append((_card(card["number"], f"cards[{n}]"), blocked))
    return _checked(parsed, read_cards)


def parse_csv(text: str) -> OfferFile:
    """Offers (an ``offer_id`` column) or cards (a ``card_number`` column) of a CSV file."""
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    if "card_number" in fields:
        cards = [
            (_card(row["card_number"] or "", f"row {n}"), _flag(row.get("blocked"), n, "blocked"))
            for n, row in enumerate(reader, start=2)
        ]
        return _checked([], cards)
    if "offer_id" not in fields:
        raise OfferError("a CSV needs an offer_id column (offers) or a card_number column")
    offers = []
    for n, row in enumerate(reader, start=2):
        try:
            offers.append(offer_from_record(_csv_record(row, n)))
        except OfferError as error:
            raise OfferError(f"row {n}: {error}") from None
    return _checked(offers, [])


def _csv_record(row: dict[str, Any], n: int) -> dict[str, Any]:
    if None in row:
        raise OfferError("more cells than columns")
    record: dict[str, Any] = {}
    for key, value in row.items():
        cell = (value or "").strip()
        if not cell:
            continue
        if key == "skus":
            record[key] = cell.replace(";", " ").split()
        elif key == "components":
            record[key] = [group.replace(";", " ").split() for group in cell.split("|")]
        elif key in _INT_COLUMNS:
            if not cell.isdigit():
                raise OfferError(f"{key} {cell!r} is not a whole number of minor units")
            record[key] = int(cell)
        elif key in _BOOL_COLUMNS:
            record[key] = _flag(cell, n, key)
        else:
            record[key] = cell
    return record


def _flag(cell: str | None, n: int, name: str) -> bool:
    value = (cell or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise OfferError(f"row {n}: {name} must be true or false")


def _card(text: str, where: str) -> str:
    try:
        return parse_loyalty_card(text)
    except LoyaltyCardError as error:
        raise LoyaltyCardError(f"{where}: {error}") from None


def _checked(offers: list[Offer], cards: list[tuple[str, bool]]) -> OfferFile:
    ids = [o.offer_id for o in offers]
    for offer_id in ids:
        if ids.count(offer_id) > 1:
            raise OfferError(f"offer {offer_id!r} appears twice")
    numbers = [number for number, _ in cards]
    if len(set(numbers)) != len(numbers):
        raise LoyaltyCardError("a loyalty card appears twice")
    return OfferFile(tuple(offers), tuple(cards))


def import_offers(engine: sa.Engine, data: OfferFile, *, replace: bool = False) -> ImportReport:
    """Write the offers and cards of ``data`` in one transaction (unchanged ones keep their
    version); with ``replace``, offers not in ``data`` become tombstones."""
    report = ImportReport()
    now = utc_now()
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    with write_transaction(engine) as conn:
        stored = {
            row.offer_id: (row.record, row.deleted)
            for row in conn.execute(sa.select(offer.c.offer_id, offer.c.record, offer.c.deleted))
        }
        rows = []
        for item in data.offers:
            record = json.dumps(offer_to_record(item), sort_keys=True)
            if stored.get(item.offer_id) != (record, False):
                rows.append({"offer_id": item.offer_id, "record": record, "deleted": False})
        if replace:
            keep = {o.offer_id for o in data.offers}
            rows += [
                {"offer_id": offer_id, "record": record, "deleted": True}
                for offer_id, (record, deleted) in sorted(stored.items())
                if offer_id not in keep and not deleted
            ]
        cards = {row.number: row.blocked for row in conn.execute(sa.select(loyalty_card))}
        card_rows = [
            {"number": number, "blocked": blocked}
            for number, blocked in data.cards
            if cards.get(number) != blocked
        ]
        if not rows and not card_rows:
            return report
        version = reserve_versions(conn, len(rows) + len(card_rows))
        for row in rows:
            statement = insert(offer).values(**row, version=version, updated_at=now)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["offer_id"],
                    set_={k: statement.excluded[k] for k in ("record", "deleted", "version",
                                                             "updated_at")},
                )
            )  # fmt: skip
            version += 1
        for row in card_rows:
            statement = insert(loyalty_card).values(**row, version=version, updated_at=now)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["number"],
                    set_={k: statement.excluded[k] for k in ("blocked", "version", "updated_at")},
                )
            )
            version += 1
    report.offers = sum(1 for row in rows if not row["deleted"])
    report.deleted = len(rows) - report.offers
    report.cards = len(card_rows)
    return report


def changes_since(engine: sa.Engine, cursor: int, limit: int) -> dict[str, Any]:
    """Up to ``limit`` offer and card changes with version > ``cursor``, oldest first, as
    an :class:`~kiosk.hq.models.OfferPage` dict."""
    with engine.connect() as conn:
        rows, last, more = changes_page(
            conn,
            cursor,
            limit,
            offers=sa.select(offer.c.offer_id, offer.c.version, offer.c.deleted, offer.c.record),
            cards=sa.select(loyalty_card.c.number, loyalty_card.c.version, loyalty_card.c.blocked),
        )
    return {
        "offers": [
            {
                "offer_id": r.offer_id,
                "version": int(r.version),
                "deleted": bool(r.deleted),
                "record": None if r.deleted else json.loads(r.record),
            }
            for r in rows["offers"]
        ],
        "cards": [
            {"number": r.number, "version": int(r.version), "blocked": bool(r.blocked)}
            for r in rows["cards"]
        ],
        "cursor": last,
        "more": more,
    }


def describe(report: ImportReport) -> str:
    """One line for the CLI."""
    return (
        f"{report.offers} offers written, {report.deleted} withdrawn, "
        f"{report.cards} loyalty cards written"
    )


__all__ = [
    "ImportReport",
    "OfferFile",
    "changes_since",
    "describe",
    "import_offers",
    "parse_csv",
    "parse_json",
    "read_file",
]
