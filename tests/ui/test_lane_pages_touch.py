"""A refused pack and a coupon on the attendant's dashboard, by touch in the real lane
window (the lane of :mod:`test_lane_touch`, with the self-checkout's refused packs' pages
and the store's coupon list wired as ``build_lane`` wires them).

The shopper scans a milk, a coupon for it and an expired pack: the pack is refused and
the shopper goes on, not paused. A supervisor's badge opens the dashboard: the basket
lists the coupon with what it saves, the page says to take the expired item away with the
product's name; "Taken away" closes it, with a lane audit row and one intervention in the
service events, resolved ``at_lane``. Every touch checks ``QApplication.widgetAt`` first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_lane_touch import MILK, MILK_SKU, Rig, audit, on_top, open_rig, scan, sign_out, touch

from kiosk.app.pack_pages import PackPages, name_in
from kiosk.app.service_events import Ids
from kiosk.domain.checkout.states import Phase
from kiosk.domain.gs1.element_string import GS
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import CouponOffer, Requirement, SaveKind, encode_store_coupon
from kiosk.store.coupons import CouponRepository
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events
from kiosk.ui.format import format_money

__all__ = ["open_rig"]  # the fixture, shared with test_lane_touch
EXPIRED = f"]d2{GS}010{MILK}17200101" + f"10L1{GS}21S1"  # the milk, expired 1 Jan 2020
COUPON = encode_store_coupon("42", "10")  # "0.30 off" with a milk


def with_pages_and_coupons(qtbot: Any, rig: Rig) -> None:
    """As the self-checkout's journey wires its lane: the refused packs' pages followed,
    the store's coupon list (one offer) read by the controller."""
    offer = CouponOffer("store:00042", "0.30 off", SaveKind.AMOUNT_OFF, 30,
                        (Requirement(1, skus=frozenset({MILK_SKU})),))  # fmt: skip
    CouponRepository(connect(rig.db, migrate=False)).apply_changes([(offer, 1)], [], [], [], 1)
    controller = rig.lane.controller
    pages = PackPages(
        connect(rig.db, migrate=False), Ids("store-1", "lane-1"), rig.clock,
        name_in(controller.catalog),
    )  # fmt: skip
    pages.attach(controller)
    coupons = CouponRepository(connect(rig.db, migrate=False))
    controller.call(lambda: setattr(controller, "coupons", coupons))
    qtbot.waitUntil(lambda: controller.coupons is coupons)


def events(db: Path, kind: str) -> list[dict[str, Any]]:
    conn = connect(db, migrate=False)
    try:
        return [e for e in queued_events(conn) if e["type"] == kind]
    finally:
        conn.close()


def test_an_expired_pack_is_taken_away_and_the_coupon_shows_on_the_dashboard(
    qtbot: Any, open_rig: Any, tmp_path: Path
) -> None:
    rig = open_rig(["approve"])
    with_pages_and_coupons(qtbot, rig)
    controller = rig.lane.controller
    scan(qtbot, rig, MILK, lambda: len(controller.checkout.basket.lines) == 1)
    scan(qtbot, rig, COUPON, lambda: controller.checkout.basket.coupons is not None)
    scan(qtbot, rig, EXPIRED, lambda: len(controller.pack_pages.open()) == 1)
    assert rig.phase() is Phase.SHOPPING  # refused, not paused
    assert rig.window.blocking_overlay() is None

    rig.lane.badge_listeners[0]("STF0002")  # a supervisor's badge at the scanner
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.dashboard.name)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Expired item refused: take it away"
    assert "Semi-skimmed milk 1 L" in dashboard.pending_detail.text()
    assert "expired 2020-01-01" in dashboard.pending_detail.text()
    assert not dashboard.deny_button.isVisible()
    saving = format_money(Money(30, "EUR"), "en")
    coupons = dashboard.basket.coupons
    assert coupons.text() == f"Coupon: 0.30 off, saves {saving}"
    on_top(coupons)
    dashboard.grab().save(str(tmp_path / "dashboard-page.png"))

    assert dashboard.approve_button.text() == "Taken away"
    touch(qtbot, dashboard.approve_button)
    qtbot.waitUntil(lambda: dashboard.pending_title.text() == "Nothing is waiting for you.")
    assert controller.pack_pages.open() == ()
    assert [(r["staff_id"], r["kind"], r["how"]) for r in audit(rig.db, "clear_page")] == [
        ("s-2", "expired_item", "at_lane")
    ]
    (resolved,) = events(rig.db, "intervention.resolved")
    assert resolved["data"]["how"] == "at_lane"
    assert resolved["data"]["outcome"] == "taken_away"

    qtbot.waitUntil(lambda: dashboard.basket.row(1).void_button.isVisible())  # noqa: PLW0108 (rows are redrawn: looked up each time)
    touch(qtbot, dashboard.basket.row(1).void_button)  # the milk goes: the coupon waits
    qtbot.waitUntil(lambda: "needs a purchase first" in coupons.text())
    assert coupons.text() == "Coupon: 0.30 off, needs a purchase first"
    sign_out(qtbot, rig)
