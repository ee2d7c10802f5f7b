"""Items put aside survive a restart, through the real lane (``build_lane``, the SQLite
journal): the basket comes back with them, and Pay asks the attendant about each before
any card is charged; the one Pay had paused for when the lane went away too."""

from __future__ import annotations

import dataclasses

from app_fixtures import MILK, wait_for

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase

UNKNOWN = "4006381333931"  # a good EAN-13 the sample catalog does not have
OTHER = "4012345000009"  # another


def test_items_put_aside_are_asked_about_after_a_restart(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    rig, config = rig_config
    lane_section = dataclasses.replace(config.lane, unknown_barcode="put_aside")
    config = dataclasses.replace(config, lane=lane_section)
    lane = build_lane(config, with_sync=False)
    lane.start()
    try:
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
        wait_for(lane, lambda c: len(c.aside) == 1, lambda: lane.controller.scan(UNKNOWN))
        before = wait_for(lane, lambda c: len(c.aside) == 2, lambda: lane.controller.scan(OTHER))
        # Pay pauses for the first: the lane goes away while it waits for the attendant
        paused = wait_for(
            lane,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: lane.controller.submit(PayRequested),
        )
        assert paused.pending == before.aside[0]
    finally:
        lane.stop()

    again = build_lane(config, with_sync=False)
    again.start()
    try:
        restored = again.controller.checkout
        assert restored.basket.basket_id == before.basket.basket_id
        assert restored.phase is Phase.SHOPPING
        assert restored.aside == before.aside  # both, the one paused for first
        asked = wait_for(
            again,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: again.controller.submit(PayRequested),
        )
    finally:
        again.stop()
    assert asked.pending is not None
    assert asked.pending.kind is InterventionKind.UNKNOWN_BARCODE
    assert asked.pending.detail == UNKNOWN
    assert [e for e in rig.terminal.ledger.entries() if e.category == "Payment"] == []
