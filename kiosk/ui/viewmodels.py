"""Plain data the screens draw: one frozen dataclass per screen, no Qt, no store.

The composition root (``kiosk.app``) builds these from the checkout state and
hands them to ``screen.set_model(view)``. Names arrive as (language, text) pairs
(the same shape as ``CatalogItem.names``) so a language switch re-renders
without asking the app again. Amounts are ``Money``; formatting is the UI's job.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money

Names = tuple[tuple[str, str], ...]


def pick_name(names: Names, language: str, fallback: str = "en") -> str:
    """The text of ``names`` in ``language``, else ``fallback``, else the first; "" if empty."""
    by_language = dict(names)
    return by_language.get(language) or by_language.get(fallback) or (names[0][1] if names else "")


@dataclass(frozen=True, slots=True)
class AttractView:
    """Attract screen: the languages offered (codes, in display order)."""

    languages: tuple[str, ...] = ("en", "es", "fr")
    store_name: str = ""


@dataclass(frozen=True, slots=True)
class CartLineView:
    """One cart row. ``amount`` is the line total before deposit; ``deposit`` is the
    line's deposit total (shown as its own sub-line) or None."""

    line_no: int
    names: Names
    quantity: int
    unit_price: Money
    amount: Money
    weight_g: int | None = None
    deposit: Money | None = None
    voided: bool = False
    price_overridden: bool = False
    #: The line's age check is pending (``[lane] age_check = "before_payment"``).
    age_pending: bool = False
    #: Marked down close to its date (kiosk.domain.checkout.sale_rules): the percent off.
    markdown_percent: int | None = None
    #: A coupon's row (kiosk.ui.lane_views.coupon_rows): ``amount`` is its saving (negative),
    #: ``voided`` says it no longer applies. Not a basket line: a tap does nothing.
    coupon: bool = False


@dataclass(frozen=True, slots=True)
class ScanningView:
    """Scanning screen: the cart, totals and what the shopper may do next."""

    lines: tuple[CartLineView, ...]
    total: Money
    item_count: int
    last_line_no: int | None = None
    can_pay: bool = True
    deposit_total: Money | None = None
    #: Offers: the total before savings and what they save (None: nothing saved).
    subtotal: Money | None = None
    savings: Money | None = None
    #: The tax in the total (VAT), None if unknown.
    tax: Money | None = None
    #: The bagging area: "place" (put the item in the bag), "remove" (take the removed
    #: item out) or None; ``can_skip_bagging`` offers "Skip bagging" (heavy/large item).
    bagging: str | None = None
    can_skip_bagging: bool = False


@dataclass(frozen=True, slots=True)
class ProduceItemView:
    """One tile of the produce/bakery grid. ``image`` is an icon name in assets/icons."""

    sku: str
    names: Names
    price: Money
    per_kg: bool
    plu: str | None = None
    category: str = "produce"
    image: str | None = None


@dataclass(frozen=True, slots=True)
class ProduceView:
    """Produce/bakery lookup: every tile offered (the screen filters by search text)."""

    items: tuple[ProduceItemView, ...]


@dataclass(frozen=True, slots=True)
class WeighView:
    """A weighed item waiting for a stable weight on the scale.

    ``weight_g`` None means nothing on the scale; ``amount`` is the price of the
    stable weight (the app computes it with the domain's rounding)."""

    names: Names
    price_per_kg: Money
    weight_g: int | None = None
    stable: bool = False
    amount: Money | None = None
    image: str | None = None


class PayStage(enum.Enum):
    """Where the card payment is."""

    PRESENT_CARD = "present_card"  # waiting for tap / insert
    PROCESSING = "processing"  # terminal talking to the acquirer
    DECLINED = "declined"  # the card was refused: offer retry or cancel
    CANCELLED = "cancelled"  # cancelled on the card terminal: offer retry or cancel
    TIMED_OUT = "timed_out"  # no card in time / terminal not reached: retry or cancel
    APPROVED = "approved"
    CANCELLING = "cancelling"


@dataclass(frozen=True, slots=True)
class PayView:
    """Pay screen. ``terminal_text`` is the terminal's own prompt, shown as is."""

    amount: Money
    stage: PayStage = PayStage.PRESENT_CARD
    terminal_text: str | None = None
    progress: int | None = None  # 0-100, None = indeterminate
    savings: Money | None = None  # what offers saved (None: nothing)
    tax: Money | None = None  # the VAT in the amount, None if unknown


@dataclass(frozen=True, slots=True)
class ReceiptView:
    """Receipt choice. ``qr_payload`` (e-receipt URL) None hides the QR option."""

    total: Money
    qr_payload: str | None = None
    printer_available: bool = True


@dataclass(frozen=True, slots=True)
class ThanksView:
    """Thank-you screen."""

    paid: Money | None = None
    receipt_printed: bool = False


@dataclass(frozen=True, slots=True)
class InterventionView:
    """The blocking overlay for the domain's intervention ``kind``. ``subject`` names the
    item or device concerned (data, not translated: an item's names, a device name);
    ``age_limit`` fills the age message."""

    kind: InterventionKind
    subject: Names = ()
    age_limit: int | None = None
    limit: int | None = None
    withdrawable: bool = False  # the shopper's own request: offer "Cancel my request"


@dataclass(frozen=True, slots=True)
class LaneClosedView:
    """The lane is closed (no shopper may start) or paused by staff (basket kept)."""

    closed: bool = True
    paused: bool = False


@dataclass(frozen=True, slots=True)
class PinView:
    """Staff PIN sign-in: an error to show and how long the badge is locked."""

    error: str | None = None
    locked_seconds: int = 0
    pin_length: int = field(default=6)
