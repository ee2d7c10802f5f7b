"""The shopper keeps scanning, by touch in the real lane window: an unknown item is put
aside and an age-restricted one is added with its check pending; Pay waits for the
attendant, who signs in on the lane's own keys and decides on the dashboard.

The lane is the one of :mod:`test_lane_touch` (``open_lane_window`` over a wiring ``Lane``
with a real ``AttendantService``, SQLite store and staff), with the store's choices
``unknown_barcode = "put_aside"`` and ``age_check = "before_payment"`` given to it on the
lane thread before the first scan; every touch checks ``QApplication.widgetAt`` first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from test_lane_touch import (
    BEER,
    BEER_SKU,
    MILK,
    MILK_SKU,
    UNKNOWN,
    Rig,
    audit,
    call_staff,
    ean13,
    on_top,
    open_rig,
    scan,
    sign_out,
    touch,
)

from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.ui.screens.receipt import RECEIPT_NONE

__all__ = ["open_rig"]  # the fixture, shared with test_lane_touch
KEEP_SCANNING = ShopperFlow(UnknownBarcode.PUT_ASIDE, AgeCheck.BEFORE_PAYMENT)


def keep_scanning(qtbot: Any, rig: Rig) -> None:
    """The store's flow, set on the lane thread as the lane builds it from its config."""
    controller = rig.lane.controller

    def apply() -> None:
        controller.settings = replace(controller.settings, flow=KEEP_SCANNING)
        controller.checkout = replace(controller.checkout, settings=controller.settings)

    controller.call(apply)
    qtbot.waitUntil(lambda: controller.checkout.settings.flow == KEEP_SCANNING)


def rows(rig: Rig) -> int:
    return rig.screens.scanning.cart.row_count()


def pay_and_finish(qtbot: Any, rig: Rig) -> None:
    """Touch Pay (the terminal approves), then "no receipt"; the sale is complete."""
    touch(qtbot, rig.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: rig.screen() == "receipt")
    touch(qtbot, rig.screens.receipt.buttons[RECEIPT_NONE])
    assert rig.screen() == "thanks"


def test_an_unknown_item_is_put_aside_and_added_by_the_attendant_before_paying(
    qtbot: Any, open_rig: Any
) -> None:
    """GIVEN a lane that puts unknown items aside, WHEN the shopper scans milk, an unknown
    item and milk again, THEN the unknown one is refused with "put it aside" and nothing
    stops the scanning; Pay calls the attendant, who keys the item in; then Pay pays."""
    rig = open_rig(["approve"])
    keep_scanning(qtbot, rig)
    scan(qtbot, rig, MILK, lambda: rows(rig) == 1)
    scan(qtbot, rig, UNKNOWN, lambda: len(rig.presenter.checkout().aside) == 1)
    toast = rig.screens.toast
    qtbot.waitUntil(toast.isVisible)
    assert toast.text() == "Put this item aside and keep scanning. An attendant will come."
    assert rig.window.blocking_overlay() is None  # the lane is not paused
    assert rig.phase() is Phase.SHOPPING
    scan(qtbot, rig, MILK, lambda: rows(rig) == 2)  # the shopper keeps scanning
    touch(qtbot, rig.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.UNKNOWN_BARCODE)
    assert rig.phase() is Phase.INTERVENTION  # no payment was started
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.approve_button.text() == "Key in the item"
    touch(qtbot, dashboard.approve_button)
    for key in MILK:
        touch(qtbot, dashboard.entry.keypad.button(key))
    touch(qtbot, dashboard.entry.ok_button)
    qtbot.waitUntil(lambda: len(rig.service.checkout.basket.active_lines) == 3)
    checkout = rig.service.checkout
    assert checkout.aside == ()
    assert checkout.basket.lines[-1].scanned_code == UNKNOWN  # the code put aside
    assert checkout.interventions[-1].kind is InterventionKind.UNKNOWN_BARCODE
    assert checkout.interventions[-1].resolution == "approved"
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rows(rig) == 3)
    pay_and_finish(qtbot, rig)
    sale = rig.lane.controller.last_document
    assert sale is not None
    assert [line["sku"] for line in sale["lines"]] == [MILK_SKU] * 3
    assert [i["kind"] for i in sale["interventions"]] == ["unknown_barcode"]


def test_an_item_put_aside_and_set_aside_by_the_attendant_is_not_sold(
    qtbot: Any, open_rig: Any
) -> None:
    rig = open_rig(["approve"])
    keep_scanning(qtbot, rig)
    scan(qtbot, rig, UNKNOWN, lambda: len(rig.presenter.checkout().aside) == 1)
    scan(qtbot, rig, MILK, lambda: rows(rig) == 1)
    touch(qtbot, rig.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.UNKNOWN_BARCODE)
    call_staff(qtbot, rig)
    assert rig.attendant.dashboard.deny_button.text() == "Set aside"
    touch(qtbot, rig.attendant.dashboard.deny_button)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    assert rig.service.checkout.aside == ()
    sign_out(qtbot, rig)
    pay_and_finish(qtbot, rig)
    sale = rig.lane.controller.last_document
    assert sale is not None
    assert [line["sku"] for line in sale["lines"]] == [MILK_SKU]
    assert [i["resolution"] for i in sale["interventions"]] == ["denied"]


