"""The journeys' station views (kiosk.app.station_views) are pure: a runner's state in, the
report's fields out. A hotel visit reports its confirmation number, room, guests, what is
to pay and its open intervention with its age, never a guest's name or document; every
report passes the station's own validation (the station refuses a whole report that does
not); printers' paper and AEA media come from their DeviceStatus conditions; adding a
journey is one function."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.app.attendant.model import DeviceLine
from kiosk.app.station_views import (
    STATION_VIEWS,
    JourneyView,
    OpenAlert,
    consumables,
    hotel_view,
    lane_report,
    register_station_view,
    view_for,
)
from kiosk.devices.status import DeviceStatus, Health
from kiosk.domain.hotel.interventions import HotelIntervention, HotelInterventionKind
from kiosk.domain.hotel.pms import Guest, RoomAssignment, RoomState, Stay, StayState
from kiosk.domain.hotel.states import GuestState, HotelSettings, HotelState, Purpose, Step
from kiosk.domain.money import Money
from kiosk.station.app import LaneReport

RAISED = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)


class FakeRunner:
    """A journey runner's public shape: ``state`` and ``state_name()``."""

    def __init__(self, state: Any) -> None:
        self.state = state

    def state_name(self) -> str:
        return str(self.state.step.value)


def a_stay(room: RoomAssignment | None = None) -> Stay:
    guests = (
        Guest("g1", "GARCÍA LÓPEZ", "MARÍA"),
        Guest("g2", "DUPONT", "JEAN"),
    )
    return Stay(
        stay_id="s-1",
        confirmation_number="4701",
        state=StayState.EXPECTED,
        arrival=date(2026, 3, 1),
        departure=date(2026, 3, 3),
        arrival_at=RAISED,
        departure_at=RAISED + timedelta(days=2),
        room_type="double",
        room=room,
        adults=2,
        children=1,
        guests=guests,
        rate="flex",
        total=Money(24000, "EUR"),
        paid=Money(4000, "EUR"),
    )


def hotel_state(**changes: Any) -> HotelState:
    settings = HotelSettings(hotel="Hotel Sol", country="ES", currency="EUR")
    return dataclasses.replace(HotelState.start(settings, "visit-1"), **changes)


def report_of(view: JourneyView, devices: list[DeviceLine] | None = None) -> dict[str, Any]:
    report = lane_report(
        view,
        journey="hotel_checkin",
        closed=False,
        paused=False,
        devices=devices or [],
        fault_since={},
        last_touch_s=3.25,
    )
    LaneReport.model_validate(json.loads(json.dumps(report)))  # what the station takes
    return report


def test_a_hotel_visit_waiting_for_staff_reports_its_stay_room_and_alert() -> None:
    stay = a_stay(RoomAssignment("r-204", "204", RoomState.CLEAN))
    guests = tuple(GuestState(g.guest_id, g.surname, g.given_names) for g in stay.guests)
    state = hotel_state(
        step=Step.INTERVENTION,
        started_at=RAISED,
        stay=stay,
        guests=guests,
        intervention=HotelIntervention(
            HotelInterventionKind.NAME_MISMATCH, "g2", "name differs", RAISED
        ),
    )

    report = report_of(hotel_view(FakeRunner(state)))

    assert (report["journey"], report["step"], report["state"]) == (
        "hotel_checkin",
        "intervention",
        "open",
    )
    assert report["summary"] == {
        "visit": "check_in",
        "confirmation": "4701",
        "room": "204",
        "guests": "3",
        "due": "200.00 EUR",
    }
    assert (report["items"], report["total"], report["currency"]) == (3, "200.00", "EUR")
    [alert] = report["alerts"]
    assert (alert["kind"], alert["detail"]) == ("name_mismatch", "guest 2: name differs")
    assert datetime.fromisoformat(alert["raised_at"]) == RAISED  # the page ages it from here
    assert (report["lines"], report["remote"]) == ([], [])  # no remote help at a hotel
    assert "basket_id" not in report
    text = json.dumps(report)
    for name in ("GARCÍA", "MARÍA", "DUPONT", "JEAN"):  # nobody's name leaves the lane
        assert name not in text


