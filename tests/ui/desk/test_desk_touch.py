"""A journey's agent desk by touch, in the real lane window, behind the shell's sign-in.

The lane is built as ``kiosk run`` builds it (``build_lane`` over the registry, a real
SQLite store, staff repository and audit log; ``open_lane_window``), with a check-in
journey of the tests (``desk_journey``) whose desk is the airport's real one. Every
touch goes through :func:`touch`: the widget a person hits at the centre of the one
they mean (``QApplication.widgetAt``) must be that one. GIVEN a traveller's document
that failed, the lane says "An agent is coming"; the agent touches Staff, signs in by
PIN on the sign-in screen's keys, reads the case and touches a verdict; the check-in
moves on, and the audit log says who decided what, and how long it had waited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from desk_journey import ANNA_PASSPORT, DESK_TEST, DeskTestRunner, TravellerScreen
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app.journeys import register_journey, unregister_journey
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.config.lane import LaneConfig
from kiosk.domain.airport.interventions import AirportInterventionKind as Kind
from kiosk.domain.airport.states import DocumentCheck, Step
from kiosk.domain.staff import Role, Staff
from kiosk.store.audit import AuditLog
from kiosk.store.db import connect
from kiosk.ui.attendant.widgets import NEXT
from kiosk.ui.desk import StaffLayer
from kiosk.ui.desk.screen import DeskScreen
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.window import KioskWindow

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
CLICK = Qt.MouseButton.LeftButton


class Clock:
    """The lane's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Rig:
    lane: Lane
    window: KioskWindow
    presenter: Any
    staff: StaffLayer
    clock: Clock
    db: Path

    @property
    def runner(self) -> DeskTestRunner:
        runner: DeskTestRunner = self.lane.controller
        return runner

    @property
    def desk(self) -> DeskScreen:
        screen = self.window.staff_layer.findChild(DeskScreen)
        assert screen is not None
        return screen

    @property
    def traveller(self) -> TravellerScreen:
        screen = self.window.current_screen()
        assert isinstance(screen, TravellerScreen)
        return screen


def on_top(widget: QWidget) -> QWidget:
    """The widget a touch at the centre of ``widget`` reaches; fails if it is covered."""
    assert widget.isVisible(), f"{widget!r} ({getattr(widget, 'text', str)()}) is not shown"
    point = widget.mapToGlobal(widget.rect().center())
    hit = QApplication.widgetAt(point)
    assert hit is not None, f"nothing at {point} where {widget!r} should be"
    assert hit is widget or widget.isAncestorOf(hit), f"{widget!r} is covered by {hit!r}"
    return hit


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch the centre of ``widget`` as a person would (it must be on top there)."""
    hit = on_top(widget)
    assert widget.isEnabled(), f"{getattr(widget, 'text', str)()!r} is disabled"
    point = widget.mapToGlobal(widget.rect().center())
    qtbot.mouseClick(hit, CLICK, pos=hit.mapFromGlobal(point))


def sign_in(qtbot: Any, rig: Rig, staff_id: str, pin: str) -> None:
    """Type the staff id and PIN on the sign-in screen's keys."""
    signin = rig.staff.signin
    qtbot.waitUntil(lambda: rig.window.staff_showing() == signin.name)
    for key in staff_id:
        touch(qtbot, signin.keyboard.button(key))
    touch(qtbot, signin.keyboard.button(NEXT))
    for key in pin:
        touch(qtbot, signin.keypad.button(key))
    touch(qtbot, signin.keypad.button(ENTER))


def call_agent(qtbot: Any, rig: Rig, staff_id: str, pin: str) -> None:
    """The traveller's screen says an agent is coming: touch Staff, sign in, see the desk."""
    qtbot.waitUntil(lambda: rig.traveller.status.text() == "An agent is coming")
    touch(qtbot, rig.traveller.staff_button)
    sign_in(qtbot, rig, staff_id, pin)
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.desk.name)


def sign_out(qtbot: Any, rig: Rig) -> None:
    touch(qtbot, rig.desk.sign_out_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    qtbot.waitUntil(lambda: rig.lane.attendant.current_session is None)


def verdict_key(rig: Rig, verdict: str) -> QWidget:
    key = rig.desk.verdict_button(verdict)
    assert key is not None, f"no {verdict} key on the desk"
    return key


def audit(db: Path, action: str) -> list[dict[str, Any]]:
    """The lane audit rows of ``action``, oldest first (staff id and details)."""
    log = AuditLog(connect(db, migrate=False), "store-1", "lane-1")
    rows = [r for r in reversed(log.recent(1000)) if r.action == action]
    return [{"staff_id": r.staff_id, "reason": r.reason, **r.details} for r in rows]


@pytest.fixture
def open_rig(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    register_journey(DESK_TEST)
    made: list[Rig] = []

    def start(**window_options: Any) -> Rig:
        db = tmp_path / "lane.sqlite3"
        config = KioskConfig(
            lane=LaneConfig(store_id="store-1", lane_id="lane-1", mode="desk_test")
        )
        config = replace(config, store=replace(config.store, path=db))
        clock = Clock()
        lane = build_lane(config, clock=clock, with_sync=False)
        staff = lane.attendant.staff_repo
        staff.add(Staff("s-1", "Ana Agent", Role.ATTENDANT), pin="1111")
        staff.add(Staff("s-2", "Sam Supervisor", Role.SUPERVISOR), pin="2222")
        options: dict[str, Any] = {"kiosk_mode": False, "idle_timeout_ms": 600_000}
        options.update(window_options)
        window, presenter, attendant = open_lane_window(
            lane, show=False, idle_check_ms=50, **options
        )
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        qtbot.waitExposed(window)
        assert isinstance(attendant, StaffLayer)
        rig = Rig(lane, window, presenter, attendant, clock, db)
        made.append(rig)
        return rig

    yield start
    for rig in made:
        rig.presenter.detach()
        rig.staff.bridge.wait_for_idle()
        rig.lane.stop()
        rig.window.shutdown()
    unregister_journey(DESK_TEST.mode)


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
