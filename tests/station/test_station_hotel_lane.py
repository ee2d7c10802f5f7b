"""A hotel check-in lane on the station: a real in-process station and a real hotel lane
(``build_lane`` from config/demo-hotel.toml on the Mews, Salto, document reader, printer
and card terminal simulators: tests/app/hotel/hotel_lane_rig.py).

GIVEN stay 4701 WHEN a passport of nobody on the stay is read THEN the station shows the
lane at step "intervention" with a name_mismatch alert, the confirmation number and the
guests, and no guest's name; "I'm on my way" reaches the lane (the hotel has no attendant
service: the lane takes no remote help)."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from station_fixtures import KEY, StaffClient, station_staff, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app" / "hotel"))
from hotel_lane_rig import NOW, at, hotel_rig, present, wait_for

from kiosk.app.wiring import build_lane
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import Step
from kiosk.station.server import StationServer

PRIVATE = ("GARCIA", "LOPEZ", "MARTIN", "LUIS", "ROSSI", "MARCO", "YA1234567")


def test_a_hotel_guest_waiting_for_staff_shows_on_the_station(tmp_path: Path) -> None:
    folder = tmp_path / "station"
    folder.mkdir()
    station_staff(folder)
    with StationServer(folder, key=KEY) as station, hotel_rig(tmp_path / "hotel") as rig:
        config = dataclasses.replace(
            rig.config,
            station=dataclasses.replace(
                rig.config.station, url=station.url, key=KEY, report_every_s=1.0
            ),
        )
        lane = build_lane(config, clock=rig.clock, with_sync=False)
        lane_id = config.lane.lane_id
        told: list[tuple[str, dict[str, Any]]] = []
        lane.notice_listeners.append(lambda kind, args: told.append((kind, args)))
        lane.start()
        try:

            def reported() -> dict[str, Any]:
                return dict(station.board.lanes.get(lane_id, {}))

            lane.controller.send(ev.ConfirmationEntered("4701", NOW))
            wait_for(lane, at(Step.STAY))
            wait_until(lambda: reported().get("step") == "stay", what="the stay reported")
            stay = reported()
            assert stay["journey"] == "hotel_checkin"
            assert stay["summary"]["visit"] == "check_in"
            assert stay["summary"]["confirmation"] == "4701"

            lane.controller.send(ev.StayConfirmed(NOW))
            wait_for(lane, at(Step.GUESTS))
            present(rig, lane, "marco")  # nobody on stay 4701
            wait_for(lane, lambda s: s.step is Step.INTERVENTION)
            wait_until(lambda: reported().get("step") == "intervention", what="the alert")
            report = reported()
            [alert] = report["alerts"]
            assert alert["kind"] == "name_mismatch"
            assert "name differs" in alert["detail"]
            assert report["remote"] == []
            assert not [word for word in PRIVATE if word in json.dumps(report)]

            [opened] = station.board.open_alerts()
            sam = StaffClient(station.url, "sam")
            try:
                assert sam.http.post(f"/api/alerts/{opened.id}/ack").status_code == 200
            finally:
                sam.close()
            wait_until(lambda: told, what="'on my way' at the hotel lane")
            assert told == [("on_my_way", {"alert": alert["key"], "staff": "Sam"})]
        finally:
            lane.stop()
