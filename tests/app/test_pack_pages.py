"""``PackPages`` over a real SQLite store, fed the effects a refused pack's scan gives: a
page per refused pack (the product's name, the scan's time), kept across a restart, at
most ``MAX_OPEN``; cleared once with its service events; a damaged stored value reads as
no pages, never an error (hypothesis)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.app.pack_pages import MAX_OPEN, STATE_KEY, PackPages, _loaded
from kiosk.app.service_events import Ids, change_occurrences
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events
from kiosk.store.sync_state import set_state

T0 = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
IDS = Ids("store-1", "lane-1")


class Controller:
    """What PackPages reads of the lane controller: listeners and the checkout."""

    def __init__(self) -> None:
        self.listeners: list[Any] = []
        self.checkout = SimpleNamespace(basket=SimpleNamespace(basket_id="b-1"))


def pages_in(db: Path) -> tuple[PackPages, Controller]:
    controller = Controller()
    names = {"S00001": "Milk 1 L"}
    pages = PackPages(connect(db), IDS, lambda: T0 + timedelta(minutes=5), names.get)
    return pages.attach(controller), controller


def refused(kind: InterventionKind, detail: str, at: datetime = T0) -> fx.CallAttendant:
    return fx.CallAttendant(kind, detail, at)


def test_a_refused_pack_opens_a_page_named_after_the_product_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "lane.sqlite3"
    pages, controller = pages_in(db)
    page = refused(InterventionKind.RECALLED_ITEM, "S00001: recalled batch B1 of 0841")
    other = fx.CallAttendant(InterventionKind.HELP_REQUESTED, "help")
    controller.listeners[0](controller.checkout, [fx.Beep(False), page, other])
    (opened,) = pages.open()
    assert (opened.kind, opened.detail) == (
        "recalled_item",
        "Milk 1 L (S00001): recalled batch B1 of 0841",
    )
    assert opened.raised_at == T0  # the scan's time, not the listener's
    assert [a.key for a in pages.alerts()] == [opened.key]
    again, _ = pages_in(db)  # a restarted lane
    assert again.open() == (opened,)


def test_the_page_and_the_raised_event_share_one_intervention_id(tmp_path: Path) -> None:
    pages, controller = pages_in(tmp_path / "lane.sqlite3")
    effect = refused(InterventionKind.EXPIRED_ITEM, "S99999: expired 2020-01-01 (x)")
    controller.listeners[0](controller.checkout, [effect])
    checkout: Any = SimpleNamespace(
        basket=SimpleNamespace(basket_id="b-1"), interventions=(), aside=(), pending=None
    )
    (raised,) = change_occurrences(IDS, checkout, checkout, [effect], T0 + timedelta(seconds=9))
    told: list[Any] = []
    controller.listeners.append(lambda checkout, effects: told.append(effects))
    (page,) = pages.open()
    assert page.detail == "S99999: expired 2020-01-01 (x)"  # not in the catalog: as paged
    pages.clear(page.key, "s-1", "remote")
    assert told == [[]]  # the station link and the screens hear of it
    conn = connect(tmp_path / "lane.sqlite3", migrate=False)
    found = [e for e in queued_events(conn) if e["type"].startswith("intervention.")]
    assert [e["type"] for e in found] == ["intervention.staff_arrived", "intervention.resolved"]
    assert {e["data"]["intervention_id"] for e in found} == {raised.data["intervention_id"]}
    with pytest.raises(KeyError):
        pages.clear(page.key, "s-1", "remote")
    assert pages_in(tmp_path / "lane.sqlite3")[0].open() == ()


def test_at_most_max_open_pages_are_kept_the_oldest_going_first(tmp_path: Path) -> None:
    pages, controller = pages_in(tmp_path / "lane.sqlite3")
    for n in range(MAX_OPEN + 3):
        at = T0 + timedelta(seconds=n)
        effect = refused(InterventionKind.EXPIRED_ITEM, f"S00001: expired n{n}", at)
        controller.listeners[0](controller.checkout, [effect])
    kept = pages.open()
    assert len(kept) == MAX_OPEN
    assert kept[0].raised_at == T0 + timedelta(seconds=3)


def test_a_damaged_stored_value_reads_as_no_pages(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    good = {"basket_id": "b", "kind": "expired_item", "detail": "d", "raised_at": T0.isoformat()}
    naive = {**good, "raised_at": "2026-12-05T09:00:00"}
    set_state(conn, **{STATE_KEY: json.dumps([{"kind": "expired_item"}, naive, good])})
    assert [p.basket_id for p in pages_in(tmp_path / "lane.sqlite3")[0].open()] == ["b"]
    set_state(conn, **{STATE_KEY: "{not json"})
    assert pages_in(tmp_path / "lane.sqlite3")[0].open() == ()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)
FIELDS = st.fixed_dictionaries(
    {k: JSON | st.text(max_size=40) for k in ("basket_id", "kind", "detail", "raised_at")}
)


@settings(max_examples=300)
@given(
    st.one_of(
        st.none(),
        st.text(max_size=200),
        JSON.map(json.dumps),
        st.lists(FIELDS, max_size=3).map(json.dumps),
    )
)
def test_garbage_in_the_store_never_raises(text: str | None) -> None:
    pages = _loaded(text)
    assert all(p.raised_at.tzinfo is not None for p in pages)
