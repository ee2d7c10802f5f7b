"""Done means (issue 12): an agent resolves a document failure by touch, on the airport lane.

The lane is the real airport check-in (``lane.mode = "airport_checkin"``, built by
``build_lane`` on the DCS simulator over HTTP, the document reader, ATB / BTP printers
and scale on ptys: ``tests/app/airport/airport_lane_rig.py``), its desk the airport's
(``kiosk.app.journeys.airport_desk``), opened through the real shell. GIVEN booking
KX7Q2M with both passengers, WHEN the document reader reads a passport that is not
Anna's (or Anna's expired one), THEN the lane asks for an agent; the agent touches
"Agent", signs in by PIN on the sign-in screen's keys, reads the case and touches a
verdict; the check-in goes on with Lars, and the audit log holds who decided what.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from desk_rig import Clock, Rig, audit, on_top, sign_in, touch, verdict_key

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "airport"))
from airport_lane_rig import NOW, airport_rig, at, wait_for

from kiosk.app.journeys import journey_spec, register_journey
from kiosk.app.journeys.airport_desk import build_airport_desk, open_airport_desk
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.interventions import AirportInterventionKind as Kind
from kiosk.domain.airport.states import DocumentCheck, Step
from kiosk.domain.staff import Role, Staff
from kiosk.ui.desk import StaffLayer

WAIT_MS = 20_000


@pytest.fixture
def airport_lane(qtbot: Any, tmp_path: Path) -> Iterator[Rig]:
    """The airport lane in its window, with the agent desk, at the documents step."""
    spec = journey_spec("airport_checkin")
    # The spec names its desk once H4 adds it; until then the test gives it the same one.
    register_journey(
        dataclasses.replace(spec, attendant=build_airport_desk, desk_ui=open_airport_desk),
        replace=True,
    )
    try:
        with airport_rig(tmp_path) as parts:
            lane = build_lane(parts.config, with_sync=False)
            staff = lane.attendant.staff_repo
            staff.add(Staff("s-1", "Ana Agent", Role.ATTENDANT), pin="1111")
            staff.add(Staff("s-2", "Sam Supervisor", Role.SUPERVISOR), pin="2222")
            window, presenter, layer = open_lane_window(
                lane, show=False, idle_check_ms=50, kiosk_mode=False, idle_timeout_ms=600_000
            )
            qtbot.addWidget(window)
            assert isinstance(layer, StaffLayer)
            rig = Rig(lane, window, presenter, layer, Clock(), parts.config.store.path)
            rig.parts = parts  # type: ignore[attr-defined]
            try:
                window.resize(1920, 1080)
                window.show()
                qtbot.waitExposed(window)
                runner = lane.controller
                runner.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
                state = wait_for(lane, at(Step.PASSENGERS))
                runner.send(ev.PassengersConfirmed(NOW))
                anna = state.passengers[0].passenger_id
                wait_for(lane, lambda s: s.step is Step.DOCUMENTS and s.document_for == anna)
                yield rig
            finally:
                presenter.detach()
                layer.bridge.wait_for_idle()
                lane.stop()
                window.shutdown()
    finally:
        register_journey(spec, replace=True)


def agent_comes(qtbot: Any, rig: Rig, staff_id: str, pin: str) -> Any:
    """The lane shows "Please wait for an agent": touch "Agent", sign in, see the desk."""
    agent = rig.presenter.screens.agent
    qtbot.waitUntil(lambda: rig.window.current_screen() is agent, timeout=WAIT_MS)
    assert agent.title.text() == "Please wait for an agent"
    touch(qtbot, agent.staff_button)
    sign_in(qtbot, rig, staff_id, pin)
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.desk.name, timeout=WAIT_MS)
    return rig.desk


def test_an_agent_accepts_a_passport_whose_name_differs_by_touch(
    qtbot: Any, airport_lane: Rig
) -> None:
    rig, runner = airport_lane, airport_lane.lane.controller
    anna, lars = (p.passenger_id for p in runner.state.passengers)
    rig.parts.docreader.present("stranger")  # type: ignore[attr-defined]
    state = wait_for(rig.lane, lambda s: s.intervention is not None)
    assert state.intervention.kind is Kind.NAME_MISMATCH
    desk = agent_comes(qtbot, rig, "s-1", "1111")
    qtbot.waitUntil(lambda: desk.title.text() == "Name does not match the booking")
    assert desk.passenger.text() == "Passenger: ERIKSSON/ANNA MARIA"
    assert desk.failed.text() == ("What failed: The name on the document differs from the booking.")
    shown = desk.document.text()
    assert "Name on the document: SMITH/JOHN" in shown
    assert "Document: Passport, issued by UTO" in shown
    assert "Number ends in: 9876" in shown
    assert "X43219876" not in shown
    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(lambda: desk.message.text() == "Done.", timeout=WAIT_MS)
    state = wait_for(rig.lane, lambda s: s.document_for == lars and s.waiting is None)
    assert state.passenger(anna).document is DocumentCheck.ACCEPTED
    [row] = audit(rig.db, "desk_verdict")
    assert (row["staff_id"], row["kind"], row["passenger_id"], row["verdict"]) == (
        "s-1",
        "name_mismatch",
        anna,
        "accept",
    )
    assert row["seconds_open"] >= 0
    # back to the traveller: Lars's passport is asked for
    touch(qtbot, desk.sign_out_button)
    documents = rig.presenter.screens.documents
    qtbot.waitUntil(lambda: rig.window.current_screen() is documents, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "LARS" in documents.title.text(), timeout=WAIT_MS)
    assert rig.window.staff_showing() is None


def test_an_expired_passport_needs_a_supervisor_and_an_agent_refuses_the_passenger(
    qtbot: Any, airport_lane: Rig
) -> None:
    rig, runner = airport_lane, airport_lane.lane.controller
    anna, lars = (p.passenger_id for p in runner.state.passengers)
    rig.parts.docreader.present("anna_expired")  # type: ignore[attr-defined]
    state = wait_for(rig.lane, lambda s: s.intervention is not None)
    assert state.intervention.kind is Kind.DOCUMENT_EXPIRED
    desk = agent_comes(qtbot, rig, "s-1", "1111")
    qtbot.waitUntil(lambda: desk.title.text() == "Document expired")
    assert "Expires: 2012-04-15" in desk.document.text()
    touch(qtbot, verdict_key(rig, "accept"))  # only a supervisor may accept it
    qtbot.waitUntil(
        lambda: (
            desk.message.text()
            == "Your role may not give this verdict. Who may: supervisor / manager."
        ),
        timeout=WAIT_MS,
    )
    assert runner.state.intervention is not None
    refuse = verdict_key(rig, "refuse")
    assert refuse.text() == "Refuse passenger"
    touch(qtbot, refuse)
    qtbot.waitUntil(lambda: desk.message.text() == "Done.", timeout=WAIT_MS)
    state = wait_for(rig.lane, lambda s: s.document_for == lars and s.waiting is None)
    assert state.passenger(anna).refused == "document_expired"
    assert [p.passenger_id for p in state.travelling()] == [lars]
    [refused] = audit(rig.db, "desk_verdict_refused")
    [given] = audit(rig.db, "desk_verdict")
    assert (refused["staff_id"], refused["verdict"], refused["role"]) == (
        "s-1",
        "accept",
        "attendant",
    )
    assert (given["staff_id"], given["kind"], given["verdict"]) == (
        "s-1",
        "document_expired",
        "refuse",
    )
    on_top(desk.sign_out_button)
