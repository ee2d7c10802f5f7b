"""What the bagging area learned outlives a restart of the lane (kiosk.app.learned_weights,
kiosk.store.learned_weights): a lane built as ``kiosk run`` builds it, its bagging scale
the demo's Toledo simulator on a pty, learns the weight of an item the catalog gives no
weight for; after the lane is stopped and built again on the same file, that item is
checked against the learned range (a wrong weight is a mismatch), where a lane that had
forgotten it would take any weight."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk import clock
from kiosk.app.demo import DemoRig
from kiosk.app.wiring import build_lane
from kiosk.config import load_config
from kiosk.domain.checkout.events import Cancelled
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.states import Phase
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.learned_weights import LearnedWeightRepository

ROOT = Path(__file__).resolve().parents[2]
YOGHURT_1KG = "8410074000226"  # S00022: no weight in config/demo.toml's [bagging]
SKU = "S00022"


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = clock.monotonic() + timeout
    while not condition():
        assert clock.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def start_lane(tmp_path: Path) -> Iterator[tuple[DemoRig, Callable[[], Any]]]:
    db = tmp_path / "lane.sqlite3"
    conn = connect(db)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    conn.close()
    lanes: list[Any] = []
    with DemoRig(tmp_path / "rig", with_hq=False) as rig:

        def start() -> Any:
            config = rig.configure(load_config(ROOT / "config" / "demo.toml", environ={}))
            config = dataclasses.replace(
                config,
                store=dataclasses.replace(config.store, path=db),
                devices=tuple(d for d in config.devices if d.name == config.bagging.scale),
                bagging=dataclasses.replace(config.bagging, learn_min_samples=1),
            )
            lane = build_lane(config, with_sync=False)
            lane.start()
            lanes.append(lane)
            return lane

        yield rig, start
        for lane in lanes:
            lane.stop()


def test_a_learned_weight_is_used_after_the_lane_restarts(start_lane: Any) -> None:
    rig, start = start_lane
    # GIVEN a lane that learned one placement of the 1 kg yoghurt (1010 g)
    lane = start()
    controller = lane.controller
    wait_until(lambda: controller.checkout.bagging.last_g == 0)  # the empty bag is read
    controller.scan(YOGHURT_1KG)
    wait_until(lambda: controller.checkout.bagging.awaiting is not None)
    assert controller.checkout.bagging.awaiting.low_g is None  # unknown: any weight would do
    rig.bag_scale.load_g = 1010
    wait_until(lambda: controller.checkout.bagging.settled)
    wait_until(lambda: SKU in _stored(lane))
    assert (_stored(lane)[SKU].count, _stored(lane)[SKU].low) == (1, 1010)
    controller.submit(Cancelled)  # the shopper leaves; the lane stops
    wait_until(lambda: controller.checkout.phase in (Phase.IDLE, Phase.FINISHED))
    lane.stop()
    rig.bag_scale.load_g = 0  # the shopper took the bag

    # WHEN the lane is built again on the same file
    lane = start()
    controller = lane.controller
    wait_until(lambda: controller.checkout.bagging.last_g == 0)
    assert controller.checkout.bagging.book.get(SKU) == _stored(lane)[SKU]

    # THEN the yoghurt is expected to weigh what was learned, and 1400 g is a mismatch
    controller.scan(YOGHURT_1KG)
    wait_until(lambda: controller.checkout.bagging.awaiting is not None)
    assert (controller.checkout.bagging.awaiting.low_g,
            controller.checkout.bagging.awaiting.high_g) == (1010, 1010)  # fmt: skip
    rig.bag_scale.load_g = 1400
    wait_until(lambda: controller.checkout.pending is not None)
    assert controller.checkout.pending.kind is InterventionKind.BAGGING_WEIGHT_MISMATCH


def _stored(lane: Any) -> dict[str, Any]:
    conn = connect(lane.config.store.path, migrate=False)
    try:
        return dict(LearnedWeightRepository(conn).load().weights)
    finally:
        conn.close()


def test_after_a_basket_restored_from_a_crash_the_next_one_has_the_learned_weights(
    start_lane: Any,
) -> None:
    rig, start = start_lane
    # GIVEN a lane that learned the yoghurt and stopped with its basket still open
    lane = start()
    controller = lane.controller
    wait_until(lambda: controller.checkout.bagging.last_g == 0)
    controller.scan(YOGHURT_1KG)
    wait_until(lambda: controller.checkout.bagging.awaiting is not None)
    rig.bag_scale.load_g = 1010
    wait_until(lambda: SKU in _stored(lane))
    lane.stop()
    rig.bag_scale.load_g = 0
    # WHEN the lane comes back with that basket (restored without a bagging area) and
    # the shopper leaves it
    lane = start()
    controller = lane.controller
    wait_until(lambda: len(controller.checkout.basket.lines) == 1)
    assert controller.checkout.bagging is None
    controller.submit(Cancelled)
    wait_until(lambda: controller.checkout.phase is Phase.FINISHED)
    controller.reset()
    # THEN the next basket's bagging area knows the yoghurt's weight again
    wait_until(lambda: controller.checkout.phase is Phase.IDLE)
    wait_until(lambda: controller.checkout.bagging.book.get(SKU) is not None)
    controller.scan(YOGHURT_1KG)
    wait_until(lambda: controller.checkout.bagging.awaiting is not None)
    waiting = controller.checkout.bagging.awaiting
    assert (waiting.low_g, waiting.high_g) == (1010, 1010)
