"""The airport lane on the station page as a person sees it: a real headless Chromium at
phone size, the real station, a real airport lane on simulators (travel_lane_rig.py).

The lane shows with its journey, step and booking; a stranger's passport raises a
name_mismatch alert that appears in the lane's words, ages from green to amber to red
(escalated), needs a person at the lane (no remote buttons, no basket controls), and
"I'm on my way" by touch reaches the lane; the boarding pass printer running out of paper
shows on the lane's card in red."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from station_browser import CHROMIUM, Browser
from station_fixtures import wait_until
from travel_lane_rig import TravelRig, travel_rig, wait_for

from kiosk.domain.airport.states import Step
from kiosk.station.texts import TEXTS

ESCALATE_S = 10.0  # amber from 5 s, red once escalated at 10 s


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[TravelRig]:
    with travel_rig(tmp_path, escalate_after_s=ESCALATE_S) as running:
        yield running


@pytest.fixture
def phone(rig: TravelRig, tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None, "Debian's chromium is needed (scripts/test installs it)"
    browser = Browser(tmp_path / "profile", 390, 844)
    try:
        browser.open(rig.station.url)
        browser.js("document.getElementById('staff_id').value = 'sam'")
        browser.js("document.getElementById('pin').value = '2468'")
        browser.touch("#signin")
        browser.wait_for("document.getElementById('link')?.textContent === 'live'")
        yield browser
    finally:
        browser.close()


def test_the_airport_lane_and_its_alert_appear_on_the_phone(rig: TravelRig, phone: Browser) -> None:
    told: list[tuple[str, dict[str, Any]]] = []
    rig.lane.notice_listeners.append(lambda kind, args: told.append((kind, args)))
    card = f"#lane-{rig.lane_id}"
    en = TEXTS["en"]
    phone.wait_for(f"document.querySelector('{card}[data-journey=airport_checkin]')")
    assert (
        phone.js(f"document.querySelector('{card} .journey').textContent")
        == (en["journey_airport_checkin"])
    )
    assert phone.js(f"document.querySelector('{card} .lane-actions')") is None  # no basket

    rig.to_documents()
    rig.airport.docreader.present("stranger")
    wait_for(rig.lane, lambda s: s.step is Step.INTERVENTION)

    phone.wait_for(f"document.querySelector('{card}')?.dataset.step === 'intervention'")
    summary = phone.js(f"document.querySelector('{card} .summary').textContent")
    assert summary.startswith("booking KX7Q2M, 2 passengers;")
    alert = ".alert[data-kind=name_mismatch]"
    phone.wait_for(f"document.querySelector('{alert}')")
    text = phone.js(f"document.querySelector('{alert}').textContent")
    assert rig.lane_id in text
    assert en["kind_name_mismatch"] in text
    assert "passenger 1: name differs" in text
    assert "SMITH" not in phone.js("document.body.textContent")
    assert (
        phone.js(f"document.querySelector('{alert} .at-lane').textContent") == (en["at_the_lane"])
    )
    assert phone.js(f"document.querySelector('{alert} .remote')") is None

    # its colour follows its age, as a self-checkout's does
    phone.wait_for(f"document.querySelector('{alert}.age1')", timeout=ESCALATE_S + 10)
    phone.wait_for(f"document.querySelector('{alert}.age2 .level')", timeout=ESCALATE_S + 20)

    phone.touch(f"{alert} button.ack")
    wait_until(lambda: told, what="'on my way' at the airport lane")
    assert told[0][0] == "on_my_way"
    assert told[0][1]["staff"] == "Sam"
    phone.wait_for(
        f"document.querySelector('{alert} .coming')?.textContent === 'Sam is on the way'"
    )

    rig.airport.atb.command("paper out")
    media = f"{card} .media-out[data-device=atb]"
    phone.wait_for(f"document.querySelector('{media}')")
    assert phone.js(f"document.querySelector('{media}').textContent") == "atb: " + en["media_out"]
    colour = phone.js(f"getComputedStyle(document.querySelector('{media}')).color")
    assert colour == "rgb(179, 38, 30)"  # --bad, as an out-of-service lane's border
    phone.wait_for(f"document.querySelector('{card}').classList.contains('out_of_service')")
