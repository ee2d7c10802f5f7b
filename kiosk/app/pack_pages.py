"""Refused packs' pages: open until a member of staff has taken the pack away.

Theory of operation. An expired pack, or one of a recalled batch, scanned at the lane is
refused (:mod:`kiosk.domain.checkout.packs`): the shopper keeps scanning, and the
checkout pages the attendant with a ``CallAttendant`` effect of kind ``expired_item`` or
``recalled_item`` carrying the scan's time. Nothing pauses, so nothing of it stays in the
checkout's state - yet the pack is still at the lane and someone must come and take it
away. :class:`PackPages` follows the controller (a listener on the lane thread) and keeps
each such page open: its kind, the product (its name from the catalog and the page's own
words: never anything about the shopper), the basket it was scanned in and when.

- **The station** lists each open page as an alert (``checkout_view`` reads
  ``controller.pack_alerts``, :mod:`kiosk.app.station_views`), keyed like the other
  alerts; "I'm on my way" works as for any alert, and the ``resolve`` command clears it
  (:mod:`kiosk.app.station_actions`, ``how: "remote"``).
- **At the lane** a signed-in member of staff clears it through the attendant service
  (``AttendantService.clear_page``, ``how: "at_lane"``).
- **Service events**: the recorder wrote ``intervention.raised`` at the page (its id from
  the basket, the kind and the scan's time, :mod:`kiosk.app.service_events`); clearing
  writes ``intervention.staff_arrived`` and ``intervention.resolved`` (outcome
  ``taken_away``) with the same id, so HQ counts each page once, raised to resolved.
- **Restarts**: the open pages are kept in the lane's store (``sync_state`` key
  ``pack_pages``, JSON) in the step that opens or clears one, as the basket journal
  keeps the items put aside; a lane restarted with a recalled pack still at it shows it
  again. At most :data:`MAX_OPEN` are kept (the oldest go first, logged).

Writes happen on the lane thread (:meth:`on_change`, and :meth:`clear` through
``run_on_lane``); :meth:`alerts` is read from the station link's thread and only reads
the current tuple, which is replaced, never edited.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.app.service_events import (
    JOURNEY,
    REFUSED_PACKS,
    Ids,
    envelope,
    page_cleared_occurrences,
)
from kiosk.app.station_views import OpenAlert, alert_key
from kiosk.domain.checkout import effects as fx
from kiosk.store.db import write_transaction
from kiosk.store.service_events import insert_events
from kiosk.store.sync_state import get_state, set_state

log = logging.getLogger(__name__)

#: The ``sync_state`` key of the open pages.
STATE_KEY = "pack_pages"
#: At most this many pages stay open (a lane nobody attends for days).
MAX_OPEN = 50


@dataclass(frozen=True, slots=True)
class PackPage:
    """One refused pack's page: ``detail`` names the product and why it was refused."""

    basket_id: str
    kind: str
    detail: str
    raised_at: datetime

    @property
    def key(self) -> str:
        """The station's key of this page (the same while it is open)."""
        return alert_key(self.basket_id, self.kind, self.raised_at.isoformat())

    def alert(self) -> OpenAlert:
        return OpenAlert(self.key, self.kind, self.detail, self.raised_at)


