"""Effects: what the runner must do after a transition, as small frozen values.

The machine never performs them; :class:`kiosk.app.airport.runner.AirportRunner`
does, in list order, and feeds each answer back as an event (a DCS call's
answer or ``DcsFailed``, ``DocumentPrinted`` / ``PrintFailed``, the payment's
outcome, ``RecordCommitted``). ``SendDocument.document`` holds APIS data for
the one call: the runner never logs or stores it (invariant 6).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kiosk.domain.airport.dcs import BagTag, BoardingPassData, TravelDocument
from kiosk.domain.airport.interventions import AirportIntervention, AirportInterventionKind
from kiosk.domain.airport.record import CheckinRecord
from kiosk.domain.money import Money


@dataclass(frozen=True, slots=True)
class FindBooking:
    record_locator: str
    surname: str


@dataclass(frozen=True, slots=True)
class FindByName:
    surname: str
    given_names: str
    on: date


@dataclass(frozen=True, slots=True)
class SendDocument:
    record_locator: str
    document: TravelDocument = field(repr=False)


@dataclass(frozen=True, slots=True)
class FetchSeatMap:
    record_locator: str
    segment_id: str


@dataclass(frozen=True, slots=True)
class AssignSeat:
    record_locator: str
    segment_id: str
    passenger_id: str
    seat: str


@dataclass(frozen=True, slots=True)
class CheckIn:
    record_locator: str
    passenger_ids: tuple[str, ...]
    answers: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class AddBag:
    """Ask the DCS for bag ``bag_no``'s tag (its fees, if any, already paid)."""

    record_locator: str
    bag_no: int
    passenger_id: str
    weight_g: int
    paid: Money | None


@dataclass(frozen=True, slots=True)
class FetchBoardingPasses:
    record_locator: str
    passenger_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CancelCheckIn:
    """Undo the check-in at the DCS (nothing printed yet); answer ``CheckInCancelled``."""

    record_locator: str
    passenger_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrintBoardingPass:
    document_id: str
    data: BoardingPassData


@dataclass(frozen=True, slots=True)
class PrintBagTag:
    document_id: str
    tag: BagTag
    passenger_name: str


@dataclass(frozen=True, slots=True)
class StartPayment:
    """Charge ``amount`` for the fees through the journaled payment flow."""

    checkin_id: str
    amount: Money


@dataclass(frozen=True, slots=True)
class CallAgent:
    """Light the lamp / page the agent for ``intervention``."""

    intervention: AirportIntervention


@dataclass(frozen=True, slots=True)
class AgentCleared:
    """The intervention of ``kind`` is resolved: turn the lamp off."""

    kind: AirportInterventionKind


@dataclass(frozen=True, slots=True)
class CommitCheckin:
    """Commit the record with its outbox row and service events; answer ``RecordCommitted``."""

    record: CheckinRecord


Effect = (
    FindBooking
    | FindByName
    | SendDocument
    | FetchSeatMap
    | AssignSeat
    | CheckIn
    | AddBag
    | FetchBoardingPasses
    | CancelCheckIn
    | PrintBoardingPass
    | PrintBagTag
    | StartPayment
    | CallAgent
    | AgentCleared
    | CommitCheckin
)
