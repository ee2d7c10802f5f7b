"""The airport check-in's agent desk: who may give which verdict, and its audit.

Theory of operation: the desk is the journeys' shared desk service
(:class:`kiosk.app.journeys.desk_service.JourneyDeskService`: the shell's staff
sign-in, the role check, the audit, the hand-over to the runner) with the airport's
:class:`~kiosk.app.journeys.desk_service.DeskRules`. While the check-in waits for an
agent (``runner.state.intervention``), ``open_case`` says what the desk shows: the
kind, the passenger, what failed, the passenger's document summary (type, issuing
state, expiry, last four characters of the number: never the MRZ) and the verdicts
the machine accepts for that kind, each marked with whether the signed-in role grants
it (:data:`VERDICT_ROLES`).

``give_verdict`` checks the session and the role; a refusal is an audit row
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

from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from kiosk.app.journeys import desk_service
from kiosk.app.journeys.desk_service import (
    AGENTS,
    DEVICE_STAFF,
    SUPERVISORS,
    DeskRules,
    DeskVerdictRefused,
    JourneyDeskService,
    open_desk_screen,
    roles_in,
)
from kiosk.app.journeys.spec import DeskContext, DeskUi
from kiosk.attendant_api import DeskDocument
from kiosk.domain.airport.events import AgentVerdict
from kiosk.domain.airport.interventions import (
    AirportIntervention,
    AirportInterventionKind,
    Verdict,
)
from kiosk.domain.airport.states import IllegalEvent
from kiosk.domain.staff import Role, Staff

__all__ = [
    "AGENTS",
    "DEVICE_STAFF",
    "RULES",
    "SUPERVISORS",
    "VERDICT_ROLES",
    "AirportDeskService",
    "DeskVerdictRefused",
    "build_airport_desk",
    "may_give",
    "open_airport_desk",
    "roles_for",
]

_K, _V = AirportInterventionKind, Verdict
#: How long ``give_verdict`` waits for the runner to take a verdict.
RUNNER_TIMEOUT_S = desk_service.RUNNER_TIMEOUT_S

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


def roles_for(kind: AirportInterventionKind, verdict: Verdict) -> frozenset[Role]:
    """The roles that may give ``verdict`` on ``kind`` (a pair the table does not name:
    a supervisor's for ``accept``, an agent's otherwise)."""
    return roles_in(VERDICT_ROLES, kind, verdict)


def may_give(staff: Staff, kind: AirportInterventionKind, verdict: Verdict) -> bool:
    """True if ``staff`` (not disabled) may give ``verdict`` on ``kind``."""
    return not staff.disabled and staff.role in roles_for(kind, verdict)


def _person(state: Any, intervention: AirportIntervention) -> tuple[str, str]:
    passenger = state.passenger(intervention.passenger_id)
    return intervention.passenger_id, passenger.name if passenger is not None else ""


def _document(state: Any, intervention: AirportIntervention) -> DeskDocument | None:
    """The document the case is about: the one read and held for the agent (a name that
    differs, an expiry), else the passenger's accepted one; its summary only."""
    held = getattr(state, "pending_document", None)
    if held is not None and held.passenger_id == intervention.passenger_id:
        summary = held.summary()
        name = f"{held.surname}/{held.given_names}"
    else:
        passenger = state.passenger(intervention.passenger_id)
        summary = passenger.summary if passenger is not None else None
        name = ""
    if summary is None:
        return None
    return DeskDocument(
        summary.document_code, summary.issuing_state, summary.expiry, summary.number_last4, name
    )


#: The airport's desk rules (roles, its ``AgentVerdict``, the passenger and document).
RULES = DeskRules(
    verdict_roles=VERDICT_ROLES,
    make_event=AgentVerdict,
    person=_person,
    document=_document,
    refusals=(IllegalEvent,),
    person_key="passenger_id",
    journey="check-in",
)


class AirportDeskService(JourneyDeskService):
    """The airport's agent desk: :class:`JourneyDeskService` with :data:`RULES`
    (``lane.controller`` is the ``AirportRunner``)."""

    default_rules = RULES

    @property
    def runner_timeout_s(self) -> float:
        return RUNNER_TIMEOUT_S


def build_airport_desk(
    lane: Any, staff_repo: Any, audit_log: Any, clock: Callable[[], datetime]
) -> AirportDeskService:
    """The spec's ``attendant``: the desk's service for a built lane."""
    return AirportDeskService(lane, staff_repo, audit_log, clock)


def open_airport_desk(context: DeskContext) -> DeskUi:
    """The spec's ``desk_ui``: the desk screen with the airport's words (imports Qt)."""
    from kiosk.ui.desk.airport_terms import AirportTerms

    return open_desk_screen(context, AirportTerms())
