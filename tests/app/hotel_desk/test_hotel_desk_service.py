"""The hotel desk's service: a role decision for every verdict, the audit of every
verdict, no document number or MRZ on the desk or in the audit.

The visit is the real machine (``HotelMachine``) stepped by the hotel domain tests'
world; the runner here hands the desk's ``AgentVerdict`` to it as ``HotelRunner``
does (``agent_verdict(event, staff_id)``). Staff and audit are the lane's real SQLite
repositories.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hotel_domain_factories import ANA, NOW, STAY, Journey, World, checked_in_journey, mrz

import kiosk.attendant_api as api
from kiosk.app.attendant import AttendantError, NotSignedIn
from kiosk.app.hotel.runner import VerdictRefused
from kiosk.app.journeys.desk_service import (
    AGENTS,
    DEVICE_STAFF,
    SUPERVISORS,
    DeskVerdictRefused,
    JourneyDeskService,
)
from kiosk.app.journeys.hotel import HOTEL_CHECKIN
from kiosk.app.journeys.hotel_desk import VERDICT_ROLES, build_hotel_desk, open_hotel_desk
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import VERDICTS, HotelIntervention, HotelInterventionKind
from kiosk.domain.hotel.states import IllegalEvent, Step
from kiosk.domain.staff import LockoutPolicy, Role, Staff
from kiosk.store.audit import AuditLog
from kiosk.store.db import connect
from kiosk.store.staff import PinHasher, StaffRepository

K, V = HotelInterventionKind, Verdict
PINS = {"desk": "1111", "super": "2222", "tech": "3333", "boss": "4444"}
PAIRS = [(kind, verdict) for kind, verdicts in VERDICTS.items() for verdict in verdicts]
#: What only a supervisor (or a manager) may decide.
SUPERVISOR_VERDICTS = [(K.DOCUMENT_EXPIRED, V.ACCEPT), (K.PAYMENT_FAILED, V.ACCEPT)]
SOLO = replace(STAY, adults=1)
STRANGER = mrz("SMITH", "JOHN")  # number PAB123456, ends in 3456
STRANGER_EXPIRY = date(2031, 4, 15)  # the factories' default


class MachineRunner:
    """The hotel runner's desk-facing side over a :class:`Journey` (synchronous)."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.listeners: list[Any] = []
        self.calls: list[tuple[ev.AgentVerdict, str]] = []

    @property
    def state(self) -> Any:
        return self.journey.state

    def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
        self.calls.append((event, staff_id))
        self.journey.send(replace(event, staff_id=staff_id))
        for listener in list(self.listeners):
            listener(self.journey.state, [])


class RecordingRunner(MachineRunner):
    """Records the verdict and closes the intervention (the state only)."""

    def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
        self.calls.append((event, staff_id))
        self.journey.state = replace(self.journey.state, intervention=None, step=Step.GUESTS)
        for listener in list(self.listeners):
            listener(self.journey.state, [])


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> Any:
        return self.now


def open_at(kind: K, guest_id: str = "g1") -> Journey:
    """A visit at the guests step, waiting on ``kind`` for guest ``guest_id``."""
    j = at_guests(World(stay=SOLO))
    opened = HotelIntervention(kind, guest_id, "test", NOW)
    j.state = replace(j.state, step=Step.INTERVENTION, intervention=opened)
    return j


def at_guests(world: World | None = None) -> Journey:
    j = Journey(world)
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    return j


def desk_for(tmp_path: Path, runner: Any, clock: Clock) -> JourneyDeskService:
    db = tmp_path / "lane.sqlite3"
    connect(db).close()
    staff = StaffRepository(connect(db, migrate=False), PinHasher(1, 8, 1), LockoutPolicy())
    staff.add(Staff("desk", "Rita Reception", Role.ATTENDANT), pin=PINS["desk"])
    staff.add(Staff("super", "Sam Supervisor", Role.SUPERVISOR), pin=PINS["super"])
    staff.add(Staff("tech", "Tim Technician", Role.TECHNICIAN), pin=PINS["tech"])
    staff.add(Staff("boss", "Mia Manager", Role.MANAGER), pin=PINS["boss"])
    audit = AuditLog(connect(db, migrate=False), "store-1", "lane-1")
    lane = SimpleNamespace(controller=runner, devices={}, config=None)
    return build_hotel_desk(lane, staff, audit, clock)


def audit_rows(desk: JourneyDeskService, action: str) -> list[dict[str, Any]]:
    rows = [r for r in reversed(desk.audit.recent(1000)) if r.action == action]
    return [{"staff_id": r.staff_id, **r.details} for r in rows]


def sign_in(desk: JourneyDeskService, staff_id: str) -> None:
    desk.sign_in_pin(staff_id, PINS[staff_id])


