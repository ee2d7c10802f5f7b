"""The store's station and a lane in its real window: an age check at the lane shows
on the station, an attendant signed in on the station touches "I'm on my way" (over
HTTP, as the station's page does) and the shopper's screen says who is coming."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from test_lane_touch import BEER, open_rig, scan  # noqa: F401 - open_rig: a fixture

from kiosk.config.station import StationConfig
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.staff import Role, Staff
from kiosk.station.server import StationServer
from kiosk.store.db import connect
from kiosk.store.staff import StaffRepository

KEY = "station-key-for-the-lane-window-test"


@pytest.fixture
def station(tmp_path: Path):
    folder = tmp_path / "station"
    folder.mkdir()
    conn = connect(folder / "staff.sqlite3")
    StaffRepository(conn).add(Staff("ana", "Ana", Role.ATTENDANT), pin="2468")
    conn.close()
    with StationServer(folder, key=KEY) as server:
        yield server


def test_on_my_way_from_the_station_reaches_the_shoppers_screen(
    qtbot: Any,
    open_rig: Any,  # noqa: F811 - the fixture imported above
    station: Any,
) -> None:
    rig = open_rig(station=StationConfig(url=station.url, key=KEY, report_every_s=1.0))
    scan(qtbot, rig, BEER, lambda: rig.overlay_kind() is InterventionKind.AGE_RESTRICTED)
    qtbot.waitUntil(lambda: len(station.board.open_alerts()) == 1, timeout=20_000)
    (alert,) = station.board.open_alerts()
    assert (alert.lane_id, alert.kind) == ("lane-1", "age_restricted")
    lane_view = station.board.snapshot()["lanes"][0]
    assert (lane_view["state"], lane_view["step"]) == ("open", "intervention")

    with httpx.Client(base_url=station.url) as phone:
        signed = phone.post("/signin", data={"staff_id": "ana", "pin": "2468"})
        assert signed.status_code == 303
        assert phone.post(f"/api/alerts/{alert.id}/ack").status_code == 200

    qtbot.waitUntil(
        lambda: any(
            "Ana is on the way." in t.text()
            for t in rig.window.findChildren(type(rig.screens.toast))
            if t.isVisible()
        ),
        timeout=20_000,
    )
