"""Recalled batches at HQ: import from a CSV file, versioned changes for the lanes.

Theory of operation: a recall names a (GTIN, batch) pair: the lanes refuse a pack whose
2D code carries that GTIN (AI 01) and batch (AI 10) (kiosk.domain.checkout.sale_rules).
Like offers (:mod:`kiosk.hq.offers`), every change takes the next number from
``catalog_state.last_version`` (:func:`kiosk.hq.catalog.reserve_versions`), so a lane
that asks ``GET /api/v1/recalls/changes?cursor=N`` for ``version > N`` never skips one;
a recall lifted stays as a row with ``withdrawn`` true (a tombstone the lanes apply).
The lanes keep their copy (kiosk.store.recalls), so a recall holds with HQ down.

File (``kiosk hq recalls import FILE.csv [--replace]``): a CSV with columns ``gtin``
(8, 12, 13 or 14 digits with a good check digit) and ``batch`` (1-20 characters of GS1
CSET 82, as AI 10), and optionally ``withdrawn`` (true/false: lift a recall). With
``--replace``, recalls in force that the file leaves out are lifted. A problem names the
row and the column; nothing is written then.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.domain.gs1.element_string import make_element
from kiosk.domain.gtin import BarcodeError, to_gtin14
from kiosk.hq.catalog import changes_page, reserve_versions
from kiosk.hq.db import utc_now, write_transaction
from kiosk.hq.errors import HqError
from kiosk.hq.import_file import read_import
from kiosk.hq.models import RecallPage
from kiosk.hq.tables import recall

_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0", ""}


@dataclass
class ImportReport:
    recalled: int = 0
    lifted: int = 0


@dataclass(frozen=True)
class Recall:
    """A (GTIN-14, batch) pair; ``withdrawn``: the recall is lifted."""

    gtin14: str
    batch: str
    withdrawn: bool = False


def parse_csv(text: str) -> tuple[Recall, ...]:
    """The recalls of a CSV text (see the module docstring).

    Raises:
        HqError: naming the row and the column of the first problem.
    """
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        return _rows(reader)
    except csv.Error as error:
        raise HqError(f"row {reader.line_num}: not CSV: {error}") from None


def _rows(reader: csv.DictReader[str]) -> tuple[Recall, ...]:
    columns = {name.strip().lower() for name in reader.fieldnames or ()}
    if not {"gtin", "batch"} <= columns:
        raise HqError("a recalls file needs the columns gtin and batch")
    found: dict[tuple[str, str], Recall] = {}
    for number, raw in enumerate(reader, start=2):
        row = {str(k).strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        where = f"row {number}"
        try:
            gtin14 = to_gtin14(row["gtin"])
        except BarcodeError as error:
            raise HqError(f"{where}: gtin: {error}") from None
        try:
            make_element("10", row["batch"])
        except BarcodeError as error:
            raise HqError(f"{where}: batch: {error}") from None
        flag = row.get("withdrawn", "").lower()
        if flag not in _TRUE | _FALSE:
            raise HqError(f"{where}: withdrawn: {flag!r} is not true or false")
        key = (gtin14, row["batch"])
        if key in found:
            raise HqError(f"{where}: gtin {gtin14} batch {row['batch']!r} appears twice")
        found[key] = Recall(gtin14, row["batch"], flag in _TRUE)
    return tuple(found.values())


def read_file(path: Path) -> tuple[Recall, ...]:
    """Parse a recalls CSV file.

    Raises:
        HqError: naming the file, the row and the column.
    """
    return read_import(path, parse_csv)


def import_recalls(
    engine: sa.Engine, recalls: tuple[Recall, ...], *, replace: bool = False
) -> ImportReport:
    """Write ``recalls`` in one transaction (an unchanged one keeps its version); with
    ``replace``, recalls in force that are not in ``recalls`` are lifted."""
    now = utc_now()
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    with write_transaction(engine) as conn:
        stored = {
            (row.gtin, row.batch): bool(row.withdrawn)
            for row in conn.execute(sa.select(recall.c.gtin, recall.c.batch, recall.c.withdrawn))
        }
        rows = [
            {"gtin": r.gtin14, "batch": r.batch, "withdrawn": r.withdrawn}
            for r in recalls
            if stored.get((r.gtin14, r.batch)) != r.withdrawn
        ]
        if replace:
            named = {(r.gtin14, r.batch) for r in recalls}
            rows += [
                {"gtin": gtin, "batch": batch, "withdrawn": True}
                for (gtin, batch), withdrawn in sorted(stored.items())
                if (gtin, batch) not in named and not withdrawn
            ]
        if not rows:
            return ImportReport()
        version = reserve_versions(conn, len(rows))
        for row in rows:
            statement = insert(recall).values(**row, version=version, updated_at=now)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["gtin", "batch"],
                    set_={k: statement.excluded[k] for k in ("withdrawn", "version", "updated_at")},
                )
            )
            version += 1
    lifted = sum(1 for row in rows if row["withdrawn"])
    return ImportReport(len(rows) - lifted, lifted)


def changes_since(engine: sa.Engine, cursor: int, limit: int) -> dict[str, Any]:
    """Up to ``limit`` recall changes with version > ``cursor``, oldest first:
    ``{"recalls": [{"gtin", "batch", "withdrawn", "version"}], "cursor", "more"}``."""
    with engine.connect() as conn:
        rows, last, more = changes_page(
            conn,
            cursor,
            limit,
            recalls=sa.select(recall.c.gtin, recall.c.batch, recall.c.withdrawn, recall.c.version),
        )
    return {
        "recalls": [
            {
                "gtin": r.gtin,
                "batch": r.batch,
                "withdrawn": bool(r.withdrawn),
                "version": int(r.version),
            }
            for r in rows["recalls"]
        ],
        "cursor": last,
        "more": more,
    }


def router(engine: sa.Engine, max_page: int) -> APIRouter:
    """``GET /api/v1/recalls/changes`` for any enrolled lane (its token)."""
    api = APIRouter(tags=["catalog"])

    @api.get("/api/v1/recalls/changes", response_model=RecallPage)
    def recall_changes(
        request: Request,
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
    ) -> dict[str, Any]:
        """Recall changes with version > ``cursor``, oldest first (lifted recalls with
        ``withdrawn`` true); the lane pulls them after its offers (kiosk.hq.recalls)."""
        del request  # the lane's token was checked by the middleware
        return changes_since(engine, cursor, min(limit, max_page))

    return api


def describe(report: ImportReport) -> str:
    """One line for the CLI."""
    return f"{report.recalled} recalls written, {report.lifted} lifted"


__all__ = ["ImportReport", "Recall", "changes_since", "import_recalls", "read_file", "router"]
