"""Refused packs and coupons on the station page as a person sees them: a real headless
Chromium at phone size on the real station, a real lane (``build_lane``) reporting to it.
An expired pack scanned at the lane is an alert (its kind in words, the product, its age)
with a "Taken away" key; touched, the lane closes the page and the alert goes. The
lane's card lists the coupon on the basket with its saving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from station_browser import CHROMIUM, Browser
from station_fixtures import KEY, MILK, lane_toml, station_staff, wait_until
from test_station_coupons import COUPON, with_coupon_offer
from test_station_pack_pages import NAME, pack
from test_station_remote import service_events

from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.station.server import StationServer


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationServer]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY) as server:
        yield server


@pytest.fixture
def lane(station: StationServer, tmp_path: Path) -> Iterator[Lane]:
    path = lane_toml(tmp_path / "lane", station.url)
    config = load_config(path, environ={})
    with_coupon_offer(config.store.path)
    running = build_lane(config, with_sync=False)
    running.start()
    assert running.attendant is not None
    wait_until(lambda: running.attendant.staff_repo.get("sam"), what="the staff copied")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def phone(station: StationServer, tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None, "Debian's chromium is needed (scripts/test installs it)"
    browser = Browser(tmp_path / "profile", 390, 844)
    try:
        browser.open(station.url)
        browser.js("document.getElementById('staff_id').value = 'sam'")
        browser.js("document.getElementById('pin').value = '2468'")
        browser.touch("#signin")
        browser.wait_for("document.getElementById('link')?.textContent === 'live'")
        yield browser
    finally:
        browser.close()


def test_an_expired_pack_is_taken_away_by_touch_and_the_coupon_is_listed(
    lane: Lane, phone: Browser, tmp_path: Path
) -> None:
    lane.controller.scan(MILK)
    lane.controller.scan(COUPON)
    lane.controller.scan(pack(expiry="200101"))
    alert = ".alert[data-kind=expired_item]"
    phone.wait_for(f"document.querySelector('{alert} button.answer')")
    text = phone.js(f"document.querySelector('{alert}').textContent")
    assert "expired item" in text
    assert NAME in text
    assert phone.js(f"document.querySelector('{alert} button.answer').textContent") == (
        "Taken away"
    )
    phone.wait_for("document.getElementById('coupon-lane-01-0')")
    coupon = phone.js("document.getElementById('coupon-lane-01-0').textContent")
    assert "Coupon: 0.30 off -0.30 EUR" in " ".join(coupon.split())
    phone.screenshot(tmp_path / "station-pack-phone.png")

    phone.touch(f"{alert} button.answer")
    wait_until(lambda: not lane.controller.pack_pages.open(), what="the page closed")
    phone.wait_for("document.getElementById('quiet') !== null")  # the alert is gone
    phone.wait_for("document.querySelector('#recent li.done[data-kind=resolve]')")
    (resolved,) = wait_until(lambda: service_events(lane, "intervention.resolved"))
    assert (resolved["data"]["how"], resolved["data"]["staff_id"]) == ("remote", "sam")
