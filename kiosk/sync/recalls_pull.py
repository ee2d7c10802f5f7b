"""Pull recalled batches from HQ into the lane store (after the offers, each sync round).

:func:`pull_recalls` asks ``/recalls/changes`` for the changes after the stored cursor and
applies each page with its cursor in one transaction (kiosk.store.recalls, invariant 5).
An HQ without the feed (404) is not an error; a bad entry is skipped and logged. The
lane refuses recalled packs from its stored copy, so a recall pulled once holds offline.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from kiosk.domain.gs1.element_string import make_element
from kiosk.domain.gtin import BarcodeError, to_gtin14
from kiosk.store.errors import StoreError
from kiosk.store.recalls import RecallRepository
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused, SyncError

log = logging.getLogger(__name__)


def pull_recalls(conn: sqlite3.Connection, client: HqClient, page_size: int) -> int:
    """Apply every recall change HQ has after the stored cursor; the number applied.

    Raises:
        HqUnreachable / HqRefused: from the client (applied pages stay applied), except
            404 (an HQ without recalls: nothing to do).
        SyncError: if a page is malformed or the store refuses it.
    """
    repo = RecallRepository(conn)
    cursor, applied = repo.cursor(), 0
    while True:
        try:
            page = client._call(
                "GET", "/recalls/changes", params={"cursor": cursor, "limit": page_size}
            )
        except HqRefused as error:
            if error.status == 404:
                return applied
            raise
        if not (
            isinstance(page, dict)
            and isinstance(page.get("recalls"), list)
            and type(page.get("cursor")) is int
            and isinstance(page.get("more"), bool)
        ):
            raise SyncError(f"HQ recalls page after {cursor} is not a recalls page")
        if page["cursor"] == cursor:
            return applied
        recalled, lifted = _changes(page["recalls"])
        try:
            repo.apply_changes(recalled, lifted, page["cursor"])
        except StoreError as error:
            raise SyncError(f"cannot apply recalls up to {page['cursor']}: {error}") from error
        applied += len(recalled) + len(lifted)
        cursor = page["cursor"]
        if not page["more"]:
            return applied


def _changes(entries: list[Any]) -> tuple[list[tuple[str, str, int]], list[tuple[str, str]]]:
    recalled: list[tuple[str, str, int]] = []
    lifted: list[tuple[str, str]] = []
    for entry in entries:
        try:
            gtin, batch = to_gtin14(str(entry["gtin"])), entry["batch"]
            version, withdrawn = entry["version"], entry["withdrawn"]
            if not isinstance(batch, str) or type(version) is not int:
                raise BarcodeError("batch must be text and version an integer")
            if not isinstance(withdrawn, bool):
                raise BarcodeError(f"withdrawn {withdrawn!r} is not true or false")
            make_element("10", batch)
        except (KeyError, TypeError, BarcodeError) as error:
            log.error("skipping a recall from HQ: %s", error)
            continue
        if withdrawn:
            lifted.append((gtin, batch))
        else:
            recalled.append((gtin, batch, version))
    return recalled, lifted
