"""What a card terminal is asked and what it answers, independent of its protocol.

:class:`PaymentTerminal` is the interface every terminal driver implements
(nexo/Adyen local first, ZVT later). Calls block until the terminal answers or
their time runs out, so they run on a worker thread, never on the UI thread.
Results carry only masked card data (:class:`~kiosk.payment.pan.MaskedPan`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from kiosk.domain.money import Money
from kiosk.payment.pan import MaskedPan


class Outcome(enum.Enum):
    """How a terminal request ended, as far as the lane knows."""

    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # by the shopper, an abort, or never processed
    UNKNOWN = "unknown"  # only a status inquiry (or the attendant) can tell


class PaymentKind(enum.Enum):
    """Which operation a journal row or request is."""

    PURCHASE = "purchase"
    REFUND = "refund"
    PREAUTH = "preauth"
    COMPLETION = "completion"
    PREAUTH_CANCEL = "preauth_cancel"
    REVERSAL = "reversal"
    PREAUTH_ADJUST = "preauth_adjust"  # nexo PaymentType UpdateReservation


@dataclass(frozen=True, slots=True)
class PaymentResult:
    """A terminal's answer to a purchase, refund, pre-authorisation or reversal.

    ``error_condition`` is the terminal's reason for a failure (nexo ErrorCondition,
    e.g. ``Refusal``, ``Cancel``); ``message`` is human text with card numbers redacted.
    """

    reference: str
    outcome: Outcome
    amount: Money | None = None
    auth_code: str | None = None
    masked_pan: MaskedPan | None = None
    brand: str | None = None
    terminal_transaction_id: str | None = None
    terminal_timestamp: str | None = None
    receipt_text: str | None = None
    error_condition: str | None = None
    message: str | None = None


class InquiryState(enum.Enum):
    """What a status inquiry learnt about an earlier request."""

    FINISHED = "finished"  # ``result`` holds the final answer
    IN_PROGRESS = "in_progress"  # the terminal is still working on it: ask again later
    NOT_FOUND = "not_found"  # the terminal never processed that request


@dataclass(frozen=True, slots=True)
class StatusInquiry:
    """The answer to "what happened to the request with this reference?"."""

    reference: str
    state: InquiryState
    result: PaymentResult | None = None


class PaymentTerminal(Protocol):
    """A semi-integrated card terminal. Every method may raise a PaymentError subclass.

    ``reference`` is the lane's unique id for the request (journaled before the call);
    a status inquiry finds the request again by it.
    """

    def purchase(self, amount: Money, reference: str) -> PaymentResult:
        """Charge ``amount``; blocks while the shopper presents the card and enters a PIN."""
        ...

    def refund(self, amount: Money, reference: str) -> PaymentResult:
        """Pay ``amount`` back to the card the shopper presents."""
        ...

    def preauthorise(self, amount: Money, reference: str) -> PaymentResult:
        """Reserve ``amount`` (hotel deposit) without charging it yet."""
        ...

    def complete(self, original: PaymentResult, amount: Money, reference: str) -> PaymentResult:
        """Charge ``amount`` (at most the reserved one) against a pre-authorisation."""
        ...

    def adjust_preauthorisation(
        self, original: PaymentResult, amount: Money, reference: str
    ) -> PaymentResult:
        """Make the pre-authorisation ``original`` hold ``amount`` from now on (the new
        total, not the difference); the terminal may refuse more than the card allows."""
        ...

    def cancel_preauthorisation(self, original: PaymentResult, reference: str) -> PaymentResult:
        """Release a pre-authorisation."""
        ...

    def reverse(self, original: PaymentResult, reference: str) -> PaymentResult:
        """Undo an approved purchase (the sale could not complete)."""
        ...

    def status(self, reference: str, kind: PaymentKind = PaymentKind.PURCHASE) -> StatusInquiry:
        """Ask for the outcome of the earlier request ``reference`` of type ``kind``."""
        ...

    def abort(self, reference: str, kind: PaymentKind = PaymentKind.PURCHASE) -> None:
        """Ask the terminal to stop the request ``reference`` if it is still running."""
        ...
