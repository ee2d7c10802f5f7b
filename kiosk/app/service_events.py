"""Service events (docs/service-events.md, schema 1): what the checkout's changes mean for
HQ's service measures, as pure functions.

Theory of operation: the lane controller broadcasts each new checkout with the effects
of the step that made it. :func:`change_occurrences` compares the checkout before and
after one step and names what happened (a basket opened, an intervention raised or
resolved, help asked, a device fault that stops the lane...), each with its time from
the checkout itself (``OpenBasket.at``, ``Intervention.raised_at``,
``ResolvedIntervention.resolved_at``), so every time comes from the lane's one clock
through the events that carried it; a coupon accepted, refused, withdrawn or reinstated
(:func:`coupon_occurrences`) takes the lane clock's ``now`` of the step.
:func:`sale_occurrences` reads a sale document (completed or abandoned),
:func:`rating_occurrence` and :func:`nps_occurrence` the shopper's feedback.
:func:`envelope` turns an :class:`Occurrence` into the JSON event HQ takes, with an
``event_id`` derived from what the event is about (uuid5), so the same fact recorded
twice is one event: the outbox keeps one row and HQ counts it once.

The rating: the lane shows three faces, HQ takes 1-5 and counts CSAT as 4-5, so the
faces are sent as 1 (not good), 3 (OK) and 5 (great): :data:`FACE_RATINGS`. What
feedback may be is :mod:`kiosk.domain.feedback` (re-exported here).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kiosk.domain.cardlike import redact_card_numbers
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.coupons import COUPON_REFUSALS, REFUSED_PARAM
from kiosk.domain.checkout.interventions import IDLE_SUSPENDED, Intervention, InterventionKind
from kiosk.domain.feedback import (
    CARD_NUMBER,
    CONTROL_CHARACTERS,
    FACE_RATINGS,
    MAX_COMMENT,
    NPS_REASONS,
    TRAVEL_DOCUMENT,
    FeedbackRefused,
    check_comment,
    face_rating,
    nps_reasons,
    nps_score,
    text_problem,
)
from kiosk.domain.mrzlike import redact_mrz
from kiosk.domain.offers.coupons import coupon_saving

if TYPE_CHECKING:
    from kiosk.domain.checkout.machine import Checkout

SCHEMA = 1
JOURNEY = "self_checkout"
ABANDON_REASONS: tuple[str, ...] = ("cancelled", "idle_timeout", "walk_away")
#: Pages that count as interventions without pausing: an expired or recalled pack refused
#: at the scanner (kiosk.domain.checkout.sale_rules).
REFUSED_PACKS = frozenset({InterventionKind.EXPIRED_ITEM, InterventionKind.RECALLED_ITEM})
__all__ = [
    "CARD_NUMBER",
    "CONTROL_CHARACTERS",
    "FACE_RATINGS",
    "MAX_COMMENT",
    "NPS_REASONS",
    "TRAVEL_DOCUMENT",
    "FeedbackRefused",
    "check_comment",
    "text_problem",
]
# Stable ids: uuid5 of what the event is about under this lane's namespace.
_NAMESPACE = uuid.UUID("6f1c2b0e-8d4b-5a3e-9c71-3f0e2a9d4b10")
_NAME = re.compile(r"[^a-z0-9_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One service event before its envelope: ``key`` names what it is about (with the
    type, it makes the stable event id)."""

    type: str
    at: datetime
    transaction_id: str | None
    key: str
    data: Mapping[str, Any] = field(default_factory=dict)


