"""The journey tests: the "hello" journey (``hello_journey``, only in the tests) and
the registry. Qt runs offscreen on the same large screen as the UI tests, so that
``QApplication.widgetAt`` finds every point of a 1920x1080 window."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from offscreen_screen import screen_config

os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config()}"

from hello_journey.spec import HELLO

from kiosk.app.journeys import register_journey, unregister_journey
from kiosk.config import KioskConfig
from kiosk.config.lane import LaneConfig


@pytest.fixture
def hello_registered() -> Iterator[None]:
    """The hello journey registered for one test, through the registry's public API."""
    register_journey(HELLO)
    try:
        yield
    finally:
        unregister_journey(HELLO.mode)


def lane_config(tmp_path: Path, mode: str = "self_checkout") -> KioskConfig:
    """A lane with no devices, no HQ and its store in ``tmp_path``, offering ``mode``."""
    config = KioskConfig(lane=LaneConfig(store_id="store-1", lane_id="lane-1", mode=mode))
    store = dataclasses.replace(config.store, path=tmp_path / "lane.sqlite3")
    return dataclasses.replace(config, store=store)


@pytest.fixture
def make_config(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``make_config(mode)``: :func:`lane_config` in this test's own directory."""
    return lambda mode="self_checkout": lane_config(tmp_path, mode)
