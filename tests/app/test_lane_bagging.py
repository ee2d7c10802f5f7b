"""The bagging area end to end: a real Toledo scale simulator on a pty as the lane's
"bagging" scale, the real wiring and controller, and the attendant service with a
signed-in staff member clearing a bagging intervention."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_fixtures import MILK, wait_for

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.config.bagging import BaggingConfig
from kiosk.config.devices import DeviceConfig
from kiosk.devices.scale.sim import ScaleSimulator, serve_pty
from kiosk.devices.sim.pty import VirtualPort
from kiosk.domain.bagging.replay import parse_recording, replay
from kiosk.domain.checkout.interventions import InterventionKind as K
from kiosk.domain.checkout.states import Phase
from kiosk.domain.staff import Role, Staff
from kiosk.threads import start_thread

MILK_SKU = "S00001"  # 8410000000016 in the sample catalog


@pytest.fixture
def bag_lane(
    rig_config: tuple[DemoRig, KioskConfig], tmp_path: Path
) -> Iterator[tuple[Lane, ScaleSimulator]]:
    _, config = rig_config
    sim = ScaleSimulator("toledo")
    port = VirtualPort(name="sim-bagging")
    port.plug()
    stop = threading.Event()
    start_thread("sim-bagging", lambda: serve_pty(sim, port, stop, 0.03))
    scale = DeviceConfig(
        name="bagging", type="scale", driver="toledo", port=port.path,
        options={"parity": "N", "bytesize": 8, "poll_interval_s": 0.05}, required=False,
    )  # fmt: skip
    bagging = BaggingConfig(
        enabled=True, scale="bagging", item_weights={MILK_SKU: 1040}, no_bag_skus=(MILK_SKU,),
        settle_timeout_s=600, record_sessions=str(tmp_path / "bagging.jsonl"),
    )  # fmt: skip
    config = dataclasses.replace(config, devices=(scale,), bagging=bagging)
    lane = build_lane(config, with_sync=False)
    assert lane.attendant is not None
    lane.attendant.staff_repo.add(Staff("s-2", "Sam", Role.SUPERVISOR), pin="2468")
    lane.start()
    try:
        yield lane, sim
    finally:
        lane.stop()
        stop.set()
        port.unplug()


def put(sim: ScaleSimulator, grams: int) -> None:
    sim.command(f"weight {grams}")


def test_scan_place_unexpected_removed_and_the_attendant_clears(
    bag_lane: tuple[Lane, ScaleSimulator],
) -> None:
    lane, sim = bag_lane
    put(sim, 40)  # the shopper's own bag, before the first scan
    wait_for(lane, lambda c: c.bagging is not None and c.bagging.baseline_g == 40)
    c = wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
    assert c.bagging is not None
    assert c.bagging.awaiting is not None  # "Place the item in the bagging area"

    put(sim, 1075)  # placed
    wait_for(lane, lambda c: c.bagging is not None and c.bagging.settled)

    put(sim, 1600)  # something else in the bag
    c = wait_for(lane, lambda c: c.pending is not None)
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_UNEXPECTED_ITEM
    put(sim, 1075)  # taken out again: no staff needed
    c = wait_for(lane, lambda c: c.phase is Phase.SHOPPING)
    assert c.interventions[-1].resolution == "corrected"

    put(sim, 40)  # the milk taken out of the bag
    c = wait_for(lane, lambda c: c.pending is not None)
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_ITEM_REMOVED
    attendant = lane.attendant
    assert attendant is not None
    attendant.sign_in_pin("s-2", "2468")
    after = attendant.resolve_pending(True)  # accept the bag as it is
    assert after.phase is Phase.SHOPPING
    assert after.interventions[-1].kind is K.BAGGING_ITEM_REMOVED
    assert after.interventions[-1].staff_id == "s-2"
    assert after.bagging is not None
    assert after.bagging.settled

    # The session was recorded; replayed under the lane's own policy it raises the same.
    drained = threading.Event()
    lane.controller.call(drained.set)  # the lane thread has written all it handled
    assert drained.wait(10)
    recording = Path(lane.config.bagging.record_sessions)
    records = parse_recording(recording.read_text(encoding="utf-8"))
    assert [r.event for r in records][:3] == ["bag", "sold", "bag"]
    report = replay(records, lane.config.bagging.policy())
    assert report.raised == {"bagging_unexpected_item": 1, "bagging_item_removed": 1}
    assert report.recorded_true == {"bagging_unexpected_item": 1}  # the shopper fixed it
    assert report.recorded_false == {"bagging_item_removed": 1}  # staff accepted the bag


def test_skip_bagging_then_pay_is_allowed(bag_lane: tuple[Lane, ScaleSimulator]) -> None:
    lane, sim = bag_lane
    put(sim, 0)
    c = wait_for(lane, lambda c: len(c.basket.lines) == 1, lambda: lane.controller.scan(MILK))
    assert c.bagging is not None
    assert c.bagging.awaiting is not None
    assert c.bagging.awaiting.skippable  # listed in no_bag_skus
    c = wait_for(lane, lambda c: c.bagging is not None and c.bagging.settled,
                 lane.controller.skip_bagging)  # fmt: skip
    assert c.phase is Phase.SHOPPING
