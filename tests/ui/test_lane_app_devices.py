"""The whole lane behind the touchscreen, fed by the device simulators: codes go
through the simulated serial scanner (a real pty and the real driver), the weight
through the simulated Toledo scale, the payment through the nexo terminal
simulator over HTTP, and the receipt to the printer simulator."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.demo import DemoRig
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.domain.checkout.states import Phase
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L in the sample catalog
BEER = "8410148001135"  # age-restricted (18)


@pytest.fixture
def lane_and_rig(tmp_path: Path) -> Iterator[tuple[Lane, DemoRig]]:
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    store = dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3")
    ui = dataclasses.replace(config.ui, fullscreen=False)
    config = dataclasses.replace(config, store=store, ui=ui)
    conn = connect(config.store.path)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    conn.close()
    with DemoRig(tmp_path / "rig", with_hq=False) as rig:
        lane = build_lane(rig.configure(config), with_sync=False)
        yield lane, rig
        lane.stop()


def test_scans_from_the_scanner_reach_the_cart_and_a_card_pays(
    qtbot: Any, lane_and_rig: tuple[Lane, DemoRig]
) -> None:
    lane, rig = lane_and_rig
    window, presenter, attendant = open_lane_window(lane, show=False)
    qtbot.addWidget(window)
    assert attendant is not None
    qtbot.waitUntil(
        lambda: lane.device_status.get("scanner", "").startswith("ready"), timeout=10_000
    )

    rig.scanner.scan("]E0" + MILK)
    qtbot.waitUntil(lambda: len(presenter.checkout().basket.lines) == 1, timeout=10_000)
    assert window.navigator.current_name() == "scanning"

    # age-restricted: config/demo.toml adds it with its check pending, due at Pay
    rig.scanner.scan("]E0" + BEER)
    qtbot.waitUntil(lambda: len(presenter.checkout().basket.lines) == 2, timeout=10_000)
    assert presenter.checkout().phase is Phase.SHOPPING
    assert presenter.checkout().age_pending == (2,)
    # config/demo.toml weighs the bagging area: milk and beer go on its simulated scale
    rig.bag_scale.load_g = 1040 + 560
    qtbot.waitUntil(lambda: presenter.checkout().bagging.settled, timeout=10_000)

    screens = presenter._s  # the pay button of the real scanning screen
    screens.scanning.payRequested.emit()  # Pay waits for the age check
    qtbot.waitUntil(lambda: presenter.checkout().phase is Phase.INTERVENTION, timeout=10_000)
    assert window.navigator.current_name() == "scanning"  # under the blocking overlay

    from kiosk.domain.checkout.events import InterventionResolved
    from kiosk.domain.checkout.interventions import InterventionKind

    pending = presenter.checkout().pending
    assert pending is not None
    assert pending.kind is InterventionKind.AGE_RESTRICTED
    lane.controller.submit(
        lambda at: InterventionResolved(pending.kind, "s-1", True, at, id_seen=True)
    )
    qtbot.waitUntil(lambda: presenter.checkout().phase is Phase.SHOPPING, timeout=10_000)
    assert presenter.checkout().age_pending == ()
    screens.scanning.payRequested.emit()  # checked: the shopper touches Pay again
    qtbot.waitUntil(lambda: presenter.checkout().phase is Phase.FINISHED, timeout=20_000)
    entry = rig.terminal.ledger.entries()[-1]
    total = presenter.checkout().totals().total.minor
    assert (entry.state, entry.amount_minor) == ("approved", total)
    presenter.detach()
    window.shutdown()
