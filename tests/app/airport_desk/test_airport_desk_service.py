"""The airport desk's service: roles per verdict, the audit of every verdict, the runner.

The check-in is the real machine (``CheckinMachine``) stepped by the airport domain
tests' world; the runner here hands the desk's ``AgentVerdict`` to it as the airport
runner does (``agent_verdict(event, staff_id)``). Staff and audit are the lane's real
SQLite repositories.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from airport_domain_factories import NOW, Journey, passport

import kiosk.attendant_api as api
from kiosk.app.attendant import AttendantError, NotSignedIn
from kiosk.app.journeys import airport_desk
from kiosk.app.journeys.airport_desk import (
    SUPERVISORS,
    VERDICT_ROLES,
    AirportDeskService,
    DeskVerdictRefused,
    roles_for,
)
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.interventions import (
    VERDICTS,
    AirportIntervention,
    AirportInterventionKind,
    ResolvedAirportIntervention,
    Verdict,
)
from kiosk.domain.airport.states import DocumentCheck, IllegalEvent, Step
from kiosk.domain.staff import LockoutPolicy, Role, Staff
from kiosk.store.audit import AuditLog
from kiosk.store.db import connect
from kiosk.store.staff import PinHasher, StaffRepository

K, V = AirportInterventionKind, Verdict
PINS = {"agent": "1111", "super": "2222", "tech": "3333", "boss": "4444"}


class MachineRunner:
    """The airport runner's desk-facing side over a :class:`Journey` (synchronous)."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.listeners: list[Any] = []
        self.calls: list[tuple[ev.AgentVerdict, str]] = []

    @property
    def state(self) -> Any:
        return self.journey.state

    def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
        self.calls.append((event, staff_id))
        self.journey.send(event)
        for listener in list(self.listeners):
            listener(self.journey.state, [])


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> Any:
        return self.now


def at_documents() -> Journey:
    j = Journey()
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    return j


def desk_for(tmp_path: Path, runner: Any, clock: Clock) -> AirportDeskService:
    db = tmp_path / "lane.sqlite3"
    connect(db).close()
    staff = StaffRepository(connect(db, migrate=False), PinHasher(1, 8, 1), LockoutPolicy())
    staff.add(Staff("agent", "Ana Agent", Role.ATTENDANT), pin=PINS["agent"])
    staff.add(Staff("super", "Sam Supervisor", Role.SUPERVISOR), pin=PINS["super"])
    staff.add(Staff("tech", "Tim Technician", Role.TECHNICIAN), pin=PINS["tech"])
    staff.add(Staff("boss", "Mia Manager", Role.MANAGER), pin=PINS["boss"])
    audit = AuditLog(connect(db, migrate=False), "store-1", "lane-1")
    lane = SimpleNamespace(controller=runner, devices={}, config=None)
    return airport_desk.build_airport_desk(lane, staff, audit, clock)


def audit_rows(desk: AirportDeskService, action: str) -> list[dict[str, Any]]:
    rows = [r for r in reversed(desk.audit.recent(1000)) if r.action == action]
    return [{"staff_id": r.staff_id, **r.details} for r in rows]


def sign_in(desk: AirportDeskService, staff_id: str) -> None:
    desk.sign_in_pin(staff_id, PINS[staff_id])


# -- the real machine: a document that failed, decided at the desk -----------------------


def test_an_agent_accepts_a_name_that_differs_and_the_check_in_goes_on(tmp_path: Path) -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(passport("ERIKSON", "ANA"), NOW))  # misspelt beyond tolerance
    assert j.state.intervention is not None
    assert j.state.intervention.kind is K.NAME_MISMATCH
    clock = Clock()
    runner = MachineRunner(j)
    desk = desk_for(tmp_path, runner, clock)
    sign_in(desk, "agent")
    case = desk.open_case()
    assert case is not None
    assert (case.kind, case.passenger_id, case.passenger) == (
        "name_mismatch",
        "P1",
        "ERIKSSON/ANNA MARIA",
    )
    assert case.detail == "name differs"
    assert case.document == api.DeskDocument("P", "UTO", date(2032, 4, 15), "02C3", "ERIKSON/ANA")
    assert [(v.name, v.allowed) for v in case.verdicts] == [
        ("accept", True),
        ("retry", True),
        ("refuse", True),
    ]
    clock.now = j.state.intervention.raised_at + timedelta(seconds=75.25)
    after = desk.give_verdict("accept")
    assert after.intervention is None
    assert after.passenger("P1").document is DocumentCheck.ACCEPTED
    assert after.document_for == "P2"  # Lars's document next
    assert desk.open_case() is None
    [row] = audit_rows(desk, "desk_verdict")
    assert row == {
        "staff_id": "agent",
        "kind": "name_mismatch",
        "passenger_id": "P1",
        "verdict": "accept",
        "seconds_open": 75.2,
    }
    [(event, staff_id)] = runner.calls
    assert (event.kind, event.verdict, event.staff_id, staff_id) == (
        K.NAME_MISMATCH,
        V.ACCEPT,
        "agent",
        "agent",
    )