def iso(at: datetime) -> str:
    """``at`` as HQ's UTC text with ``Z`` and 6 decimals."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_id(store_id: str, lane_id: str, occurrence: Occurrence) -> str:
    """The stable, lower-case UUID of ``occurrence`` at this lane."""
    name = f"{store_id}/{lane_id}/{occurrence.type}/{occurrence.key}"
    return str(uuid.uuid5(_NAMESPACE, name))


def envelope(
    occurrence: Occurrence,
    *,
    store_id: str,
    lane_id: str,
    language: str | None,
    journey: str = JOURNEY,
) -> dict[str, Any]:
    """The schema-1 event HQ takes for ``occurrence``."""
    return {
        "schema": SCHEMA,
        "event_id": event_id(store_id, lane_id, occurrence),
        "store_id": store_id,
        "lane_id": lane_id,
        "journey": journey,
        "transaction_id": occurrence.transaction_id,
        "type": occurrence.type,
        "at": iso(occurrence.at),
        "language": language_tag(language),
        "data": dict(occurrence.data),
    }


def language_tag(code: str | None) -> str | None:
    """A UI language code as HQ's tag (``fr_CA`` -> ``fr-CA``), or None if it is none."""
    if not code:
        return None
    parts = code.replace("_", "-").split("-")
    tag = "-".join([parts[0].lower(), *parts[1:]])
    return tag if _LANGUAGE.match(tag) else None


def name_of(text: str, fallback: str = "unknown") -> str:
    """``text`` as a contract name (1-40 of ``a-z 0-9 _``, starting with a letter)."""
    name = _NAME.sub("_", text.strip().lower()).strip("_")[:40]
    return name if name[:1].isalpha() else fallback


def safe_detail(text: str, limit: int = 200) -> str:
    """Free text bound for HQ: control characters removed, card numbers and MRZ-like runs
    masked (DESIGN.md invariant 6), cut to ``limit``; "" if it still looks unsafe."""
    text = redact_mrz(redact_card_numbers(_CONTROL.sub(" ", text)))[:limit]
    return "" if text_problem(text) else text


# -- interventions ----------------------------------------------------------------------


def intervention_kind(pending: Intervention) -> str:
    """The contract's kind of ``pending``: its kind's value; a basket put on hold because
    "Are you still there?" went unanswered is ``idle_suspended``."""
    if pending.kind is InterventionKind.HELP_REQUESTED and pending.detail == IDLE_SUSPENDED:
        return "idle_suspended"
    return pending.kind.value


def intervention_id(
    store_id: str, lane_id: str, transaction_id: str, kind: str, raised: datetime
) -> str:
    """The stable id of the intervention of ``kind`` raised at ``raised`` in a basket."""
    name = f"{store_id}/{lane_id}/{transaction_id}/intervention/{kind}/{iso(raised)}"
    return str(uuid.uuid5(_NAMESPACE, name))


def _device_of(detail: str) -> tuple[str, str]:
    """(device name, detail) of a fault's "device: detail" text."""
    device, _, rest = detail.partition(": ")
    return name_of(device), safe_detail(rest)


@dataclass(frozen=True, slots=True)
class Ids:
    """This lane's ids, for the intervention ids the mapping derives."""

    store_id: str
    lane_id: str

    def intervention(self, transaction_id: str, kind: str, raised: datetime) -> str:
        return intervention_id(self.store_id, self.lane_id, transaction_id, kind, raised)


def change_occurrences(
    ids: Ids, before: Checkout | None, after: Checkout, effects: Sequence[Any], now: datetime
) -> list[Occurrence]:
    """What one checkout step means for the service measures, in the order it happened.

    Args:
        ids: the lane's ids.
        before: the checkout before the step (None for the first one seen).
        after: the checkout after it.
        effects: the step's effects.
        now: the lane clock, for a page that carries no time of its own (help pressed
            again while paying, a device fault during a payment).
    """
    tx = after.basket.basket_id
    found: list[Occurrence] = []
    for effect in effects:
        if isinstance(effect, fx.OpenBasket):
            found.append(
                Occurrence("transaction.started", effect.at, effect.basket_id, effect.basket_id)
            )
    same_basket = before is not None and before.basket.basket_id == tx
    done = before.interventions if same_basket and before is not None else ()
    for record in after.interventions[len(done) :] if same_basket else ():
        found.extend(_resolved(ids, tx, record))
    seen = before.aside if same_basket and before is not None else ()
    for entry in after.aside:  # put aside: raised without pausing (kiosk.domain.checkout.aside)
        if entry not in seen:
            found.extend(_raised(ids, tx, entry))
    old = before.pending if same_basket and before is not None else None
    if after.pending is not None and after.pending != old:
        found.extend(_raised(ids, tx, after.pending))
    else:
        found.extend(_pages(ids, tx, after.pending, effects, now))
    found.extend(coupon_occurrences(before if same_basket else None, after, effects, now))
    return found


