"""Errors of the payment package; httpx, ssl, json and cryptography errors stop here.

The flow decides what to do from the error type alone:

* :class:`TerminalUnreachableError` with ``sent=False``: the request never left the
  lane (connection refused, DNS, TLS handshake): nothing can have been charged.
* :class:`TerminalTimeoutError` / :class:`ConnectionLostError`: the request may have
  reached the terminal; the outcome is unknown until a status inquiry answers.
* :class:`TerminalProtocolError`: the terminal answered something this driver cannot
  read (bad JSON, missing fields, bad MAC); also an unknown outcome.
"""

from __future__ import annotations

from kiosk.payment.redact import redact_pans


class PaymentError(Exception):
    """Base of every error raised by :mod:`kiosk.payment`; card-like numbers in the
    message are masked, because messages may quote what a terminal sent and get logged."""

    def __init__(self, message: str = "") -> None:
        super().__init__(redact_pans(str(message)))


class MaskedPanError(PaymentError, ValueError):
    """A value offered as a masked card number shows too many digits or is not one."""


class TerminalUnreachableError(PaymentError):
    """The terminal could not be reached; ``sent`` says whether the request may have left."""

    def __init__(self, message: str, *, sent: bool = False) -> None:
        super().__init__(message)
        self.sent = sent


class TerminalTimeoutError(PaymentError):
    """The terminal did not answer in time; the request may have been processed."""


class ConnectionLostError(PaymentError):
    """The connection broke after the request was sent; the outcome is unknown."""


class TerminalProtocolError(PaymentError):
    """The terminal's answer is not a message this driver understands."""


class TerminalRejectedError(TerminalProtocolError):
    """The terminal answered with an EventNotification ``Reject``: it refused the message
    (malformed, wrong key, busy). The request was not processed; the flow still asks."""


class SecurityError(TerminalProtocolError):
    """A protected message failed decryption or its HMAC check, or names another key."""


class PaymentBlockedError(PaymentError):
    """A new charge was refused because an earlier payment's outcome is still unknown."""


class PaymentInProgressError(PaymentError):
    """The terminal says it is still working on the request, even after an abort: nobody
    may decide its outcome yet (it could still be approved)."""


class JournalError(PaymentError):
    """The payment journal refused a change (unknown reference, illegal state change)."""
