"""The airport check-in's agent desk: who may give which verdict, and its audit.

Theory of operation: the desk sits behind the shell's staff sign-in (badge or PIN,
lockout, idle sign-out: :class:`kiosk.app.attendant.sessions.StaffSessions` on the
lane's staff repository and audit log, the same as the self-checkout's). While the
check-in waits for an agent (``runner.state.intervention``), :meth:`open_case` says
what the desk shows: the kind, the passenger, what failed, the passenger's document
summary (type, issuing state, expiry, last four characters of the number: never the
MRZ) and the verdicts the machine accepts for that kind, each marked with whether the
signed-in role grants it (:data:`VERDICT_ROLES`).

:meth:`give_verdict` checks the session and the role; a refusal is an audit row
(``desk_verdict_refused``) and a :class:`DeskVerdictRefused` naming the roles that
may. A granted verdict goes to the runner as an ``AgentVerdict``
(``runner.agent_verdict(event, staff_id)``); once the runner has taken it (the open
intervention changed) one audit row ``desk_verdict`` records the staff member, the
kind, the passenger, the verdict and the seconds since the intervention was raised
(and ``counted``, when the check-in took another verdict: on an unknown payment the
terminal, asked again, has the last word).

Roles (``kiosk.domain.staff.Role``; an airport calls the attendant an *agent*): an
agent reads a document again, accepts a name that differs or a visa seen, refuses a
passenger and takes a printer back; accepting what the kiosk refused for a rule
(an expired document, an inhibited passenger, a bag over the maximum, a payment the
terminal cannot confirm, a safety answer) is a supervisor's (or a manager's); a
technician may only say a device is fixed or ask the airline's system again.

``build_airport_desk`` is the spec's ``attendant``; ``open_airport_desk`` its
``desk_ui`` (imports Qt when called).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from kiosk.app.attendant import queries
from kiosk.app.attendant.model import AttendantError, DeviceLine, LaneFlags, StaffSession
from kiosk.app.attendant.sessions import StaffSessions, serial
from kiosk.app.journeys.spec import DeskContext, DeskUi
from kiosk.attendant_api import DeskCase, DeskDocument, DeskVerdict
from kiosk.domain.airport.events import AgentVerdict
from kiosk.domain.airport.interventions import (
    AirportIntervention,
    AirportInterventionKind,
    Verdict,
)
from kiosk.domain.airport.states import IllegalEvent
from kiosk.domain.staff import Role, Staff

_K, _V = AirportInterventionKind, Verdict
AGENTS = frozenset({Role.ATTENDANT, Role.SUPERVISOR, Role.MANAGER})
SUPERVISORS = frozenset({Role.SUPERVISOR, Role.MANAGER})
DEVICE_STAFF = AGENTS | {Role.TECHNICIAN}
#: How long :meth:`AirportDeskService.give_verdict` waits for the runner to take a verdict.
RUNNER_TIMEOUT_S = 10.0

#: (kind, verdict) -> the roles that may give it (see the module docstring).
VERDICT_ROLES: Mapping[tuple[AirportInterventionKind, Verdict], frozenset[Role]] = MappingProxyType(
    {
        (_K.DOCUMENT_FAILED, _V.RETRY): AGENTS,
        (_K.DOCUMENT_FAILED, _V.REFUSE): AGENTS,
        (_K.NAME_MISMATCH, _V.ACCEPT): AGENTS,
        (_K.NAME_MISMATCH, _V.RETRY): AGENTS,
        (_K.NAME_MISMATCH, _V.REFUSE): AGENTS,
        (_K.DOCUMENT_EXPIRED, _V.ACCEPT): SUPERVISORS,
        (_K.DOCUMENT_EXPIRED, _V.RETRY): AGENTS,
        (_K.DOCUMENT_EXPIRED, _V.REFUSE): AGENTS,
        (_K.AGENT_NEEDED, _V.ACCEPT): AGENTS,
        (_K.AGENT_NEEDED, _V.REFUSE): AGENTS,
        (_K.INHIBITED_PASSENGER, _V.ACCEPT): SUPERVISORS,
        (_K.INHIBITED_PASSENGER, _V.REFUSE): AGENTS,
        (_K.BAG_OVER_MAXIMUM, _V.ACCEPT): SUPERVISORS,
        (_K.BAG_OVER_MAXIMUM, _V.RETRY): AGENTS,
        (_K.BAG_OVER_MAXIMUM, _V.REFUSE): AGENTS,
        (_K.DCS_UNREACHABLE, _V.RETRY): DEVICE_STAFF,
        (_K.PRINTER_OUT, _V.FIXED): DEVICE_STAFF,
        (_K.PRINTER_OUT, _V.ACCEPT): AGENTS,
        (_K.PAYMENT_FAILED, _V.ACCEPT): SUPERVISORS,
        (_K.PAYMENT_FAILED, _V.REFUSE): AGENTS,
        (_K.SAFETY_ANSWER, _V.ACCEPT): SUPERVISORS,
        (_K.SAFETY_ANSWER, _V.REFUSE): AGENTS,
    }
)
_ROLE_ORDER = (Role.ATTENDANT, Role.SUPERVISOR, Role.MANAGER, Role.TECHNICIAN)


def roles_for(kind: AirportInterventionKind, verdict: Verdict) -> frozenset[Role]:
    """The roles that may give ``verdict`` on ``kind`` (a pair the table does not name:
    a supervisor's for ``accept``, an agent's otherwise)."""
    default = SUPERVISORS if verdict is Verdict.ACCEPT else AGENTS
    return VERDICT_ROLES.get((kind, verdict), default)


def may_give(staff: Staff, kind: AirportInterventionKind, verdict: Verdict) -> bool:
    """True if ``staff`` (not disabled) may give ``verdict`` on ``kind``."""
    return not staff.disabled and staff.role in roles_for(kind, verdict)


def _role_names(roles: frozenset[Role]) -> tuple[str, ...]:
    return tuple(role.value for role in _ROLE_ORDER if role in roles)


class DeskVerdictRefused(AttendantError):
    """The signed-in role may not give this verdict; ``needs`` names the roles that may."""

    def __init__(self, staff: Staff, kind: AirportInterventionKind, verdict: Verdict) -> None:
        self.verdict = verdict.value
        self.needs = _role_names(roles_for(kind, verdict))
        who = f"role {staff.role.value} (staff {staff.staff_id})"
        if staff.disabled:
            who = f"staff {staff.staff_id} is disabled and"
        super().__init__(
            f"{who} may not give verdict {verdict.value} on {kind.value} "
            f"(needs {' or '.join(self.needs)})"
        )


class AirportDeskService:
    """Sign-in and the verdicts of the airport's agent desk (see the module docstring).

    Args:
        lane: the built lane (``lane.controller`` is the ``AirportRunner``: ``state``,
            ``listeners``, ``agent_verdict(event, staff_id)``; ``lane.devices``).
        staff_repo: the lane's ``StaffRepository``.
        audit_log: the lane's ``AuditLog``.
        clock: the lane clock (aware UTC datetimes).
        idle_timeout: inactivity after which the session ends (default: the config's
            ``attendant.session_idle_s``, else two minutes).
    """

    def __init__(
        self,
        lane: Any,
        staff_repo: Any,
        audit_log: Any,
        clock: Callable[[], datetime],
        *,
        idle_timeout: timedelta | None = None,
    ) -> None:
        self.lane = lane
        self.runner = lane.controller
        self.staff_repo = staff_repo
        self.audit = serial(audit_log)
        self.clock = clock
        if idle_timeout is None:
            section = getattr(getattr(lane, "config", None), "attendant", None)
            idle_timeout = timedelta(seconds=getattr(section, "session_idle_s", 120))
        self.sessions = StaffSessions(staff_repo, self.audit, clock, idle_timeout)
        #: The desk neither closes nor pauses the lane: the flags stay down.
        self.flags = LaneFlags()
        self.flag_listeners: list[Callable[[LaneFlags], None]] = []

    # -- sign-in (the shell's, shared with the self-checkout) ----------------------------

    def sign_in_badge(self, code: str) -> StaffSession:
        """Sign in with a scanned badge. Raises SignInFailed, StoreError."""
        return self.sessions.sign_in_badge(code)

    def sign_in_pin(self, staff_id: str, pin: str) -> StaffSession:
        """Sign in with a staff id and PIN. Raises SignInFailed, StoreError."""
        return self.sessions.sign_in_pin(staff_id, pin)

    @property
    def current_session(self) -> StaffSession | None:
        """The session as it stands (for drawing the screen)."""
        return self.sessions.current

    @property
    def idle_timeout(self) -> timedelta:
        """How long a session lasts without an action or a touch."""
        return self.sessions.idle_timeout

    def sign_out(self, reason: str = "") -> None:
        """End the session (no-op when nobody is signed in)."""
        self.sessions.sign_out(reason)

    def expire_idle(self) -> bool:
        """Sign out after ``idle_timeout`` without an action or a touch; True if it did."""
        return self.sessions.expire_idle()

    def touched(self) -> None:
        """Someone touched the desk: the session stays alive (never blocks)."""
        self.sessions.touched()

    # -- the desk ------------------------------------------------------------------------

    def open_case(self) -> DeskCase | None:
        """The intervention the check-in waits on, as the desk shows it (no I/O)."""
        state = self.runner.state
        intervention: AirportIntervention | None = getattr(state, "intervention", None)
        if intervention is None:
            return None
        session = self.sessions.current
        passenger = state.passenger(intervention.passenger_id)
        verdicts = tuple(
            DeskVerdict(
                verdict.value,
                session is not None and may_give(session.staff, intervention.kind, verdict),
                _role_names(roles_for(intervention.kind, verdict)),
            )
            for verdict in intervention.verdicts
        )
        return DeskCase(
            kind=intervention.kind.value,
            passenger_id=intervention.passenger_id,
            passenger=passenger.name if passenger is not None else "",
            detail=intervention.detail,
            raised_at=intervention.raised_at,
            document=_document(state, intervention, passenger),
            verdicts=verdicts,
        )

    def give_verdict(self, verdict: str, note: str = "") -> Any:
        """Give ``verdict`` (a :class:`Verdict` value) on the open intervention; returns
        the check-in's state once the runner has taken it.

        Raises:
            NotSignedIn: nobody is signed in (or the session just timed out).
            DeskVerdictRefused: the role may not (an audit row says who tried).
            AttendantError: nothing is open, the verdict does not fit its kind, or the
                check-in did not take it.
        """
        staff = self.sessions.require(None)
        intervention: AirportIntervention | None = self.runner.state.intervention
        if intervention is None:
            raise AttendantError("nothing is waiting for an agent")
        chosen = _verdict(verdict, intervention)
        facts: dict[str, Any] = {
            "kind": intervention.kind.value,
            "passenger_id": intervention.passenger_id,
            "verdict": chosen.value,
        }
        if not may_give(staff, intervention.kind, chosen):
            refused = DeskVerdictRefused(staff, intervention.kind, chosen)
            self._record(
                "desk_verdict_refused", staff, facts | {"role": staff.role.value}, self.clock()
            )
            raise refused
        now = self.clock()
        event = AgentVerdict(intervention.kind, chosen, staff.staff_id, now, note)
        state = self._hand_to_runner(event, staff.staff_id, intervention)
        seconds = max(0.0, (now - intervention.raised_at).total_seconds())
        facts["seconds_open"] = round(seconds, 1)
        counted = _counted(state, intervention)
        if counted is not None and counted is not chosen:  # the terminal's word won
            facts["counted"] = counted.value
        self._record("desk_verdict", staff, facts, now, note)
        return state

    def device_status(self) -> list[DeviceLine]:
        """Every device of the lane with its status (anyone signed in)."""
        self.sessions.require(None)
        return queries.probe_devices(getattr(self.lane, "devices", {}) or {})

    # -- helpers -------------------------------------------------------------------------

    def _hand_to_runner(
        self, event: AgentVerdict, staff_id: str, intervention: AirportIntervention
    ) -> Any:
        """``runner.agent_verdict(event, staff_id)``, then wait until the runner's state
        no longer waits on ``intervention``. Raises AttendantError if it does not."""
        taken = threading.Event()

        def listener(state: Any, effects: list[Any]) -> None:
            if getattr(state, "intervention", None) != intervention:
                taken.set()

        self.runner.listeners.append(listener)
        try:
            try:
                self.runner.agent_verdict(event, staff_id)
            except IllegalEvent as error:  # names the event and the step
                raise AttendantError(str(error)) from None
            if self.runner.state.intervention != intervention:
                taken.set()
            if not taken.wait(RUNNER_TIMEOUT_S):
                raise AttendantError(
                    f"the check-in did not take verdict {event.verdict.value} on "
                    f"{event.kind.value} (is the lane running?)"
                )
        finally:
            if listener in self.runner.listeners:
                self.runner.listeners.remove(listener)
        return self.runner.state

    def _record(
        self, action: str, staff: Staff, details: dict[str, Any], at: datetime, note: str = ""
    ) -> None:
        self.audit.record(action, staff_id=staff.staff_id, reason=note, details=details, at=at)


def _document(state: Any, intervention: AirportIntervention, passenger: Any) -> DeskDocument | None:
    """The document the case is about: the one read and held for the agent (a name that
    differs, an expiry), else the passenger's accepted one; its summary only."""
    held = getattr(state, "pending_document", None)
    if held is not None and held.passenger_id == intervention.passenger_id:
        summary = held.summary()
        name = f"{held.surname}/{held.given_names}"
    else:
        summary = passenger.summary if passenger is not None else None
        name = ""
    if summary is None:
        return None
    return DeskDocument(
        summary.document_code, summary.issuing_state, summary.expiry, summary.number_last4, name
    )