# -- the roles -------------------------------------------------------------------------------


def test_the_spec_hooks_the_hotel_desk() -> None:
    assert HOTEL_CHECKIN.attendant is build_hotel_desk
    assert HOTEL_CHECKIN.desk_ui is open_hotel_desk


def test_every_hotel_verdict_has_a_role_decision_and_no_other_pair_is_named() -> None:
    assert set(VERDICT_ROLES) == set(PAIRS)
    for pair, roles in VERDICT_ROLES.items():
        assert roles in (AGENTS, SUPERVISORS, DEVICE_STAFF), pair
        assert Role.MANAGER in roles, pair  # a manager may do anything staff may
    assert [p for p in PAIRS if VERDICT_ROLES[p] == SUPERVISORS] == SUPERVISOR_VERDICTS


@pytest.mark.parametrize(("kind", "verdict"), SUPERVISOR_VERDICTS)
def test_the_lowest_role_cannot_give_a_supervisor_verdict(
    tmp_path: Path, kind: K, verdict: V
) -> None:
    runner = RecordingRunner(open_at(kind))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "desk")
    case = desk.open_case()
    assert case is not None
    shown = next(v for v in case.verdicts if v.name == verdict.value)
    assert (shown.allowed, shown.needs) == (False, ("supervisor", "manager"))
    with pytest.raises(DeskVerdictRefused) as refused:
        desk.give_verdict(verdict.value)
    assert isinstance(refused.value, api.VerdictRefused)
    assert refused.value.needs == ("supervisor", "manager")
    assert runner.calls == []
    [row] = audit_rows(desk, "desk_verdict_refused")
    assert (row["staff_id"], row["kind"], row["verdict"], row["role"]) == (
        "desk",
        kind.value,
        verdict.value,
        "attendant",
    )
    desk.sign_out()
    sign_in(desk, "super")
    desk.give_verdict(verdict.value)
    assert [(e.kind, e.verdict, s) for e, s in runner.calls] == [(kind, verdict, "super")]


@pytest.mark.parametrize(("kind", "verdict"), [p for p in PAIRS if p not in SUPERVISOR_VERDICTS])
def test_a_receptionist_gives_every_other_verdict(tmp_path: Path, kind: K, verdict: V) -> None:
    runner = RecordingRunner(open_at(kind))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "desk")
    desk.give_verdict(verdict.value)
    assert [(e.kind, e.verdict) for e, _ in runner.calls] == [(kind, verdict)]
    [row] = audit_rows(desk, "desk_verdict")
    assert (row["kind"], row["verdict"], row["guest_id"]) == (kind.value, verdict.value, "g1")


@pytest.mark.parametrize(
    ("kind", "verdict", "allowed"),
    [
        (K.ENCODER_FAILED, V.RETRY, True),
        (K.PMS_UNREACHABLE, V.RETRY, True),
        (K.PRINTER_OUT, V.FIXED, True),
        (K.ENCODER_FAILED, V.ACCEPT, False),
        (K.NAME_MISMATCH, V.ACCEPT, False),
        (K.ROOM_NOT_READY, V.ACCEPT, False),
        (K.PMS_UNREACHABLE, V.REFUSE, False),
    ],
)
def test_a_technician_may_only_retry_a_device_or_the_hotel_system(
    tmp_path: Path, kind: K, verdict: V, allowed: bool
) -> None:
    runner = RecordingRunner(open_at(kind, ""))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "tech")
    if allowed:
        desk.give_verdict(verdict.value)
        assert len(runner.calls) == 1
    else:
        with pytest.raises(DeskVerdictRefused, match="needs attendant or supervisor or manager"):
            desk.give_verdict(verdict.value)
        assert runner.calls == []


# -- the real machine: an ID whose name differs, accepted at the desk ----------------------


def test_a_receptionist_accepts_an_id_whose_name_differs_and_the_audit_says_so(
    tmp_path: Path,
) -> None:
    j = at_guests(World(stay=SOLO))
    j.send(ev.DocumentScanned(STRANGER, NOW))
    assert j.state.intervention is not None
    assert j.state.intervention.kind is K.NAME_MISMATCH
    raised = j.state.intervention.raised_at
    clock = Clock()
    clock.now = raised + timedelta(seconds=42)
    runner = MachineRunner(j)
    desk = desk_for(tmp_path, runner, clock)
    sign_in(desk, "desk")
    case = desk.open_case()
    assert case is not None
    assert (case.kind, case.passenger_id, case.passenger, case.detail) == (
        "name_mismatch",
        "g1",
        "Ana García López",
        "name differs",
    )
    assert case.document == api.DeskDocument("P", "ESP", STRANGER_EXPIRY, "3456", "SMITH/JOHN")
    assert [(v.name, v.allowed) for v in case.verdicts] == [
        ("accept", True),
        ("retry", True),
        ("refuse", True),
    ]
    state = desk.give_verdict("accept", note="spelling checked")
    assert state.intervention is None
    assert state.step is Step.DETAILS  # the check-in moves on: the register's details
    assert state.guest("g1").document.number_last4 == "3456"
    [row] = audit_rows(desk, "desk_verdict")
    assert row == {
        "staff_id": "desk",
        "kind": "name_mismatch",
        "guest_id": "g1",
        "verdict": "accept",
        "seconds_open": 42.0,
    }
    no_document_data(tmp_path, repr(case), STRANGER, audited="spelling checked")