def test_an_age_check_pending_is_approved_at_pay(qtbot: Any, open_rig: Any) -> None:
    """GIVEN a lane that checks age before payment, WHEN the shopper scans beer and milk,
    THEN the beer is in the cart marked "age check needed" and scanning goes on; Pay
    calls the attendant for the age check, "ID seen" clears it, and Pay pays."""
    rig = open_rig(["approve"])
    keep_scanning(qtbot, rig)
    scan(qtbot, rig, BEER, lambda: rows(rig) == 1)
    assert rig.window.blocking_overlay() is None
    cart = rig.screens.scanning.cart
    assert cart.texts(1).detail.endswith("age check needed")
    scan(qtbot, rig, MILK, lambda: rows(rig) == 2)
    assert not cart.texts(2).detail.endswith("age check needed")
    touch(qtbot, rig.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    assert rig.phase() is Phase.INTERVENTION
    call_staff(qtbot, rig)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Age check"
    touch(qtbot, dashboard.id_seen_button)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    assert rig.service.checkout.age_pending == ()
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: not cart.texts(1).detail.endswith("age check needed"))
    pay_and_finish(qtbot, rig)
    sale = rig.lane.controller.last_document
    assert sale is not None
    assert [line["sku"] for line in sale["lines"]] == [BEER_SKU, MILK_SKU]
    assert [i["kind"] for i in sale["interventions"]] == ["age_restricted"]
    (approval,) = audit(rig.db, "approve_age")
    assert (approval["staff_id"], approval["id_seen"]) == ("s-1", True)


def test_an_age_check_refused_at_pay_removes_the_item(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig(["approve"])
    keep_scanning(qtbot, rig)
    scan(qtbot, rig, MILK, lambda: rows(rig) == 1)
    scan(qtbot, rig, BEER, lambda: rows(rig) == 2)
    touch(qtbot, rig.screens.scanning.pay_button)
    qtbot.waitUntil(lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    call_staff(qtbot, rig)
    touch(qtbot, rig.attendant.dashboard.deny_button)
    qtbot.waitUntil(lambda: rig.service.checkout.pending is None)
    checkout = rig.service.checkout
    assert [ln.item.sku for ln in checkout.basket.active_lines] == [MILK_SKU]
    assert checkout.basket.line(2).voided
    assert [(a.action, a.reason) for a in checkout.audit] == [("void_line", "age check refused")]
    sign_out(qtbot, rig)
    cart = rig.screens.scanning.cart
    qtbot.waitUntil(lambda: cart.texts(2).detail == "Removed")
    on_top(rig.screens.scanning.pay_button)
    pay_and_finish(qtbot, rig)
    sale = rig.lane.controller.last_document
    assert sale is not None
    assert sale["totals"]["total"] == 95
    assert [a["action"] for a in sale["audit"]] == ["void_line"]


def test_the_attendant_deals_with_the_items_put_aside_while_the_shopper_scans(
    qtbot: Any, open_rig: Any
) -> None:
    """GIVEN two unknown items put aside, WHEN a supervisor's badge opens the dashboard,
    THEN it lists both codes; "Key in the item" adds the oldest as milk, "Do not add"
    dismisses the other, and the shopper then pays with no pause."""
    rig = open_rig(["approve"])
    keep_scanning(qtbot, rig)
    other = ean13("841999999998")  # another good barcode the catalog does not have
    scan(qtbot, rig, UNKNOWN, lambda: len(rig.presenter.checkout().aside) == 1)
    scan(qtbot, rig, other, lambda: len(rig.presenter.checkout().aside) == 2)
    scan(qtbot, rig, MILK, lambda: rows(rig) == 1)
    rig.lane.badge_listeners[0]("STF0002")  # a supervisor's badge at the scanner
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.attendant.dashboard.name)
    dashboard = rig.attendant.dashboard
    assert dashboard.pending_title.text() == "Put aside by the shopper: 2"
    assert dashboard.pending_detail.text() == f"{UNKNOWN}, {other}"
    assert dashboard.approve_button.text() == "Key in the item"
    touch(qtbot, dashboard.approve_button)
    for key in MILK:
        touch(qtbot, dashboard.entry.keypad.button(key))
    touch(qtbot, dashboard.entry.ok_button)
    qtbot.waitUntil(lambda: dashboard.pending_title.text() == "Put aside by the shopper: 1")
    assert dashboard.pending_detail.text() == other
    assert rig.service.checkout.phase is Phase.SHOPPING  # the shopper was never stopped
    assert dashboard.deny_button.text() == "Do not add"
    touch(qtbot, dashboard.deny_button)
    qtbot.waitUntil(lambda: dashboard.pending_title.text() == "Nothing is waiting for you.")
    checkout = rig.service.checkout
    assert checkout.aside == ()
    assert [(r.resolution, r.staff_id) for r in checkout.interventions] == [
        ("approved", "s-2"),
        ("denied", "s-2"),
    ]
    qtbot.waitUntil(lambda: len(audit(rig.db, "set_quantity")) == 2)
    rows_ = audit(rig.db, "set_quantity")
    assert [(r["staff_id"], r["approved"], r["put_aside"]) for r in rows_] == [
        ("s-2", True, True),
        ("s-2", False, True),
    ]
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rows(rig) == 2)
    pay_and_finish(qtbot, rig)
    sale = rig.lane.controller.last_document
    assert sale is not None
    assert [line["sku"] for line in sale["lines"]] == [MILK_SKU, MILK_SKU]
