"""An airport check-in lane on the station: a real in-process station, a real airport lane
(``build_lane`` on the DCS simulator, the document reader and the ATB / BTP printers on
ptys: tests/station/travel_lane_rig.py).

GIVEN booking KX7Q2M WHEN a stranger's passport is read for Anna THEN the station's board
shows the lane at step "intervention" with a name_mismatch alert (its booking reference
and passenger count, no name, no document data); "I'm on my way" reaches the lane; remote
help is refused (it needs a person at the lane); the agent's verdict at the lane closes
the alert. A boarding pass printer out of paper shows as a consumable problem and a
device fault, and as fine again once refilled.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from station_fixtures import StaffClient, wait_until
from travel_lane_rig import NOW, travel_rig, wait_for

from kiosk.domain.airport import events as ev
from kiosk.domain.airport.interventions import AirportInterventionKind as Kind
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.airport.states import Step

# what a stranger's and the Erikssons' passports hold: none of it may reach the station
PRIVATE = ("SMITH", "JOHN", "X43219876", "ERIKSSON", "ANNA", "LARS", "L898902C3")


def test_a_name_mismatch_shows_on_the_station_and_is_answered_at_the_lane(
    tmp_path: Path,
) -> None:
    with travel_rig(tmp_path) as rig:
        told: list[tuple[str, dict[str, Any]]] = []
        rig.lane.notice_listeners.append(lambda kind, args: told.append((kind, args)))
        idle = rig.wait_reported("the lane reports", lambda r: r["step"] == "welcome")
        assert (idle["journey"], idle["state"], idle["alerts"]) == ("airport_checkin", "open", [])

        rig.to_documents()
        rig.airport.docreader.present("stranger")
        wait_for(rig.lane, lambda s: s.step is Step.INTERVENTION)

        report = rig.wait_reported("the intervention", lambda r: r["step"] == "intervention")
        assert report["summary"] == {"booking": "KX7Q2M", "passengers": "2"}
        [alert] = report["alerts"]
        assert (alert["kind"], alert["detail"]) == ("name_mismatch", "passenger 1: name differs")
        assert report["remote"] == []
        text = json.dumps(report)
        assert not [word for word in PRIVATE if word in text]
        [opened] = rig.station.board.open_alerts()
        assert (opened.lane_id, opened.kind) == (rig.lane_id, "name_mismatch")
        board = rig.station.board.snapshot()
        assert [a["age_s"] >= 0 for a in board["alerts"]] == [True]

        sam = StaffClient(rig.station.url, "sam")
        try:
            answer = sam.http.post(f"/api/alerts/{opened.id}/ack")
            assert answer.status_code == 200, answer.text
            wait_until(lambda: told, what="'on my way' at the airport lane")
            assert told == [("on_my_way", {"alert": alert["key"], "staff": "Sam"})]
            remote = sam.remote(rig.lane_id, kind="resolve", alert_id=opened.id)
            assert remote.status_code == 409  # a name that differs: a person at the lane
            assert "needs a person at the lane" in remote.json()["error"]
        finally:
            sam.close()

        verdict = ev.AgentVerdict(Kind.NAME_MISMATCH, Verdict.RETRY, "", NOW)
        rig.lane.controller.agent_verdict(verdict, "sam")
        after = rig.wait_reported("the alert closed", lambda r: r["step"] != "intervention")
        assert (after["step"], after["alerts"]) == ("documents", [])
        wait_until(lambda: rig.station.board.open_alerts() == [], what="the alert resolved")


def test_the_boarding_pass_printer_out_of_paper_is_a_consumable_problem(tmp_path: Path) -> None:
    with travel_rig(tmp_path) as rig:
        fine = rig.wait_reported("the printers' media", lambda r: "atb" in r["consumables"])
        media = fine["consumables"]
        assert (media["atb"], media["btp"], media["printer"]) == ("ok", "ok", "ok")  # + receipts
        assert fine["state"] == "open"

        rig.airport.atb.command("paper low")
        low = rig.wait_reported("paper low", lambda r: r["consumables"]["atb"] == "low")
        assert low["state"] == "open"  # it still prints

        rig.airport.atb.command("paper out")
        out = rig.wait_reported("paper out", lambda r: r["consumables"]["atb"] == "out")
        assert out["state"] == "out_of_service"
        [fault] = [a for a in out["alerts"] if a["kind"] == "device_fault"]
        assert fault["key"] == "device:atb"
        assert fault["detail"].startswith("atb: error")
        wait_until(
            lambda: [a.kind for a in rig.station.board.open_alerts()] == ["device_fault"],
            what="the fault on the board",
        )

        rig.airport.atb.command("paper ok")
        back = rig.wait_reported("refilled", lambda r: r["consumables"]["atb"] == "ok")
        assert (back["state"], back["alerts"]) == ("open", [])