def _raised(ids: Ids, tx: str, pending: Intervention) -> list[Occurrence]:
    kind = intervention_kind(pending)
    iid = ids.intervention(tx, kind, pending.raised_at)
    at = pending.raised_at
    found = [Occurrence("intervention.raised", at, tx, iid, {"intervention_id": iid, "kind": kind})]
    if kind == "idle_suspended":
        found.append(Occurrence("transaction.suspended", at, tx, f"{tx}/{iid}"))
    elif pending.kind is InterventionKind.HELP_REQUESTED:
        found.append(Occurrence("help.asked", at, tx, iid, {"intervention_id": iid}))
    elif pending.kind is InterventionKind.DEVICE_FAULT:
        device, detail = _device_of(pending.detail)
        found.append(
            Occurrence("device.fault", at, None, iid, {"device": device, "detail": detail})
        )
        found.append(Occurrence("lane.unavailable", at, None, iid, {"reason": "device_fault"}))
    return found


def _resolved(ids: Ids, tx: str, record: Any) -> list[Occurrence]:
    kind = record.kind.value
    if record.kind is InterventionKind.HELP_REQUESTED and record.detail == IDLE_SUSPENDED:
        kind = "idle_suspended"
    iid = ids.intervention(tx, kind, record.raised_at)
    data: dict[str, Any] = {
        "intervention_id": iid,
        "kind": kind,
        "outcome": name_of(record.resolution),
    }
    if record.staff_id:
        data.update(staff_id=record.staff_id[:64], how="at_lane")
    else:
        data["how"] = "shopper"
    found = [Occurrence("intervention.resolved", record.resolved_at, tx, iid, data)]
    if record.kind is InterventionKind.DEVICE_FAULT:
        found.append(
            Occurrence("lane.available", record.resolved_at, None, iid, {"reason": "fault_cleared"})
        )
    return found


def _pages(
    ids: Ids, tx: str, pending: Intervention | None, effects: Sequence[Any], now: datetime
) -> list[Occurrence]:
    """Pages that raised nothing new: help pressed while paying or already waiting, a
    device fault while paying (the lane keeps serving: no ``lane.unavailable``), and a
    refused pack's page, which is an intervention of its kind with no pause."""
    found: list[Occurrence] = []
    for n, effect in enumerate(effects):
        if not isinstance(effect, fx.CallAttendant):
            continue
        key = f"{tx}/{iso(now)}/{n}"
        if effect.kind is InterventionKind.HELP_REQUESTED and effect.detail != IDLE_SUSPENDED:
            data: dict[str, Any] = {}
            if pending is not None:
                data["intervention_id"] = ids.intervention(
                    tx, intervention_kind(pending), pending.raised_at
                )
            found.append(Occurrence("help.asked", now, tx, key, data))
        elif effect.kind is InterventionKind.DEVICE_FAULT:
            device, detail = _device_of(effect.detail)
            found.append(
                Occurrence("device.fault", now, None, key, {"device": device, "detail": detail})
            )
        elif effect.kind in REFUSED_PACKS:  # staff are paged; the shopper keeps scanning
            raised = effect.at or now  # the scan's time: the station alert's too (pack_pages)
            iid = ids.intervention(tx, effect.kind.value, raised)
            data = {"intervention_id": iid, "kind": effect.kind.value}
            found.append(Occurrence("intervention.raised", raised, tx, iid, data))
    return found


def page_cleared_occurrences(
    ids: Ids, page: Any, staff_id: str, how: str, at: datetime
) -> list[Occurrence]:
    """``intervention.staff_arrived`` and ``intervention.resolved`` (outcome
    ``taken_away``) of a refused pack's page (kiosk.app.pack_pages: ``basket_id``,
    ``kind``, ``raised_at``), cleared by ``staff_id`` ``how`` (``at_lane`` or ``remote``):
    the ids of :func:`_pages`' ``intervention.raised``, so each is counted once."""
    tx, kind = page.basket_id, page.kind
    iid = ids.intervention(tx, kind, page.raised_at)
    data = {"intervention_id": iid, "kind": kind, "staff_id": staff_id[:64], "how": how}
    resolved = {**data, "outcome": "taken_away"}
    return [
        Occurrence("intervention.staff_arrived", at, tx, iid, data),
        Occurrence("intervention.resolved", at, tx, iid, resolved),
    ]