def test_the_accepted_document_of_the_guest_is_shown_after_a_later_intervention(
    tmp_path: Path,
) -> None:
    j = at_guests(World(stay=SOLO))
    j.send(ev.DocumentScanned(ANA, NOW))
    opened = HotelIntervention(K.REGISTER_INCOMPLETE, "g1", "birth_place,address", NOW)
    j.state = replace(j.state, step=Step.INTERVENTION, intervention=opened, pending=None)
    desk = desk_for(tmp_path, RecordingRunner(j), Clock())
    case = desk.open_case()
    assert case is not None
    assert case.document is not None
    assert (case.document.document_code, case.document.number_last4, case.document.name) == (
        "P",
        "3456",
        "",
    )
    no_document_data(tmp_path, repr(case), ANA)


def no_document_data(tmp_path: Path, shown: str, lines: tuple[str, ...], audited: str = "") -> None:
    """Neither ``shown`` nor the lane's store (the database and its WAL, where the audit
    rows are) holds the document's number or a line of its MRZ (invariant 6)."""
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("lane.sqlite3*"))
    assert audited.encode() in stored  # the audit row is there to be searched
    for line in (*lines, "PAB123456"):
        assert line not in shown
        assert line.encode() not in stored
        assert line.replace("<", "").encode() not in stored


# -- the terminal, the runner and what is refused -----------------------------------------


def test_when_the_terminal_says_an_unknown_payment_failed_the_audit_says_what_counted(
    tmp_path: Path,
) -> None:
    class Terminal(MachineRunner):
        """Asked again, the terminal says it was not paid (as ``HotelRunner`` does)."""

        def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
            super().agent_verdict(replace(event, verdict=V.REFUSE), staff_id)

    j = checked_in_journey(World(payment={ev.PaymentPurpose.BALANCE: "unknown"}))
    assert j.state.intervention is not None
    assert j.state.intervention.kind is K.PAYMENT_FAILED
    desk = desk_for(tmp_path, Terminal(j), Clock())
    sign_in(desk, "boss")
    state = desk.give_verdict("accept")
    assert state.step is Step.PAYING  # not paid: pay again
    [row] = audit_rows(desk, "desk_verdict")
    assert (row["staff_id"], row["guest_id"], row["verdict"], row["counted"]) == (
        "boss",
        "",
        "accept",
        "refuse",
    )


@pytest.mark.parametrize(
    "error",
    [
        VerdictRefused(Step.INTERVENTION, "AgentVerdict", "payment p-1: still in progress"),
        IllegalEvent(Step.INTERVENTION, "AgentVerdict", "no open intervention"),
    ],
)
def test_a_runner_that_refuses_the_verdict_is_an_error_and_nothing_is_audited(
    tmp_path: Path, error: Exception
) -> None:
    class Refusing(MachineRunner):
        def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
            raise error

    desk = desk_for(tmp_path, Refusing(open_at(K.PAYMENT_FAILED, "")), Clock())
    sign_in(desk, "super")
    with pytest.raises(AttendantError, match=str(error).split(":")[-1].strip()):
        desk.give_verdict("accept")
    assert audit_rows(desk, "desk_verdict") == []


def test_nobody_signed_in_gives_no_verdict_and_a_verdict_that_does_not_fit_is_named(
    tmp_path: Path,
) -> None:
    runner = RecordingRunner(open_at(K.BOOKING_NOT_FOUND, ""))
    desk = desk_for(tmp_path, runner, Clock())
    with pytest.raises(NotSignedIn):
        desk.give_verdict("retry")
    case = desk.open_case()
    assert case is not None
    assert (case.passenger_id, case.passenger, case.document) == ("", "", None)
    assert not any(v.allowed for v in case.verdicts)
    sign_in(desk, "desk")
    with pytest.raises(AttendantError, match=r"verdict accept does not fit booking_not_found"):
        desk.give_verdict("accept")
    assert runner.calls == []
