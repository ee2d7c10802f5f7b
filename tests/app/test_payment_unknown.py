"""An unknown card outcome is never retried by the lane: it waits for an attendant, whose
verdict goes into the payment journal (real flow, nexo simulator, DESIGN.md invariant 3)."""

from __future__ import annotations

import dataclasses

import pytest
from app_fixtures import MILK, wait_for

from kiosk.app.attendant import AttendantError
from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import KioskConfig
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.domain.staff import Role, Staff
from kiosk.payment.journal import PaymentState
from kiosk.payment.sim.terminal import Scenario


def test_unknown_outcome_waits_for_staff_and_is_settled_once(
    rig_config: tuple[DemoRig, KioskConfig],
) -> None:
    rig, config = rig_config
    payment = dataclasses.replace(
        config.payment, payment_timeout_s=0.5, request_timeout_s=0.5, status_backoff_s=(0.05, 0.05)
    )
    lane = build_lane(dataclasses.replace(config, payment=payment), with_sync=False)
    assert lane.attendant is not None
    lane.attendant.staff_repo.add(Staff("s-2", "Sam", Role.SUPERVISOR), pin="2468")
    rig.terminal.queue(Scenario.HANG)  # the terminal never answers this one
    lane.start()
    try:
        wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
        basket_id = lane.controller.checkout.basket.basket_id
        paused = wait_for(
            lane,
            lambda c: c.phase is Phase.INTERVENTION,
            lambda: lane.controller.submit(PayRequested),
        )
        assert paused.pending is not None
        assert paused.pending.kind is InterventionKind.PAYMENT_UNKNOWN
        sent = [e for e in rig.terminal.ledger.entries() if e.category == "Payment"]
        assert len(sent) == 1  # no automatic second attempt

        lane.attendant.sign_in_pin("s-2", "2468")
        # the terminal is asked again and still says "in progress": no verdict is taken
        with pytest.raises(AttendantError, match="still working on it"):
            lane.attendant.resolve_pending(False, note="terminal shows no payment")
        assert lane.controller.checkout.phase is Phase.INTERVENTION
        assert [r.state for r in lane.payment_flow.journal.for_sale(basket_id)] == [
            PaymentState.UNKNOWN
        ]
        rig.terminal.power_cycle()  # the attendant switches the frozen terminal off and on
        lane.attendant.resolve_pending(False, note="terminal shows no payment")
        wait_for(lane, lambda c: c.phase is Phase.SHOPPING)
        rows = lane.payment_flow.journal.for_sale(basket_id)
        assert [r.state for r in rows] == [PaymentState.CANCELLED]  # the terminal's answer

        done = wait_for(
            lane, lambda c: c.phase is Phase.FINISHED, lambda: lane.controller.submit(PayRequested)
        )
        assert [p.outcome for p in done.payments][-1] == "approved"
    finally:
        lane.stop()
