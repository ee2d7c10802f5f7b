"""A journey's agent desk service: sign-in, who may give which verdict, and its audit.

Theory of operation: the desk sits behind the shell's staff sign-in (badge or PIN,
lockout, idle sign-out: :class:`kiosk.app.attendant.sessions.StaffSessions` on the
lane's staff repository and audit log, the same as the self-checkout's). A journey
whose machine stops for staff (``runner.state.intervention``: a ``kind``, a
``raised_at``, its ``verdicts`` and the person it is about) brings its
:class:`DeskRules`: the roles per (kind, verdict), how to make its ``AgentVerdict``,
who the case is about and what of their document the desk may show (a summary:
type, issuing state, expiry, last four characters of the number; never the MRZ).

:meth:`JourneyDeskService.open_case` says what the desk shows: the kind, the person,
what failed, the document summary and the verdicts the machine accepts for that
kind, each marked with whether the signed-in role grants it.
:meth:`JourneyDeskService.give_verdict` checks the session and the role; a refusal
is an audit row (``desk_verdict_refused``) and a :class:`DeskVerdictRefused` naming
the roles that may. A granted verdict goes to the runner
(``runner.agent_verdict(event, staff_id)``); once the runner has taken it (the open
intervention changed) one audit row ``desk_verdict`` records the staff member, the
kind, the person, the verdict and the seconds since the intervention was raised
(and ``counted``, when the journey took another verdict: on an unknown payment the
terminal, asked again, has the last word). An error the runner raises (one of the
rules' ``refusals``) is an ``AttendantError`` with its message; nothing is audited.

The airport's desk (``airport_desk``) and the hotel's (``hotel_desk``) are this
service with their own rules.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from kiosk.app.attendant import queries
from kiosk.app.attendant.model import AttendantError, DeviceLine, LaneFlags, StaffSession
from kiosk.app.attendant.sessions import StaffSessions, serial
from kiosk.app.journeys.spec import DeskContext, DeskUi
from kiosk.attendant_api import DeskCase, DeskDocument, DeskVerdict
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.staff import Role, Staff

#: Front-line staff (an airport's agents, a hotel's receptionists) and those above them.
AGENTS = frozenset({Role.ATTENDANT, Role.SUPERVISOR, Role.MANAGER})
SUPERVISORS = frozenset({Role.SUPERVISOR, Role.MANAGER})
DEVICE_STAFF = AGENTS | {Role.TECHNICIAN}
#: How long :meth:`JourneyDeskService.give_verdict` waits for the runner to take a verdict.
RUNNER_TIMEOUT_S = 10.0
_ROLE_ORDER = (Role.ATTENDANT, Role.SUPERVISOR, Role.MANAGER, Role.TECHNICIAN)

#: ``make_event(kind, verdict, staff_id, at, note)``: the journey's ``AgentVerdict``.
MakeEvent = Callable[[Any, Verdict, str, datetime, str], Any]


def role_names(roles: frozenset[Role]) -> tuple[str, ...]:
    """Role values in the desk's order (agent first)."""
    return tuple(role.value for role in _ROLE_ORDER if role in roles)


def default_roles(verdict: Verdict) -> frozenset[Role]:
    """The roles for a pair a journey's table does not name: a supervisor's ``accept``,
    an agent's otherwise."""
    return SUPERVISORS if verdict is Verdict.ACCEPT else AGENTS


def roles_in(
    table: Mapping[tuple[Any, Verdict], frozenset[Role]], kind: Any, verdict: Verdict
) -> frozenset[Role]:
    """The roles ``table`` gives ``(kind, verdict)``, else :func:`default_roles`."""
    return table.get((kind, verdict), default_roles(verdict))


class DeskVerdictRefused(AttendantError):
    """The signed-in role may not give this verdict; ``needs`` names the roles that may."""

    def __init__(self, staff: Staff, kind: str, verdict: str, needs: tuple[str, ...]) -> None:
        self.verdict = verdict
        self.needs = needs
        who = f"role {staff.role.value} (staff {staff.staff_id})"
        if staff.disabled:
            who = f"staff {staff.staff_id} is disabled and"
        super().__init__(
            f"{who} may not give verdict {verdict} on {kind} (needs {' or '.join(needs)})"
        )


