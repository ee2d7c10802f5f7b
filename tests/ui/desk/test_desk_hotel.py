"""Done means (issue 13): staff resolve an ID whose name does not match by touch, on the
hotel lane.

The lane is the real hotel journey (``lane.mode = "hotel_checkin"``, built by
``build_lane`` from ``config/demo-hotel.toml`` on the Mews simulator over HTTP, the
Salto encoder simulator over TCP, the document reader on a pty, the receipt printer and
card terminal simulators: ``tests/app/hotel/hotel_lane_rig.py``), its desk the hotel's
(``kiosk.app.journeys.hotel_desk``, hooked in ``HOTEL_CHECKIN``), opened through the
real shell. GIVEN booking 4701 confirmed and Ana's ID asked for, WHEN the document
reader reads a passport with another name, THEN the lane asks for staff; a receptionist
touches "Staff", signs in by PIN on the sign-in screen's keys (each touch lands on the
key ``QApplication.widgetAt`` finds at its centre), reads the case (the document's
summary, never its number or MRZ) and touches "Accept the ID"; the check-in goes on,
and the audit log holds who decided what about whom.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from desk_rig import Clock, Rig, audit, on_top, sign_in, touch, verdict_key

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import NOW, at, hotel_rig, present, wait_for

from kiosk.app.demo_hotel import GUEST_DOCUMENTS
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import build_lane
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import VERDICTS
from kiosk.domain.hotel.interventions import HotelInterventionKind as Kind
from kiosk.domain.hotel.states import Step
from kiosk.domain.staff import Role, Staff
from kiosk.ui.desk import StaffLayer, hotel_terms
from kiosk.ui.desk.hotel_terms import HotelTerms

WAIT_MS = 30_000


@pytest.fixture
def hotel_lane(qtbot: Any, tmp_path: Path) -> Iterator[Rig]:
    """The hotel lane in its window, with the staff desk, asking for Ana's ID."""
    with hotel_rig(tmp_path) as parts:
        lane = build_lane(parts.config, clock=parts.clock, with_sync=False)
        staff = lane.attendant.staff_repo
        staff.add(Staff("s-1", "Rita Reception", Role.ATTENDANT), pin="1111")
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
            runner.send(ev.ConfirmationEntered("4701", NOW))
            wait_for(lane, at(Step.STAY))
            runner.send(ev.StayConfirmed(NOW))
            wait_for(lane, lambda s: at(Step.GUESTS)(s) and bool(s.document_for))
            yield rig
        finally:
            presenter.detach()
            layer.bridge.wait_for_idle()
            lane.stop()
            window.shutdown()


def test_a_receptionist_accepts_an_id_whose_name_does_not_match_by_touch(
    qtbot: Any, hotel_lane: Rig
) -> None:
    rig, runner = hotel_lane, hotel_lane.lane.controller
    asked = runner.state.document_for
    guest = runner.state.guest(asked)
    assert guest is not None
    name = f"{guest.given_names} {guest.surname}"
    present(rig.parts, rig.lane, "stranger")  # type: ignore[attr-defined]
    state = wait_for(rig.lane, lambda s: s.intervention is not None)
    assert (state.intervention.kind, state.intervention.guest_id) == (Kind.NAME_MISMATCH, asked)

    # the lane asks for staff: touch "Staff", sign in by PIN on the keys
    agent = rig.presenter.screens.agent
    qtbot.waitUntil(lambda: rig.window.current_screen() is agent, timeout=WAIT_MS)
    touch(qtbot, agent.staff_button)
    sign_in(qtbot, rig, "s-1", "1111")
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.desk.name, timeout=WAIT_MS)
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Name on the ID does not match")
    assert name in desk.passenger.text()
    assert desk.failed.text() == (
        "What failed: The name on the ID is not a guest's of the booking."
    )
    shown = desk.document.text()
    assert "Name on the document: NOBODY/NEMO" in shown
    assert "Document: Passport, issued by UTO" in shown
    assert "Number ends in: 0001" in shown
    assert "PZZ000001" not in shown
    assert not any(line in shown for line in GUEST_DOCUMENTS["stranger"])
    assert [verdict_key(rig, v).text() for v in ("accept", "retry", "refuse")] == [
        "Accept the ID",
        "Read another ID",
        "Serve at the front desk",
    ]
    assert desk.staff.text().endswith("Rita Reception (receptionist)")

    # the accept verdict: the check-in moves on past Ana's ID
    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(lambda: desk.message.text() == "Done.", timeout=WAIT_MS)
    state = wait_for(
        rig.lane,
        lambda s: (
            s.intervention is None
            and s.waiting is None
            and s.step is not Step.INTERVENTION
            and s.guest(asked) is not None
            and s.guest(asked).document is not None  # type: ignore[union-attr]
        ),
    )
    assert Kind.NAME_MISMATCH.value in state.guest(asked).cleared  # type: ignore[union-attr]
    assert state.step in (Step.GUESTS, Step.DETAILS)
    [row] = audit(rig.db, "desk_verdict")
    assert (row["staff_id"], row["kind"], row["guest_id"], row["verdict"]) == (
        "s-1",
        "name_mismatch",
        asked,
        "accept",
    )
    assert row["seconds_open"] >= 0
    assert "PZZ000001" not in repr(row)

    # back to the guest
    on_top(desk.sign_out_button)
    touch(qtbot, desk.sign_out_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: rig.window.current_screen() is not agent, timeout=WAIT_MS)


def test_every_hotel_kind_and_verdict_has_its_own_words(qapp: Any) -> None:
    assert set(hotel_terms.KINDS) == {kind.value for kind in Kind}
    pairs = {(kind.value, v.value) for kind, verdicts in VERDICTS.items() for v in verdicts}
    assert set(hotel_terms.VERDICTS) == pairs
    terms = HotelTerms()
    assert terms.detail_text("pms_unreachable", "check_in") == (
        "No answer from the hotel system (check in)."
    )
    assert terms.detail_text("register_incomplete", "birth_place,address") == (
        "The register still needs: birth place, address."
    )
    assert terms.detail_text("encoder_failed", "key 2: card pulled") == "key 2: card pulled"
    assert terms.document_type("ID") == "Identity card"
    assert terms.role_name("attendant") == "receptionist"
