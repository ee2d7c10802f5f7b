"""The demo's bagging area from the console: the DemoRig's bagging-scale simulator on a pty
is the lane's ``[bagging] scale`` when bagging is enabled; ``bag GRAMS`` sets what it
weighs, ``skip-bagging`` touches "Skip bagging"; a whole basket is bagged and paid at the
rig's card terminal, with an unexpected item taken out again on the way."""

from __future__ import annotations

import dataclasses

from app_fixtures import MILK, wait_for

from kiosk.app.console import LaneConsole
from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import KioskConfig
from kiosk.config.bagging import BaggingConfig
from kiosk.domain.checkout.interventions import InterventionKind as K


def set_bag(rig: DemoRig, grams: int, moving: bool) -> None:
    rig.bag_scale.load_g = grams
    rig.bag_scale.motion = moving


def test_bag_a_basket_from_the_console(rig_config: tuple[DemoRig, KioskConfig]) -> None:
    rig, config = rig_config
    bagging = BaggingConfig(enabled=True, item_weights={"S00001": 1040}, settle_timeout_s=600)
    configured = rig.configure(dataclasses.replace(config, bagging=bagging))
    devices = tuple(d for d in configured.devices if d.name == "bagging")
    assert [(d.type, d.port) for d in devices] == [("scale", rig.bag_port.path)]
    lane = build_lane(dataclasses.replace(configured, devices=devices), with_sync=False)
    lines: list[str] = []
    console = LaneConsole(lane, lines.append, bag=lambda g, m: set_bag(rig, g, m))
    lane.start()
    try:
        first = f"bag 35\n{MILK}\nwait shopping 20\npay\nexpect bagging.settle_first 20\nbag 1080"
        assert console.run(first.splitlines()) == 0, lines
        wait_for(lane, lambda c: c.bagging is not None and c.bagging.settled)  # milk placed
        then = "bag 1600\nwait intervention 20\nbag 1080\nwait shopping 20\npay\nwait finished 30"
        assert console.run(then.splitlines()) == 0, lines
    finally:
        lane.stop()
    sale = lane.controller.last_document
    assert sale is not None
    kinds = [i.kind for i in lane.controller.checkout.interventions]
    assert kinds == [K.BAGGING_UNEXPECTED_ITEM]