# -- coupons ----------------------------------------------------------------------------


def coupon_kind(coupon_id: str) -> str:
    """``store``, ``8110`` or ``8112``: the kind of coupon an offer id names."""
    return coupon_id.partition(":")[0]


def coupon_occurrences(
    before: Checkout | None, after: Checkout, effects: Sequence[Any], now: datetime
) -> list[Occurrence]:
    """``coupon.accepted`` for a coupon the step put on the basket (its ``JournalCoupon``
    effect; the saving is what the basket's savings grew by, as the shopper was told) and
    ``coupon.refused`` for each message that refuses a coupon (its ``coupon_refused``
    param, kiosk.domain.checkout.coupons), at ``now``.

    Only the offer id leaves the lane (``store:00001``, ``8110:<company>:<offer>``): never
    the scanned code or the coupon's serial. A refusal before the basket opened (a coupon
    scanned first) belongs to no transaction. ``before``: the same basket before the step,
    or None (then the whole of the basket's savings is the coupon's).
    """
    found: list[Occurrence] = []
    tx = after.basket.basket_id
    for n, effect in enumerate(effects):
        if isinstance(effect, fx.JournalCoupon):
            coupon_id = effect.coupon.coupon_id
            saved = after.totals().savings
            if before is not None:
                saved = saved - before.totals().savings
            data = {
                "coupon_id": coupon_id,
                "kind": coupon_kind(coupon_id),
                "saving_minor": max(0, saved.minor),
                "currency": saved.currency,
            }
            key = f"{effect.basket_id}/{coupon_id}"  # once per basket (kiosk.domain.offers)
            found.append(Occurrence("coupon.accepted", now, effect.basket_id, key, data))
        elif isinstance(effect, fx.ShowMessage):
            reason = dict(effect.params).get(REFUSED_PARAM)
            if reason in COUPON_REFUSALS:
                opened = after.phase.value != "idle"
                key = f"{tx}/{iso(now)}/{n}"
                data = {"reason": reason}
                found.append(Occurrence("coupon.refused", now, tx if opened else None, key, data))
    if before is not None and before.basket is not after.basket:
        found.extend(_withdrawn_or_back(before, after, effects, now))
    return found


def _withdrawn_or_back(
    before: Checkout, after: Checkout, effects: Sequence[Any], now: datetime
) -> list[Occurrence]:
    """``coupon.withdrawn`` for each coupon that saved before the step and does not after
    it (``reason``: ``requirement_not_met`` after a void or a smaller quantity, ``expired``
    when taken off after a restart past its expiry), with what it saved before;
    ``coupon.reinstated`` for a withdrawn one whose items came back, with what it saves
    again. Never the serial or the code. O(coupons), only when the basket changed."""
    old = before.basket.coupons
    if old is None or not old.tracked:
        return []
    new = after.basket.coupons
    was_met = {c.coupon_id for c in old.coupons} - {c.coupon_id for c in old.withdrawn()}
    now_on = {c.coupon_id for c in new.coupons} if new is not None else set()
    now_met = now_on - ({c.coupon_id for c in new.withdrawn()} if new is not None else set())
    forgotten = {e.coupon_id for e in effects if isinstance(e, fx.ForgetCoupon)}
    tx = after.basket.basket_id
    found: list[Occurrence] = []
    for coupon in old.coupons:
        coupon_id = coupon.coupon_id
        if coupon_id in was_met and coupon_id not in now_met:
            kind, totals = "coupon.withdrawn", before.totals()
            gone = coupon_id in forgotten or coupon_id not in now_on
            extra = {"reason": "expired" if gone else "requirement_not_met"}
        elif coupon_id in now_met and coupon_id not in was_met:
            kind, totals, extra = "coupon.reinstated", after.totals(), {}
        else:
            continue
        data = {
            "coupon_id": coupon_id,
            "kind": coupon_kind(coupon_id),
            **extra,
            "saving_minor": max(0, coupon_saving(totals.offers, coupon)),
            "currency": totals.total.currency,
        }
        key = f"{tx}/{coupon_id}/{iso(now)}"  # the recorder numbers them (service_recorder)
        found.append(Occurrence(kind, now, tx, key, data))
    return found


