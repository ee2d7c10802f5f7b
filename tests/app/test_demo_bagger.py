"""The window demo's shopper at the bagging area (kiosk.app.demo_bagging): on a lane built
as ``kiosk run`` builds it over the demo's config, its bagging scale the demo's Toledo
simulator on a pty, each item sold is put on the simulated scale by itself (its
catalog weight from config/demo.toml), the lane reads it through the real driver and
lets the shopper pay; when the sale is over the bags are lifted."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

from kiosk import clock
from kiosk.app.demo import DemoRig
from kiosk.app.demo_bagging import DemoBagger
from kiosk.app.wiring import build_lane
from kiosk.config import load_config
from kiosk.domain.checkout.events import PayRequested
from kiosk.domain.checkout.states import Phase
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # 1040 g in config/demo.toml [bagging] item_weights
YOGHURT = "8410074000219"  # 520 g


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = clock.monotonic() + timeout
    while not condition():
        assert clock.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_demo_shopper_bags_each_item_and_lifts_the_bags(tmp_path: Path) -> None:
    db = tmp_path / "lane.sqlite3"
    conn = connect(db)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    conn.close()
    with DemoRig(tmp_path / "rig", with_hq=False) as rig:
        config = rig.configure(load_config(ROOT / "config" / "demo.toml", environ={}))
        config = dataclasses.replace(
            config,
            store=dataclasses.replace(config.store, path=db),
            devices=tuple(d for d in config.devices if d.name == config.bagging.scale),
        )
        lane = build_lane(config, with_sync=False)
        controller = lane.controller
        controller.listeners.append(DemoBagger(rig.bag_scale, delay_s=0.05))
        lane.start()
        try:
            wait_until(lambda: controller.checkout.bagging.last_g == 0)
            controller.scan(MILK)
            controller.scan(YOGHURT)
            wait_until(lambda: len(controller.checkout.basket.lines) == 2)
            wait_until(lambda: controller.checkout.bagging.placed_g == 1040 + 520)
            bag = controller.checkout.bagging
            assert bag.settled
            assert bag.alarm is None
            assert rig.bag_scale.load_g == 1560
            controller.submit(PayRequested)  # the demo's terminal simulator approves
            wait_until(lambda: controller.checkout.phase is Phase.FINISHED)
            wait_until(lambda: rig.bag_scale.load_g == 0)
            assert controller.checkout.pending is None
        finally:
            lane.stop()
