"""The bagging area on the real scanning screen, by touch: after a scan the shopper is
asked to place the item; a large item offers "Skip bagging", which a touch (through
``QApplication.widgetAt``) sends to the lane; Pay waits until the bag is settled."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from test_lane_touch import MILK, MILK_SKU, open_rig, scan, touch  # noqa: F401 (fixture)

from kiosk.domain.bagging import BaggingPolicy
from kiosk.domain.checkout.machine import Checkout


def with_bagging(rig: Any, policy: BaggingPolicy) -> None:
    """The running lane's checkout, now with a bagging area (applied on the lane thread)."""
    controller = rig.lane.controller
    done = threading.Event()

    def apply() -> None:
        controller.settings = replace(controller.settings, bagging=policy)
        basket_id = controller.checkout.basket.basket_id
        controller.checkout = Checkout.start(controller.settings, basket_id)
        done.set()

    controller.call(apply)
    assert done.wait(10)


def test_skip_bagging_by_touch(qtbot: Any, open_rig: Any) -> None:  # noqa: F811
    rig = open_rig()
    policy = BaggingPolicy(enabled=True, item_weights={MILK_SKU: 1040},
                           no_bag_skus=frozenset({MILK_SKU}))  # fmt: skip
    with_bagging(rig, policy)
    scanning = rig.screens.scanning
    scan(qtbot, rig, MILK, lambda: scanning.bagging_text() != "")
    assert scanning.bagging_text() == "Place the item in the bagging area"
    assert not scanning.pay_button.isEnabled()  # the bag first
    touch(qtbot, scanning.skip_bagging_button)
    qtbot.waitUntil(lambda: scanning.bagging_text() == "")
    bag = rig.lane.controller.checkout.bagging
    assert bag is not None
    assert bag.settled
    assert scanning.pay_button.isEnabled()


def test_no_skip_for_an_item_that_must_be_bagged(qtbot: Any, open_rig: Any) -> None:  # noqa: F811
    rig = open_rig()
    with_bagging(rig, BaggingPolicy(enabled=True, item_weights={MILK_SKU: 1040}))
    scanning = rig.screens.scanning
    scan(qtbot, rig, MILK, lambda: scanning.bagging_text() != "")
    assert not scanning.skip_bagging_button.isVisible()
    assert not scanning.pay_button.isEnabled()