def _counted(state: Any, intervention: AirportIntervention) -> Verdict | None:
    """The verdict the check-in recorded for ``intervention`` (for an unknown payment the
    runner takes what the terminal, asked again, says), or None if not found."""
    for resolved in reversed(getattr(state, "interventions", ())):
        if resolved.kind is intervention.kind and resolved.raised_at == intervention.raised_at:
            verdict: Verdict | None = resolved.verdict
            return verdict
    return None


def _verdict(text: str, intervention: AirportIntervention) -> Verdict:
    try:
        verdict = Verdict(text)
    except ValueError:
        known = ", ".join(v.value for v in Verdict)
        raise AttendantError(f"unknown verdict {text!r}: expected one of {known}") from None
    if verdict not in intervention.verdicts:
        offered = ", ".join(v.value for v in intervention.verdicts)
        raise AttendantError(
            f"verdict {verdict.value} does not fit {intervention.kind.value} (offered: {offered})"
        )
    return verdict


def build_airport_desk(
    lane: Any, staff_repo: Any, audit_log: Any, clock: Callable[[], datetime]
) -> AirportDeskService:
    """The spec's ``attendant``: the desk's service for a built lane."""
    return AirportDeskService(lane, staff_repo, audit_log, clock)


def open_airport_desk(context: DeskContext) -> DeskUi:
    """The spec's ``desk_ui``: the desk screen with the airport's words (imports Qt)."""
    from kiosk.ui.desk.airport_terms import AirportTerms
    from kiosk.ui.desk.presenter import DeskPresenter
    from kiosk.ui.desk.screen import DeskScreen

    screen = DeskScreen(AirportTerms())
    presenter = DeskPresenter(context.service, context.bridge, screen, context.staff)
    return DeskUi(screen, presenter.refresh, presenter)
