"""The attendant and the refused packs' pages (an expired or recalled pack scanned).

Theory of operation: a refused pack pages the attendant without pausing the lane; the
page stays open in :class:`~kiosk.app.pack_pages.PackPages` until a member of staff has
taken the pack away. Any signed-in member of staff may say so, at the lane or from the
station (``how``: ``at_lane`` or ``remote``); the page is closed and counted on the lane
thread (``run_on_lane``) and one ``lane_audit`` row, ``clear_page``, says who did it.
"""

from __future__ import annotations

from typing import Any

from kiosk.app.attendant.lane_ops import run_on_lane
from kiosk.app.attendant.model import AttendantError

HOW = frozenset({"at_lane", "remote"})


def open_pages(service: Any) -> tuple[Any, ...]:
    """The lane's open refused packs' pages, oldest first (none on a lane without them)."""
    pages = getattr(service.controller, "pack_pages", None)
    return () if pages is None else tuple(pages.open())


def clear_page(service: Any, key: str, note: str = "", how: str = "at_lane") -> Any:
    """Close the page ``key``: its pack was taken away. Returns the page.

    Raises:
        AttendantError: nobody signed in (NotSignedIn), or the page is not open.
    """
    if how not in HOW:
        raise ValueError(f"how {how!r} is not one of {sorted(HOW)}")
    pages = getattr(service.controller, "pack_pages", None)
    if pages is None or pages.find(key) is None:
        raise AttendantError("that page is no longer open")
    staff = service._require(None)  # any signed-in member of staff

    def clear() -> Any:
        try:
            return pages.clear(key, staff.staff_id, how)
        except KeyError:
            raise AttendantError("that page is no longer open") from None

    page = run_on_lane(service.controller, clear)
    service._record(
        staff,
        "clear_page",
        note,
        kind=page.kind,
        detail=page.detail,
        basket_id=page.basket_id,
        raised_at=page.raised_at.isoformat(),
        how=how,
    )
    return page


__all__ = ["clear_page", "open_pages"]
