"""Pull one of HQ's paged changes feeds (offers, recalls, coupons) into the lane store.

A feed is ``GET /<feed>/changes?cursor=&limit=``; HQ answers a page: lists of changes
(the feed's own fields), the ``cursor`` the page brings the lane up to and whether
there is ``more``. :func:`pull_changes` asks from the stored cursor, checks each page's
shape and hands it to the feed's ``apply``, which writes its changes with its cursor in
one transaction (kiosk.store.feed, DESIGN.md invariant 5), until HQ has nothing newer.
An HQ without the feed (404) is not an error. What a page's entries mean, and which bad
entries are skipped and logged, is the feed's module's (kiosk.sync.catalog_pull's
offers, kiosk.sync.recalls_pull, kiosk.sync.coupons_pull).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.store.errors import StoreError
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused, SyncError

Page = dict[str, Any]


def pull_changes(
    client: HqClient,
    feed: str,
    *,
    lists: tuple[str, ...],
    cursor: int,
    page_size: int,
    apply: Callable[[Page], int],
) -> int:
    """Apply every page of ``feed`` HQ has after ``cursor``; the sum of ``apply``'s counts.

    Args:
        feed: the feed's name: its path is ``/<feed>/changes``; errors name it too.
        lists: the fields every page must have as lists.
        cursor: the stored cursor to ask from.
        apply: writes one well-shaped page with its ``cursor``; returns how many changes.

    Raises:
        HqUnreachable / HqRefused: from the client (applied pages stay applied), except
            404 (an HQ without the feed: nothing to do).
        SyncError: if a page is malformed or the store refuses it (``apply``'s StoreError).
    """
    applied = 0
    while True:
        try:
            # HqClient has no method per feed; its generic call maps errors the same way.
            page = client._call(
                "GET", f"/{feed}/changes", params={"cursor": cursor, "limit": page_size}
            )
        except HqRefused as error:
            if error.status == 404:
                return applied
            raise
        if not (
            isinstance(page, dict)
            and all(isinstance(page.get(name), list) for name in lists)
            and type(page.get("cursor")) is int
            and isinstance(page.get("more"), bool)
        ):
            article = "an" if feed[0] in "aeiou" else "a"
            raise SyncError(f"HQ {feed} page after {cursor} is not {article} {feed} page")
        if page["cursor"] == cursor:
            return applied
        try:
            applied += apply(page)
        except StoreError as error:
            raise SyncError(f"cannot apply {feed} up to {page['cursor']}: {error}") from error
        cursor = page["cursor"]
        if not page["more"]:
            return applied


__all__ = ["Page", "pull_changes"]
