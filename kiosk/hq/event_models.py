"""Pydantic models of the service-event contract (``POST /api/v1/events``, schema 1); the
prose version is ``docs/service-events.md``.

Each event is an envelope (ids, journey, transaction, type, time, language) and a ``data``
object whose shape depends on ``type``: a discriminated union, so a lane is told which
field of which event is wrong (``events[3].data.rating``). There is no free-form JSON
anywhere: every object has fixed keys (extra keys refused), every list a maximum length
and every text field is a :class:`kiosk.hq.fields.Text`, so the depth and size of an
event are bounded by the model itself (and the body by ``hq.max_body_bytes``). Free text
(the NPS comment, a device's detail) is refused if it holds a card number or MRZ-like
text.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kiosk.domain.checkout.coupons import COUPON_REFUSALS
from kiosk.domain.feedback import NPS_REASONS
from kiosk.hq.fields import Ident, ShortText, Text, UtcTime

Journey = Literal["self_checkout", "airport_checkin", "hotel_checkin"]
JOURNEYS: tuple[str, ...] = ("self_checkout", "airport_checkin", "hotel_checkin")
Uuid = Annotated[
    str,
    Text(36, pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
TransactionRef = Annotated[str, Text(64, min_length=1)]
Language = Annotated[str, Text(16, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
Name = Annotated[str, Text(40, pattern=r"^[a-z][a-z0-9_]{0,39}$")]  # a kind, a device, ...
Comment = Annotated[str, Text(200, free=True, mrz=True)]
Detail = Annotated[str, Text(200, free=True, mrz=True)]
NpsReason = Literal[NPS_REASONS]  # type: ignore[valid-type]  # the lane's list (kiosk.domain)
ABANDON_REASONS: tuple[str, ...] = ("cancelled", "idle_timeout", "walk_away")
CouponRefusal = Literal[COUPON_REFUSALS]  # type: ignore[valid-type]  # the lane's reasons
#: A coupon's offer (never its serial): a store coupon's 5-digit offer id, or a GS1
#: company prefix (6-12 digits) and 6-digit offer code (AI 8110) / funder and offer (8112).
CouponId = Annotated[str, Text(40, pattern=r"^(store:[0-9]{5}|81(10|12):[0-9]{6,12}:[0-9]{6})$")]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class NoData(_Strict):
    """``data`` of events that carry nothing more than the envelope: ``{}``."""


class Completed(_Strict):
    items: Annotated[int, Field(ge=0, le=100_000)]
    total_minor: Annotated[int, Field(ge=0, le=10**12)]
    currency: Annotated[str, Text(3, pattern=r"^[A-Z]{3}$")]
    language: Language


class Abandoned(_Strict):
    reason: Literal["cancelled", "idle_timeout", "walk_away"]
    items: Annotated[int, Field(ge=0, le=100_000)] = 0


class Raised(_Strict):
    intervention_id: Uuid
    kind: Name


class StaffArrived(_Strict):
    intervention_id: Uuid
    kind: Name
    staff_id: ShortText
    how: Literal["at_lane", "remote"]


class Resolved(_Strict):
    intervention_id: Uuid
    kind: Name
    staff_id: ShortText | None = None
    how: Literal["at_lane", "remote", "shopper"]
    outcome: Name


class HelpAsked(_Strict):
    intervention_id: Uuid | None = None


class DeviceFault(_Strict):
    device: Name
    detail: Detail = ""


class DeviceRestored(_Strict):
    device: Name


class LaneChange(_Strict):
    reason: Name | None = None


class Rating(_Strict):
    rating: Annotated[int, Field(ge=1, le=5)]


class Nps(_Strict):
    score: Annotated[int, Field(ge=0, le=10)]
    reasons: Annotated[list[NpsReason], Field(max_length=len(NPS_REASONS))] = Field(
        default_factory=list
    )
    comment: Comment = ""


class LanguageChosen(_Strict):
    language: Language


class AccessibilityUsed(_Strict):
    option: Name


class CouponAccepted(_Strict):
    coupon_id: CouponId
    kind: Literal["store", "8110", "8112"]
    saving_minor: Annotated[int, Field(ge=0, le=10**9)]
    currency: Annotated[str, Text(3, pattern=r"^[A-Z]{3}$")]

    @model_validator(mode="after")
    def _kind_is_the_ids(self) -> CouponAccepted:
        if not self.coupon_id.startswith(self.kind + ":"):
            raise ValueError(f"kind {self.kind} does not match the coupon_id")
        return self


class CouponRefusedData(_Strict):
    reason: CouponRefusal


class CouponWithdrawn(CouponAccepted):
    """A coupon that no longer saves: its items were voided or reduced
    (``requirement_not_met``) or it expired while the lane was down (``expired``);
    ``saving_minor`` is what it saved until then."""

    reason: Literal["requirement_not_met", "expired"]


class CouponReinstated(CouponAccepted):
    """A withdrawn coupon whose items came back; ``saving_minor``: what it saves again."""


class _Event(_Strict):
    schema_: Literal[1] = Field(alias="schema")
    event_id: Uuid
    store_id: Ident
    lane_id: Ident
    journey: Journey
    transaction_id: TransactionRef | None = None
    at: UtcTime
    language: Language | None = None

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


class TransactionStarted(_Event):
    type: Literal["transaction.started"]
    data: NoData = Field(default_factory=NoData)


class TransactionCompleted(_Event):
    type: Literal["transaction.completed"]
    data: Completed


class TransactionAbandoned(_Event):
    type: Literal["transaction.abandoned"]
    data: Abandoned


class TransactionSuspended(_Event):
    type: Literal["transaction.suspended"]
    data: NoData = Field(default_factory=NoData)


class InterventionRaised(_Event):
    type: Literal["intervention.raised"]
    data: Raised


class InterventionStaffArrived(_Event):
    type: Literal["intervention.staff_arrived"]
    data: StaffArrived


class InterventionResolved(_Event):
    type: Literal["intervention.resolved"]
    data: Resolved


class HelpAskedEvent(_Event):
    type: Literal["help.asked"]
    data: HelpAsked = Field(default_factory=HelpAsked)


class DeviceFaultEvent(_Event):
    type: Literal["device.fault"]
    data: DeviceFault


class DeviceRestoredEvent(_Event):
    type: Literal["device.restored"]
    data: DeviceRestored


class LaneUnavailable(_Event):
    type: Literal["lane.unavailable"]
    data: LaneChange = Field(default_factory=LaneChange)


class LaneAvailable(_Event):
    type: Literal["lane.available"]
    data: LaneChange = Field(default_factory=LaneChange)


class FeedbackRating(_Event):
    type: Literal["feedback.rating"]
    data: Rating


class FeedbackNps(_Event):
    type: Literal["feedback.nps"]
    data: Nps


class LanguageChosenEvent(_Event):
    type: Literal["language.chosen"]
    data: LanguageChosen


class AccessibilityUsedEvent(_Event):
    type: Literal["accessibility.used"]
    data: AccessibilityUsed


class CouponAcceptedEvent(_Event):
    type: Literal["coupon.accepted"]
    data: CouponAccepted


class CouponRefusedEvent(_Event):
    type: Literal["coupon.refused"]
    data: CouponRefusedData


class CouponWithdrawnEvent(_Event):
    type: Literal["coupon.withdrawn"]
    data: CouponWithdrawn


class CouponReinstatedEvent(_Event):
    type: Literal["coupon.reinstated"]
    data: CouponReinstated


EVENT_MODELS: tuple[type[_Event], ...] = (
    TransactionStarted,
    TransactionCompleted,
    TransactionAbandoned,
    TransactionSuspended,
    InterventionRaised,
    InterventionStaffArrived,
    InterventionResolved,
    HelpAskedEvent,
    DeviceFaultEvent,
    DeviceRestoredEvent,
    LaneUnavailable,
    LaneAvailable,
    FeedbackRating,
    FeedbackNps,
    LanguageChosenEvent,
    AccessibilityUsedEvent,
    CouponAcceptedEvent,
    CouponRefusedEvent,
    CouponWithdrawnEvent,
    CouponReinstatedEvent,
)
EVENT_TYPES: frozenset[str] = frozenset(
    m.model_fields["type"].annotation.__args__[0]  # type: ignore[union-attr]
    for m in EVENT_MODELS
)

ServiceEvent = Annotated[
    TransactionStarted
    | TransactionCompleted
    | TransactionAbandoned
    | TransactionSuspended
    | InterventionRaised
    | InterventionStaffArrived
    | InterventionResolved
    | HelpAskedEvent
    | DeviceFaultEvent
    | DeviceRestoredEvent
    | LaneUnavailable
    | LaneAvailable
    | FeedbackRating
    | FeedbackNps
    | LanguageChosenEvent
    | AccessibilityUsedEvent
    | CouponAcceptedEvent
    | CouponRefusedEvent
    | CouponWithdrawnEvent
    | CouponReinstatedEvent,
    Field(discriminator="type"),
]


class EventBatch(_Strict):
    """Events of one lane, oldest first; every event must carry that lane's ids."""

    events: Annotated[list[ServiceEvent], Field(min_length=1, max_length=1000)]


class EventResult(BaseModel):
    """The outcome for one event: ``accepted`` (stored now), ``duplicate`` (stored before,
    same content) or ``rejected`` (its id is stored with other content; dead-letter it)."""

    event_id: str
    status: Literal["accepted", "duplicate", "rejected"]
    reason: str | None = None


class EventBatchResult(BaseModel):
    results: list[EventResult]