def test_the_lowest_role_cannot_accept_an_expired_passport_and_a_supervisor_can(
    tmp_path: Path,
) -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(passport(expiry=NOW.date() - timedelta(days=1)), NOW))
    assert j.state.intervention is not None
    assert j.state.intervention.kind is K.DOCUMENT_EXPIRED
    runner = MachineRunner(j)
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "agent")
    case = desk.open_case()
    assert case is not None
    assert [(v.name, v.allowed, v.needs) for v in case.verdicts] == [
        ("accept", False, ("supervisor", "manager")),
        ("retry", True, ("attendant", "supervisor", "manager")),
        ("refuse", True, ("attendant", "supervisor", "manager")),
    ]
    with pytest.raises(DeskVerdictRefused) as refused:
        desk.give_verdict("accept")
    assert isinstance(refused.value, api.VerdictRefused)
    assert refused.value.needs == ("supervisor", "manager")
    assert "role attendant (staff agent) may not give verdict accept on document_expired" in str(
        refused.value
    )
    assert runner.calls == []
    assert j.state.intervention is not None  # still waiting
    desk.sign_out()
    sign_in(desk, "super")
    desk.give_verdict("accept")
    assert j.state.intervention is None
    assert audit_rows(desk, "desk_verdict_refused") == [
        {
            "staff_id": "agent",
            "kind": "document_expired",
            "passenger_id": "P1",
            "verdict": "accept",
            "role": "attendant",
        }
    ]
    assert [(r["staff_id"], r["verdict"]) for r in audit_rows(desk, "desk_verdict")] == [
        ("super", "accept")
    ]


def test_an_agent_refuses_a_passenger_whose_document_cannot_be_read(tmp_path: Path) -> None:
    j = at_documents()
    for _ in range(3):  # the first read and its two retries
        j.send(ev.DocumentScanned(("garbage",), NOW))
    assert j.state.intervention is not None
    assert j.state.intervention.kind is K.DOCUMENT_FAILED
    desk = desk_for(tmp_path, MachineRunner(j), Clock())
    sign_in(desk, "agent")
    case = desk.open_case()
    assert case is not None
    assert case.document is None  # nothing was read
    assert [v.name for v in case.verdicts] == ["retry", "refuse"]
    after = desk.give_verdict("refuse")
    assert after.passenger("P1").refused == "document_failed"
    assert [p.passenger_id for p in after.travelling()] == ["P2"]


def test_no_audit_row_or_case_holds_the_document_number_or_the_mrz(tmp_path: Path) -> None:
    j = at_documents()
    j.send(ev.DocumentScanned(passport("SMITH", "JOHN"), NOW))
    desk = desk_for(tmp_path, MachineRunner(j), Clock())
    sign_in(desk, "agent")
    case = desk.open_case()
    desk.sign_out()
    sign_in(desk, "tech")
    with pytest.raises(DeskVerdictRefused):  # a technician has no say on documents
        desk.give_verdict("accept")
    desk.sign_out()
    sign_in(desk, "agent")
    desk.give_verdict("refuse")
    text = repr(case) + json.dumps([r.details for r in desk.audit.recent(1000)])
    assert "L898902C3" not in text
    for line in passport("SMITH", "JOHN"):
        assert line not in text


# -- the role table ---------------------------------------------------------------------


def test_every_verdict_the_machine_takes_has_a_role_decision() -> None:
    pairs = {(kind, verdict) for kind, verdicts in VERDICTS.items() for verdict in verdicts}
    assert pairs == set(VERDICT_ROLES)


SUPERVISOR_VERDICTS = sorted(
    ((k, v) for (k, v), roles in VERDICT_ROLES.items() if roles == SUPERVISORS),
    key=lambda pair: (pair[0].value, pair[1].value),
)


