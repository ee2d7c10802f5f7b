"""2D codes at the real lane: GS1 DataMatrix (``]d2``), GS1 QR (``]Q3``) and a QR with a
GS1 Digital Link (``]Q1``) sent by the scanner simulator over a real pty through the
serial driver are priced like the EAN of the same GTIN; the 1D and 2D codes of one pack
count once; expired packs, recalled batches and beer outside its hours are refused.
The lane runs on a clock the test sets (the one clock, passed to ``build_lane``)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.demo import DemoRig
from kiosk.app.service_events import Ids, change_occurrences
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.config.sale_rules import SaleHoursConfig
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.gs1.element_string import GS
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.recalls import RecallRepository

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L, 0.95
MILK14 = "0" + MILK
BEER = "8410148001135"  # Valle Sur lager 330 ml, 0.79, category beer_wine, 18+
# Saturday 5 December 2026, 10:00 in Madrid
MORNING = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


class SetClock:
    """The lane's clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[tuple[Lane, DemoRig, SetClock, list[list[Any]]]]:
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    db = tmp_path / "lane.sqlite3"
    clock = SetClock(MORNING)
    with DemoRig(tmp_path / "rig", with_hq=False) as demo:
        config = demo.configure(config)
        hours = SaleHoursConfig("beer_wine", "mon-sat", "08:00-22:00")
        config = dataclasses.replace(
            config,
            store=dataclasses.replace(config.store, path=db),
            devices=tuple(d for d in config.devices if d.type == "scanner"),
            bagging=dataclasses.replace(config.bagging, enabled=False),
            lane=dataclasses.replace(config.lane, timezone="Europe/Madrid", markdown_days=1),
            sale_hours=(hours,),
        )
        conn = connect(db)
        import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
        RecallRepository(conn).apply_changes([(MILK14, "BAD1", 1)], [], 1)
        conn.close()
        lane = build_lane(config, clock=clock, with_sync=False)
        seen: list[list[Any]] = []
        lane.controller.listeners.append(lambda checkout, effects: seen.append(effects))
        lane.start()
        try:
            wait(lambda: lane.device_status.get("scanner", "").startswith("ready"))
            yield lane, demo, clock, seen
        finally:
            lane.stop()


def wait(until: Any, timeout: float = 20) -> None:
    done = threading.Event()

    def poll() -> None:
        while not done.is_set() and not until():
            done.wait(0.02)
        done.set()

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    thread.join(timeout)
    done.set()
    assert until(), "the lane did not get there"


def answered(lane: Lane, seen: list[list[Any]], count: int) -> list[Any]:
    """Wait for the ``count``-th broadcast and return its effects."""
    wait(lambda: len(seen) >= count)
    return seen[count - 1]


def messages(effects: list[Any]) -> list[str]:
    return [e.key for e in effects if isinstance(e, fx.ShowMessage)]


def lines(lane: Lane) -> list[Any]:
    return list(lane.controller.checkout.basket.active_lines)


def datamatrix(expiry: str = "271231", batch: str = "L1", serial: str = "S1") -> str:
    return f"]d2{GS}01{MILK14}17{expiry}10{batch}{GS}21{serial}"


@pytest.mark.parametrize(
    "code",
    [
        datamatrix(),
        f"]Q3{GS}01{MILK14}3103000950" + "17271231" + f"10L2{GS}21S2",
        f"]Q3(01){MILK14}(17)271231(10)L3(21)S3",  # what some scanners send: HRI
        f"]Q1https://id.gs1.org/01/{MILK14}/10/L4/21/S4?17=271231",
        f"]d2{GS}01{MILK14}",
        f"]d2{GS}01{MILK14}17271231" + f"3922000120{GS}10L5",  # a price in the code: ignored
    ],
    ids=["datamatrix", "gs1-qr", "gs1-qr-hri", "digital-link", "gtin-only", "with-3922"],
)
def test_2d_codes_are_priced_like_the_ean(rig: Any, code: str) -> None:
    lane, demo, clock, seen = rig
    demo.scanner.scan("]E0" + MILK)
    answered(lane, seen, 1)
    clock.advance(60)  # not the same pack: another one, later
    demo.scanner.scan(code)
    effects = answered(lane, seen, 2)
    assert messages(effects) == [], effects
    ean, matrix = lines(lane)
    assert matrix.unit_price == ean.unit_price
    assert matrix.item.sku == ean.item.sku == "S00001"
    assert matrix.scanned_code == MILK14  # the GTIN, not the element string


def test_the_1d_and_2d_codes_of_one_pack_count_once(rig: Any) -> None:
    lane, demo, clock, seen = rig
    demo.scanner.scan("]E0" + MILK)
    answered(lane, seen, 1)
    clock.advance(1.0)
    demo.scanner.scan(datamatrix())
    assert messages(answered(lane, seen, 2)) == ["already_scanned"]
    assert [line.quantity for line in lines(lane)] == [1]
    clock.advance(0.5)
    demo.scanner.scan("]E0" + MILK)  # a second pack scanned by its EAN
    answered(lane, seen, 3)
    assert sum(line.quantity for line in lines(lane)) == 2  # a line each, or "2 x"


def test_expired_recalled_and_after_hours_are_refused(rig: Any) -> None:
    lane, demo, clock, seen = rig
    demo.scanner.scan(datamatrix(expiry="261204"))  # yesterday in Madrid
    effects = answered(lane, seen, 1)
    assert messages(effects) == ["item_expired"]
    assert any(
        isinstance(e, fx.CallAttendant) and e.kind is InterventionKind.EXPIRED_ITEM for e in effects
    )
    demo.scanner.scan(datamatrix(batch="BAD1"))
    effects = answered(lane, seen, 2)
    assert messages(effects) == ["item_recalled"]
    checkout: Checkout = lane.controller.checkout
    found = change_occurrences(Ids("store-001", "lane-01"), checkout, checkout, effects, clock.now)
    assert [(o.type, o.data["kind"]) for o in found] == [("intervention.raised", "recalled_item")]

    clock.now = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)  # 23:00 in Madrid
    demo.scanner.scan("]E0" + BEER)
    refused = [e for e in answered(lane, seen, 3) if isinstance(e, fx.ShowMessage)]
    assert [(m.key, dict(m.params)["hours"]) for m in refused] == [
        ("item_sale_hours", "08:00-22:00")
    ]
    assert lines(lane) == []