@dataclass(frozen=True)
class DeskRules:
    """What makes a journey's desk its own.

    Attributes:
        verdict_roles: (kind, verdict) -> the roles that may give it (a pair it does not
            name: :func:`default_roles`).
        make_event: the journey's ``AgentVerdict`` (see :data:`MakeEvent`).
        person: ``(state, intervention) -> (id, name)`` of whom the case is about
            (``("", "")``: the whole booking or stay).
        document: ``(state, intervention) -> DeskDocument | None`` (a summary only).
        refusals: the runner's exceptions that mean "not taken" (their message is shown).
        person_key: the audit's key for the person's id (``passenger_id``, ``guest_id``).
        journey: what the journey is called in errors (``check-in``, ``visit``).
    """

    verdict_roles: Mapping[tuple[Any, Verdict], frozenset[Role]]
    make_event: MakeEvent
    person: Callable[[Any, Any], tuple[str, str]]
    document: Callable[[Any, Any], DeskDocument | None]
    refusals: tuple[type[Exception], ...]
    person_key: str = "passenger_id"
    journey: str = "check-in"

    def roles_for(self, kind: Any, verdict: Verdict) -> frozenset[Role]:
        """The roles that may give ``verdict`` on ``kind``."""
        return roles_in(self.verdict_roles, kind, verdict)

    def may_give(self, staff: Staff, kind: Any, verdict: Verdict) -> bool:
        """True if ``staff`` (not disabled) may give ``verdict`` on ``kind``."""
        return not staff.disabled and staff.role in self.roles_for(kind, verdict)