def test_supervisor_verdicts_are_the_overrides_of_a_rule() -> None:
    assert [(k.value, v.value) for k, v in SUPERVISOR_VERDICTS] == [
        ("bag_over_maximum", "accept"),
        ("document_expired", "accept"),
        ("inhibited_passenger", "accept"),
        ("payment_failed", "accept"),
        ("safety_answer", "accept"),
    ]


def open_at(kind: K, raised_offset_s: int = 0) -> Journey:
    """A check-in waiting on ``kind`` for passenger P1 (the state only: the runner here
    records the verdict and closes the intervention)."""
    j = at_documents()
    opened = AirportIntervention(kind, "P1", "test", NOW + timedelta(seconds=raised_offset_s))
    j.state = replace(j.state, step=Step.INTERVENTION, intervention=opened)
    return j


class RecordingRunner(MachineRunner):
    def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
        self.calls.append((event, staff_id))
        self.journey.state = replace(self.journey.state, intervention=None, step=Step.DOCUMENTS)
        for listener in list(self.listeners):
            listener(self.journey.state, [])


@pytest.mark.parametrize(("kind", "verdict"), SUPERVISOR_VERDICTS)
def test_the_lowest_role_cannot_give_a_supervisor_verdict(
    tmp_path: Path, kind: K, verdict: V
) -> None:
    runner = RecordingRunner(open_at(kind))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "agent")
    with pytest.raises(DeskVerdictRefused):
        desk.give_verdict(verdict.value)
    assert runner.calls == []
    desk.sign_out()
    sign_in(desk, "boss")  # a manager may do what a supervisor may
    desk.give_verdict(verdict.value)
    assert [(e.verdict, s) for e, s in runner.calls] == [(verdict, "boss")]
    assert [r["staff_id"] for r in audit_rows(desk, "desk_verdict_refused")] == ["agent"]


@pytest.mark.parametrize(
    ("kind", "verdict", "allowed"),
    [
        (K.PRINTER_OUT, V.FIXED, True),
        (K.DCS_UNREACHABLE, V.RETRY, True),
        (K.PRINTER_OUT, V.ACCEPT, False),
        (K.NAME_MISMATCH, V.ACCEPT, False),
        (K.DOCUMENT_FAILED, V.REFUSE, False),
    ],
)
def test_a_technician_may_only_say_a_device_is_back(
    tmp_path: Path, kind: K, verdict: V, allowed: bool
) -> None:
    runner = RecordingRunner(open_at(kind))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "tech")
    case = desk.open_case()
    assert case is not None
    assert next(v.allowed for v in case.verdicts if v.name == verdict.value) is allowed
    if allowed:
        desk.give_verdict(verdict.value)
        assert len(runner.calls) == 1
    else:
        with pytest.raises(DeskVerdictRefused):
            desk.give_verdict(verdict.value)
        assert runner.calls == []


def test_a_pair_the_table_does_not_name_is_a_supervisors_accept_or_an_agents_other() -> None:
    missing = [(k, v) for k in K for v in V if (k, v) not in VERDICT_ROLES]
    assert missing
    for kind, verdict in missing:
        expected = SUPERVISORS if verdict is V.ACCEPT else airport_desk.AGENTS
        assert roles_for(kind, verdict) == expected


# -- what is refused, and why ---------------------------------------------------------------


def test_nobody_signed_in_gives_no_verdict(tmp_path: Path) -> None:
    desk = desk_for(tmp_path, RecordingRunner(open_at(K.DOCUMENT_FAILED)), Clock())
    with pytest.raises(NotSignedIn):
        desk.give_verdict("refuse")
    case = desk.open_case()
    assert case is not None
    assert not any(v.allowed for v in case.verdicts)


@pytest.mark.parametrize(
    ("verdict", "message"),
    [
        ("accept", "verdict accept does not fit document_failed (offered: retry, refuse)"),
        ("maybe", "unknown verdict 'maybe': expected one of accept, refuse, retry, fixed"),
    ],
)
def test_a_verdict_that_does_not_fit_is_an_error_naming_it(
    tmp_path: Path, verdict: str, message: str
) -> None:
    runner = RecordingRunner(open_at(K.DOCUMENT_FAILED))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "super")
    with pytest.raises(AttendantError, match=message.replace("(", r"\(").replace(")", r"\)")):
        desk.give_verdict(verdict)
    assert runner.calls == []


