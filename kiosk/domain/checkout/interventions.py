"""Interventions: what pauses selling until an attendant decides, and the age rule.

An :class:`Intervention` is raised with the :data:`Action` to apply if the
attendant approves (add an item past a limit, void a line, override a price,
confirm a payment). Its resolution is kept as a :class:`ResolvedIntervention`
for the sale document; voids, overrides and cancellations also leave an
:class:`AuditEntry`.

Age rule: an approval records an :class:`AgeApproval` for the basket. With a
date of birth, any later item whose limit the shopper's age meets passes
without asking; a higher limit than the age asks again. With "ID seen" (no
date), items up to the highest limit approved so far pass; a higher limit asks.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money

#: ``HelpRequested.reason`` when nobody answered "Are you still there?": the lane then
#: raises :attr:`InterventionKind.IDLE_SUSPENDED` (a basket on hold), which only staff
#: resume (or cancel).
IDLE_SUSPENDED = "idle_suspended"


class InterventionKind(enum.Enum):
    """Why the lane called an attendant (values are the sale document's ``kind``)."""

    AGE_RESTRICTED = "age_restricted"
    UNKNOWN_BARCODE = "unknown_barcode"
    QUANTITY_LIMIT = "quantity_limit"
    VOID_REQUEST = "void_request"
    PRICE_OVERRIDE = "price_override"
    HELP_REQUESTED = "help_requested"
    PAYMENT_FAILURE = "payment_failure"
    PAYMENT_UNKNOWN = "payment_unknown"
    DEVICE_FAULT = "device_fault"
    IDLE_SUSPENDED = "idle_suspended"  # nobody answered "Are you still there?": basket on hold
    # the bagging area (kiosk.domain.bagging): the weight in the bag is not what was sold
    BAGGING_UNEXPECTED_ITEM = "bagging_unexpected_item"
    BAGGING_ITEM_REMOVED = "bagging_item_removed"
    BAGGING_WEIGHT_MISMATCH = "bagging_weight_mismatch"
    BAGGING_NO_ITEM_PLACED = "bagging_no_item_placed"
    # a pack refused at the scanner (kiosk.domain.checkout.sale_rules): a page, not a pause
    EXPIRED_ITEM = "expired_item"
    RECALLED_ITEM = "recalled_item"


@dataclass(frozen=True, slots=True)
class AddItem:
    """Add ``item`` (weighed items need ``weight_g`` before they can be added)."""

    item: CatalogItem
    code: str
    quantity: int = 1
    weight_g: int | None = None
    unit_price: Money | None = None
    #: why ``unit_price`` is not the catalog's, kept on the line (a markdown, see
    #: kiosk.domain.checkout.sale_rules.markdown_reason)
    price_reason: str | None = None


@dataclass(frozen=True, slots=True)
class SetQuantity:
    line_no: int
    quantity: int


@dataclass(frozen=True, slots=True)
class VoidLine:
    line_no: int


@dataclass(frozen=True, slots=True)
class OverridePrice:
    line_no: int
    price: Money
    reason: str


@dataclass(frozen=True, slots=True)
class ConfirmPayment:
    """The payment whose outcome is unknown; approval means the attendant saw it paid."""

    reference: str
    amount: Money


@dataclass(frozen=True, slots=True)
class CheckAge:
    """The age check of lines added with it pending (see kiosk.domain.checkout.pending_age):
    an approval clears the lines it covers, the others (or all, refused) are voided."""

    line_nos: tuple[int, ...]
    age_limit: int  # the highest limit among them


Action = AddItem | SetQuantity | VoidLine | OverridePrice | ConfirmPayment | CheckAge | None


@dataclass(frozen=True, slots=True)
class Intervention:
    """A pending intervention: selling is paused until it is resolved."""

    kind: InterventionKind
    raised_at: datetime
    detail: str = ""
    action: Action = None


def withdrawable(pending: Intervention | None) -> bool:
    """Whether the shopper may take ``pending`` back: their own call for help (not a
    basket on hold) or their own request to remove an item or take fewer."""
    if pending is None:
        return False
    return pending.kind in (InterventionKind.HELP_REQUESTED, InterventionKind.VOID_REQUEST)


def help_kind(reason: str) -> InterventionKind:
    """The kind a call for help raises: a basket on hold when "Are you still there?" went
    unanswered (``reason`` is :data:`IDLE_SUSPENDED`), else the shopper's own call."""
    if reason == IDLE_SUSPENDED:
        return InterventionKind.IDLE_SUSPENDED
    return InterventionKind.HELP_REQUESTED


@dataclass(frozen=True, slots=True)
class ResolvedIntervention:
    """A resolved intervention as the sale document records it."""

    kind: InterventionKind
    raised_at: datetime
    resolved_at: datetime
    staff_id: str  # "" when the shopper withdrew their own request
    resolution: str  # "approved", "denied", "underage" or "withdrawn"
    detail: str = ""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """A staff action on the basket (void, price override, cancel, payment confirmation)."""

    at: datetime
    staff_id: str | None
    action: str
    reason: str = ""
    details: tuple[tuple[str, str], ...] = ()


def age_on(birth: date, today: date) -> int:
    """Whole years of someone born on ``birth`` on ``today``."""
    before_birthday = (today.month, today.day) < (birth.month, birth.day)
    return today.year - birth.year - before_birthday


@dataclass(frozen=True, slots=True)
class AgeApproval:
    """The age proof an attendant accepted for this basket."""

    birth_date: date | None = None
    approved_age: int = 0

    def covers(self, required: int, today: date) -> bool:
        """True if an item needing ``required`` years passes without asking again."""
        if self.birth_date is not None:
            return age_on(self.birth_date, today) >= required
        return required <= self.approved_age
