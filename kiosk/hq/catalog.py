"""The master catalog at HQ: versioned upserts and "changes since cursor" pages.

Theory of operation: every change to an item (new, changed, deleted) takes the
next number from ``catalog_state.last_version``, read and bumped with one
``UPDATE`` that row-locks it until the writer commits. Versions therefore
become visible in order, and a lane that asks for ``version > cursor`` never
skips a change. Deleted items stay as tombstones (``deleted = true``) so lanes
learn about deletions. Rewriting an unchanged item does not bump its version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hq.db import utc_now
from kiosk.hq.tables import catalog_item, catalog_state

CONTENT = (
    "names",
    "price",
    "currency",
    "tax_class",
    "unit",
    "gtins",
    "plu",
    "age_limit",
    "quantity_limit",
    "deposit",
    "category",
    "image",
    "deleted",
)
_CHUNK = 1000


def reserve_versions(conn: sa.Connection, count: int) -> int:
    """Reserve ``count`` versions; return the first. Holds the catalog lock until commit."""
    new_last = conn.execute(
        catalog_state.update()
        .where(catalog_state.c.id == 1)
        .values(last_version=catalog_state.c.last_version + count)
        .returning(catalog_state.c.last_version)
    ).scalar_one()
    return int(new_last) - count + 1


def changes_page(
    conn: sa.Connection, cursor: int, limit: int, **feeds: sa.Select[Any]
) -> tuple[dict[str, list[sa.Row[Any]]], int, bool]:
    """One page of a changes feed (offers, recalls, coupons) over one or more tables that
    share the version sequence: each of ``feeds`` (a query selecting a ``version``
    column) asked for version > ``cursor``, the rows merged oldest first, at most
    ``limit`` in all.

    Returns:
        the page's rows by feed name, the page's cursor (its last version, ``cursor``
        if it is empty), and whether more changes follow.
    """
    merged: list[tuple[int, str, sa.Row[Any]]] = []
    for name, query in feeds.items():
        version = query.selected_columns.version
        rows = conn.execute(query.where(version > cursor).order_by(version).limit(limit + 1))
        merged.extend((int(row.version), name, row) for row in rows)
    merged.sort(key=lambda change: change[0])
    page = merged[:limit]
    by_feed = {name: [row for _, feed, row in page if feed == name] for name in feeds}
    return by_feed, (page[-1][0] if page else cursor), len(merged) > limit


def upsert_items(conn: sa.Connection, items: Sequence[dict[str, Any]]) -> int:
    """Write ``items`` (dicts with ``sku`` and the ``CONTENT`` keys; ``names`` and ``gtins``
    as JSON text); unchanged ones are skipped. Returns how many changed."""
    skus = [item["sku"] for item in items]
    existing = _existing(conn, skus)
    changed = [
        item for item in items if existing.get(item["sku"]) != tuple(item[k] for k in CONTENT)
    ]
    if not changed:
        return 0
    first = reserve_versions(conn, len(changed))
    now = utc_now()
    rows = [{**item, "version": first + i, "updated_at": now} for i, item in enumerate(changed)]
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for start in range(0, len(rows), _CHUNK):
        statement = insert(catalog_item).values(rows[start : start + _CHUNK])
        updates = {c: statement.excluded[c] for c in (*CONTENT, "version", "updated_at")}
        conn.execute(statement.on_conflict_do_update(index_elements=["sku"], set_=updates))
    return len(changed)


def delete_missing(conn: sa.Connection, keep: set[str]) -> int:
    """Tombstone every live item whose sku is not in ``keep``; return how many."""
    live = conn.execute(
        sa.select(catalog_item)
        .where(catalog_item.c.deleted.is_(False))
        .order_by(catalog_item.c.sku)
    )
    gone = [dict(row._mapping) for row in live if row.sku not in keep]
    for row in gone:
        row["deleted"] = True
    return upsert_items(conn, [{k: row[k] for k in ("sku", *CONTENT)} for row in gone])


def _existing(conn: sa.Connection, skus: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    found: dict[str, tuple[Any, ...]] = {}
    columns = [catalog_item.c.sku, *(catalog_item.c[k] for k in CONTENT)]
    for start in range(0, len(skus), _CHUNK):
        query = sa.select(*columns).where(catalog_item.c.sku.in_(skus[start : start + _CHUNK]))
        found.update({row[0]: tuple(row[1:]) for row in conn.execute(query)})
    return found


def changes_since(engine: sa.Engine, cursor: int, limit: int) -> tuple[bytes, int, bool]:
    """Up to ``limit`` changes with version > ``cursor``, oldest first, as the JSON of a
    :class:`~kiosk.hq.models.CatalogPage`, plus its cursor and "more" flag.

    The JSON is spliced from the stored JSON texts of names and GTINs instead of
    parsing and re-encoding them (or validating each entry through pydantic): a
    first pull is a million entries."""
    columns = [catalog_item.c[k] for k in ("sku", "version", *CONTENT)]
    query = (
        sa.select(*columns)
        .where(catalog_item.c.version > cursor)
        .order_by(catalog_item.c.version)
        .limit(limit + 1)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    dumps = json.dumps
    parts = []
    for (
        sku,
        version,
        names,
        price,
        currency,
        tax_class,
        unit,
        gtins,
        plu,
        age_limit,
        quantity_limit,
        deposit,
        category,
        image,
        deleted,
    ) in rows:
        parts.append(
            f'{{"sku":{dumps(sku)},"version":{int(version)},'
            f'"deleted":{"true" if deleted else "false"},"names":{names},'
            f'"price":{int(price)},"currency":{dumps(currency)},'
            f'"tax_class":{dumps(tax_class)},"unit":{dumps(unit)},"gtins":{gtins},'
            f'"plu":{dumps(plu)},"age_limit":{dumps(age_limit)},'
            f'"quantity_limit":{dumps(quantity_limit)},"deposit":{dumps(deposit)},'
            f'"category":{dumps(category)},"image":{dumps(image)}}}'
        )
    last = int(rows[-1][1]) if rows else cursor
    body = f'{{"items":[{",".join(parts)}],"cursor":{last},"more":{"true" if more else "false"}}}'
    return body.encode(), last, more