def test_nothing_open_is_an_error(tmp_path: Path) -> None:
    desk = desk_for(tmp_path, MachineRunner(at_documents()), Clock())
    sign_in(desk, "agent")
    assert desk.open_case() is None
    with pytest.raises(AttendantError, match="nothing is waiting for an agent"):
        desk.give_verdict("refuse")


def test_when_the_terminal_overrules_the_agent_the_audit_says_what_counted(
    tmp_path: Path,
) -> None:
    class Terminal(MachineRunner):
        """Asked again, the terminal says the fee was not paid (as the airport runner's
        journal does for an unknown payment)."""

        def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
            opened = self.journey.state.intervention
            assert opened is not None
            record = ResolvedAirportIntervention(
                opened.kind, "", opened.detail, opened.raised_at, NOW, staff_id, V.REFUSE
            )
            self.journey.state = replace(
                self.journey.state,
                intervention=None,
                interventions=(*self.journey.state.interventions, record),
            )
            for listener in list(self.listeners):
                listener(self.journey.state, [])

    desk = desk_for(tmp_path, Terminal(open_at(K.PAYMENT_FAILED)), Clock())
    sign_in(desk, "super")
    desk.give_verdict("accept")
    [row] = audit_rows(desk, "desk_verdict")
    assert (row["verdict"], row["counted"]) == ("accept", "refuse")


def test_a_runner_that_refuses_the_verdict_is_an_error_and_no_verdict_is_audited(
    tmp_path: Path,
) -> None:
    class Refusing(MachineRunner):
        def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
            raise IllegalEvent(Step.DOCUMENTS, event, "the intervention closed meanwhile")

    desk = desk_for(tmp_path, Refusing(open_at(K.DOCUMENT_FAILED)), Clock())
    sign_in(desk, "agent")
    with pytest.raises(AttendantError, match="can't handle event AgentVerdict in step documents"):
        desk.give_verdict("refuse")
    assert audit_rows(desk, "desk_verdict") == []


def test_a_runner_that_never_takes_the_verdict_times_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Deaf(MachineRunner):
        def agent_verdict(self, event: ev.AgentVerdict, staff_id: str) -> None:
            self.calls.append((event, staff_id))  # queued, never run (the lane is stopped)

    monkeypatch.setattr(airport_desk, "RUNNER_TIMEOUT_S", 0.05)
    runner = Deaf(open_at(K.DOCUMENT_FAILED))
    desk = desk_for(tmp_path, runner, Clock())
    sign_in(desk, "agent")
    with pytest.raises(AttendantError, match="did not take verdict refuse on document_failed"):
        desk.give_verdict("refuse")
    assert runner.listeners == []  # its listener is gone again
    assert audit_rows(desk, "desk_verdict") == []


def test_an_idle_session_ends_and_the_next_verdict_needs_a_sign_in(tmp_path: Path) -> None:
    clock = Clock()
    desk = desk_for(tmp_path, RecordingRunner(open_at(K.DOCUMENT_FAILED)), clock)
    sign_in(desk, "agent")
    clock.now += timedelta(seconds=121)
    assert desk.expire_idle()
    with pytest.raises(NotSignedIn):
        desk.give_verdict("refuse")
    assert audit_rows(desk, "sign_out")[-1]["staff_id"] == "agent"


# -- the shapes the desk screen reads ------------------------------------------------------


def test_the_service_offers_every_call_the_desk_makes(tmp_path: Path) -> None:
    desk = desk_for(tmp_path, RecordingRunner(open_at(K.NAME_MISMATCH)), Clock())
    members = {
        name
        for cls in (api.DeskService, api.StaffSignIn)
        for name, value in vars(cls).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }
    members |= set(api.DeskService.__annotations__)
    for name in sorted(members):
        assert hasattr(desk, name), name
        wanted = getattr(api.DeskService, name, None)
        real = getattr(AirportDeskService, name, None)
        if inspect.isfunction(wanted) and inspect.isfunction(real):
            want = [p for p in inspect.signature(wanted).parameters if p != "self"]
            assert set(want) <= set(inspect.signature(real).parameters), name
    session = desk.sign_in_pin("agent", PINS["agent"])
    assert isinstance(session, api.StaffSession)
    assert isinstance(desk.flags, api.LaneFlags)
    assert desk.device_status() == []
    assert isinstance(desk.open_case(), api.DeskCase)
