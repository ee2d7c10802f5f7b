"""Shared pieces of the lane tests: a lane configuration on the device simulators."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from money import money_mismatches

from kiosk.app.demo import DemoRig
from kiosk.app.wiring import Lane
from kiosk.config import KioskConfig, load_config
from kiosk.domain.checkout.machine import Checkout
from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect

ROOT = Path(__file__).resolve().parents[2]
MILK = "8410000000016"  # Casa Mía semi-skimmed milk 1 L in the sample catalog


@pytest.fixture
def rig_config(tmp_path: Path) -> Iterator[tuple[DemoRig, KioskConfig]]:
    config = load_config(ROOT / "config" / "demo.toml", environ={})
    config = dataclasses.replace(
        config,
        store=dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3"),
        devices=(),
    )
    conn = connect(config.store.path)
    import_csv(conn, ROOT / "assets" / "catalog" / "sample_catalog.csv", progress=False)
    conn.close()
    with DemoRig(tmp_path / "rig", with_hq=False) as rig:
        yield rig, dataclasses.replace(rig.configure(config), devices=())
        # After every lane test with a card terminal: does the money add up?
        assert money_mismatches(config.store.path, rig.terminal.ledger) == []


def wait_for(lane: Lane, until: Any, action: Any = None, timeout: float = 20) -> Checkout:
    reached = threading.Event()

    def listener(checkout: Checkout, effects: list[Any]) -> None:
        if until(checkout):
            reached.set()

    lane.controller.listeners.append(listener)
    if action is not None:
        action()
    if until(lane.controller.checkout):
        reached.set()
    assert reached.wait(timeout), f"lane stuck in {lane.controller.checkout.phase}"
    lane.controller.listeners.remove(listener)
    return lane.controller.checkout
