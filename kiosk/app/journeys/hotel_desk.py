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

Deposits after the guest left (:class:`HotelDeskService`): while no visit waits for
staff, the desk shows the oldest alert of the lane's
:class:`~kiosk.app.hotel.deposits.DepositQueue` (``runner.front_desk``) as its case -
a capture (or release) the terminal declined, or one whose outcome it cannot say - and
takes staff's settlement of it through the same sign-in, role check and audit: a
declined one once the desk charged the guest otherwise (``accept``, a receptionist);
one in doubt with staff's verdict, asked of the terminal once more first: done, the
terminal's own records show it (``accept``: a supervisor's or a manager's, as any
payment taken as done that the kiosk could not confirm), or not done (``refuse``: the
desk charges the guest otherwise); one the terminal took after staff said it did not,
once the desk gave back what it charged (``accept``, a receptionist). One audit row
``desk_deposit_settled`` (staff, kind,
stay, amount, verdict, seconds open and what it came to: the terminal's answer counts
over staff's), or ``desk_verdict_refused``; the queue writes ``intervention.resolved``.

``build_hotel_desk`` is the spec's ``attendant``; ``open_hotel_desk`` its
``desk_ui`` (imports Qt when called).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from kiosk.app.attendant.model import AttendantError
from kiosk.app.hotel.deposits import DEPOSIT_DOUBT, DEPOSIT_TAKEN, DepositAlert
from kiosk.app.hotel.runner import VerdictRefused
from kiosk.app.journeys.desk_service import (
    AGENTS,
    DEVICE_STAFF,
    SUPERVISORS,
    DeskRules,
    DeskVerdictRefused,
    JourneyDeskService,
    open_desk_screen,
    role_names,
)
from kiosk.app.journeys.spec import DeskContext, DeskUi
from kiosk.app.service_events import DEPOSIT_FAILED
from kiosk.attendant_api import DeskCase, DeskDocument, DeskVerdict
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel.events import AgentVerdict
from kiosk.domain.hotel.interventions import HotelIntervention, HotelInterventionKind
from kiosk.domain.hotel.states import HotelState, IllegalEvent
from kiosk.domain.staff import Role
from kiosk.payment.errors import PaymentError
from kiosk.store.errors import StoreError

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


#: A deposit alert's kind -> its verdicts and the roles that may give each (see the
#: module docstring).
DEPOSIT_VERDICTS: Mapping[str, Mapping[Verdict, frozenset[Role]]] = MappingProxyType(
    {
        DEPOSIT_FAILED: MappingProxyType({_V.ACCEPT: AGENTS}),
        DEPOSIT_DOUBT: MappingProxyType({_V.ACCEPT: SUPERVISORS, _V.REFUSE: AGENTS}),
        DEPOSIT_TAKEN: MappingProxyType({_V.ACCEPT: AGENTS}),
    }
)


def deposit_detail(alert: DepositAlert) -> str:
    """The case's detail of a deposit alert: action, amount, stay and the terminal's
    reason, tab-separated (the desk's terms word it; no card data)."""
    parts = (alert.action, str(alert.amount), alert.stay_id or "?", alert.why)
    return "\t".join(part.replace("\t", " ") for part in parts)


class HotelDeskService(JourneyDeskService):
    """The hotel's desk: :class:`JourneyDeskService` with :data:`RULES`, and the lane's
    deposit alerts as cases while no visit waits for staff (module docstring)."""

    default_rules = RULES

    def _deposits(self) -> Any:
        return getattr(self.runner, "front_desk", None)

    def open_case(self) -> DeskCase | None:
        """The visit's intervention, else the oldest deposit alert (no I/O)."""
        case = super().open_case()
        deposits = self._deposits()
        if case is not None or deposits is None:
            return case
        alerts = deposits.alerts()
        return self._deposit_case(alerts[0]) if alerts else None

    def _deposit_case(self, alert: DepositAlert) -> DeskCase:
        session = self.sessions.current
        grants = DEPOSIT_VERDICTS[alert.kind]
        verdicts = tuple(
            DeskVerdict(
                verdict.value,
                session is not None and _may(session.staff, roles),
                role_names(roles),
            )
            for verdict, roles in grants.items()
        )
        return DeskCase(
            kind=alert.kind,
            passenger_id=alert.preauth_ref,  # the case's handle (not shown)
            passenger="",
            detail=deposit_detail(alert),
            raised_at=alert.at,
            verdicts=verdicts,
        )

    def give_verdict(self, verdict: str, note: str = "", *, case: DeskCase | None = None) -> Any:
        """A visit's verdict (:meth:`JourneyDeskService.give_verdict`), or, for a
        deposit ``case``, its settlement (:meth:`settle_deposit`)."""
        if case is None or case.kind not in DEPOSIT_VERDICTS:
            return super().give_verdict(verdict, note, case=case)
        return self.settle_deposit(case.passenger_id, case.kind, verdict, note)

    def settle_deposit(self, preauth_ref: str, kind: str, verdict: str, note: str = "") -> str:
        """Settle the open deposit alert of ``preauth_ref`` (of ``kind``, as the desk showed
        it) with ``verdict``; returns what it came to (``DepositQueue.settle_alert``).

        Raises:
            NotSignedIn: nobody is signed in (or the session just timed out).
            DeskVerdictRefused: the role may not (an audit row says who tried).
            AttendantError: the alert is closed or changed, the verdict does not fit it,
                the terminal is busy or still working on it, or the store refused.
        """
        staff = self.sessions.require(None)
        deposits = self._deposits()
        alert = deposits.alert(preauth_ref) if deposits is not None else None
        if alert is None or alert.kind != kind:
            raise AttendantError(
                "this deposit is no longer waiting: the terminal answered or it was settled"
            )
        grants = DEPOSIT_VERDICTS[alert.kind]
        chosen = next((v for v in grants if v.value == verdict), None)
        if chosen is None:
            offered = ", ".join(v.value for v in grants)
            raise AttendantError(f"verdict {verdict!r} does not fit {kind} (offered: {offered})")
        facts: dict[str, Any] = {
            "kind": kind,
            "stay_id": alert.stay_id,
            "deposit": alert.preauth_ref,
            "action": alert.action,
            "amount_minor": alert.amount.minor,
            "currency": alert.amount.currency,
            "verdict": chosen.value,
        }
        if not _may(staff, grants[chosen]):
            self._record("desk_verdict_refused", staff, facts | {"role": staff.role.value},
                         self.clock())  # fmt: skip
            raise DeskVerdictRefused(staff, kind, chosen.value, role_names(grants[chosen]))
        now = self.clock()
        try:
            came = str(deposits.settle_alert(
                preauth_ref, staff.staff_id, taken=chosen is Verdict.ACCEPT
            ))  # fmt: skip
        except (PaymentError, StoreError) as error:
            raise AttendantError(str(error)) from None
        facts["seconds_open"] = round(max(0.0, (now - alert.at).total_seconds()), 1)
        facts["came_to"] = came
        self._record("desk_deposit_settled", staff, facts, now, note)
        return came


def _may(staff: Any, roles: frozenset[Role]) -> bool:
    return not staff.disabled and staff.role in roles


def build_hotel_desk(
    lane: Any, staff_repo: Any, audit_log: Any, clock: Callable[[], datetime]
) -> HotelDeskService:
    """The spec's ``attendant``: the hotel desk's service for a built lane."""
    return HotelDeskService(lane, staff_repo, audit_log, clock)


def open_hotel_desk(context: DeskContext) -> DeskUi:
    """The spec's ``desk_ui``: the desk screen with the hotel's words (imports Qt)."""
    from kiosk.ui.desk.hotel_terms import HotelTerms

    return open_desk_screen(context, HotelTerms())
