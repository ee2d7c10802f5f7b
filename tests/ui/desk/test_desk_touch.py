"""A journey's agent desk by touch, in the real lane window, behind the shell's sign-in.

GIVEN a traveller's document that failed, the lane says "An agent is coming"; the agent
touches Staff, signs in by PIN on the sign-in screen's keys, reads the case and touches
a verdict; the check-in moves on, and the audit log says who decided what, and how long
it had waited. The rig (``desk_rig``) is the lane as ``kiosk run`` builds it, with the
tests' check-in journey (``desk_journey``) whose desk is the airport's real one; every
touch checks with ``QApplication.widgetAt`` that the key touched is the one on top.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from desk_journey import ANNA_PASSPORT
from desk_rig import T0, audit, call_agent, on_top, sign_in, sign_out, touch, verdict_key

from kiosk.domain.airport.interventions import AirportInterventionKind as Kind
from kiosk.domain.airport.states import DocumentCheck, Step
from kiosk.ui.widgets.keypad import ENTER


def test_an_agent_accepts_a_document_by_touch(qtbot: Any, open_rig: Any) -> None:
    """GIVEN Anna's passport read with a name that does not match the booking, WHEN an
    agent signs in by PIN and touches "Accept document", THEN her document counts, the
    check-in goes on, and the audit row names the agent, the case and its wait."""
    rig = open_rig()
    rig.runner.raise_intervention(Kind.NAME_MISMATCH, "P1", "name differs", ANNA_PASSPORT)
    call_agent(qtbot, rig, "s-1", "1111")
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Name does not match the booking")
    assert desk.passenger.text() == "Passenger: ERIKSSON/ANNA MARIA"
    assert desk.failed.text() == "What failed: The name on the document differs from the booking."
    shown = desk.document.text()
    assert "Document: Passport, issued by UTO" in shown
    assert "Expires: 2032-04-15" in shown
    assert "Number ends in: 02C3" in shown
    assert "L898902C3" not in shown  # the whole number is never on screen
    assert desk.staff.text() == "Agent: Ana Agent (agent)"
    keys = [verdict_key(rig, v) for v in ("accept", "retry", "refuse")]
    assert [k.text() for k in keys] == ["Accept document", "Read another document",
                                        "Refuse passenger"]  # fmt: skip
    for key in keys:
        on_top(key)
    rig.clock.now = T0 + timedelta(seconds=95)  # the agent took 95 s to come and decide
    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(lambda: desk.message.text() == "Done.")  # taken, then audited
    assert rig.runner.state.step is Step.DOCUMENTS  # back where it stopped: the next passenger
    assert rig.runner.state.passenger("P1").document is DocumentCheck.ACCEPTED
    assert desk.title.text() == "Nothing is waiting for you."
    [row] = audit(rig.db, "desk_verdict")
    assert row == {
        "staff_id": "s-1",
        "reason": "",
        "kind": "name_mismatch",
        "passenger_id": "P1",
        "verdict": "accept",
        "seconds_open": 95.0,
    }
    sign_out(qtbot, rig)
    qtbot.waitUntil(lambda: rig.traveller.status.text() == "Check-in: documents")
    on_top(rig.traveller.staff_button)


def test_an_agent_refuses_a_passenger_by_touch(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.DOCUMENT_FAILED, "P1", "unreadable")
    call_agent(qtbot, rig, "s-1", "1111")
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Document could not be read")
    assert not desk.document.isVisible()  # nothing was read
    assert desk.verdict_button("accept") is None  # nothing to accept: it was not read
    key = verdict_key(rig, "refuse")
    assert key.text() == "Refuse passenger"
    rig.clock.now = T0 + timedelta(seconds=40)
    touch(qtbot, key)
    qtbot.waitUntil(lambda: desk.message.text() == "Done.")  # taken, then audited
    assert rig.runner.state.passenger("P1").refused == "document_failed"
    assert [p.passenger_id for p in rig.runner.state.travelling()] == ["P2"]
    [row] = audit(rig.db, "desk_verdict")
    assert (row["staff_id"], row["verdict"], row["seconds_open"]) == ("s-1", "refuse", 40.0)
    sign_out(qtbot, rig)


def test_a_verdict_the_role_does_not_grant_is_refused_and_a_supervisor_gives_it(
    qtbot: Any, open_rig: Any
) -> None:
    """GIVEN an inhibited passenger, WHEN an agent touches "Passenger cleared", THEN the
    desk says who may and the check-in still waits; a supervisor then clears them. The
    audit log holds both: the refusal and the verdict."""
    rig = open_rig()
    rig.runner.raise_intervention(Kind.INHIBITED_PASSENGER, "P1", "airline: see agent")
    call_agent(qtbot, rig, "s-1", "1111")
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Passenger inhibited by the airline")
    clear = verdict_key(rig, "accept")
    assert clear.text() == "Passenger cleared"
    assert desk.hint.text() == "Keys with a lock are for: supervisor / manager."
    touch(qtbot, clear)
    qtbot.waitUntil(
        lambda: (
            desk.message.text()
            == "Your role may not give this verdict. Who may: supervisor / manager."
        )
    )
    assert rig.runner.state.intervention is not None
    assert rig.runner.verdicts == []
    sign_out(qtbot, rig)
    rig.clock.now = T0 + timedelta(seconds=120)
    call_agent(qtbot, rig, "s-2", "2222")
    qtbot.waitUntil(lambda: desk.title.text() == "Passenger inhibited by the airline")
    assert not desk.hint.isVisible()  # a supervisor holds every key here
    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(lambda: desk.message.text() == "Done.")
    assert rig.runner.state.intervention is None
    [refused] = audit(rig.db, "desk_verdict_refused")
    assert (refused["staff_id"], refused["kind"], refused["verdict"], refused["role"]) == (
        "s-1",
        "inhibited_passenger",
        "accept",
        "attendant",
    )
    [given] = audit(rig.db, "desk_verdict")
    assert (given["staff_id"], given["verdict"], given["seconds_open"]) == ("s-2", "accept", 120.0)
    assert [(e.verdict.value, staff) for e, staff in rig.runner.verdicts] == [("accept", "s-2")]


def test_a_wrong_pin_is_refused_on_the_sign_in_screen(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.DOCUMENT_FAILED, "P1", "unreadable")
    qtbot.waitUntil(lambda: rig.traveller.status.text() == "An agent is coming")
    touch(qtbot, rig.traveller.staff_button)
    sign_in(qtbot, rig, "s-1", "9999")
    qtbot.waitUntil(lambda: rig.staff.signin.error.text() == "Wrong staff ID, badge or PIN.")
    assert rig.window.staff_showing() == rig.staff.signin.name
    assert audit(rig.db, "sign_in_failed")[-1]["claimed_staff_id"] == "s-1"
    touch(qtbot, rig.staff.signin.close_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    on_top(rig.traveller.staff_button)


def test_repeated_wrong_pins_lock_the_sign_in(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.DOCUMENT_FAILED, "P1", "unreadable")
    qtbot.waitUntil(lambda: rig.traveller.status.text() == "An agent is coming")
    touch(qtbot, rig.traveller.staff_button)
    signin = rig.staff.signin
    sign_in(qtbot, rig, "s-1", "9999")
    for _ in range(4):  # the lane's lockout policy: the fifth failure locks
        qtbot.waitUntil(signin.keypad.isEnabled)
        for key in "9999":
            touch(qtbot, signin.keypad.button(key))
        touch(qtbot, signin.keypad.button(ENTER))
    qtbot.waitUntil(lambda: signin.error.text() == "Too many attempts. Try again in 30 s.")
    assert not signin.keypad.isEnabled()
    assert len(audit(rig.db, "sign_in_failed")) == 5
    assert rig.lane.attendant.current_session is None


def test_a_supervisors_badge_at_the_scanner_opens_the_desk(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.INHIBITED_PASSENGER, "P1", "inhibited")
    qtbot.waitUntil(lambda: rig.traveller.status.text() == "An agent is coming")
    rig.lane.badge_listeners[0]("STF0002")  # what the lane does with a staff badge scanned
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.desk.name)
    desk = rig.desk
    assert desk.staff.text() == "Agent: Sam Supervisor (supervisor)"
    assert desk.failed.text() == (
        "What failed: The airline will not check this passenger in at a kiosk."
    )
    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(lambda: desk.message.text() == "Done.")
    assert audit(rig.db, "sign_in")[-1] == {
        "staff_id": "s-2",
        "reason": "",
        "method": "badge",
        "role": "supervisor",
    }
    assert audit(rig.db, "desk_verdict")[-1]["staff_id"] == "s-2"


def test_an_idle_agent_is_signed_out_and_the_next_call_asks_again(
    qtbot: Any, open_rig: Any
) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.DOCUMENT_FAILED, "P1", "unreadable")
    call_agent(qtbot, rig, "s-1", "1111")
    rig.clock.now = T0 + timedelta(seconds=60)
    touch(qtbot, rig.desk.refresh_button)  # a touch keeps the session
    assert rig.staff.bridge.wait_for_idle()
    rig.clock.now = T0 + timedelta(seconds=150)  # 90 s since the touch: still signed in
    qtbot.wait(200)
    assert rig.window.staff_showing() == rig.desk.name
    rig.clock.now = T0 + timedelta(seconds=181)  # past attendant.session_idle_s (120 s)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    qtbot.waitUntil(lambda: rig.lane.attendant.current_session is None)
    assert audit(rig.db, "sign_out")[-1] == {"staff_id": "s-1", "reason": "inactivity"}
    assert rig.runner.state.intervention is not None  # nobody decided
    touch(qtbot, rig.traveller.staff_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.staff.signin.name)
    on_top(rig.staff.signin.keyboard.button("s"))


def test_the_desk_is_above_every_traveller_alert(qtbot: Any, open_rig: Any) -> None:
    rig = open_rig()
    rig.runner.raise_intervention(Kind.NAME_MISMATCH, "P1", "name differs", ANNA_PASSPORT)
    call_agent(qtbot, rig, "s-1", "1111")
    rig.window.still_there.start(30)
    rig.window.accessibility_panel.open()
    for key in ("accept", "retry", "refuse"):
        on_top(verdict_key(rig, key))
    on_top(rig.desk.sign_out_button)
