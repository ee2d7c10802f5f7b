"""Remote help as a person does it: a real headless Chromium at phone size on the real
station, a real lane (``build_lane``, no devices) reporting to it. An alert appears, is
acknowledged ("I'm on my way" reaches the lane), is resolved by touch on the page (the
item picked by its code), the lane moves on; a line is voided from the page; a lane
that goes away shows as offline. The page speaks the language asked for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from station_browser import CHROMIUM, Browser
from station_fixtures import KEY, MILK, UNKNOWN, lane_toml, station_staff, wait_until

from kiosk.app.wiring import Lane, build_lane
from kiosk.config import load_config
from kiosk.station.server import StationServer
from kiosk.station.texts import TEXTS


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationServer]:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY, offline_after_s=3.0) as server:
        yield server


@pytest.fixture
def lane(station: StationServer, tmp_path: Path) -> Iterator[Lane]:
    config = load_config(lane_toml(tmp_path / "lane", station.url), environ={})
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


def test_an_alert_is_resolved_by_touch_on_the_phone_and_the_lane_moves_on(
    station: StationServer, lane: Lane, phone: Browser, tmp_path: Path
) -> None:
    told: list[tuple[str, dict[str, Any]]] = []
    lane.notice_listeners.append(lambda kind, args: told.append((kind, args)))

    lane.controller.scan(UNKNOWN)
    alert = ".alert[data-kind=unknown_barcode]"
    phone.wait_for(f"document.querySelector('{alert} button.add-item')")
    phone.touch(f"{alert} button.ack")
    wait_until(lambda: told, what="'on my way' at the lane")
    assert told == [("on_my_way", {"alert": told[0][1]["alert"], "staff": "Sam"})]
    phone.wait_for(
        f"document.querySelector('{alert} .coming')?.textContent === 'Sam is on the way'"
    )

    phone.type(f"{alert} input[id^=code-]", MILK)
    phone.touch(f"{alert} button.add-item")
    wait_until(lambda: lane.controller.checkout.pending is None, what="the lane moved on")
    assert [line.item.sku for line in lane.controller.checkout.basket.active_lines] == ["S00001"]
    phone.wait_for("document.getElementById('quiet') !== null")  # the alert is gone
    phone.wait_for("document.querySelector('#recent li.done[data-kind=resolve]')")
    phone.wait_for("document.getElementById('line-lane-01-1')")
    phone.screenshot(tmp_path / "station-remote-phone.png")
    assert (tmp_path / "station-remote-phone.png").stat().st_size > 5000

    phone.touch("#line-lane-01-1 button.void")
    wait_until(lambda: not lane.controller.checkout.basket.active_lines, what="voided")
    phone.wait_for("document.getElementById('line-lane-01-1') === null")
    actions = [row["action"] for row in station.board.audit_rows()]
    assert actions == [
        "on_my_way",
        "remote resolve",
        "remote resolve done",
        "remote void_line",
        "remote void_line done",
    ]


def test_a_refusal_shows_on_the_phone_with_the_lanes_reason(
    station: StationServer, lane: Lane, phone: Browser
) -> None:
    lane.controller.scan(UNKNOWN)
    alert = ".alert[data-kind=unknown_barcode]"
    phone.wait_for(f"document.querySelector('{alert} button.add-item')")
    phone.type(f"{alert} input[id^=code-]", "99999")  # no such item
    phone.touch(f"{alert} button.add-item")
    phone.wait_for("document.querySelector('#recent li.refused')")
    text = phone.js("document.querySelector('#recent li.refused').textContent")
    assert "no catalog item" in text
    assert lane.controller.checkout.pending is not None  # still waiting at the lane


def test_a_lane_that_goes_away_shows_as_offline(
    station: StationServer, lane: Lane, phone: Browser
) -> None:
    phone.wait_for("document.getElementById('lane-lane-01')")
    assert not phone.js("document.getElementById('lane-lane-01').classList.contains('offline')")
    lane.stop()
    phone.wait_for("document.getElementById('lane-lane-01').classList.contains('offline')")
    assert "offline" in phone.js("document.getElementById('lane-lane-01').textContent")


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_the_page_speaks_the_language_asked_for(station: StationServer, lang: str) -> None:
    texts = TEXTS[lang]
    by_header = httpx.get(station.url, headers={"Accept-Language": f"{lang}-ES,{lang};q=0.9"})
    assert f'<html lang="{lang}">' in by_header.text
    assert texts["sign_in"] in by_header.text
    with httpx.Client(base_url=station.url) as client:
        chosen = client.get(f"/?lang={lang}")
        assert texts["staff_id"] in chosen.text
        assert client.cookies.get("kiosk_station_lang") == lang
        wrong = client.post("/signin", data={"staff_id": "sam", "pin": "0000"})
        assert wrong.status_code == 401
        assert texts["wrong_pin"] in wrong.text.replace("&#x27;", "'")
        assert client.post("/signin", data={"staff_id": "sam", "pin": "2468"}).status_code == 303
        page = client.get("/").text
        assert texts["lanes"].replace("'", "&#x27;") in page
        assert f'"on_my_way": "{texts["on_my_way"]}"' in page  # the script's texts


def test_every_language_has_every_text_with_its_placeholders() -> None:
    def placeholders(text: str) -> list[str]:
        return sorted(part.split("}")[0] for part in text.split("{")[1:])

    english = set(TEXTS["en"])
    for lang, texts in TEXTS.items():
        assert set(texts) == english, lang
        for key, text in texts.items():
            assert placeholders(text) == placeholders(TEXTS["en"][key]), (lang, key)


def test_an_open_page_of_a_disabled_account_signs_itself_out(
    station: StationServer, phone: Browser, tmp_path: Path
) -> None:
    from kiosk.store.db import connect
    from kiosk.store.staff import StaffRepository

    conn = connect(tmp_path / "station" / "staff.sqlite3")
    try:
        StaffRepository(conn).disable("sam")
    finally:
        conn.close()
    # the live stream checks the account every 5 s; the page goes back to the sign-in form
    phone.wait_for("document.getElementById('signin') !== null", timeout=30)


def test_the_language_is_chosen_by_touch_and_kept(station: StationServer, tmp_path: Path) -> None:
    browser = Browser(tmp_path / "profile-lang", 390, 844)
    try:
        browser.open(station.url)
        browser.touch("a[lang=fr]")
        # a navigation: the old document may be gone for a moment
        browser.wait_for(
            "document.documentElement?.lang === 'fr' && document.getElementById('signin')"
        )
        browser.open(station.url)  # the cookie keeps it
        assert browser.js("document.getElementById('signin').textContent") == "Se connecter"
    finally:
        browser.close()
