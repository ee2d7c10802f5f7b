"""Offers imported at HQ reach a running self-checkout lane and price its next basket:
``kiosk hq offers import`` on a real HQ server, the lane's own sync round pulls them into
its store, the journey re-reads them on the lane thread (the basket already open keeps
the offers it opened with), and three scans of the same milk cost two (3 for 2)."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "app"))

from app_fixtures import MILK, rig_config, wait_for  # noqa: F401
from hq_fixtures import LANE, STORE
from lane_helpers import sync_config
from lane_helpers import wait_for as wait_until

from kiosk.app.wiring import build_lane
from kiosk.cli import main
from kiosk.domain.checkout.events import Cancelled
from kiosk.domain.checkout.states import Phase

OFFERS = {
    "offers": [
        {"offer_id": "milk-3for2", "name": "Milk 3 for 2", "kind": "multi_buy",
         "skus": ["S00001"], "quantity": 3, "pay_units": 2},
    ],
}  # fmt: skip


def _scan_three(lane):
    for _ in range(3):
        lane.controller.scan(MILK)
    return wait_for(lane, lambda c: sum(line.quantity for line in c.basket.lines) == 3)


def test_offers_from_hq_price_the_lanes_next_basket(
    rig_config,  # noqa: F811
    hq_server,
    hq_url,
    lane_token,
    tmp_path,
):
    _rig, config = rig_config
    # the lane's sync thread pulls the catalog (and offers) every second
    sync = sync_config(hq_server.url, lane_token, catalog_interval_s=1.0)
    identity = dataclasses.replace(config.lane, store_id=STORE, lane_id=LANE)  # the token's
    config = dataclasses.replace(config, sync=sync, lane=identity)
    lane = build_lane(config)
    lane.start()
    try:
        before = _scan_three(lane)
        assert before.totals().savings.minor == 0  # no offers yet

        offers = tmp_path / "offers.json"
        offers.write_text(json.dumps(OFFERS), encoding="utf-8")
        assert main(["hq", "--database-url", hq_url, "offers", "import", str(offers)]) == 0
        wait_until(lambda: bool(lane.controller.settings.offers.offers), what="offers pulled")
        # the open basket keeps the offers it opened with
        assert lane.controller.checkout.totals().savings.minor == 0

        # the shopper gives up; the next one's basket is priced with the new offer
        lane.controller.submit(lambda at: Cancelled(at, reason="test"))
        wait_for(lane, lambda c: c.phase is not Phase.SHOPPING)
        lane.controller.reset()
        wait_for(lane, lambda c: c.phase is Phase.IDLE and not c.basket.lines)
        after = _scan_three(lane)
        assert after.totals().savings.minor == 95  # one milk of three at 0.95
    finally:
        lane.stop()
