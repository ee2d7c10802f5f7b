"""The hotel journey's staff desk: who may give which verdict, and its audit.

Theory of operation: the desk is the journeys' shared desk service
(:class:`kiosk.app.journeys.desk_service.JourneyDeskService`: the shell's staff
sign-in, the role check, the audit, the hand-over to the runner) with the hotel's
:class:`~kiosk.app.journeys.desk_service.DeskRules`. While a visit waits for staff
(``runner.state.intervention``, a
:class:`~kiosk.domain.hotel.interventions.HotelIntervention`), ``open_case`` shows
the kind, the guest (none: the whole stay), what failed, the document summary
(the one staff are deciding on, else the guest's accepted one: type, issuing state,
expiry, last four characters of the number; never the number or the MRZ) and the
verdicts of :data:`kiosk.domain.hotel.interventions.VERDICTS` with the signed-in
role's grants (:data:`VERDICT_ROLES`). ``give_verdict`` hands the runner an
``AgentVerdict`` (``runner.agent_verdict(event, staff_id)``) and writes one audit row
``desk_verdict`` (staff, kind, ``guest_id``, verdict, ``seconds_open`` and, when the
card terminal overruled staff on an unknown payment, ``counted``); a role that may
not is a ``desk_verdict_refused`` row. The runner's ``VerdictRefused`` (the terminal
is still working on the payment) comes back as an error with its reason.

Roles (``kiosk.domain.staff.Role``; the hotel's attendant is a receptionist): a
receptionist searches again, reads another ID, accepts an ID whose name differs in
spelling, completes the register at the desk, retries the hotel's system or the
encoder, finishes with the keys made, tells the guest the room will be ready later,
goes on without printing and sends the guests to the front desk. Accepting an
expired document and taking a payment the kiosk could not confirm as done (an
unknown outcome overridden as paid, a deposit waived) are a supervisor's or a
manager's. A technician may only retry the encoder or the hotel's system, or say
the printer is fixed.

``build_hotel_desk`` is the spec's ``attendant``; ``open_hotel_desk`` its
``desk_ui`` (imports Qt when called).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from kiosk.app.hotel.runner import VerdictRefused
from kiosk.app.journeys.desk_service import (
    AGENTS,
    DEVICE_STAFF,
    SUPERVISORS,
    DeskRules,
    JourneyDeskService,
    open_desk_screen,
)
from kiosk.app.journeys.spec import DeskContext, DeskUi
from kiosk.attendant_api import DeskDocument
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel.events import AgentVerdict
from kiosk.domain.hotel.interventions import HotelIntervention, HotelInterventionKind
from kiosk.domain.hotel.states import HotelState, IllegalEvent
from kiosk.domain.staff import Role

_K, _V = HotelInterventionKind, Verdict

#: (kind, verdict) -> the roles that may give it: every pair of the machine's
#: ``VERDICTS`` (see the module docstring).
VERDICT_ROLES: Mapping[tuple[HotelInterventionKind, Verdict], frozenset[Role]] = MappingProxyType(
    {
        (_K.BOOKING_NOT_FOUND, _V.RETRY): AGENTS,
        (_K.BOOKING_NOT_FOUND, _V.REFUSE): AGENTS,
        (_K.DOCUMENT_FAILED, _V.RETRY): AGENTS,
        (_K.DOCUMENT_FAILED, _V.REFUSE): AGENTS,
        (_K.NAME_MISMATCH, _V.ACCEPT): AGENTS,
        (_K.NAME_MISMATCH, _V.RETRY): AGENTS,
        (_K.NAME_MISMATCH, _V.REFUSE): AGENTS,
        (_K.DOCUMENT_EXPIRED, _V.ACCEPT): SUPERVISORS,
        (_K.DOCUMENT_EXPIRED, _V.RETRY): AGENTS,
        (_K.DOCUMENT_EXPIRED, _V.REFUSE): AGENTS,
        (_K.REGISTER_INCOMPLETE, _V.ACCEPT): AGENTS,
        (_K.REGISTER_INCOMPLETE, _V.RETRY): AGENTS,
        (_K.REGISTER_INCOMPLETE, _V.REFUSE): AGENTS,
        (_K.PAYMENT_FAILED, _V.ACCEPT): SUPERVISORS,
        (_K.PAYMENT_FAILED, _V.REFUSE): AGENTS,
        (_K.ENCODER_FAILED, _V.RETRY): DEVICE_STAFF,
        (_K.ENCODER_FAILED, _V.ACCEPT): AGENTS,
        (_K.ROOM_NOT_READY, _V.RETRY): AGENTS,
        (_K.ROOM_NOT_READY, _V.ACCEPT): AGENTS,
        (_K.ROOM_NOT_READY, _V.REFUSE): AGENTS,
        (_K.PMS_UNREACHABLE, _V.RETRY): DEVICE_STAFF,
        (_K.PMS_UNREACHABLE, _V.REFUSE): AGENTS,
        (_K.PMS_REFUSED, _V.RETRY): AGENTS,
        (_K.PMS_REFUSED, _V.REFUSE): AGENTS,
        (_K.PRINTER_OUT, _V.FIXED): DEVICE_STAFF,
        (_K.PRINTER_OUT, _V.ACCEPT): AGENTS,
    }
)


def _guest(state: HotelState, intervention: HotelIntervention) -> tuple[str, str]:
    """The guest's id and name as the booking has them (``""``: the whole stay)."""
    guest = state.guest(intervention.guest_id) if intervention.guest_id else None
    if guest is None:
        return intervention.guest_id, ""
    return guest.guest_id, " ".join(p for p in (guest.given_names, guest.surname) if p)


def _document(state: HotelState, intervention: HotelIntervention) -> DeskDocument | None:
    """The document the case is about: the one held for staff (a name that differs, an
    expiry), else the guest's accepted one; its summary only (no number, no MRZ)."""
    if state.pending is not None and state.pending[0] == intervention.guest_id:
        held = state.pending[1]
        name = f"{held.primary_name}/{held.secondary_name}".strip("/")
        return DeskDocument(
            held.document_code, held.issuing_state, held.expiry_date, held.number_last4, name
        )
    guest = state.guest(intervention.guest_id) if intervention.guest_id else None
    summary = guest.document if guest is not None else None
    if summary is None:
        return None
    return DeskDocument(
        summary.document_code, summary.issuing_state, summary.expiry, summary.number_last4
    )


#: The hotel's desk rules (roles, its ``AgentVerdict``, the guest and document).
RULES = DeskRules(
    verdict_roles=VERDICT_ROLES,
    make_event=AgentVerdict,
    person=_guest,
    document=_document,
    refusals=(IllegalEvent, VerdictRefused),
    person_key="guest_id",
    journey="visit",
)


def build_hotel_desk(
    lane: Any, staff_repo: Any, audit_log: Any, clock: Callable[[], datetime]
) -> JourneyDeskService:
    """The spec's ``attendant``: the hotel desk's service for a built lane."""
    return JourneyDeskService(lane, staff_repo, audit_log, clock, RULES)


def open_hotel_desk(context: DeskContext) -> DeskUi:
    """The spec's ``desk_ui``: the desk screen with the hotel's words (imports Qt)."""
    from kiosk.ui.desk.hotel_terms import HotelTerms

    return open_desk_screen(context, HotelTerms())
