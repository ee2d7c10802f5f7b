"""An age check pending survives a restart, through the real lane (``build_lane``, the
SQLite journal, the terminal simulator): the basket comes back with its restricted line
still waiting for the check, and Pay asks for it before any card is charged."""

from __future__ import annotations

import dataclasses

from app_fixtures import MILK, wait_for

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.interventions import CheckAge, InterventionKind
from kiosk.domain.checkout.states import Phase

BEER = "8410148001135"  # S00113 in the sample catalog, age 18


def test_a_pending_age_check_is_asked_after_a_restart(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    rig, config = rig_config
    lane_section = dataclasses.replace(config.lane, age_check="before_payment")
    config = dataclasses.replace(config, lane=lane_section)
    lane = build_lane(config, with_sync=False)
    lane.start()
    try:
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(BEER))
        checkout = wait_for(
            lane, lambda c: len(c.basket.lines) == 2, lambda: lane.controller.scan(MILK)
        )
        assert checkout.phase is Phase.SHOPPING  # the shopper was not stopped
        assert checkout.age_pending == (1,)
        basket_id = checkout.basket.basket_id
    finally:
        lane.stop()  # the lane goes away with the check still pending

    again = build_lane(config, with_sync=False)
    again.start()
    try:
        restored = again.controller.checkout
        assert restored.basket.basket_id == basket_id
        assert restored.age_pending == (1,)
        paused = wait_for(
            again,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: again.controller.submit(PayRequested),
        )
    finally:
        again.stop()
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.AGE_RESTRICTED
    assert paused.pending.action == CheckAge((1,), 18)
    charges = [e for e in rig.terminal.ledger.entries() if e.category == "Payment"]
    assert charges == []  # no card was asked for