def test_the_alert_key_stays_while_open_and_a_new_one_is_a_new_alert() -> None:
    opened = HotelIntervention(HotelInterventionKind.ROOM_NOT_READY, "", "no room", RAISED)
    state = hotel_state(step=Step.INTERVENTION, stay=a_stay(), intervention=opened)
    first = hotel_view(FakeRunner(state)).alerts[0].key
    later = dataclasses.replace(state, notice="anything")  # the same intervention
    assert hotel_view(FakeRunner(later)).alerts[0].key == first
    again = dataclasses.replace(opened, raised_at=RAISED + timedelta(minutes=1))
    assert (
        hotel_view(FakeRunner(dataclasses.replace(state, intervention=again))).alerts[0].key
        != first
    )


def test_a_check_out_reports_the_room_and_a_waiting_guest_nothing() -> None:
    idle = hotel_view(FakeRunner(hotel_state()))
    assert (idle.step, idle.summary, idle.alerts, idle.items) == ("welcome", (), (), 0)
    leaving = hotel_state(
        step=Step.FOLIO,
        purpose=Purpose.CHECK_OUT,
        started_at=RAISED,
        stay=a_stay(RoomAssignment("r-310", "310", RoomState.DIRTY)),
    )
    summary = dict(hotel_view(FakeRunner(leaving)).summary)
    assert (summary["visit"], summary["room"]) == ("check_out", "310")


def test_text_the_station_would_refuse_is_dropped_not_sent() -> None:
    mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    view = JourneyView(
        step="documents",
        currency="EUR",
        summary=(("booking", mrz), ("card", "4111111111111111"), ("room", "2\n04")),
        alerts=(OpenAlert("k-1", "document_failed", f"read {mrz}", RAISED),),
    )
    report = report_of(view)
    assert report["summary"] == {}
    assert report["alerts"][0]["detail"] == ""


@pytest.mark.parametrize(
    ("conditions", "health", "level"),
    [
        ((), Health.READY, "ok"),
        (("media_low",), Health.READY, "low"),
        (("paper_low",), Health.READY, "low"),
        (("media_empty",), Health.ERROR, "out"),
        (("paper_out",), Health.ERROR, "out"),
        (("media_jammed",), Health.ERROR, "jammed"),
        (("media_empty", "media_jammed", "media_low"), Health.ERROR, "out"),
    ],
)
def test_printers_media_from_their_conditions(
    conditions: tuple[str, ...], health: Health, level: str
) -> None:
    atb = DeviceLine("atb", DeviceStatus(health, frozenset(conditions)))
    scanner = DeviceLine("scanner", DeviceStatus(Health.READY))
    assert consumables([atb, scanner], printers=["atb"]) == {"atb": level}
    # a device that is not a known printer shows only once its media is not fine
    assert consumables([atb, scanner]) == ({} if level == "ok" else {"atb": level})


def test_a_printer_out_of_paper_puts_the_lane_out_of_service_with_a_fault_alert() -> None:
    atb = DeviceLine("atb", DeviceStatus(Health.ERROR, frozenset({"media_empty"}), "paper out"))
    report = lane_report(
        JourneyView(step="printing", currency="EUR"),
        journey="airport_checkin",
        closed=False,
        paused=False,
        devices=[atb],
        fault_since={"atb": RAISED},
        last_touch_s=0.0,
        printers=["atb"],
    )
    LaneReport.model_validate(json.loads(json.dumps(report)))
    assert report["state"] == "out_of_service"
    assert report["consumables"] == {"atb": "out"}
    assert [(a["key"], a["kind"]) for a in report["alerts"]] == [("device:atb", "device_fault")]


def test_a_journey_reports_once_it_has_a_view() -> None:
    runner = SimpleNamespace(step="aisle 4")
    assert view_for("library_loans", runner) is None  # a lane of it would not report

    def library_view(runner: Any) -> JourneyView:
        return JourneyView(step="scanning", currency="EUR", items=2, summary=(("books", "2"),))

    register_station_view("library_loans", library_view)
    try:
        view = view_for("library_loans", runner)
        assert view is library_view
        assert report_of(view(runner))["summary"] == {"books": "2"}
    finally:
        del STATION_VIEWS["library_loans"]