class PackPages:
    """The open pages of one lane (see the module docstring).

    Args:
        conn: a store connection (lane thread only).
        ids: the lane's ids (service events).
        clock: the lane's clock.
        name_of: the product's name for a sku (None: not in the catalog).
    """

    def __init__(
        self,
        conn: Any,
        ids: Ids,
        clock: Callable[[], datetime],
        name_of: Callable[[str], str | None],
    ) -> None:
        self._conn, self.ids, self.clock, self._name_of = conn, ids, clock, name_of
        self._language: Callable[[], str | None] = lambda: None
        self._controller: Any = None
        self._open: tuple[PackPage, ...] = tuple(_loaded(get_state(conn).get(STATE_KEY)))

    def attach(
        self, controller: Any, language: Callable[[], str | None] = lambda: None
    ) -> PackPages:
        """Follow ``controller`` and let its station view list the open pages;
        ``language`` is the shopper's, for the service events' envelope."""
        self._language = language
        self._controller = controller
        controller.listeners.append(self.on_change)
        controller.pack_pages = self
        controller.pack_alerts = self.alerts
        return self

    def open(self) -> tuple[PackPage, ...]:
        """The open pages, oldest first."""
        return self._open

    def alerts(self) -> list[OpenAlert]:
        """The open pages as the station's alerts (any thread)."""
        return [page.alert() for page in self._open]

    def find(self, key: str) -> PackPage | None:
        """The open page whose station key is ``key``, if any."""
        return next((page for page in self._open if page.key == key), None)

    # -- the lane thread -------------------------------------------------------------

    def on_change(self, checkout: Any, effects: list[Any]) -> None:
        """Controller listener: a refused pack's page opens one."""
        new = [
            self._page(str(checkout.basket.basket_id), effect)
            for effect in effects
            if isinstance(effect, fx.CallAttendant) and effect.kind in REFUSED_PACKS
        ]
        if not new:
            return
        kept = (*self._open, *new)
        if len(kept) > MAX_OPEN:
            log.warning("%d refused packs' pages left open: the oldest dropped", len(kept))
            kept = kept[-MAX_OPEN:]
        try:
            with write_transaction(self._conn):
                set_state(self._conn, **{STATE_KEY: _dumped(kept)})
        except Exception:  # the station still shows it until the lane restarts
            log.exception("refused pack's page not stored")
        self._open = kept

    def clear(self, key: str, staff_id: str, how: str) -> PackPage:
        """Staff took the pack of page ``key`` away: close it and write its service
        events (lane thread: ``run_on_lane``). Raises KeyError if it is not open."""
        page = self.find(key)
        if page is None:
            raise KeyError(key)
        kept = tuple(p for p in self._open if p.key != key)
        found = page_cleared_occurrences(self.ids, page, staff_id, how, self.clock())
        events = [
            envelope(
                o,
                store_id=self.ids.store_id,
                lane_id=self.ids.lane_id,
                language=self._language(),
                journey=JOURNEY,
            )
            for o in found
        ]
        with write_transaction(self._conn):  # the page closed and counted, or neither
            set_state(self._conn, **{STATE_KEY: _dumped(kept)})
            insert_events(self._conn, events)
        self._open = kept
        self._tell()
        return page

    def _tell(self) -> None:
        """The controller's listeners (the station link, the screens) hear of a page
        closed as of a step: the checkout is the same, the pages are not."""
        controller = self._controller
        for listener in list(getattr(controller, "listeners", ())):
            try:
                listener(controller.checkout, [])
            except Exception:
                log.exception("lane listener failed")

    def _page(self, basket_id: str, effect: fx.CallAttendant) -> PackPage:
        sku, _, why = effect.detail.partition(": ")
        name = None
        try:
            name = self._name_of(sku)
        except Exception:  # the catalog's read failed: the sku says enough
            log.exception("no name for refused pack %s", sku)
        detail = f"{name} ({sku}): {why}" if name else effect.detail
        return PackPage(basket_id, effect.kind.value, detail[:200], effect.at or self.clock())


def _dumped(pages: tuple[PackPage, ...]) -> str:
    return json.dumps(
        [
            {
                "basket_id": p.basket_id,
                "kind": p.kind,
                "detail": p.detail,
                "raised_at": p.raised_at.isoformat(),
            }
            for p in pages
        ]
    )


def _loaded(text: str | None) -> list[PackPage]:
    """The pages stored in ``text``; a damaged value or entry is logged and skipped (a
    time without its zone too: the station would refuse the whole report)."""
    if not text:
        return []
    try:
        stored = json.loads(text)
    except ValueError:
        stored = None
    if not isinstance(stored, list):
        log.error("the stored refused packs' pages are unreadable: none shown")
        return []
    pages = []
    for entry in stored:
        try:
            raised = datetime.fromisoformat(str(entry["raised_at"]))
            if raised.tzinfo is None:
                raise ValueError("no time zone")
            pages.append(
                PackPage(
                    str(entry["basket_id"]),
                    str(entry["kind"])[:40],
                    str(entry["detail"])[:200],
                    raised,
                )
            )
        except (ValueError, TypeError, KeyError) as error:
            log.error("a stored refused pack's page is unreadable (%s): skipped", error)
    return pages


def name_in(catalog: Any) -> Callable[[str], str | None]:
    """The product name of a sku in the lane's catalog (English first)."""

    def name_of(sku: str) -> str | None:
        item = catalog.get(sku)
        if item is None:
            return None
        names = dict(getattr(item, "names", ()) or ())
        return str(names.get("en") or next(iter(names.values()), None) or sku)

    return name_of
