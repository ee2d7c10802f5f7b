"""The lane's payment port: runs the journaled payment flow off the lane thread.

A charge blocks for as long as the shopper takes at the terminal, so each one
runs on its own worker thread; its outcome comes back to the lane as a domain
event (approved, declined, or unknown: an unknown outcome is never retried, it
becomes an attendant intervention - DESIGN.md invariant 3).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from kiosk.domain.checkout.events import Event, PaymentApproved, PaymentDeclined, PaymentUnknown
from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentBlockedError, PaymentError
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentState

log = logging.getLogger(__name__)
_MAYBE_PAID = (PaymentState.SENT, PaymentState.UNKNOWN, PaymentState.APPROVED)


class FlowPayments:
    """Adapts :class:`PaymentFlow` to the lane controller's ``PaymentPort``."""

    def __init__(self, flow: PaymentFlow, clock: Callable[[], datetime]) -> None:
        self.flow = flow
        self.clock = clock

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        """Charge ``amount`` for ``basket_id`` on a worker; ``deliver`` gets the outcome."""
        threading.Thread(
            target=self._charge, args=(basket_id, amount, deliver), name="payment", daemon=True
        ).start()

    def abort(self, basket_id: str) -> None:
        """Ask the terminal to stop; the blocked charge still reports how it ended."""
        threading.Thread(target=self.flow.abort_current, name="payment-abort", daemon=True).start()

    def _charge(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None:
        try:
            outcome = self.flow.pay(basket_id, amount)
        except PaymentBlockedError as error:
            # An earlier payment is unresolved: nothing was sent. The attendant decides.
            log.warning("payment refused: %s", error)
            deliver(PaymentUnknown(f"blocked:{basket_id}", amount, self.clock()))
            return
        except PaymentError as error:
            # If a request for this basket reached the terminal (a row is SENT, UNKNOWN
            # or even APPROVED), the card may be charged: never call that "declined".
            pending = [r for r in self.flow.journal.for_sale(basket_id) if r.state in _MAYBE_PAID]
            if pending:
                log.error(
                    "payment %s ended in an error after sending: %s", pending[-1].reference, error
                )
                deliver(PaymentUnknown(pending[-1].reference, amount, self.clock()))
            else:
                log.error("payment for %s failed before sending: %s", basket_id, error)
                deliver(PaymentDeclined("", str(error), self.clock()))
            return
        record, now = outcome.record, self.clock()
        if outcome.needs_attendant or record.state in (PaymentState.UNKNOWN, PaymentState.SENT):
            deliver(PaymentUnknown(record.reference, amount, now))
        elif record.state is PaymentState.APPROVED:
            deliver(
                PaymentApproved(
                    record.reference,
                    record.approved_amount or amount,
                    now,
                    auth_code=record.auth_code,
                    masked_pan=str(record.masked_pan) if record.masked_pan else None,
                    brand=record.brand,
                    terminal_transaction_id=record.terminal_transaction_id,
                )
            )
        else:
            reason = record.error_condition or record.state.value.lower()
            deliver(PaymentDeclined(record.reference, reason, now))
