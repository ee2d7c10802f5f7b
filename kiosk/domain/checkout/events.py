"""Events that drive the checkout: small frozen facts, each stamped with ``at``.

The app builds them from the screen, the scanner, the scale, the payment flow
and the store, and hands them to :meth:`kiosk.domain.checkout.machine.Checkout.handle`.
Time is always passed in (``at``, timezone-aware UTC): the domain has no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money
from kiosk.domain.offers.coupons import Coupon


@dataclass(frozen=True, slots=True)
class ItemScanned:
    """A code was scanned or a PLU picked. ``item`` is None if the catalog has no match.

    ``weight_g``/``price`` come from variable-measure barcodes that embed them.
    ``symbology`` (a ``kiosk.domain.gs1.aim.Symbology`` value, "" when not known) and
    ``gtin14`` say what was scanned; GS1 codes may add the pack's expiry (AI 17),
    best-before (AI 15), batch (AI 10) and serial (AI 21), which
    :mod:`kiosk.domain.checkout.sale_rules` checks.
    """

    item: CatalogItem | None
    code: str
    at: datetime
    quantity: int = 1
    weight_g: int | None = None
    price: Money | None = None
    symbology: str = ""
    gtin14: str | None = None
    expiry: date | None = None
    best_before: date | None = None
    batch: str | None = None
    serial: str | None = None


@dataclass(frozen=True, slots=True)
class ItemWeighed:
    """The scale reported a stable weight for the item waiting to be weighed."""

    weight_g: int
    at: datetime


@dataclass(frozen=True, slots=True)
class ScaleRead:
    """A scale reading the screen passes on: a stable weight may complete the item
    waiting (unless it is the last item's weight, still on the scale); a reading that
    differs from that weight means the last item was taken off."""

    weight_g: int
    stable: bool
    at: datetime


@dataclass(frozen=True, slots=True)
class BagWeighed:
    """A stable reading of the bagging-area scale (total grams on it)."""

    weight_g: int
    at: datetime


@dataclass(frozen=True, slots=True)
class BaggingSkipped:
    """The shopper touched "Skip bagging" for the heavy or large item waiting."""

    at: datetime


@dataclass(frozen=True, slots=True)
class BaggingTimedOut:
    """The settle timeout after a scan ran out (the lane's timer): was the item placed?"""

    at: datetime


@dataclass(frozen=True, slots=True)
class StartTouched:
    """The shopper touched Start on the welcome screen: show the empty basket."""

    at: datetime


@dataclass(frozen=True, slots=True)
class WelcomeLapsed:
    """Nobody scanned after Start until the idle timer ran out: welcome screen again."""

    at: datetime


@dataclass(frozen=True, slots=True)
class QuantityChanged:
    """The shopper set a line's quantity (a decrease needs an attendant)."""

    line_no: int
    quantity: int
    at: datetime


@dataclass(frozen=True, slots=True)
class VoidRequested:
    """The shopper asked to remove a line (needs an attendant)."""

    line_no: int
    at: datetime


@dataclass(frozen=True, slots=True)
class PriceOverrideRequested:
    """A new unit price for a line, with the reason (needs an attendant)."""

    line_no: int
    price: Money
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class HelpRequested:
    """The shopper pressed "help"."""

    at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RequestWithdrawn:
    """The shopper took back their own request before staff came: a call for help, or
    removing an item (or fewer of it)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentNoticeClosed:
    """The shopper left the screen that says why the last payment failed."""

    at: datetime


@dataclass(frozen=True, slots=True)
class DeviceFaulted:
    """A device the lane needs to sell failed (scanner, scale, printer...)."""

    device: str
    detail: str
    at: datetime


@dataclass(frozen=True, slots=True)
class InterventionResolved:
    """An attendant dealt with the pending intervention of ``kind``.

    For age checks pass ``date_of_birth`` (the age is computed on ``at``) or
    ``id_seen=True`` (the attendant saw a valid ID proving the required age).
    For an unknown barcode an approving attendant may key in ``item``.
    """

    kind: InterventionKind
    staff_id: str
    approved: bool
    at: datetime
    date_of_birth: date | None = None
    id_seen: bool = False
    item: CatalogItem | None = None
    note: str = ""
    #: For a payment: the amount the terminal (or, when it cannot tell, the attendant)
    #: confirmed; None means the amount of the payment in question.
    amount: Money | None = None


@dataclass(frozen=True, slots=True)
class AsideResolved:
    """An attendant dealt with the unknown item put aside at ``raised_at`` (see
    kiosk.domain.checkout.aside): approved with the ``item`` it is, it is added; else
    it stays out of the basket."""

    raised_at: datetime
    staff_id: str
    approved: bool
    at: datetime
    item: CatalogItem | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PayRequested:
    """The shopper pressed "pay"."""

    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentApproved:
    """The terminal approved ``amount`` for payment ``reference``."""

    reference: str
    amount: Money
    at: datetime
    method: str = "card"
    auth_code: str | None = None
    masked_pan: str | None = None
    brand: str | None = None
    terminal_transaction_id: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentDeclined:
    """Payment ``reference`` was not taken. ``reason`` is the terminal's error condition
    (nexo: ``Refusal``, ``Cancel``, ``Aborted``...) or the lane's own word for why it
    could not be sent; :func:`kiosk.domain.checkout.paying.failure_of` sorts it."""

    reference: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentUnknown:
    """The outcome of ``reference`` is unknown (timeout, restart): never retried by itself."""

    reference: str
    amount: Money
    at: datetime


@dataclass(frozen=True, slots=True)
class PaymentReversed:
    """The approved payment ``reference`` was given back (reversed at the terminal)."""

    reference: str
    at: datetime


@dataclass(frozen=True, slots=True)
class SaleRefused:
    """The store refused to complete the sale: the card payments journaled for the basket
    do not add up to what it is due. ``approved`` is what the journal says was paid
    (reference, amount), which replaces what the checkout believed."""

    detail: str
    at: datetime
    approved: tuple[tuple[str, Money], ...] = ()


@dataclass(frozen=True, slots=True)
class SaleCompleted:
    """The store committed the sale (and its outbox row): the thank-you may show."""

    at: datetime


@dataclass(frozen=True, slots=True)
class Cancelled:
    """Cancel: the basket while shopping, the weighing, or the payment in flight."""

    at: datetime
    staff_id: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Reset:
    """Back to idle for the next shopper, whose basket will be ``next_basket_id``."""

    next_basket_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CouponScanned:
    """A coupon was scanned (:mod:`kiosk.domain.checkout.coupons`); ``redeemed``: the
    store already has its serial as used."""

    coupon: Coupon
    at: datetime
    redeemed: bool = False


@dataclass(frozen=True, slots=True)
class BasketRestored:
    """The open basket came back from the journal after a restart and the lane's clock
    reads ``at``: what time changed while the lane was down is checked again (a coupon
    past its expiry, :func:`kiosk.domain.checkout.coupons.restored`)."""

    at: datetime


Event = (
    ItemScanned
    | CouponScanned
    | BasketRestored
    | ItemWeighed
    | ScaleRead
    | BagWeighed
    | BaggingSkipped
    | BaggingTimedOut
    | StartTouched
    | WelcomeLapsed
    | QuantityChanged
    | VoidRequested
    | PriceOverrideRequested
    | HelpRequested
    | RequestWithdrawn
    | DeviceFaulted
    | InterventionResolved
    | AsideResolved
    | PayRequested
    | PaymentNoticeClosed
    | PaymentApproved
    | PaymentDeclined
    | PaymentUnknown
    | PaymentReversed
    | SaleRefused
    | SaleCompleted
    | Cancelled
    | Reset
)

EVENT_TYPES: tuple[type[Event], ...] = (
    ItemScanned, ItemWeighed, QuantityChanged, VoidRequested, PriceOverrideRequested,
    HelpRequested, RequestWithdrawn, DeviceFaulted, InterventionResolved, PayRequested,
    PaymentNoticeClosed, PaymentApproved, PaymentDeclined, PaymentUnknown, PaymentReversed,
    SaleRefused, SaleCompleted, Cancelled, Reset, ScaleRead, StartTouched, WelcomeLapsed,
    BagWeighed, BaggingSkipped, BaggingTimedOut, AsideResolved, CouponScanned, BasketRestored,
)  # fmt: skip
