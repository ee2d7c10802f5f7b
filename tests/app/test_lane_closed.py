"""A lane closed by a supervisor takes no scans until it is opened again (through the
real wiring: the attendant service's lane flags drive the controller)."""

from __future__ import annotations

from typing import Any

from app_fixtures import MILK, wait_for

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout import effects as fx
from kiosk.domain.staff import Role, Staff


def test_closed_lane_refuses_scans_until_opened(rig_config: tuple[DemoRig, KioskConfig]) -> None:
    _, config = rig_config
    lane = build_lane(config, with_sync=False)
    assert lane.attendant is not None
    lane.attendant.staff_repo.add(Staff("s-2", "Sam", Role.SUPERVISOR), pin="2468")
    messages: list[str] = []

    def listen(checkout: Any, effects: list[Any]) -> None:
        messages.extend(e.key for e in effects if isinstance(e, fx.ShowMessage))

    lane.controller.listeners.append(listen)
    lane.start()
    try:
        lane.attendant.sign_in_pin("s-2", "2468")
        assert lane.attendant.set_lane_open(False, "end of day").closed
        lane.controller.scan(MILK)
        wait_for(lane, lambda c: "lane.closed" in messages)
        assert lane.controller.checkout.basket.lines == ()

        lane.attendant.set_lane_open(True)
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
    finally:
        lane.stop()
    # A restart keeps the lane as staff left it.
    assert build_lane(config, with_sync=False).controller.accepting
