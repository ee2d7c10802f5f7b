"""Checkout phases, settings, payment records and the error for illegal events."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.bagging.policy import NO_BAGGING, BaggingPolicy
from kiosk.domain.checkout.flow import PAUSE_AT_ONCE, ShopperFlow
from kiosk.domain.checkout.sale_rules import NO_SALE_RULES, SaleRules
from kiosk.domain.money import Money
from kiosk.domain.offers.book import NO_OFFERS, OfferCatalog
from kiosk.domain.tax import TaxRules


class Phase(enum.Enum):
    """Where the checkout is. ``INTERVENTION`` pauses selling until resolved."""

    IDLE = "idle"  # welcome screen; the first scan opens the basket
    SHOPPING = "shopping"
    WEIGHING = "weighing"  # a weighed item waits for a stable weight
    INTERVENTION = "intervention"
    PAYING = "paying"  # a payment is in flight at the terminal
    COMPLETING = "completing"  # CommitSale emitted; waiting for SaleCompleted
    FINISHED = "finished"  # thank-you screen; Reset starts the next basket


class PaymentFailure(enum.Enum):
    """Why the last payment attempt took no money, as the shopper is told (see
    :func:`kiosk.domain.checkout.paying.failure_of`). An unknown outcome is not a failure:
    it is the PAYMENT_UNKNOWN intervention."""

    DECLINED = "declined"  # the card or its issuer said no
    CANCELLED = "cancelled"  # cancelled on the card terminal
    TIMED_OUT = "timed_out"  # no card in time, or the terminal could not be reached


class IllegalTransition(Exception):
    """An event that the current phase does not accept; the message names both."""

    def __init__(self, phase: Phase, event: object, why: str = "") -> None:
        name = type(event).__name__
        message = f"can't handle event type {name} when state={phase.value}"
        super().__init__(f"{message}: {why}" if why else message)
        self.phase = phase
        self.event = event


@dataclass(frozen=True, slots=True)
class CheckoutSettings:
    """Fixed per lane: the currency, the tax rules, how many declines call help and the
    offers (a basket is priced by those valid when it opened)."""

    currency: str
    tax: TaxRules
    max_declines: int = 3
    offers: OfferCatalog = NO_OFFERS
    bagging: BaggingPolicy = NO_BAGGING  # disabled unless [bagging] enabled
    #: A scan of an item already in the basket adds to its line ("2 x"), see
    #: kiosk.domain.checkout.placing; False: one line per scan.
    merge_identical: bool = False
    flow: ShopperFlow = PAUSE_AT_ONCE  # unknown codes put aside? age checked before payment?
    sale_rules: SaleRules = NO_SALE_RULES  # expiry, recalls, sale hours, 1D+2D of one pack


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    """One payment attempt for the sale document."""

    reference: str
    amount: Money
    outcome: str  # "approved", "declined", "unknown", "confirmed", "failed"
    at: datetime
    method: str = "card"
    auth_code: str | None = None
    masked_pan: str | None = None
    brand: str | None = None
    terminal_transaction_id: str | None = None
