"""Effects: what the app must do after a transition, as small frozen values.

The checkout never performs them; the app (journal, screen, attendant light,
payment flow, store) does, in list order. ``ShowMessage.key`` is a message id
the UI translates, with ``params`` as plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.basket import Basket, BasketLine
from kiosk.domain.checkout.interventions import (
    AuditEntry,
    Intervention,
    InterventionKind,
    ResolvedIntervention,
)
from kiosk.domain.checkout.states import PaymentRecord
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import Coupon
from kiosk.domain.tax import BasketTotals


@dataclass(frozen=True, slots=True)
class OpenBasket:
    """Start journaling a new basket."""

    basket_id: str
    currency: str
    at: datetime


@dataclass(frozen=True, slots=True)
class JournalLine:
    """Persist this line (upsert by basket id and line number) before showing it."""

    basket_id: str
    line: BasketLine


@dataclass(frozen=True, slots=True)
class JournalCoupon:
    """Persist this coupon with the open basket (upsert by basket and coupon id) before
    showing it, so a restored basket keeps it (kiosk.store.coupons)."""

    basket_id: str
    coupon: Coupon


@dataclass(frozen=True, slots=True)
class ForgetCoupon:
    """Take the coupon ``coupon_id`` off the open basket's journal before showing the
    basket without it (a coupon that expired while the lane was down)."""

    basket_id: str
    coupon_id: str


@dataclass(frozen=True, slots=True)
class JournalAside:
    """Persist the unknown items put aside and not yet dealt with (all of them: the list
    replaces the stored one) before showing the change, so a restored basket still has
    them (kiosk.domain.checkout.aside)."""

    basket_id: str
    entries: tuple[Intervention, ...]


@dataclass(frozen=True, slots=True)
class CallAttendant:
    """Light the lamp / page the attendant. ``at``: when, for a page that stays open
    without pausing the lane (a refused pack: its station alert and service events)."""

    kind: InterventionKind
    detail: str = ""
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AttendantCleared:
    """The intervention of ``kind`` is resolved: turn the lamp off."""

    kind: InterventionKind


@dataclass(frozen=True, slots=True)
class Beep:
    """Acknowledge a scan (``ok``) or refuse one."""

    ok: bool


@dataclass(frozen=True, slots=True)
class ShowMessage:
    """Show a translated message on the shopper's screen."""

    key: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class StartPayment:
    """Ask the payment flow to charge ``amount`` (it journals its own reference)."""

    basket_id: str
    amount: Money


@dataclass(frozen=True, slots=True)
class AbortPayment:
    """Ask the payment flow to abort; its outcome still arrives as an event."""

    basket_id: str


@dataclass(frozen=True, slots=True)
class SaleRecord:
    """Everything the store needs to write the sale document and its outbox row."""

    basket: Basket
    totals: BasketTotals
    status: str  # "completed" or "cancelled"
    started_at: datetime
    completed_at: datetime
    payments: tuple[PaymentRecord, ...]
    interventions: tuple[ResolvedIntervention, ...]
    audit: tuple[AuditEntry, ...]


@dataclass(frozen=True, slots=True)
class CommitSale:
    """Commit the sale with its outbox row in one transaction, then send SaleCompleted."""

    sale: SaleRecord


@dataclass(frozen=True, slots=True)
class PrintReceipt:
    """Print the receipt of the committed sale."""

    sale: SaleRecord


Effect = (
    OpenBasket
    | JournalLine
    | JournalCoupon
    | ForgetCoupon
    | JournalAside
    | CallAttendant
    | AttendantCleared
    | Beep
    | ShowMessage
    | StartPayment
    | AbortPayment
    | CommitSale
    | PrintReceipt
)