# -- sales and feedback --------------------------------------------------------------------


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(str(text).replace("Z", "+00:00"))


def abandon_reason(document: Mapping[str, Any], suspended: bool = False) -> str:
    """Why a cancelled sale was abandoned: the reason a staff member gave when it is one
    of :data:`ABANDON_REASONS` (``cancel-basket walk_away``); ``idle_timeout`` when the
    basket had been put on hold for want of an answer; else ``cancelled``."""
    for entry in document.get("audit", ()):
        if entry.get("action") == "cancel_basket" and entry.get("reason") in ABANDON_REASONS:
            return str(entry["reason"])
    kinds = {i.get("kind") for i in document.get("interventions", ())}
    return "idle_timeout" if suspended or "idle_suspended" in kinds else "cancelled"


def sale_occurrences(
    document: Mapping[str, Any], language: str, suspended: bool = False
) -> list[Occurrence]:
    """``transaction.completed`` or ``transaction.abandoned`` for a sale document (the one
    the store commits), at its ``completed_at``."""
    tx = str(document["transaction_id"])
    at = _parse(document["completed_at"])
    items = max(0, min(100_000, int(document["totals"]["item_count"])))
    if document.get("status") == "completed":
        data = {
            "items": items,
            "total_minor": max(0, int(document["totals"]["total"])),
            "currency": str(document["currency"]),
            "language": language_tag(language) or "en",
        }
        return [Occurrence("transaction.completed", at, tx, tx, data)]
    reason = abandon_reason(document, suspended)
    return [Occurrence("transaction.abandoned", at, tx, tx, {"reason": reason, "items": items})]


def rating_occurrence(transaction_id: str, face: int, at: datetime) -> Occurrence:
    """The thank-you rating (face 1-3) of a transaction, on HQ's 1-5 scale.

    Raises:
        FeedbackRefused: ``face`` is no face.
    """
    rating = face_rating(face)
    return Occurrence("feedback.rating", at, transaction_id, transaction_id, {"rating": rating})


def nps_occurrence(
    transaction_id: str, score: int, reasons: Iterable[str], comment: str, at: datetime
) -> Occurrence:
    """The "would you recommend us" answer (0-10) with its reasons and comment.

    Raises:
        FeedbackRefused: a score outside 0-10, an unknown reason, or a refused comment.
    """
    data = {
        "score": nps_score(score),
        "reasons": nps_reasons(list(reasons)),
        "comment": check_comment(comment),
    }
    return Occurrence("feedback.nps", at, transaction_id, transaction_id, data)


# -- the hotel's deposits ------------------------------------------------------------------

#: The kind of the intervention a hotel deposit becomes when its queued capture (or
#: release) is declined after the guest left: the front desk charges the guest otherwise.
DEPOSIT_FAILED = "deposit_capture_declined"


def deposit_failed_occurrence(ids: Ids, transaction_id: str, raised: datetime) -> Occurrence:
    """``intervention.raised`` (:data:`DEPOSIT_FAILED`) for the visit ``transaction_id``
    whose deposit could not be captured (HQ finds the stay in that visit's record)."""
    iid = ids.intervention(transaction_id, DEPOSIT_FAILED, raised)
    data = {"intervention_id": iid, "kind": DEPOSIT_FAILED}
    return Occurrence("intervention.raised", raised, transaction_id, iid, data)


def deposit_settled_occurrence(
    ids: Ids, transaction_id: str, raised: datetime, staff_id: str, at: datetime
) -> Occurrence:
    """``intervention.resolved`` of :func:`deposit_failed_occurrence`: the front desk
    (``staff_id``) settled it with the guest."""
    iid = ids.intervention(transaction_id, DEPOSIT_FAILED, raised)
    data = {
        "intervention_id": iid,
        "kind": DEPOSIT_FAILED,
        "staff_id": staff_id,
        "how": "remote",  # at the front desk, not at the lane
        "outcome": "settled_at_desk",
    }
    return Occurrence("intervention.resolved", at, transaction_id, iid, data)
