"""Pull recalled batches from HQ into the lane store (after the offers, each sync round).

:func:`pull_recalls` asks ``/recalls/changes`` for the changes after the stored cursor
(kiosk.sync.changes_feed) and applies each page with its cursor in one transaction
(kiosk.store.recalls, invariant 5). An HQ without the feed (404) is not an error; a bad
entry is skipped and logged. The lane refuses recalled packs from its stored copy, so a
recall pulled once holds offline.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from kiosk.domain.gs1.element_string import make_element
from kiosk.domain.gtin import BarcodeError, to_gtin14
from kiosk.store.recalls import RecallRepository
from kiosk.sync.changes_feed import Page, pull_changes
from kiosk.sync.client import HqClient

log = logging.getLogger(__name__)


def pull_recalls(conn: sqlite3.Connection, client: HqClient, page_size: int) -> int:
    """Apply every recall change HQ has after the stored cursor; the number applied.

    Raises:
        HqUnreachable / HqRefused: from the client (applied pages stay applied), except
            404 (an HQ without recalls: nothing to do).
        SyncError: if a page is malformed or the store refuses it.
    """
    repo = RecallRepository(conn)

    def apply(page: Page) -> int:
        recalled, lifted = _changes(page["recalls"])
        repo.apply_changes(recalled, lifted, page["cursor"])
        return len(recalled) + len(lifted)

    return pull_changes(
        client,
        "recalls",
        lists=("recalls",),
        cursor=repo.cursor(),
        page_size=page_size,
        apply=apply,
    )


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