class JourneyDeskService:
    """Sign-in and the verdicts of a journey's agent desk (see the module docstring).

    Args:
        lane: the built lane (``lane.controller`` is the journey's runner: ``state``,
            ``listeners``, ``agent_verdict(event, staff_id)``; ``lane.devices``).
        staff_repo: the lane's ``StaffRepository``.
        audit_log: the lane's ``AuditLog``.
        clock: the lane clock (aware UTC datetimes).
        rules: the journey's :class:`DeskRules` (None: the class's ``default_rules``).
        idle_timeout: inactivity after which the session ends (default: the config's
            ``attendant.session_idle_s``, else two minutes).
    """

    #: The rules of a journey's subclass (used when none are passed).
    default_rules: ClassVar[DeskRules | None] = None

    def __init__(
        self,
        lane: Any,
        staff_repo: Any,
        audit_log: Any,
        clock: Callable[[], datetime],
        rules: DeskRules | None = None,
        *,
        idle_timeout: timedelta | None = None,
    ) -> None:
        rules = rules if rules is not None else self.default_rules
        if rules is None:
            raise TypeError(f"{type(self).__name__} needs the journey's DeskRules")
        self.lane = lane
        self.runner = lane.controller
        self.staff_repo = staff_repo
        self.audit = serial(audit_log)
        self.clock = clock
        self.rules = rules
        if idle_timeout is None:
            section = getattr(getattr(lane, "config", None), "attendant", None)
            idle_timeout = timedelta(seconds=getattr(section, "session_idle_s", 120))
        self.sessions = StaffSessions(staff_repo, self.audit, clock, idle_timeout)
        #: The desk neither closes nor pauses the lane: the flags stay down.
        self.flags = LaneFlags()
        self.flag_listeners: list[Callable[[LaneFlags], None]] = []

    @property
    def runner_timeout_s(self) -> float:
        """How long a verdict may take to reach the journey's state."""
        return RUNNER_TIMEOUT_S

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
        """The intervention the journey waits on, as the desk shows it (no I/O)."""
        state = self.runner.state
        intervention = getattr(state, "intervention", None)
        if intervention is None:
            return None
        session, rules = self.sessions.current, self.rules
        person_id, name = rules.person(state, intervention)
        verdicts = tuple(
            DeskVerdict(
                verdict.value,
                session is not None and rules.may_give(session.staff, intervention.kind, verdict),
                role_names(rules.roles_for(intervention.kind, verdict)),
            )
            for verdict in intervention.verdicts
        )
        return DeskCase(
            kind=intervention.kind.value,
            passenger_id=person_id,
            passenger=name,
            detail=intervention.detail,
            raised_at=intervention.raised_at,
            document=rules.document(state, intervention),
            verdicts=verdicts,
        )

    def give_verdict(self, verdict: str, note: str = "", *, case: DeskCase | None = None) -> Any:
        """Give ``verdict`` (a :class:`Verdict` value) on the open intervention; returns
        the journey's state once the runner has taken it. ``case``: the case the desk
        showed when it was touched (refused if another one is open now).

        Raises:
            NotSignedIn: nobody is signed in (or the session just timed out).
            DeskVerdictRefused: the role may not (an audit row says who tried).
            AttendantError: nothing is open, the verdict does not fit its kind, the open
                case is not ``case``, or the journey did not take it.
        """
        staff = self.sessions.require(None)
        intervention = self.runner.state.intervention
        if intervention is None:
            raise AttendantError("nothing is waiting for an agent")
        if case is not None and (case.kind, case.raised_at) != (
            intervention.kind.value,
            intervention.raised_at,
        ):
            raise AttendantError("the case changed since the desk showed it: look again")
        chosen = parse_verdict(verdict, intervention)
        kind, rules = intervention.kind, self.rules
        person_id, _name = rules.person(self.runner.state, intervention)
        facts: dict[str, Any] = {
            "kind": kind.value,
            rules.person_key: person_id,
            "verdict": chosen.value,
        }
        if not rules.may_give(staff, kind, chosen):
            needs = role_names(rules.roles_for(kind, chosen))
            refused = DeskVerdictRefused(staff, kind.value, chosen.value, needs)
            self._record(
                "desk_verdict_refused", staff, facts | {"role": staff.role.value}, self.clock()
            )
            raise refused
        now = self.clock()
        event = rules.make_event(kind, chosen, staff.staff_id, now, note)
        state = self._hand_to_runner(event, staff.staff_id, intervention)
        seconds = max(0.0, (now - intervention.raised_at).total_seconds())
        facts["seconds_open"] = round(seconds, 1)
        counted = counted_verdict(state, intervention)
        if counted is not None and counted is not chosen:  # the terminal's word won
            facts["counted"] = counted.value
        self._record("desk_verdict", staff, facts, now, note)
        return state

    def device_status(self) -> list[DeviceLine]:
        """Every device of the lane with its status (anyone signed in)."""
        self.sessions.require(None)
        return queries.probe_devices(getattr(self.lane, "devices", {}) or {})

    # -- helpers -------------------------------------------------------------------------

    def _hand_to_runner(self, event: Any, staff_id: str, intervention: Any) -> Any:
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
            except self.rules.refusals as error:  # names the event and the step
                raise AttendantError(str(error)) from None
            if self.runner.state.intervention != intervention:
                taken.set()
            if not taken.wait(self.runner_timeout_s):
                raise AttendantError(
                    f"the {self.rules.journey} did not take verdict {event.verdict.value} on "
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


def counted_verdict(state: Any, intervention: Any) -> Verdict | None:
    """The verdict the journey recorded for ``intervention`` (for an unknown payment the
    runner takes what the terminal, asked again, says), or None if not found."""
    for resolved in reversed(getattr(state, "interventions", ())):
        if resolved.kind is intervention.kind and resolved.raised_at == intervention.raised_at:
            verdict: Verdict | None = resolved.verdict
            return verdict
    return None


def parse_verdict(text: str, intervention: Any) -> Verdict:
    """``text`` as a :class:`Verdict` the open ``intervention`` offers.

    Raises:
        AttendantError: an unknown verdict, or one that does not fit the kind (named).
    """
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


def open_desk_screen(context: DeskContext, terms: Any) -> DeskUi:
    """A journey's ``desk_ui``: the shared desk screen and presenter with ``terms`` (the
    journey's words, ``kiosk.ui.desk.screen.DeskTerms``) on the shell's staff layer."""
    from kiosk.ui.desk.presenter import DeskPresenter
    from kiosk.ui.desk.screen import DeskScreen

    screen = DeskScreen(terms)
    presenter = DeskPresenter(context.service, context.bridge, screen, context.staff)
    return DeskUi(screen, presenter.refresh, presenter)
